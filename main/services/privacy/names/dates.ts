/**
 * A birth date in any way people write one: 05.04.2013, 5.4.13, 2013-4-5, 04/05/2013, 05042013, «5-го
 * апреля 2013», «"05" апреля 2013 г.», 5.IV.2013, «5 апреля 13 г.», «05 апр. 2013», «2013, 5 апреля»,
 * «April 5, 2013». Read from the tokens (tokens.ts): a day, a month (a number, a word in any case or
 * abbreviated, a Roman numeral) and a year (four digits or two), in the orders people use, each read date
 * then looked up among the pupils' birth dates — one lookup however many pupils there are.
 */
import type { Token } from './tokens.js';

const MONTH_WORDS: [number, string[]][] = [
  [1, ['январь', 'января', 'январю', 'январем', 'январе', 'янв', 'january', 'jan']],
  [2, ['февраль', 'февраля', 'февралю', 'февралем', 'феврале', 'фев', 'февр', 'february', 'feb']],
  [3, ['март', 'марта', 'марту', 'мартом', 'марте', 'мар', 'march', 'mar']],
  [4, ['апрель', 'апреля', 'апрелю', 'апрелем', 'апреле', 'апр', 'april', 'apr']],
  [5, ['май', 'мая', 'маю', 'маем', 'мае', 'may']],
  [6, ['июнь', 'июня', 'июню', 'июнем', 'июне', 'июн', 'june', 'jun']],
  [7, ['июль', 'июля', 'июлю', 'июлем', 'июле', 'июл', 'july', 'jul']],
  [8, ['август', 'августа', 'августу', 'августом', 'августе', 'авг', 'august', 'aug']],
  [9, ['сентябрь', 'сентября', 'сентябрю', 'сентябрем', 'сентябре', 'сен', 'сент', 'september', 'sep', 'sept']],
  [10, ['октябрь', 'октября', 'октябрю', 'октябрем', 'октябре', 'окт', 'october', 'oct']],
  [11, ['ноябрь', 'ноября', 'ноябрю', 'ноябрем', 'ноябре', 'ноя', 'нояб', 'november', 'nov']],
  [12, ['декабрь', 'декабря', 'декабрю', 'декабрем', 'декабре', 'дек', 'december', 'dec']],
];
const MONTHS = new Map<string, number>(MONTH_WORDS.flatMap(([m, ws]) => ws.map((w) => [w, m] as [string, number])));
const ROMAN = new Map(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'].map((r, i) => [r, i + 1]));
/** Roman numerals typed with Cyrillic look-alikes (ХI, Х, ІV). */
const romanOf = (plain: string) => ROMAN.get(plain.replace(/х/g, 'x').replace(/[иі]/g, 'i'));
/** After a day: «5-го», «5-е», «5го». */
const ORDINAL = new Set(['го', 'е', 'ое', 'ого']);
/** After a year: «2013 г.», «2013 года», «2013 г.р.» */
const YEAR_WORD = new Set(['г', 'года', 'год', 'гг']);

/** Separators inside a date: spaces, dots, slashes, dashes, commas, quotes around the day. */
const DATE_GAP = /^[\s.,/\\\-–—«»"'“”„]{1,4}$/;
const gapOk = (t: Token | undefined, allowEmpty = false) => !!t && (allowEmpty && t.gap === '' ? true : DATE_GAP.test(t.gap));

const dayOf = (t: Token | undefined) => (t?.num && t.plain.length <= 2 && Number(t.plain) >= 1 && Number(t.plain) <= 31 ? Number(t.plain) : 0);
const numMonth = (t: Token | undefined) => (t?.num && t.plain.length <= 2 && Number(t.plain) >= 1 && Number(t.plain) <= 12 ? Number(t.plain) : 0);
const wordMonth = (t: Token | undefined) => (t && !t.num ? MONTHS.get(t.plain) ?? romanOf(t.plain) ?? 0 : 0);
const yearOf = (t: Token | undefined) => (t?.num && (t.plain.length === 4 || t.plain.length === 2) ? t.plain : '');

export interface DateHit { first: number; last: number; key: string[] }

const pad = (n: number) => String(n).padStart(2, '0');
/** The keys a day can be looked up by: `2013-04-05` for a four-digit year, `13-04-05` for two. */
const keyOf = (y: string, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The lookup keys of a birth date on file (YYYY-MM-DD). */
export function dateKeys(iso: string): string[] {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? [iso, `${m[1]!.slice(2)}-${m[2]}-${m[3]}`] : [];
}

/** Every date that can be read starting at token i, as lookup keys, with the tokens it spans. */
export function datesAt(ts: readonly Token[], i: number): DateHit[] {
  const t = ts[i]!;
  const out: DateHit[] = [];
  if (t.num) {
    const s = t.plain;
    // Digits only: DDMMYYYY, YYYYMMDD, DDMMYY.
    if (s.length === 8) {
      out.push({ first: i, last: i, key: [keyOf(s.slice(4), Number(s.slice(2, 4)), Number(s.slice(0, 2))), keyOf(s.slice(0, 4), Number(s.slice(4, 6)), Number(s.slice(6)))] });
    } else if (s.length === 6) {
      out.push({ first: i, last: i, key: [keyOf(s.slice(4), Number(s.slice(2, 4)), Number(s.slice(0, 2)))] });
    }
    const d = dayOf(t);
    if (d) {
      // D [-го] M Y, and M/D/Y where both fit.
      let j = i + 1;
      if (ts[j] && !ts[j]!.num && ORDINAL.has(ts[j]!.plain) && (ts[j]!.gap === '-' || ts[j]!.gap === '')) j++;
      const mt = ts[j];
      if (gapOk(mt)) {
        const m = numMonth(mt) || wordMonth(mt);
        const second = j === i + 1 ? dayOf(mt) : 0;
        const yt = ts[j + 1];
        const y = gapOk(yt) ? yearOf(yt) : '';
        const keys: string[] = [];
        if (m && y) keys.push(keyOf(y, m, d));
        if (second && d <= 12 && y) keys.push(keyOf(y, d, second));
        if (keys.length) out.push({ first: i, last: j + 1, key: keys });
      }
    }
    if (s.length === 4) {
      // Y M D (2013-4-5, 2013.04.05) and «2013, 5 апреля», «2013 г., 5 апреля».
      const mt = ts[i + 1];
      const m = gapOk(mt) ? numMonth(mt) || wordMonth(mt) : 0;
      const dt = ts[i + 2];
      if (m && gapOk(dt) && dayOf(dt)) out.push({ first: i, last: i + 2, key: [keyOf(s, m, dayOf(dt))] });
      let k = i + 1;
      if (ts[k] && !ts[k]!.num && YEAR_WORD.has(ts[k]!.plain)) k++;
      const d2 = gapOk(ts[k]) ? dayOf(ts[k]) : 0;
      const m2 = d2 && gapOk(ts[k + 1]) ? wordMonth(ts[k + 1]) : 0;
      if (m2) out.push({ first: i, last: k + 1, key: [keyOf(s, m2, d2)] });
    }
  } else {
    // «April 5, 2013», «апреля 5, 2013».
    const m = MONTHS.get(t.plain);
    const dt = ts[i + 1];
    const d = m && gapOk(dt) ? dayOf(dt) : 0;
    const yt = ts[i + 2];
    const y = d && gapOk(yt) ? yearOf(yt) : '';
    if (m && y) out.push({ first: i, last: i + 2, key: [keyOf(y, m, d)] });
  }
  return out;
}
