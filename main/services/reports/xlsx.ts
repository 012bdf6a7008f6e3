/**
 * Tables to Excel with the same columns and Russian headers as on screen and in the document: one sheet
 * per table, the header in row 1 (bold, frozen, with an autofilter so users can re-sort), numbers kept as
 * numbers, long text wrapped. readXlsxTables reads such a workbook back (tests, and the roster import).
 */
import ExcelJS from 'exceljs';
import { xmlSafeDeep } from '../../../common/xml-chars.js';
import { cellText, type Cell, type ReportTable } from './model.js';
import { typesetTable } from './typography.js';
import { formatDate, isRealDate } from '../../../common/format.js';

/** A date as printed («25.11.2026») is a date in the workbook: Excel sorts, filters and shows it as dd.mm.yyyy. */
function dateOf(text: string): Date | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!m || !isRealDate(`${m[3]}-${m[2]}-${m[1]}`)) return null;
  return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
}

const value = (c: Cell): string | number | Date => (typeof c === 'number' ? c : dateOf(cellText(c)) ?? cellText(c));

/** What Excel allows in a sheet name: ≤ 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Лист';
  let s = base;
  for (let i = 2; taken.has(s.toLowerCase()); i++) s = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(s.toLowerCase());
  return s;
}

/**
 * @param opts.asTyped keeps the text exactly as stored (the roster's sheet, imported back and compared field by
 * field); a report's sheets are typeset like its document.
 */
export async function renderXlsx(input: ReportTable[], title = 'Опора', opts: { asTyped?: boolean } = {}): Promise<Buffer> {
  // Whatever reached the database (a file of an earlier version, a row written before the check): never into the XML.
  const safe = xmlSafeDeep(input);
  const tables = opts.asTyped ? safe : safe.map(typesetTable);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Опора';
  wb.title = title;
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.sheet, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(8, Math.min(80, c.width * 1.6)) }));
    for (const row of t.rows) {
      const r = ws.addRow(row.map(value));
      r.eachCell((c) => {
        if (c.value instanceof Date) {
          c.numFmt = 'dd.mm.yyyy';
          c.alignment = { horizontal: 'center', vertical: 'top' };
        }
      });
    }
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    ws.eachRow((r, n) => {
      if (n > 1) r.eachCell((c) => { if (!(c.value instanceof Date)) c.alignment = { vertical: 'top', wrapText: true }; });
    });
    if (t.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.columns.length } };
  }
  if (tables.length === 0) wb.addWorksheet('Нет данных').addRow(['Таблиц в отчёте нет']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetData {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

function plain(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  // Read back as printed, so that a sheet and its document compare cell by cell.
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** Every sheet as a header and rows of plain values (trailing empty rows dropped). */
export async function readXlsxTables(data: Buffer | ArrayBuffer): Promise<SheetData[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const width = ws.columnCount;
    const rows: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (r) => {
      const vals: (string | number | null)[] = [];
      for (let i = 1; i <= width; i++) vals.push(plain(r.getCell(i).value));
      rows.push(vals);
    });
    while (rows.length && rows[rows.length - 1]!.every((v) => v === null || v === '')) rows.pop();
    const [header = [], ...body] = rows;
    return { name: ws.name, header: header.map((h) => (h === null ? '' : String(h))), rows: body };
  });
}
