/**
 * A report as plain data: the requisites of an organisational document, then blocks of text and tables.
 * One model, two renderings: docx.ts lays it out to ГОСТ Р 7.0.97-2025, xlsx.ts writes its tables to Excel
 * with the same columns. Builders (school.ts, municipality reports) only fill this model.
 */
import type { Cell, ReportTable } from '../core/table.js';
import { schoolYearOf, type Period } from '../../../common/periods.js';

// Re-exported so the report builders and renderers keep one import for the whole model.
export type { Cell, ReportColumn, ReportTable } from '../core/table.js';
export { schoolYearOf, type Period } from '../../../common/periods.js';

/** A piece of a paragraph with its own emphasis («…, **п р и к а з ы в а ю:**»). */
export interface Run { text: string; bold?: boolean; italic?: boolean }

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean; bold?: boolean; noIndent?: boolean; keepNext?: boolean }
  | { kind: 'rich'; runs: Run[]; noIndent?: boolean }
  /** `prefix` numbers the items under a point: prefix «2.» gives «2.1.», «2.2.». */
  | { kind: 'list'; items: string[]; numbered?: boolean; prefix?: string }
  | { kind: 'table'; table: ReportTable };

export interface Requisites {
  /** Lines of the organisation's name, the parent body first (e.g. the education department, then the school). */
  organisation: string[];
  /** The kind of document, printed in capitals: «ИНФОРМАЦИОННАЯ СПРАВКА». */
  kind: string;
  /** Date of the document, YYYY-MM-DD; '' prints a line to fill in by hand. */
  date: string;
  /** Registration number; blank leaves a line to fill in by hand. */
  number: string;
  /** Place of composition («д. Пьянкова», «г. Ирбит»). */
  place: string;
  /** The heading to the text: what the document is about. */
  title: string;
  /** A subordinate body that issues the document (МБУ «Методический центр»), printed under the organisation. */
  subordinate?: string;
  /** The letterhead's contact and registration block (address, phone, e-mail, ОГРН …), printed small under the names. */
  contacts?: string[];
  /** Адресат, one line each, printed at the right before the heading. */
  addressees?: string[];
  /** «На № … от …» when the document answers a letter ('' prints a line). */
  replyTo?: { number: string; date: string };
}

/** An appendix laid out after a page break: the mark at the top right, then the document without its requisites. */
export interface Appendix {
  /** «Приложение 1», «к приказу Управления образования», «от 26.07.2021 № 374». */
  mark: string[];
  doc: ReportDoc;
}

export interface ReportDoc {
  requisites: Requisites;
  blocks: Block[];
  signature?: { position: string; name: string };
  /** Отметка о наличии приложения, one line per attachment («Список участников на 2 л. в 1 экз.»). */
  attachments?: string[];
  /** Гриф согласования: printed «СОГЛАСОВАНО:» after the signature, a line for each visa. */
  agreed?: { position: string; name: string }[];
  /** Отметка об исполнителе: name and phone (lines split by \n), printed small at the end. */
  executor?: string;
  appendices?: Appendix[];
  /** Document properties (title in File → Properties). */
  subject: string;
  /** A landscape page for wide tables (ГОСТ allows it); the margins stay as in portrait. */
  landscape?: boolean;
}

/** What a blank date or number prints: a line to fill in by hand (a document is never silently dated today). */
export const BLANK_DATE = '____________';
export const BLANK_NUMBER = '________';

export const cellText = (c: Cell): string => (c === null ? '' : typeof c === 'object' ? c.text : String(c));

/** Every table of a report, in order, for the Excel export. */
export function tablesOf(doc: ReportDoc): ReportTable[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/** The default period of a report: the school year so far. */
export function defaultPeriod(today: string, p: Partial<Period> = {}): Period {
  const year = schoolYearOf(today);
  return { from: p.from ?? year.from, to: p.to ?? today };
}
