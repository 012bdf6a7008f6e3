/**
 * A date as people type it into a date field — «01.09.2020», «01.09.20», «01,09,2020» (the numeric keypad of a
 * Russian keyboard types a comma), «01092020», «2020-09-01», «1 сентября 2020», «1 сент. 2020 г.» — read into an
 * ISO day, or a Russian sentence saying what is wrong with it. Every date field of the app reads through this
 * one function, and the contract checks with it too, so what the field accepts is what main accepts; what it
 * cannot read stays in the field with the message under it instead of being dropped.
 */

export type TypedDate = { ok: true; iso: string | null } | { ok: false; message: string };

/** Stems of the month names: the genitive «сентября», the nominative «сентябрь» and the abbreviations «сент.», «сен». */
const MONTH_STEMS: [RegExp, number][] = [
  [/^янв/, 1], [/^фев/, 2], [/^мар/, 3], [/^апр/, 4], [/^ма[йя]$/, 5], [/^июн/, 6],
  [/^июл/, 7], [/^авг/, 8], [/^сен/, 9], [/^окт/, 10], [/^ноя/, 11], [/^дек/, 12],
];

const MONTHS_PREP = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];

/** «сентября», «сент», «сен» → 9; null if it is not a month. */
export function monthOfWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  for (const [re, m] of MONTH_STEMS) if (re.test(w)) return m;
  return null;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const dayWord = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 'день' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 'дня' : 'дней');

/**
 * A two-digit year: «20» is 2020, «65» is 1965 (a birth date). Years up to 49 are this century: a school's
 * dates are of this century, a person born in the fifties or later writes a year from 50 up.
 */
export const fullYear = (yy: number) => (yy < 50 ? 2000 + yy : 1900 + yy);

/** Day, month and year as typed → an ISO day, or why there is no such day. */
export function dayOf(d: number, m: number, y: number): TypedDate {
  if (y < 1900 || y > 2099) return { ok: false, message: `Год ${y} — проверьте дату: год пишется четырьмя цифрами, например 01.09.2020` };
  if (m < 1 || m > 12) return { ok: false, message: `Месяца с номером ${m} нет — проверьте дату (ДД.ММ.ГГГГ: сначала день, потом месяц)` };
  const n = daysIn(y, m);
  if (d < 1 || d > n) return { ok: false, message: `Такой даты нет: в ${MONTHS_PREP[m - 1]} ${y} года ${n} ${dayWord(n)}` };
  return { ok: true, iso: `${y}-${pad(m)}-${pad(d)}` };
}

const YEAR_TAIL = String.raw`\s*(?:г\.?|года?)?`;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})\s*[.,/\-\s]\s*(\d{1,2})\s*[.,/\-\s]\s*(\d{4}|\d{2})${YEAR_TAIL}$`, 'i');
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORDS = new RegExp(String.raw`^(\d{1,2})\s*([а-яё]+\.?)\s*(\d{4}|\d{2})${YEAR_TAIL}$`, 'i');
const NO_YEAR = /^(\d{1,2})\s*[.,/\-\s]\s*(\d{1,2})[.,]?$|^(\d{1,2})\s*[а-яё]+\.?$/i;

const year = (s: string) => (s.length === 2 ? fullYear(Number(s)) : Number(s));

/** What a person typed into a date field → an ISO day (null for an empty field), or a Russian message. */
export function parseTypedDate(text: string): TypedDate {
  const t = text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').trim();
  if (!t) return { ok: true, iso: null };
  let m = ISO.exec(t);
  if (m) return dayOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = NUMERIC.exec(t);
  if (m) return dayOf(Number(m[1]), Number(m[2]), year(m[3]!));
  if (/^\d{8}$/.test(t)) return dayOf(Number(t.slice(0, 2)), Number(t.slice(2, 4)), Number(t.slice(4)));
  if (/^\d{6}$/.test(t)) return dayOf(Number(t.slice(0, 2)), Number(t.slice(2, 4)), fullYear(Number(t.slice(4))));
  m = WORDS.exec(t);
  if (m) {
    const month = monthOfWord(m[2]!);
    if (month === null) return { ok: false, message: `Не удалось прочитать месяц «${m[2]}» — напишите, например, «1 сентября 2020» или 01.09.2020` };
    return dayOf(Number(m[1]), month, year(m[3]!));
  }
  if (NO_YEAR.test(t)) return { ok: false, message: 'Допишите год: например, 01.09.2020' };
  return { ok: false, message: 'Не удалось прочитать дату — введите её как ДД.ММ.ГГГГ, например 01.09.2020' };
}

/** A real day of the years dayOf accepts (1900–2099); checked by hand, as every incoming row's date ranges pass here. */
function isIsoDay(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  let y = 0, m = 0, d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysIn(y, m));
}

/**
 * A start and an end not the wrong way round. Only two real days are compared: an empty end is open, and a date
 * still as typed («31.02.2021») has its own message — it is not also «раньше даты начала».
 */
export function datesInOrder(from: unknown, to: unknown): boolean {
  return !isIsoDay(from) || !isIsoDay(to) || from <= to;
}
