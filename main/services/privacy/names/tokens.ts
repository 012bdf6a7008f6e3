/**
 * Text as the name check reads it: words and numbers, each with its place in the ORIGINAL text, so a
 * finding points at what the user typed and «Заменить имена кодами» replaces exactly that.
 *
 * What a teacher may type that still names the child, and how it is undone here:
 * - a soft hyphen or a zero-width char inside a word (copied from Word or a site): dropped, the word stays one;
 * - compatibility forms (full-width letters, ligatures, «е» + combining diaeresis): NFKC per character cluster;
 * - a Latin look-alike letter in a Cyrillic word («Ивaнов» with a Latin «a»): folded to the Cyrillic letter;
 * - a name in Latin letters (Ivanova, Petya, Chernykh): every word is compared by its `key`, a lossy Latin
 *   skeleton that Cyrillic and the usual transliterations (ГОСТ, passport, informal) of it share. A skeleton
 *   for both sides, not back-transliteration: Latin spelling of й/ы/ь/ё is too ambiguous to undo
 *   (Dmitriy/Dmitry, Natalya/Natalia, Artyom/Artem), while every spelling collapses to the same skeleton.
 */

export interface Token {
  /** Positions in the original text: text.slice(start, end) is the word as typed (with any invisible chars). */
  start: number;
  end: number;
  num: boolean;
  /** Lowered, ё → е, look-alikes folded to the word's script: what dates and initials are read from. */
  plain: string;
  /** The transliteration skeleton every spelling of a name shares (see skeleton()). */
  key: string;
  /** The first letter was a capital in the original. */
  cap: boolean;
  /** Every letter was a capital (ИС, ЛИ). */
  caps: boolean;
  /** The separators between the previous token and this one, as typed (invisible chars dropped). */
  gap: string;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE_ALL = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Latin letters that look like Cyrillic ones, lowered. «b» is ь in lower case and в in upper case (handled below). */
const LAT_TO_CYR: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', i: 'і', n: 'п', u: 'и', r: 'г' };
const CYR_TO_LAT: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', к: 'k', м: 'm', т: 't', н: 'h', в: 'b', і: 'i' };

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'i', є: 'e', ў: 'u',
};

/**
 * The skeleton of a lowered word: Cyrillic spelled in Latin, then the differences between transliteration
 * systems dropped (kh/h, x/ks, y/i/j, ye/e, yo/e, doubled letters). Иванова, Ivanova → ivanova; Черных,
 * Chernykh, Chernyh → chernih; Дмитрий, Dmitriy, Dmitry → dmitri; Наталья, Natalya, Natalia → natalia.
 */
export function skeleton(word: string): string {
  let s = '';
  for (const ch of word) s += TRANSLIT[ch] ?? ch;
  // One pass with a look ahead (every word of every text comes through here).
  let out = '';
  let last = '';
  const emit = (r: string) => {
    for (const ch of r) if (ch !== last) { out += ch; last = ch; }
  };
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    const n = s[i + 1];
    if (c === 's' && n === 'h' && s[i + 2] === 'c' && s[i + 3] === 'h') { emit('sh'); i += 4; }
    else if (c === 's' && n === 'c' && s[i + 2] === 'h') { emit('sh'); i += 3; }
    else if (c === 'k' && n === 'h') { emit('h'); i += 2; }
    else if (c === 'p' && n === 'h') { emit('f'); i += 2; }
    else if (c === 't' && n === 'z') { emit('ts'); i += 2; }
    else if (c === 'c') {
      if (n === 'h') { emit('ch'); i += 2; }
      else if (n === 'k') { emit('k'); i += 2; }
      else { emit(n === 'e' || n === 'i' || n === 'y' ? 'ts' : 'k'); i++; }
    }
    else if (c === 'y' || c === 'j') {
      if (n === 'e' || n === 'o') { emit('e'); i += 2; } else { emit('i'); i++; }
    }
    else { emit(c === 'x' ? 'ks' : c === 'w' ? 'v' : c === 'q' ? 'k' : c); i++; }
  }
  return out;
}

const isCyr = (c: number) => (c >= 0x400 && c <= 0x4ff);
const isLatin = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
/** Combining marks other than the breve of й and the diaeresis of ё. */
const ACCENTS = /[\u0300-\u0305\u0307\u0309-\u036f\u0483-\u0489]/g;

/** The word as read: lowered, ё → е, and in a word that mixes scripts the minority script's look-alikes folded. */
function readWord(raw: string): string {
  let lower = raw.toLowerCase().replace(/ё/g, 'е');
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isCyr(c)) cyr++;
    else if (isLatin(c)) lat++;
  }
  if (cyr && lat) {
    // To Cyrillic when every Latin letter has a look-alike (Ивaнов, Kим); else the other way (Ivаnov with a Cyrillic а).
    const toCyr = [...lower].every((ch) => !isLatin(ch.charCodeAt(0)) || ch in LAT_TO_CYR);
    let out = '';
    for (let i = 0; i < lower.length; i++) {
      const ch = lower[i]!;
      if (toCyr && isLatin(ch.charCodeAt(0))) out += ch === 'b' && raw[i] === 'b' ? 'ь' : LAT_TO_CYR[ch]!;
      else if (!toCyr && isCyr(ch.charCodeAt(0))) out += CYR_TO_LAT[ch] ?? ch;
      else out += ch;
    }
    lower = out;
  }
  // і — Ukrainian, or what a look-alike «i» became — reads as и.
  return lower.replace(/і/g, 'и');
}

/** Words as read, by the word as typed: school texts repeat their words, and a lookup is cheaper than reading one again. */
const seen = new Map<string, { plain: string; key: string; cap: boolean; caps: boolean }>();

/** Compatibility forms, once per text: most texts are plain Cyrillic and skip it. */
const NEEDS_NFKC = /[^\u0000-\u024f\u0400-\u04ff\u2000-\u206f]/;

function wordToken(raw: string, start: number, end: number, gap: string): Token {
  let r = seen.get(raw);
  if (!r) {
    if (seen.size > 100_000) seen.clear();
    const plain = readWord(raw);
    const first = raw[0]!;
    r = { plain, key: skeleton(plain), cap: first !== first.toLowerCase(), caps: raw === raw.toUpperCase() && raw !== raw.toLowerCase() };
    seen.set(raw, r);
  }
  return { start, end, num: false, plain: r.plain, key: r.key, cap: r.cap, caps: r.caps, gap };
}

const WORD_OR_NUMBER = /[0-9]+|[a-zA-Z\u00c0-\u024f\u0400-\u04ff\p{L}]+/gu;

/** Most texts: no invisible chars, nothing NFKC would change. The regex engine finds the words (the loop below is for the rest). */
function plainTokens(text: string, out: Token[]): Token[] {
  let prev = 0;
  for (const m of text.matchAll(WORD_OR_NUMBER)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const gap = text.slice(prev, start);
    const c = raw.charCodeAt(0);
    out.push(c >= 0x30 && c <= 0x39 ? { start, end, num: true, plain: raw, key: raw, cap: false, caps: false, gap } : wordToken(raw, start, end, gap));
    prev = end;
  }
  return out;
}

/**
 * The words and numbers of a text. A letter run is one word even across invisible chars; digits make a
 * number; anything else separates. Hyphenated words are two (Римская-Корсакова, 5-го).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  if (!text) return out;
  const fancy = NEEDS_NFKC.test(text);
  if (!fancy && !INVISIBLE.test(text)) return plainTokens(text, out);
  let word = '';
  let wordKind: 'w' | 'n' | null = null;
  let start = 0;
  let end = 0;
  let gap = '';
  let pendingGap = '';
  const flush = () => {
    if (!wordKind) return;
    const clean = word;
    if (wordKind === 'n') {
      out.push({ start, end, num: true, plain: clean, key: clean, cap: false, caps: false, gap: pendingGap });
    } else {
      out.push(wordToken(clean, start, end, pendingGap));
    }
    word = '';
    wordKind = null;
    pendingGap = '';
    gap = '';
  };
  const feed = (ch: string, from: number, to: number) => {
    const c = ch.charCodeAt(0);
    const digit = c >= 0x30 && c <= 0x39;
    const letter = !digit && (isCyr(c) || isLatin(c) || (c > 0x7f && LETTER.test(ch)));
    const kind = digit ? 'n' : letter ? 'w' : null;
    if (kind && kind === wordKind) { word += ch; end = to; return; }
    flush();
    if (kind) {
      wordKind = kind; word = ch; start = from; end = to; pendingGap = gap;
    } else {
      gap += ch;
    }
  };
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    if (INVISIBLE.test(ch)) { i += len; continue; }
    if (!fancy) { feed(ch, i, i + len); i += len; continue; }
    // A cluster: the char and any combining marks after it (е + ̈ → ё), read as one.
    let j = i + len;
    while (j < text.length && (MARK.test(text[j]!) || INVISIBLE.test(text[j]!))) j++;
    // Accents go (Ива́нов, Kím), the marks that make й and ё stay.
    const cluster = text.slice(i, j).replace(INVISIBLE_ALL, '').normalize('NFKD').replace(ACCENTS, '').normalize('NFC');
    for (const c of cluster) if (!MARK.test(c)) feed(c, i, j);
    i = j;
  }
  flush();
  return out;
}
