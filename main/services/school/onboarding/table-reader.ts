/**
 * A list's rows as text, from an Excel workbook (.xlsx, first sheet with data) or a text file (.csv in UTF-8
 * or Windows-1251, any of the usual separators). Dates stay dates: a date cell comes back as ДД.ММ.ГГГГ, and a
 * number in a date column is read as an Excel serial by the caller.
 */
import ExcelJS from 'exceljs';
import { decodeText } from '../../privacy/file-text.js';
import { ImportRefused, IMPORT_LIMITS } from './errors.js';
import { isOle, isZip, openZip } from './zip.js';

export type Cell = string | number | null;

const two = (n: number) => String(n).padStart(2, '0');

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (v instanceof Date) return `${two(v.getUTCDate())}.${two(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return null;
  }
  return String(v);
}

export async function readTable(fileName: string, bytes: Uint8Array, limits = IMPORT_LIMITS): Promise<Cell[][]> {
  if (bytes.length > limits.maxFileBytes) throw new ImportRefused('too_big');
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (isOle(bytes)) throw new ImportRefused('old_format');
  if (isZip(bytes)) {
    const zip = openZip(bytes, limits);
    if (!zip.names.some((n) => /^xl\/workbook\.xml$/i.test(n))) throw new ImportRefused(zip.names.some((n) => n.startsWith('word/')) ? 'kind' : 'damaged');
    // The parts' sizes are checked before exceljs inflates them whole.
    for (const n of zip.names) if (/^xl\/(worksheets\/|sharedStrings)/.test(n)) zip.read(n);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new ImportRefused('damaged');
    }
    const sheet = wb.worksheets.find((w) => w.actualRowCount > 0);
    if (!sheet) return [];
    if (sheet.rowCount > limits.maxRows) throw new ImportRefused('too_many_rows');
    const width = Math.min(sheet.columnCount, 200);
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (r) => {
      const vals: Cell[] = [];
      for (let i = 1; i <= width; i++) vals.push(plain(r.getCell(i).value));
      rows.push(vals);
    });
    return rows;
  }
  if (ext === 'xlsx' || ext === 'xls' || ext === 'docx' || ext === 'doc') throw new ImportRefused(ext === 'xls' ? 'old_format' : 'damaged');
  const text = decodeText(bytes);
  if (text === null) throw new ImportRefused('damaged');
  return parseCsv(text, limits.maxRows);
}

/** The separator that splits the first lines into the same number (more than one) of fields. */
function separatorOf(lines: string[]): string {
  let best = ';';
  let bestScore = 0;
  for (const sep of [';', ',', '\t', '|']) {
    const counts = lines.map((l) => splitLine(l, sep).length);
    const common = counts[0] ?? 0;
    const score = common > 1 ? counts.filter((c) => c === common).length * common : 0;
    if (score > bestScore) { best = sep; bestScore = score; }
  }
  return best;
}

function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"' && cur.trim() === '') { quoted = true; cur = ''; } else if (ch === sep) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** Lines joined back where a quoted field holds a line break. */
function logicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let buf = '';
  let quotes = 0;
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/)) {
    buf = buf ? `${buf}\n${line}` : line;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) { out.push(buf); buf = ''; quotes = 0; }
    if (out.length > max) throw new ImportRefused('too_many_rows');
  }
  if (buf) out.push(buf);
  return out;
}

export function parseCsv(text: string, maxRows = IMPORT_LIMITS.maxRows): Cell[][] {
  const lines = logicalLines(text, maxRows);
  const sep = separatorOf(lines.filter((l) => l.trim()).slice(0, 20));
  return lines.map((l) => splitLine(l, sep).map((v) => (v === '' ? null : v)));
}
