/**
 * The text of an attached file, read whole, for the check that no pupil's name or birth date leaves the school
 * inside a file the school passes on. Either every part of the file is read, or the file «cannot be read whole»
 * and the person must look at it themselves (the share dialog's tick).
 *
 * What is read: plain text in any Cyrillic encoding (UTF-8, UTF-16 LE/BE with or without a BOM, Windows-1251,
 * KOI8-R, CP866), HTML and RTF; and every part of an Office Open XML or OpenDocument package (.docx, .xlsx,
 * .pptx, .odt, .ods, .odp), whatever the part is called and whatever its encoding: element text, attribute
 * values, comments, sheet names, altChunks (HTML, text, RTF), documents embedded in the document (read again,
 * to a bounded depth), text strings of binary parts (embedded old Word/Excel objects, drawings). A number that
 * could be an Excel date in the birth-date range is also written out as «дд.мм.гггг», so a date cell meets the
 * birth dates. A picture inside a document (other than the package's own thumbnail) cannot be read: the whole
 * file then cannot be either.
 *
 * Everything here is linear in the input: a streaming XML reader (saxes) and hand-written scanners instead of
 * regular expressions, and the zip reader of core/zip.ts, which trusts none of the sizes the zip declares — inflation is bounded
 * by the bytes it really produces. Runs in a worker thread (read-whole.ts), which bounds time and memory too.
 *
 * One module of 700 lines on purpose: the readers call one another recursively (a part may be a package, an
 * altChunk HTML holding RTF, an RTF an embedded workbook) and all spend the one budget; split, they would form a
 * cycle of imports, and the worker bundle (file-text-worker.ts) is built from this file and the zip reader alone.
 */
import { SaxesParser } from 'saxes';
import { centralDirectory, readEntry, ZipFault, u32 } from '../core/zip.js';
import { fileTextKind } from '../../../common/file-names.js';

export { fileTextKind };

export interface ReadLimits {
  /** Bytes all parts (nested ones too) may inflate to, counted as they are produced. */
  maxInflatedBytes: number;
  /** Parts in a package, nested packages included. */
  maxParts: number;
  /** Packages inside packages (an .xlsx inside a .docx is depth 1). */
  maxDepth: number;
  /** Characters of text the reading may produce. */
  maxTextChars: number;
}

export const READ_LIMITS: ReadLimits = {
  maxInflatedBytes: 64 * 1024 * 1024,
  maxParts: 4000,
  maxDepth: 3,
  maxTextChars: 48 * 1024 * 1024,
};

/**
 * Why a file cannot be read whole: `kind` a photo, PDF, old .doc …; `damaged` not what its name says or broken;
 * `limit` over a limit (size, parts, depth, time, memory); `pictures` a document with pictures in it.
 */
/** Between the pieces of the text: a part's text, its attribute values, the dates its numbers may be. */
export const SEGMENT = '\f';

export type Unreadable = 'kind' | 'damaged' | 'limit' | 'pictures';
/** `text` with `pictures`: what could be read around the pictures, still looked through for names. */
export type Extracted = { ok: true; text: string } | { ok: false; why: Unreadable; text?: string };

class Refused extends Error {
  constructor(readonly why: Unreadable) {
    super(why);
  }
}

interface Budget {
  limits: ReadLimits;
  inflated: number;
  parts: number;
  chars: number;
  out: string[];
  /** The workbook counts its dates from 1904 (old Mac Excel). */
  date1904: boolean;
  /** Pictures met (not the package's thumbnail): the file cannot be read whole, its text is read all the same. */
  pictures: number;
}

function emit(b: Budget, s: string): void {
  if (!s) return;
  b.chars += s.length + 1;
  if (b.chars > b.limits.maxTextChars) throw new Refused('limit');
  b.out.push(s);
}

/** The readable text of the file, or a reason why it cannot be read whole. Never throws. */
export function extractText(fileName: string, bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): Extracted {
  const kind = fileTextKind(fileName);
  if (kind === 'unreadable') return { ok: false, why: 'kind' };
  const b: Budget = { limits, inflated: 0, parts: 0, chars: 0, out: [], date1904: false, pictures: 0 };
  try {
    if (kind === 'office') {
      if (!isZip(bytes)) return { ok: false, why: 'damaged' };
      readPackage(bytes, 0, b);
    } else {
      readPart(fileName, bytes, 0, b);
    }
    // Pieces (a part's text, its attribute values …) are joined by a form feed, so the name search can take them apart.
    const text = b.out.join(SEGMENT);
    return b.pictures ? { ok: false, why: 'pictures', text } : { ok: true, text };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, why: e.why };
    // A RangeError here is a string or buffer too large for V8: a limit, not damage.
    return { ok: false, why: e instanceof RangeError ? 'limit' : 'damaged' };
  }
}

/** The readable text of the file, or null when it cannot be read whole (kept for callers that need no reason). */
export function fileText(fileName: string, bytes: Uint8Array): string | null {
  const r = extractText(fileName, bytes);
  return r.ok ? r.text : null;
}

// ---------------------------------------------------------------- zip

function isZip(d: Uint8Array): boolean {
  return d.length >= 4 && d[0] === 0x50 && d[1] === 0x4b && ((d[2] === 3 && d[3] === 4) || (d[2] === 5 && d[3] === 6));
}

/**
 * Every entry of the zip's central directory, inflated one at a time. Declared uncompressed sizes are ignored:
 * inflation stops at the bytes left in the budget, counted by zlib as it writes them.
 */
function readPackage(zip: Uint8Array, depth: number, b: Budget): void {
  if (depth > b.limits.maxDepth) throw new Refused('limit');
  const entries = inCheckWords(() => centralDirectory(zip, b.limits.maxParts - b.parts));
  b.parts += entries.length;
  // The workbook first: whether its dates count from 1904 decides how the sheets' numbers read.
  entries.sort((x, y) => Number(/workbook\.xml$/i.test(y.name)) - Number(/workbook\.xml$/i.test(x.name)));
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = inCheckWords(() => readEntry(zip, e, b.limits.maxInflatedBytes - b.inflated));
    b.inflated += data.length;
    if (b.inflated > b.limits.maxInflatedBytes) throw new Refused('limit');
    readPart(e.name, data, depth, b);
  }
}

/** A fault of the container as the check says it: over a limit, or damaged (an encrypted entry is unreadable too). */
function inCheckWords<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ZipFault)) throw err;
    throw new Refused(err.reason === 'limit' ? 'limit' : 'damaged');
  }
}

// ---------------------------------------------------------------- parts

const startsWith = (d: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => d[at + i] === v);

function isPicture(d: Uint8Array): boolean {
  return startsWith(d, [0x89, 0x50, 0x4e, 0x47]) || startsWith(d, [0xff, 0xd8, 0xff]) || startsWith(d, [0x47, 0x49, 0x46, 0x38])
    || startsWith(d, [0x49, 0x49, 0x2a, 0x00]) || startsWith(d, [0x4d, 0x4d, 0x00, 0x2a]) || (startsWith(d, [0x42, 0x4d]) && d.length > 26 && u32(d, 2) === d.length)
    || (startsWith(d, [0x52, 0x49, 0x46, 0x46]) && startsWith(d, [0x57, 0x45, 0x42, 0x50], 8));
}

/** The package's own picture of its first page (Word's docProps/thumbnail, LibreOffice's Thumbnails/): its text is in the document. */
function isThumbnail(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('docprops/thumbnail.') || n.startsWith('thumbnails/');
}

function readPart(name: string, d: Uint8Array, depth: number, b: Budget): void {
  if (d.length === 0) return;
  if (isZip(d)) return readPackage(d, depth + 1, b);
  if (isPicture(d)) {
    if (!isThumbnail(name)) b.pictures++;
    return;
  }
  if (startsWith(d, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return binaryStrings(d, b); // an embedded old Word/Excel object
  if (startsWith(d, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return rtfText(d, b); // {\rtf
  const text = decodeText(d);
  if (text === null) return binaryStrings(d, b);
  readTextPart(name, text, depth, b);
}

function readTextPart(name: string, text: string, depth: number, b: Budget): void {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xfeff)) i++;
  const head = text.slice(i, i + 1024).toLowerCase();
  // A text file is read as it is: every character of it, tags and all, is text the check sees.
  if (depth === 0 && /\.(txt|csv|tsv|md)$/i.test(name)) {
    emit(b, text);
    return numbersAsDates(text, b);
  }
  if (head.startsWith('mime-version:') || head.startsWith('content-type:')) return mimeText(text, depth, b);
  if (head.startsWith('{\\rtf')) return rtfText(Buffer.from(text, 'latin1'), b);
  if (text[i] === '<') {
    if (looksHtml(name, head)) return htmlText(text, b);
    return xmlText(text, b);
  }
  emit(b, text);
  numbersAsDates(text, b);
}

function looksHtml(name: string, head: string): boolean {
  if (/\.(x?html?|mht|mhtml)$/i.test(name)) return true;
  if (head.startsWith('<?xml')) return false;
  for (const t of ['<!doctype html', '<html', '<head', '<body', '<meta', '<p', '<div', '<table', '<span', '<br', '<b>', '<i>']) if (head.startsWith(t)) return true;
  return false;
}

// ---------------------------------------------------------------- encodings

const CONTROL = (c: number) => (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1a)) && c !== 0x1b;

/** UTF-16 without a BOM: one byte of each pair 0x00 (Latin) or 0x04 (Cyrillic) nearly everywhere. */
function utf16Without(d: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(d.length, 4096) & ~1;
  if (n < 4) return null;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < n; i += 2) {
    if (d[i] === 0 || d[i] === 4) even++;
    if (d[i + 1] === 0 || d[i + 1] === 4) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.7 && even < pairs * 0.3) return 'utf-16le';
  if (even > pairs * 0.7 && odd < pairs * 0.3) return 'utf-16be';
  return null;
}

/** The label of an XML declaration's or an HTML meta's charset in the first bytes, read by hand (no regex over the input). */
function declaredCharset(d: Uint8Array): string | null {
  const head = Buffer.from(d.subarray(0, 1024)).toString('latin1').toLowerCase();
  for (const key of ['encoding=', 'charset=']) {
    const at = head.indexOf(key);
    if (at < 0) continue;
    let j = at + key.length;
    while (head[j] === '"' || head[j] === "'" || head[j] === ' ') j++;
    let label = '';
    while (j < head.length && /[a-z0-9_:.-]/.test(head[j]!)) label += head[j++];
    if (label) return label;
  }
  return null;
}

const CYRILLIC_SINGLE_BYTE = ['windows-1251', 'koi8-r', 'ibm866'] as const;

/** Russian letters by how often they occur: the common ones weigh most (а-я in order, ё last). */
const LETTER_WEIGHT = (() => {
  const w = new Float32Array(33);
  const abc = 'абвгдежзийклмнопрстуфхцчшщъыьэюяё';
  for (let i = 0; i < abc.length; i++) {
    const ch = abc[i]!;
    w[i] = 'оеаинтсрвлкмдпу'.includes(ch) ? 1 : 'яыьгзбчйхжшю'.includes(ch) ? 0.3 : 0.1;
  }
  return w;
})();

/**
 * How Russian a decoding looks: letters count by how common they are in Russian (an all-capitals «ИВАНОВ ИВАН»
 * read in the wrong code page turns into rare letters), a capital right after a small letter (KOI8-R read as
 * 1251 and back) and box-drawing (1251 read as CP866) and other odd characters count against.
 */
export function russianScore(s: string): number {
  let score = 0;
  let prevLower = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lower = (c >= 0x430 && c <= 0x44f) || c === 0x451;
    const upper = (c >= 0x410 && c <= 0x42f) || c === 0x401;
    if (lower) score += LETTER_WEIGHT[c === 0x451 ? 32 : c - 0x430]!;
    else if (upper) score += prevLower ? -3 : LETTER_WEIGHT[c === 0x401 ? 32 : c - 0x410]!;
    else if (c >= 0x2500 && c <= 0x25ff) score -= 3;
    else if (c >= 0x80 && c !== 0xa0 && c !== 0xab && c !== 0xbb && c !== 0x2116 && !(c >= 0x2010 && c <= 0x2026)) score -= 2;
    prevLower = lower;
  }
  return score;
}

/** Bytes of a text part or a plain-text file as a string, or null when they are not text. */
export function decodeText(d: Uint8Array): string | null {
  if (startsWith(d, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(d.subarray(3));
  if (startsWith(d, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(d.subarray(2));
  if (startsWith(d, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(d.subarray(2));
  const wide = utf16Without(d);
  if (wide) return new TextDecoder(wide).decode(d);
  const declared = declaredCharset(d);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(d);
    } catch {
      // an unknown label: the bytes decide below
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(d);
  } catch {
    // not UTF-8: a single-byte Cyrillic encoding, or not text at all
  }
  let control = 0;
  const n = Math.min(d.length, 65536);
  for (let i = 0; i < n; i++) if (CONTROL(d[i]!)) control++;
  if (control > n / 100) return null;
  const sample = d.subarray(0, 65536);
  let best: string = CYRILLIC_SINGLE_BYTE[0];
  let bestScore = -Infinity;
  for (const enc of CYRILLIC_SINGLE_BYTE) {
    const score = russianScore(new TextDecoder(enc).decode(sample));
    if (score > bestScore) { best = enc; bestScore = score; }
  }
  return new TextDecoder(best).decode(d);
}

// ---------------------------------------------------------------- dates written as numbers

const DAY = 86_400_000;
/** Excel serials of 01.01.1990 and 31.12.2030: a birth date of a pupil (or near it) is between. */
const SERIAL_FROM = 32874;
const SERIAL_TO = 47848;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function serialDate(serial: number, from1904: boolean): string {
  const t = (from1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + Math.floor(serial) * DAY;
  const d = new Date(t);
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

/** A token of 5 digits (and a fraction: a date with a time) that could be a date serial, written out as a date. */
function numbersAsDates(text: string, b: Budget): void {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) { i++; continue; }
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    const intLen = i - start;
    if (i < text.length && text[i] === '.' && i + 1 < text.length && text.charCodeAt(i + 1) >= 0x30 && text.charCodeAt(i + 1) <= 0x39) {
      i++;
      while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    }
    const before = start > 0 ? text[start - 1]! : ' ';
    const after = i < text.length ? text[i]! : ' ';
    if (intLen !== 5 || before === '.' || before === ',' || before === '-' || after === ',' || after === '.') continue;
    const serial = Number(text.slice(start, start + 5));
    if (serial >= SERIAL_FROM && serial <= SERIAL_TO) {
      found.push(serialDate(serial, false));
      if (b.date1904) found.push(serialDate(serial, true));
    }
    if (found.length > 100_000) break;
  }
  if (found.length) emit(b, found.join('\n'));
}

// ---------------------------------------------------------------- XML

/** Where a line ends in the text a person reads: paragraphs, cells, rows, breaks. */
const BLOCK = new Set(['p', 'h', 'tc', 'c', 'si', 'row', 'table-cell', 'table-row', 'br', 'cr', 'line-break', 'tab', 'tr', 'td', 'th', 'li', 'sheet', 'comment', 'note', 'txbody', 'sp', 'list-item', 'frame']);

/** Elements that hold a piece of a line: Word's and DrawingML's runs, OpenDocument's spans and links. */
const INLINE = new Set(['t', 'r', 'span', 'a', 'deltext', 'instrtext', 'fldsimple', 'hyperlink', 'ins', 'del', 'smarttag', 'rt', 'rubybase']);

const localNames = new Map<string, string>();

function localName(name: string): string {
  let l = localNames.get(name);
  if (l === undefined) {
    const i = name.indexOf(':');
    l = (i < 0 ? name : name.slice(i + 1)).toLowerCase();
    if (localNames.size < 10_000) localNames.set(name, l);
  }
  return l;
}

/** Whether the string has anything but white space, without copying it. */
function hasInk(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 0x20) return true;
  return false;
}

/** Element text in reading order; attribute values, comments and processing instructions after it, each on its own line. */
function xmlText(xml: string, b: Budget): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const body: string[] = [];
  const aside: string[] = [];
  let failed = false;
  parser.on('error', () => { failed = true; throw new Refused('damaged'); });
  // Whether each open element holds text itself: such an element ends a line when it closes (a title, a
  // cell's value), unless it is a run inside a paragraph (a name split over runs must stay one word).
  const holds: boolean[] = [];
  const textHere = (t: string) => {
    body.push(t);
    if (holds.length && !holds[holds.length - 1] && hasInk(t)) holds[holds.length - 1] = true;
  };
  parser.on('text', textHere);
  parser.on('cdata', textHere);
  parser.on('comment', (t) => aside.push(t));
  parser.on('processinginstruction', (pi) => aside.push(pi.body));
  parser.on('opentag', (tag) => {
    holds.push(false);
    const local = localName(tag.name);
    if (local === 's' || local === 'tab') body.push(' ');
    if (local === 'workbookpr') {
      const v = Object.entries(tag.attributes as Record<string, string>).find(([k]) => localName(k) === 'date1904')?.[1];
      if (v === '1' || v === 'true') b.date1904 = true;
    }
    const attrs = tag.attributes as Record<string, string>;
    // Namespace declarations are schema addresses («…/drawing/2016/5/12/chartex»), never what a person wrote:
    // read as text they look like dates.
    for (const k in attrs) if (attrs[k] && k !== 'xmlns' && !k.startsWith('xmlns:')) aside.push(attrs[k]!);
  });
  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    const held = holds.pop();
    if (BLOCK.has(local) || (held && !INLINE.has(local))) body.push('\n');
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof Refused) throw e;
    throw new Refused('damaged');
  }
  if (failed) throw new Refused('damaged');
  const text = body.join('');
  emit(b, text);
  emit(b, aside.join('\n'));
  numbersAsDates(text, b);
}

// ---------------------------------------------------------------- HTML

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', laquo: '«', raquo: '»',
  ndash: '–', mdash: '—', hellip: '…', numero: '№', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  zwj: '\u200d', zwnj: '\u200c', copy: '©',
};

/** Entities decoded in one pass: named ones and numeric ones (&#1051; &#x41B;), the «;» optional as browsers allow. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) { out += s.slice(i); break; }
    out += s.slice(i, amp);
    let j = amp + 1;
    let value: string | null = null;
    if (s[j] === '#') {
      j++;
      const hex = s[j] === 'x' || s[j] === 'X';
      if (hex) j++;
      const from = j;
      while (j < s.length && j - from < 8 && (hex ? /[0-9a-f]/i : /[0-9]/).test(s[j]!)) j++;
      if (j > from) {
        const cp = parseInt(s.slice(from, j), hex ? 16 : 10);
        value = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
    } else {
      const from = j;
      while (j < s.length && j - from < 10 && /[a-z0-9]/i.test(s[j]!)) j++;
      value = NAMED[s.slice(from, j).toLowerCase()] ?? null;
    }
    if (value === null) { out += '&'; i = amp + 1; continue; }
    if (s[j] === ';') j++;
    out += value;
    i = j;
  }
  return out;
}

const HTML_BLOCK = new Set(['p', 'div', 'br', 'tr', 'td', 'th', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'body', 'title', 'section', 'article', 'header', 'footer', 'ul', 'ol', 'dt', 'dd', 'blockquote', 'pre', 'hr']);

/** Text between tags and the tags' own insides (attribute values), one linear scan; unclosed «<» is text to the end. */
function htmlText(html: string, b: Budget): void {
  const body: string[] = [];
  const aside: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { body.push(html.slice(i)); break; }
    body.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      aside.push(html.slice(lt + 4, end < 0 ? html.length : end));
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) { body.push(html.slice(lt)); break; }
    const inside = html.slice(lt + 1, gt);
    let k = inside[0] === '/' ? 1 : 0;
    let tag = '';
    while (k < inside.length && /[a-z0-9]/i.test(inside[k]!)) tag += inside[k++];
    if (HTML_BLOCK.has(tag.toLowerCase())) body.push('\n');
    if (inside.indexOf('=') >= 0) aside.push(decodeEntities(inside));
    i = gt + 1;
  }
  const text = decodeEntities(body.join(''));
  emit(b, text);
  emit(b, aside.join('\n'));
  numbersAsDates(text, b);
}

// ---------------------------------------------------------------- MIME (.mht altChunk)

/** A web archive: its quoted-printable and base64 bodies decoded and read as parts of their own. */
function mimeText(text: string, depth: number, b: Budget): void {
  // Quoted-printable everywhere it is used: =D0=9B… back to bytes, soft line breaks removed.
  const bytes: number[] = [];
  const latin = text;
  for (let i = 0; i < latin.length; i++) {
    const c = latin.charCodeAt(i);
    if (c === 0x3d && i + 2 < latin.length) {
      const h = latin.slice(i + 1, i + 3);
      if (h === '\r\n' || h[0] === '\n') { i += h[0] === '\n' ? 1 : 2; continue; }
      if (/^[0-9A-F]{2}$/i.test(h)) { bytes.push(parseInt(h, 16)); i += 2; continue; }
    }
    if (c < 0x100) bytes.push(c);
    else for (const x of Buffer.from(latin[i]!, 'utf8')) bytes.push(x);
  }
  const decoded = decodeText(Uint8Array.from(bytes)) ?? text;
  // Base64 bodies (images mostly; an attached document sometimes): each block of base64 lines is a part.
  const lines = decoded.split('\n');
  let block: string[] = [];
  const flush = () => {
    if (block.length > 1) readPart('', Buffer.from(block.join(''), 'base64'), depth, b);
    block = [];
  };
  const rest: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.length >= 40 && t.length <= 200 && /^[A-Za-z0-9+/=]+$/.test(t)) block.push(t);
    else { flush(); rest.push(line); }
  }
  flush();
  htmlText(rest.join('\n'), b);
}

// ---------------------------------------------------------------- RTF

const CODEPAGES: Record<number, string> = { 1251: 'windows-1251', 866: 'ibm866', 20866: 'koi8-r', 1252: 'windows-1252', 10007: 'x-mac-cyrillic', 65001: 'utf-8' };

function byteTable(label: string): string[] {
  const dec = new TextDecoder(label);
  return Array.from({ length: 256 }, (_, i) => dec.decode(Uint8Array.of(i)));
}

/**
 * RTF's text: plain characters, \'hh in the document's code page (\ansicpg), \uN with its fallback skipped,
 * paragraph and cell ends as line breaks. One pass with an explicit group stack; a picture makes the file
 * unreadable (its text cannot be seen), an embedded object's bytes are looked through for text strings.
 */
function rtfText(d: Uint8Array, b: Budget): void {
  let table = byteTable('windows-1251');
  const out: string[] = [];
  const stack: { uc: number; kind: 'text' | 'pict' | 'objdata' }[] = [];
  let uc = 1;
  let kind: 'text' | 'pict' | 'objdata' = 'text';
  let skip = 0;
  let hex: number[] = [];
  let i = 0;
  const put = (s: string) => {
    if (skip > 0) { skip--; return; }
    if (kind === 'text') out.push(s);
  };
  while (i < d.length) {
    const c = d[i]!;
    if (c === 0x7b) { // {
      stack.push({ uc, kind });
      if (stack.length > 5000) throw new Refused('limit');
      i++;
      continue;
    }
    if (c === 0x7d) { // }
      if (kind === 'objdata' && hex.length) { binaryStrings(Uint8Array.from(hex), b); hex = []; }
      const top = stack.pop();
      if (top) { uc = top.uc; kind = top.kind; }
      i++;
      continue;
    }
    if (c === 0x5c) { // \
      const n = d[i + 1];
      if (n === undefined) break;
      if (n === 0x27) { // \'hh
        const h = String.fromCharCode(d[i + 2] ?? 0, d[i + 3] ?? 0);
        const v = parseInt(h, 16);
        if (!Number.isNaN(v)) put(table[v]!);
        i += 4;
        continue;
      }
      const isLetter = (x: number | undefined) => x !== undefined && ((x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a));
      if (!isLetter(n)) {
        i += 2;
        if (n === 0x7e) put('\u00a0');
        else if (n === 0x2d) put('\u00ad');
        else if (n === 0x5f) put('\u2011');
        else if (n === 0x7b || n === 0x7d || n === 0x5c) put(String.fromCharCode(n));
        else if (n === 0x0a || n === 0x0d) put('\n');
        continue;
      }
      let j = i + 1;
      let word = '';
      while (j < d.length && isLetter(d[j]) && word.length < 32) word += String.fromCharCode(d[j++]!);
      let num = '';
      if (d[j] === 0x2d) { num = '-'; j++; }
      while (j < d.length && d[j]! >= 0x30 && d[j]! <= 0x39 && num.length < 11) num += String.fromCharCode(d[j++]!);
      if (d[j] === 0x20) j++;
      i = j;
      const arg = num && num !== '-' ? Number(num) : null;
      switch (word) {
        case 'ansicpg': if (arg !== null && CODEPAGES[arg]) table = byteTable(CODEPAGES[arg]!); break;
        case 'uc': uc = arg ?? 1; break;
        case 'u': if (arg !== null) { put(String.fromCharCode(arg < 0 ? arg + 65536 : arg)); skip = uc; } break;
        case 'par': case 'line': case 'row': case 'cell': case 'sect': case 'page': put('\n'); break;
        case 'tab': put('\t'); break;
        case 'pict': b.pictures++; kind = 'pict'; break;
        case 'objdata': kind = 'objdata'; hex = []; break;
        case 'bin': i += Math.max(0, arg ?? 0); break;
        default: if (skip > 0) skip--;
      }
      continue;
    }
    if (c === 0x0d || c === 0x0a) { i++; continue; }
    if (kind === 'objdata') {
      const h = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (h >= 0) {
        // two hex digits a byte: the first one waits in the high bits
        if (hex.length && hex[hex.length - 1]! >= 0x100) hex[hex.length - 1] = ((hex[hex.length - 1]! - 0x100) << 4) | h;
        else hex.push(0x100 + h);
      }
      i++;
      continue;
    }
    put(table[c]!);
    i++;
  }
  const text = out.join('');
  emit(b, text);
  numbersAsDates(text, b);
}

// ---------------------------------------------------------------- binary parts

const printable16 = (c: number) => (c >= 0x20 && c < 0x7f) || (c >= 0x400 && c <= 0x4ff) || c === 0xa0 || c === 0xab || c === 0xbb || c === 0x2116;
const printable8 = (c: number) => (c >= 0x20 && c < 0x7f) || c >= 0xc0 || c === 0xa8 || c === 0xb8 || c === 0xab || c === 0xbb || c === 0xb9;

/**
 * Strings of an embedded binary object (an old Word or Excel file inside a document, a drawing): runs of
 * UTF-16LE letters (how Word 97 and Excel 97 keep Russian text) and of single-byte text (Windows-1251, or
 * UTF-8 when the run is valid UTF-8).
 */
function binaryStrings(d: Uint8Array, b: Budget): void {
  const found: string[] = [];
  for (const start of [0, 1]) {
    let run = '';
    for (let i = start; i + 1 < d.length; i += 2) {
      const c = d[i]! | (d[i + 1]! << 8);
      if (printable16(c)) run += String.fromCharCode(c);
      else {
        if (run.length >= 3) found.push(run);
        run = '';
      }
    }
    if (run.length >= 3) found.push(run);
  }
  const cp1251 = new TextDecoder('windows-1251');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let from = -1;
  for (let i = 0; i <= d.length; i++) {
    if (i < d.length && printable8(d[i]!)) { if (from < 0) from = i; continue; }
    if (from >= 0 && i - from >= 5) {
      const bytes = d.subarray(from, i);
      let s: string;
      try { s = utf8.decode(bytes); } catch { s = cp1251.decode(bytes); }
      found.push(s);
    }
    from = -1;
  }
  const text = found.join('\n');
  emit(b, text);
  numbersAsDates(text, b);
}
