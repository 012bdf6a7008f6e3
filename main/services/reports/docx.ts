/**
 * Lays a ReportDoc out as a .docx to ГОСТ Р 7.0.97-2025 (organisational documents):
 * A4 portrait; margins left 20 mm, right 10 mm, top 20 mm, bottom 20 mm; Times New Roman 14 for the text,
 * 12 for requisites below the signature and tables (10–11 allowed in wide tables); first-line indent
 * 1.25 cm; single line spacing; page numbers centred in the top margin, Arabic, without words, from the
 * second page (the first page has a header of its own, left empty). Tables keep a repeated header row on
 * every page; a row is kept on one page unless it is too long to fit one, so nothing is ever cut.
 * Requisites in the order of the standard: body (and subordinate body), kind, date and number (lines when
 * blank), «На № … от …», place, addressee at the right, heading; after the text the attachments mark, the
 * signature, the гриф согласования and the executor; each appendix from a new page (a section of its own, so
 * it may be landscape) with its mark at the top right and page numbers running on.
 */
import {
  AlignmentType, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow,
  TextRun, WidthType, BorderStyle, VerticalAlign, TabStopType, PageOrientation, SectionType, type ISectionOptions,
} from 'docx';
import { formatDate } from '../../../common/format.js';
import { BLANK_DATE, BLANK_NUMBER, cellText, type Appendix, type Block, type Cell, type ReportDoc, type ReportTable } from './model.js';
import { xmlSafeDeep } from '../../../common/xml-chars.js';
import { typesetDoc } from './typography.js';

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


/** Lines of text as one paragraph each, starting at `left` twips from the margin (the addressee, an appendix mark). */
function rightBlock(lines: string[], left: number, opts: { size?: number; after?: number } = {}): Paragraph[] {
  return lines.map((line, i) => new Paragraph({
    children: runs(line, { size: opts.size }),
    alignment: AlignmentType.LEFT,
    indent: { left },
    spacing: { after: i === lines.length - 1 ? (opts.after ?? 240) : 0, line: 240 },
    keepNext: true,
  }));
}

function requisites(doc: ReportDoc, width: number): Paragraph[] {
  const r = doc.requisites;
  const out: Paragraph[] = [];
  const lines = [...r.organisation, ...(r.subordinate ? [r.subordinate] : [])];
  const contacts = r.contacts ?? [];
  lines.forEach((line, i) =>
    out.push(para(line, { align: AlignmentType.CENTER, bold: i === r.organisation.length - 1, size: 12, after: i === lines.length - 1 && !contacts.length ? 240 : 0 })),
  );
  // The contact and registration block under the names, smaller, as on a letterhead.
  contacts.forEach((line, i) => out.push(para(line, { align: AlignmentType.CENTER, size: 10, before: i === 0 ? 60 : 0, after: i === contacts.length - 1 ? 240 : 0 })));
  if (r.kind) out.push(para(r.kind, { align: AlignmentType.CENTER, bold: true, caps: true, after: 120 }));
  // Date and registration number on one line: the date at the left, the number at the right.
  out.push(
    new Paragraph({
      children: [
        new TextRun({ text: r.date ? formatDate(r.date) : BLANK_DATE, font: FONT }),
        new TextRun({ text: `\t№ ${r.number || BLANK_NUMBER}`, font: FONT }),
      ],
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      spacing: { after: 0, line: 240 },
    }),
  );
  if (r.replyTo) out.push(para(`На № ${r.replyTo.number || BLANK_NUMBER} от ${r.replyTo.date ? formatDate(r.replyTo.date) : BLANK_DATE}`, { align: AlignmentType.LEFT, size: 12 }));
  out.push(para(r.place, { align: AlignmentType.CENTER, size: 12, after: 240 }));
  if (r.addressees?.length) out.push(...rightBlock(r.addressees, Math.round(width * 0.5)));
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

/** The longest word of a text, in letters; a link or a code longer than 18 letters breaks anyway. */
const longestWord = (text: string) => Math.min(18, Math.max(0, ...text.split(/[\s/]+/).map((w) => w.length)));

/**
 * Twips a column needs so that no word breaks inside it: its header's longest word in bold («Ответственные»),
 * and its cells' longest word («последующий»). Times New Roman, Cyrillic: up to 0.62 em a bold letter, 0.56 em
 * a regular one (wide letters such as «щ», «ю», «ж» count); plus the cell's margins.
 */
function minWidth(t: ReportTable, i: number, size: number): number {
  const head = longestWord(t.columns[i]!.header) * 0.62;
  const cells = Math.max(0, ...t.rows.map((r) => longestWord(cellText(r[i] ?? '')) * (typeof r[i] === 'object' && r[i] !== null && (r[i] as { bold?: boolean }).bold ? 0.62 : 0.56)));
  return Math.ceil(Math.max(head, cells) * size * 20) + 2 * 85 + 30;
}

/**
 * The columns' relative widths scaled to the page, each widened to hold its longest word: the width it lacks
 * comes from the columns with room to spare, in proportion to that room.
 */
export function columnWidths(t: ReportTable, width: number, size: number): number[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * width));
  const mins = t.columns.map((_, i) => Math.min(minWidth(t, i, size), Math.floor(width / t.columns.length)));
  const lack = widths.reduce((a, w, i) => a + Math.max(0, mins[i]! - w), 0);
  const room = widths.reduce((a, w, i) => a + Math.max(0, w - mins[i]!), 0);
  if (!lack || room < lack) return widths;
  return widths.map((w, i) => (w < mins[i]! ? mins[i]! : Math.floor(w - ((w - mins[i]!) / room) * lack)));
}

export function renderTable(t: ReportTable, width = TEXT_WIDTH): Table {
  const size = t.fontSize ?? 12;
  const widths = columnWidths(t, width, size);
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

/** @keepLast: the block's last paragraph keeps with the next one (the text before a signature). */
function block(b: Block, tableNo: { n: number }, width: number, keepLast = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para(b.text, { bold: true, align: AlignmentType.LEFT, indent: true, before: 240, after: 120, keepNext: true })];
    case 'paragraph':
      return [para(b.text, { bold: b.bold, italic: b.italic, indent: !b.noIndent, after: 0, keepNext: b.keepNext || keepLast || undefined })];
    case 'rich':
      return [new Paragraph({
        children: b.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, font: FONT })),
        alignment: AlignmentType.JUSTIFIED,
        indent: b.noIndent ? undefined : { firstLine: INDENT },
        spacing: { after: 0, line: 240 },
        keepNext: keepLast || undefined,
      })];
    case 'list':
      return b.items.map((item, i) => para(`${b.numbered || b.prefix ? `${b.prefix ?? ''}${i + 1}.` : '–'} ${item}`, { indent: true, keepNext: (keepLast && i === b.items.length - 1) || undefined }));
    case 'table': {
      tableNo.n += 1;
      const caption = para(`Таблица ${tableNo.n} — ${b.table.caption}`, { align: AlignmentType.LEFT, before: 120, after: 60, keepNext: true });
      if (b.table.rows.length === 0) return [caption, para(b.table.empty ?? 'Сведений за период нет.', { italic: true, indent: true })];
      return [caption, renderTable(b.table, width), para('', { after: 60 })];
    }
  }
}

/**
 * Position at the left (its last line level with the name), «И.О. Фамилия» at the right edge; a line to write
 * the name on by hand when it is not known (a municipality's settings or a school's profile left blank).
 */
function signature(sig: { position: string; name: string }, width: number): Paragraph[] {
  const lines = sig.position.split('\n');
  const name = sig.name.trim() || '____________________';
  return lines.map((line, i) => {
    const last = i === lines.length - 1;
    return new Paragraph({
      children: [new TextRun({ text: line, font: FONT }), ...(last ? [new TextRun({ text: `\t${name}`, font: FONT })] : [])],
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      spacing: { before: i === 0 ? 480 : 0, after: 0, line: 240 },
      keepNext: !last,
      keepLines: true,
    });
  });
}

/** «Приложение: … на 2 л. в 1 экз.»; several attachments numbered, aligned under the first. */
function attachments(items: string[], keepLast = false): Paragraph[] {
  const hang = Math.round(31 * MM);
  return items.map((item, i) => new Paragraph({
    children: runs(`${i === 0 ? 'Приложение:\t' : '\t'}${items.length > 1 ? `${i + 1}. ` : ''}${item}`),
    alignment: AlignmentType.LEFT,
    indent: { left: hang, hanging: hang },
    tabStops: [{ type: TabStopType.LEFT, position: hang }],
    spacing: { before: i === 0 ? 240 : 0, after: 0, line: 240 },
    keepNext: (keepLast && i === items.length - 1) || undefined,
  }));
}

/** Гриф согласования: «СОГЛАСОВАНО:», then position — a line for the signature — «И.О. Фамилия», and a line for the date. */
function agreed(visas: { position: string; name: string }[], width: number): Paragraph[] {
  const sign = width - Math.round(75 * MM);
  const out = [para('СОГЛАСОВАНО:', { align: AlignmentType.LEFT, before: 480, after: 120, keepNext: true })];
  for (const v of visas) {
    out.push(new Paragraph({
      children: runs(`${v.position}\t____________\t${v.name}`),
      tabStops: [{ type: TabStopType.LEFT, position: sign }, { type: TabStopType.RIGHT, position: width }],
      spacing: { before: 120, after: 0, line: 240 },
      keepNext: true,
    }));
    out.push(para('«____» ____________ 20____ г.', { align: AlignmentType.LEFT, size: 10 }));
  }
  return out;
}

/** The text of a document after its requisites: blocks, attachments, signature, visas, executor. */
function body(doc: ReportDoc, tableNo: { n: number }, width: number): (Paragraph | Table)[] {
  // The signature is never alone on a page: the paragraph before it (the text's last, or the attachments mark) goes with it.
  const keep = !!doc.signature;
  const hasMarks = !!doc.attachments?.length;
  const out: (Paragraph | Table)[] = doc.blocks.flatMap((b, i) => block(b, tableNo, width, keep && !hasMarks && i === doc.blocks.length - 1));
  if (hasMarks) out.push(...attachments(doc.attachments!, keep));
  if (doc.signature) out.push(...signature(doc.signature, width));
  if (doc.agreed?.length) out.push(...agreed(doc.agreed, width));
  if (doc.executor) {
    const lines = doc.executor.split('\n');
    lines.forEach((line, i) => out.push(para(line, { size: 12, align: AlignmentType.LEFT, before: i === 0 ? 480 : 0, keepNext: i < lines.length - 1 })));
  }
  return out;
}

/** An appendix: the mark at the top right, its kind and heading centred, then its text (its own requisites are the order's). */
function appendix(a: Appendix, tableNo: { n: number }): (Paragraph | Table)[] {
  const width = a.doc.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
  const r = a.doc.requisites;
  return [
    ...rightBlock(a.mark, width - Math.round(80 * MM), { after: 360 }),
    para([r.kind, r.title].filter(Boolean).join(' '), { align: AlignmentType.CENTER, bold: true, caps: true, after: 240, keepNext: true }),
    ...body(a.doc, tableNo, width),
  ];
}

const pageHeaders = () => ({
  first: new Header({ children: [new Paragraph({ children: [] })] }),
  default: new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(14) })] })],
  }),
});

function page(landscape: boolean | undefined) {
  // docx swaps width and height itself for a landscape page: always pass the portrait A4 size.
  return {
    size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { ...PAGE.margin, header: PAGE.headerDistance, footer: PAGE.headerDistance },
  };
}

export function buildDocument(input: ReportDoc): Document {
  // Whatever reached the database (a file of an earlier version, a row written before the check): never into the XML.
  const doc = typesetDoc(xmlSafeDeep(input));
  const tableNo = { n: 0 };
  const width = doc.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
  const section: ISectionOptions = {
    properties: { titlePage: true, page: { ...page(doc.landscape), pageNumbers: { start: 1 } } },
    headers: pageHeaders(),
    children: [...requisites(doc, width), ...body(doc, tableNo, width)],
  };
  // Each appendix starts a new page (a section of its own, so it may turn landscape); page numbers run on.
  const appendices: ISectionOptions[] = (doc.appendices ?? []).map((a) => ({
    properties: { type: SectionType.NEXT_PAGE, page: page(a.doc.landscape) },
    headers: pageHeaders(),
    children: appendix(a, tableNo),
  }));
  return new Document({
    creator: 'Опора',
    title: doc.subject,
    description: doc.requisites.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: half(14) }, paragraph: { spacing: { line: 240 } } },
      },
    },
    sections: [section, ...appendices],
  });
}

export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(doc));
}
