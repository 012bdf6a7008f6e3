/**
 * A Word document's body as paragraphs and tables, in order, read by a streaming XML parser: linear in the
 * file, with limits on size, parts, nesting, rows and time. Merged cells are spread back to the columns they
 * cover (a horizontal merge leaves the text in its first column; a vertical one repeats the text above, as a
 * reader of the printed page sees it). Rows marked «repeat as header» are flagged so the page breaks they
 * repeat at do not become data.
 */
import { SaxesParser } from 'saxes';
import { ImportRefused, IMPORT_LIMITS } from './errors.js';
import { openZip, isZip, isOle } from './zip.js';

export interface DocParagraph { kind: 'p'; text: string; /** Numbered by Word itself (a list), not by typed digits. */ listed: boolean }
export interface DocRow { cells: string[]; header: boolean; /** One cell across the whole row: a heading inside the table. */ wide: boolean }
export interface DocTable { kind: 'table'; rows: DocRow[] }
export type DocBlock = (DocParagraph | DocTable) & { /** 1-based place in the document, for «абзац 12», «таблица 2». */ at: number };

const local = (n: string) => n.slice(n.indexOf(':') + 1);

/** The bytes must be a .docx; anything else is refused with a reason the person can act on. */
export function readDocx(bytes: Uint8Array, limits = IMPORT_LIMITS): DocBlock[] {
  if (bytes.length > limits.maxFileBytes) throw new ImportRefused('too_big');
  if (isOle(bytes)) throw new ImportRefused('old_format');
  if (!isZip(bytes)) throw new ImportRefused(/^\s*\{\\rtf/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 16))) ? 'old_format' : 'damaged');
  const zip = openZip(bytes, limits);
  const main = zip.names.find((n) => /^word\/document\d*\.xml$/i.test(n));
  if (!main) throw new ImportRefused(zip.names.some((n) => /^xl\//.test(n)) ? 'kind' : 'damaged');
  const xml = new TextDecoder('utf-8').decode(zip.read(main)!);
  return parseBody(xml, limits);
}

interface CellDraft { text: string[]; span: number; vmerge: 'restart' | 'continue' | null }
interface TableDraft { rows: { cells: CellDraft[]; header: boolean }[]; cell: CellDraft | null; paraInCell: string[] }

function parseBody(xml: string, limits: typeof IMPORT_LIMITS): DocBlock[] {
  const started = Date.now();
  const blocks: DocBlock[] = [];
  const tables: TableDraft[] = [];
  let para: string[] | null = null;
  let listed = false;
  let inText = false;
  let depth = 0;
  let seen = 0;
  let rows = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => {
    if (++depth > limits.maxXmlDepth) throw new ImportRefused('damaged');
    if ((++seen & 0xfff) === 0 && Date.now() - started > limits.maxMs) throw new ImportRefused('too_slow');
    const n = local(t.name);
    const a = (k: string) => (t.attributes as Record<string, string>)[`w:${k}`] ?? (t.attributes as Record<string, string>)[k];
    const tbl = tables[tables.length - 1];
    switch (n) {
      case 'tbl': tables.push({ rows: [], cell: null, paraInCell: [] }); break;
      case 'tr': if (tbl) { tbl.rows.push({ cells: [], header: false }); if (++rows > limits.maxRows) throw new ImportRefused('too_many_rows'); } break;
      case 'tblHeader': if (tbl?.rows.length && !['0', 'false', 'off'].includes(a('val') ?? '')) tbl.rows[tbl.rows.length - 1]!.header = true; break;
      case 'tc': if (tbl) tbl.cell = { text: [], span: 1, vmerge: null }; break;
      case 'gridSpan': if (tbl?.cell) tbl.cell.span = Math.max(1, Math.min(64, Number(a('val')) || 1)); break;
      case 'vMerge': if (tbl?.cell) tbl.cell.vmerge = a('val') === 'restart' ? 'restart' : 'continue'; break;
      case 'p': para = []; listed = false; break;
      case 'numPr': listed = true; break;
      case 't': inText = true; break;
      case 'tab': case 'br': case 'cr': para?.push(' '); break;
      default:
    }
  });
  parser.on('text', (s) => { if (inText && para) para.push(s); });
  parser.on('closetag', (t) => {
    depth--;
    const n = local(t.name);
    const tbl = tables[tables.length - 1];
    if (n === 't') inText = false;
    else if (n === 'p' && para) {
      const text = para.join('').replace(/[\s\u00a0]+/g, ' ').trim();
      if (tbl?.cell) tbl.cell.text.push(text);
      else if (!tbl) blocks.push({ kind: 'p', text, listed, at: blocks.length + 1 });
      para = null;
    } else if (n === 'tc' && tbl?.cell) {
      tbl.rows[tbl.rows.length - 1]?.cells.push(tbl.cell);
      tbl.cell = null;
    } else if (n === 'tbl') {
      tables.pop();
      const done = finishTable(tbl!);
      const outer = tables[tables.length - 1];
      // A table inside a cell reads as that cell's text, row by row.
      if (outer?.cell) outer.cell.text.push(...done.rows.map((r) => r.cells.filter(Boolean).join(' — ')));
      else blocks.push({ ...done, at: blocks.length + 1 });
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw new ImportRefused('damaged');
  }
  return blocks;
}

function finishTable(t: TableDraft): DocTable {
  const width = Math.max(0, ...t.rows.map((r) => r.cells.reduce((s, c) => s + c.span, 0)));
  const out: DocRow[] = [];
  const above: string[] = [];
  for (const r of t.rows) {
    const cells: string[] = [];
    for (const c of r.cells) {
      const col = cells.length;
      const text = c.vmerge === 'continue' ? (above[col] ?? '') : c.text.filter(Boolean).join('\n');
      cells.push(text);
      for (let i = 1; i < c.span; i++) cells.push('');
    }
    while (cells.length < width) cells.push('');
    cells.forEach((v, i) => { above[i] = v; });
    const wide = r.cells.length === 1 && r.cells[0]!.span >= width && width > 1;
    out.push({ cells, header: r.header, wide });
  }
  return { kind: 'table', rows: out };
}

