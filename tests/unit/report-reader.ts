/**
 * Reads back what the report tests assert on: a .docx's paragraphs, tables, section properties, headers and
 * fonts, straight from its XML (jszip is a dependency of docx), so a test checks the document itself.
 */
import JSZip from 'jszip';

export interface DocxTable {
  rows: { header: boolean; cantSplit: boolean; cells: string[] }[];
  gridCols: number[];
  fontSizes: number[];
}

export interface ParsedDocx {
  xml: string;
  /** Body paragraphs outside tables, in order, as plain text. */
  paragraphs: string[];
  /** Every paragraph including those in table cells. */
  allText: string;
  tables: DocxTable[];
  sectPr: { pgW: number; pgH: number; top: number; right: number; bottom: number; left: number; titlePg: boolean; orient: string | null };
  headers: Record<string, string>;
  /** Header type → xml, via the section's headerReference. */
  headerByType: Record<string, string>;
  styles: string;
  defaultFont: string | null;
  defaultSize: number | null;
  /** Every w:rFonts ascii value used in the document. */
  runFonts: Set<string>;
  coreTitle: string | null;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraphText(pXml: string): string {
  let out = '';
  for (const m of pXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (m[0] === '<w:tab/>') out += '\t';
    else if (m[0] === '<w:br/>') out += '\n';
    else out += decode(m[1]!);
  }
  return out;
}

function attr(xml: string, tag: string, name: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
}

export async function readDocx(buf: Buffer | Uint8Array): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const body = xml.slice(xml.indexOf('<w:body>'));

  const tables: DocxTable[] = [];
  const bodyNoTables = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    const gridCols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((r) => {
      const tr = r[0];
      const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(tr)?.[1] ?? '';
      const cells = [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join('\n'),
      );
      return { header: /<w:tblHeader\b/.test(trPr), cantSplit: /<w:cantSplit\b/.test(trPr), cells };
    });
    const fontSizes = [...new Set([...tbl.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2))];
    tables.push({ rows, gridCols, fontSizes });
    return '<w:p><w:r><w:t>[[TABLE]]</w:t></w:r></w:p>';
  });
  const paragraphs = [...bodyNoTables.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>|<w:p\/>/g)].map((p) => paragraphText(p[0])).filter((t) => t !== '[[TABLE]]');
  const allText = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join('\n');

  const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(body)?.[0] ?? '';
  const sectPr = {
    pgW: Number(attr(sect, 'w:pgSz', 'w:w')),
    pgH: Number(attr(sect, 'w:pgSz', 'w:h')),
    orient: attr(sect, 'w:pgSz', 'w:orient'),
    top: Number(attr(sect, 'w:pgMar', 'w:top')),
    right: Number(attr(sect, 'w:pgMar', 'w:right')),
    bottom: Number(attr(sect, 'w:pgMar', 'w:bottom')),
    left: Number(attr(sect, 'w:pgMar', 'w:left')),
    titlePg: /<w:titlePg(?:\/>|\s+w:val="(?:1|true)")/.test(sect),
  };
  const headers: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f))) headers[name] = await zip.file(name)!.async('string');
  const headerByType: Record<string, string> = {};
  for (const m of sect.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
    if (target) headerByType[m[1]!] = headers['word/' + target] ?? '';
  }
  const docDefaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  const runFonts = new Set([...(xml + styles).matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map((m) => m[1]!));
  return {
    xml,
    paragraphs,
    allText,
    tables,
    sectPr,
    headers,
    headerByType,
    styles,
    defaultFont: attr(docDefaults, 'w:rFonts', 'w:ascii'),
    defaultSize: attr(docDefaults, 'w:sz', 'w:val') ? Number(attr(docDefaults, 'w:sz', 'w:val')) / 2 : null,
    runFonts,
    coreTitle: /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? null,
  };
}
