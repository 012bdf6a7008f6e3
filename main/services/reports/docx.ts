/**
 * Lays a ReportDoc out as a .docx to ГОСТ Р 7.0.97-2025 (organisational documents):
 * A4 portrait; margins left 20 mm, right 10 mm, top 20 mm, bottom 20 mm; Times New Roman 14 for the text,
 * 12 for requisites below the signature and tables (10–11 allowed in wide tables); first-line indent
 * 1.25 cm; single line spacing; page numbers centred in the top margin, Arabic, without words, from the
 * second page (the first page has a header of its own, left empty). Tables keep a repeated header row on
 * every page; a row is kept on one page unless it is too long to fit one, so nothing is ever cut.
 */
import {
  AlignmentType, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow,
  TextRun, WidthType, BorderStyle, VerticalAlign, TabStopType, PageOrientation, type ISectionOptions,
} from 'docx';
import { formatDate } from '../../../common/format.js';
import { cellText, type Block, type Cell, type ReportDoc, type ReportTable } from './model.js';

/** 1 mm in twentieths of a point. */
const MM = 56.6929;
export const PAGE = {
  width: Math.round(210 * MM), // 11906
  height: Math.round(297 * MM), // 16838
  margin: { top: Math.round(20 * MM), right: Math.round(10 * MM), bottom: Math.round(20 * MM), left: Math.round(20 * MM) },
  headerDistance: Math.round(10 * MM),
};
/** Text width in twips: 180 mm on a portrait page, 267 mm on a landscape one. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_WIDTH_LANDSCAPE = PAGE.height - PAGE.margin.left - PAGE.margin.right;
export const FONT = 'Times New Roman';
const INDENT = Math.round(12.5 * MM); // 1.25 cm
const half = (pt: number) => pt * 2;

/** A row longer than this (characters in its widest cell, scaled by the cell width) may break across pages. */
const SPLIT_THRESHOLD_LINES = 38;

function runs(text: string, opts: { bold?: boolean; italic?: boolean; size?: number; caps?: boolean } = {}): TextRun[] {
  return [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: opts.size ? half(opts.size) : undefined, allCaps: opts.caps, font: FONT })];
}

function para(text: string, opts: { bold?: boolean; italic?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number; keepNext?: boolean; caps?: boolean } = {}) {
  return new Paragraph({
    children: runs(text, opts),
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: INDENT } : undefined,
    spacing: { after: opts.after ?? 0, before: opts.before ?? 0, line: 240 },
    keepNext: opts.keepNext,
  });
}

function requisites(doc: ReportDoc, width: number): Paragraph[] {
  const r = doc.requisites;
  const out: Paragraph[] = [];
  r.organisation.forEach((line, i) =>
    out.push(para(line, { align: AlignmentType.CENTER, bold: i === r.organisation.length - 1, size: 12, after: i === r.organisation.length - 1 ? 240 : 0 })),
  );
  out.push(para(r.kind, { align: AlignmentType.CENTER, bold: true, caps: true, after: 120 }));
  // Date and registration number on one line: the date at the left, the number at the right.
  out.push(
    new Paragraph({
      children: [
        new TextRun({ text: formatDate(r.date), font: FONT }),
        new TextRun({ text: `\t№ ${r.number || '________'}`, font: FONT }),
      ],
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      spacing: { after: 0, line: 240 },
    }),
  );
  out.push(para(r.place, { align: AlignmentType.CENTER, size: 12, after: 240 }));
  out.push(para(r.title, { align: AlignmentType.LEFT, bold: true, after: 240 }));
  return out;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cellParagraphs(c: Cell, size: number, align: 'left' | 'center' | 'right', header: boolean): Paragraph[] {
  const text = cellText(c);
  const style: { bold?: boolean; italic?: boolean } = typeof c === 'object' && c !== null ? c : {};
  const lines = text === '' ? [''] : text.split('\n');
  return lines.map(
    (line) =>
      new Paragraph({
        children: runs(line, { bold: header || style.bold, italic: style.italic, size }),
        alignment: header ? AlignmentType.CENTER : align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { after: 0, before: 0, line: 240 },
      }),
  );
}

/** Rough number of lines a cell takes: enough to decide whether a row may fit one page. */
function estLines(text: string, widthTw: number, size: number): number {
  const charsPerLine = Math.max(4, Math.floor(widthTw / (size * 20 * 0.5)));
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / charsPerLine)), 0);
}

export function renderTable(t: ReportTable, width = TEXT_WIDTH): Table {
  const size = t.fontSize ?? 12;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: cellParagraphs(c.header, size, 'center', true),
        }),
    ),
  });
  const body = t.rows.map((row) => {
    const lines = Math.max(...row.map((c, i) => estLines(cellText(c), widths[i] ?? 1000, size)));
    return new TableRow({
      cantSplit: lines < SPLIT_THRESHOLD_LINES,
      children: t.columns.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: cellParagraphs(row[i] ?? '', size, c.align ?? 'left', false),
          }),
      ),
    });
  });
  return new Table({
    rows: [header, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: { left: 85, right: 85, top: 15, bottom: 15 },
  });
}

function block(b: Block, tableNo: { n: number }, width: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para(b.text, { bold: true, align: AlignmentType.LEFT, indent: true, before: 240, after: 120, keepNext: true })];
    case 'paragraph':
      return [para(b.text, { bold: b.bold, italic: b.italic, indent: !b.noIndent, after: 0 })];
    case 'list':
      return b.items.map((item, i) => para(`${b.numbered ? `${i + 1}.` : '–'} ${item}`, { indent: true }));
    case 'table': {
      tableNo.n += 1;
      const caption = para(`Таблица ${tableNo.n} — ${b.table.caption}`, { align: AlignmentType.LEFT, before: 120, after: 60, keepNext: true });
      if (b.table.rows.length === 0) return [caption, para(b.table.empty ?? 'Сведений за период нет.', { italic: true, indent: true })];
      return [caption, renderTable(b.table, width), para('', { after: 60 })];
    }
  }
}

export function buildDocument(doc: ReportDoc): Document {
  const tableNo = { n: 0 };
  const width = doc.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
  const children: (Paragraph | Table)[] = [...requisites(doc, width), ...doc.blocks.flatMap((b) => block(b, tableNo, width))];
  if (doc.signature) {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: doc.signature.position, font: FONT }), new TextRun({ text: `\t${doc.signature.name}`, font: FONT })],
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        spacing: { before: 480, after: 0, line: 240 },
        keepLines: true,
      }),
    );
  }
  if (doc.executor) children.push(para(doc.executor, { size: 12, align: AlignmentType.LEFT, before: 480 }));

  const section: ISectionOptions = {
    properties: {
      titlePage: true,
      page: {
        // docx swaps width and height itself for a landscape page: always pass the portrait A4 size.
        size: { width: PAGE.width, height: PAGE.height, orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...PAGE.margin, header: PAGE.headerDistance, footer: PAGE.headerDistance },
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(14) })] })],
      }),
    },
    children,
  };
  return new Document({
    creator: 'Опора',
    title: doc.subject,
    description: doc.requisites.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: half(14) }, paragraph: { spacing: { line: 240 } } },
      },
    },
    sections: [section],
  });
}

export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(doc));
}
