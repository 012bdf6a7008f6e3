/**
 * Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF; a
 * surrogate without its pair). One such character anywhere in a .docx or .xlsx makes the whole document
 * unopenable — Word refuses it, LibreOffice too — so they are refused where text comes in (forms, incoming rows)
 * and dropped where documents are written, whatever got into the database before.
 * The expression looks at one character and its neighbour only: linear on any input.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** The forbidden characters that are not surrogates: a plain character class, scanned fast. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const wellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

export function hasXmlForbidden(s: string): boolean {
  // A lone surrogate is what isWellFormed finds (without the look-arounds, which cost every incoming text a slow scan).
  return wellFormed ? !wellFormed.call(s) || CONTROLS.test(s) : FORBIDDEN.test(s);
}

/** The text without what XML cannot hold. */
export function xmlSafe(s: string): string {
  return FORBIDDEN.test(s) ? s.replace(FORBIDDEN_ALL, '') : s;
}

/** A line break typed as Word's vertical tab or a form feed (what a copy from Word brings) becomes a line break. */
export function softBreaks(s: string): string {
  return s.replace(/[\u000B\u000C]/g, '\n');
}

/** Every string inside a plain value (a document's model) made safe; other values as they are. */
export function xmlSafeDeep<T>(v: T): T {
  if (typeof v === 'string') return xmlSafe(v) as T;
  if (Array.isArray(v)) return v.map((x) => xmlSafeDeep(x)) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = xmlSafeDeep(x);
    return out as T;
  }
  return v;
}
