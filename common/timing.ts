/**
 * Activity timing as users write it («до 19.03.2021», «Ежегодно, сентябрь–октябрь», «Постоянно») → a kind
 * and, where the text allows, the dates the app uses to tell what is due or overdue. The text is always
 * kept as written; the dates are a suggestion the user can correct.
 *
 * A recurrence («Ежегодно», «Один раз в четверть», «Ежегодно, сентябрь–октябрь») has a control date at the
 * end of each of its periods (`recurrenceOf`, `lastDuePeriod`): the overdue rule (db/rules.ts, through the SQL
 * functions db/open.ts registers) asks whether the period that ended last has a completion in it.
 */
import { schoolYearOf, termOf, quarterOf, addDays, type Period } from './periods.js';
import { dayOf, fullYear, monthOfWord } from './dates.js';

export interface ParsedTiming {
  /** `none`: «без срока» — no deadline to meet, never overdue, and no dates made up for it. */
  kind: 'date' | 'deadline' | 'month' | 'period' | 'recurrence' | 'permanent' | 'none';
  dateFrom: string | null;
  dateTo: string | null;
}

const MONTHS: [RegExp, number][] = [
  [/январ/i, 1], [/феврал/i, 2], [/март/i, 3], [/апрел/i, 4], [/ма[йя]/i, 5], [/июн/i, 6],
  [/июл/i, 7], [/август/i, 8], [/сентябр/i, 9], [/октябр/i, 10], [/ноябр/i, 11], [/декабр/i, 12],
];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (d: number, m: number, y: number) => {
  const r = dayOf(d, m, y);
  return r.ok ? r.iso : null;
};
const DASH = String.raw`\s*(?:[-–—]|по)\s*`;
const WORD = '([а-яё]+)\\.?';

/**
 * Ranges written with the month or year once — «14-17.04.2020», «17.03.-03.04.2020», «с 1 по 15 сентября 2020»,
 * «с 30 декабря по 2 января 2021» — written out in full, so each end is a whole date.
 */
function expandRanges(t: string): string {
  const month = (w: string) => monthOfWord(w);
  return t
    .replace(new RegExp(String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.?${DASH}(\d{1,2})\.(\d{1,2})\.(\d{4})`, 'g'), (_, d1, m1, d2, m2, y) =>
      `${d1}.${m1}.${Number(m1) > Number(m2) ? Number(y) - 1 : y} – ${d2}.${m2}.${y}`)
    .replace(new RegExp(String.raw`(?<![\d.])(\d{1,2})${DASH}(\d{1,2})\.(\d{1,2})\.(\d{4})`, 'g'), (_, d1, d2, m, y) => `${d1}.${m}.${y} – ${d2}.${m}.${y}`)
    .replace(new RegExp(String.raw`(?<![\d.])(\d{1,2})\s+${WORD}${DASH}(\d{1,2})\s+${WORD}\s*(\d{4})`, 'g'), (all, d1, w1, d2, w2, y) => {
      const m1 = month(w1);
      const m2 = month(w2);
      return m1 && m2 ? `${d1}.${m1}.${m1 > m2 ? Number(y) - 1 : y} – ${d2}.${m2}.${y}` : all;
    })
    .replace(new RegExp(String.raw`(?<![\d.])(\d{1,2})${DASH}(\d{1,2})\s+${WORD}\s*(\d{4})`, 'g'), (all, d1, d2, w, y) => {
      const m = month(w);
      return m ? `${d1}.${m}.${y} – ${d2}.${m}.${y}` : all;
    });
}

/** Every whole date in a timing text, in the order written: «15.09.2020», «15.09.20», «15 сентября 2020 г.». */
function datesIn(text: string): string[] {
  const t = expandRanges(text);
  const found: { at: number; day: string | null }[] = [];
  for (const m of t.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)/g)) {
    found.push({ at: m.index, day: iso(Number(m[1]), Number(m[2]), m[3]!.length === 2 ? fullYear(Number(m[3])) : Number(m[3])) });
  }
  for (const m of t.matchAll(/(?<!\d)(\d{1,2})\s*([а-яё]+)\.?\s*(\d{4})(?!\d)/g)) {
    const month = monthOfWord(m[2]!);
    if (month) found.push({ at: m.index, day: iso(Number(m[1]), month, Number(m[3])) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.day).filter((d): d is string => !!d);
}

const HALF = /(?<![\dа-яё])(1|2|i{1,2}|перв\S*|втор\S*)\s*(?:-?[а-яё]{1,3}\s+)?полугоди/;
const TERM = /(?<![\dа-яё])([1-4]|iv|i{1,3})\s*(?:-?[а-яё]{1,2}\s+)?четверт/;
const romanOrDigit = (s: string) => (/^\d$/.test(s) ? Number(s) : s === 'iv' ? 4 : s.startsWith('перв') ? 1 : s.startsWith('втор') ? 2 : s.length);

/**
 * «1 полугодие 2020-2021 учебного года» (сентябрь–декабрь 2020), «2 полугодие 2021 года» (июль–декабрь),
 * «III четверть 2020/2021 учебного года» (январь–март 2021). The last half and the last term of a school year
 * end with its lessons, on 31 May, as a school's calendar has it.
 */
function partOfYear(t: string, years: number[]): ParsedTiming | null {
  const y = years[0];
  const half = HALF.exec(t);
  const term = TERM.exec(t);
  if (y === undefined || (!half && !term)) return null;
  const schoolYear = /учебн|уч\.|\d{4}\s*[-–—/]\s*\d{2,4}/.test(t);
  const period = (from: string, to: string): ParsedTiming => ({ kind: 'period', dateFrom: from, dateTo: to });
  if (half) {
    const n = romanOrDigit(half[1]!);
    if (!schoolYear) return n === 1 ? period(`${y}-01-01`, `${y}-06-30`) : period(`${y}-07-01`, `${y}-12-31`);
    return n === 1 ? period(`${y}-09-01`, `${y}-12-31`) : period(`${y + 1}-01-01`, `${y + 1}-05-31`);
  }
  const n = romanOrDigit(term![1]!);
  const bounds: [string, string][] = [[`${y}-09-01`, `${y}-10-31`], [`${y}-11-01`, `${y}-12-31`], [`${y + 1}-01-01`, `${y + 1}-03-31`], [`${y + 1}-04-01`, `${y + 1}-05-31`]];
  const [from, to] = bounds[n - 1]!;
  return period(from, to);
}

/** «Без срока», a dash or nothing at all: the activity has no deadline (seed 000's sub-activities). */
const NO_DEADLINE = /^(без срока|бессрочно|срок не (установлен|определ[её]н)|не установлен|[-–—]?)$/;

function monthsIn(text: string): number[] {
  const found: { at: number; m: number }[] = [];
  for (const [re, m] of MONTHS) {
    const g = new RegExp(re.source, 'gi');
    let x: RegExpExecArray | null;
    while ((x = g.exec(text))) found.push({ at: x.index, m });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.m);
}

/** @param defaultYear used when the text names months but no year (e.g. the programme's first year). */
export function parseTiming(text: string, defaultYear?: number): ParsedTiming {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (NO_DEADLINE.test(t)) return { kind: 'none', dateFrom: null, dateTo: null };
  const dates = datesIn(t);
  const years = [...t.matchAll(/(?<!\d)(20\d\d|19\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  const months = monthsIn(t);

  if (/постоянно|в течение (всего )?(периода|программы)/.test(t)) return { kind: 'permanent', dateFrom: null, dateTo: null };
  // «В течение 2020 г. и последующий период»: from that year on, with no end — never overdue.
  if (/и после?дующ|и далее|по настоящее время|без ограничения срока/.test(t)) {
    return { kind: 'permanent', dateFrom: dates[0] ?? (years[0] !== undefined ? `${years[0]}-01-01` : null), dateTo: null };
  }
  if (dates.length === 0) {
    const part = partOfYear(t, years);
    if (part) return part;
  }
  if (/ежегодно|ежемесячно|еженедельно|раз в|по мере|ежеквартально|в течение (учебного )?года|каждую|каждый/.test(t) && dates.length === 0) {
    return { kind: 'recurrence', dateFrom: null, dateTo: null };
  }
  if (/^до\s|не позднее|в срок до/.test(t) && dates.length >= 1) return { kind: 'deadline', dateFrom: null, dateTo: dates[0]! };
  if (dates.length >= 2) return { kind: 'period', dateFrom: dates[0]!, dateTo: dates[dates.length - 1]! };
  if (dates.length === 1) return { kind: 'date', dateFrom: dates[0]!, dateTo: dates[0]! };
  if (months.length >= 1) {
    const y1 = years[0] ?? defaultYear;
    if (y1 === undefined) return { kind: months.length > 1 ? 'period' : 'month', dateFrom: null, dateTo: null };
    const m1 = months[0]!;
    const m2 = months[months.length - 1]!;
    // «Март–апрель 2026/2027 уч. г.»: months of a school year fall in its autumn (September on) or its spring.
    const school = /(?<!\d)(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)/.exec(t);
    const sy = school && Number(school[2]!.slice(-2)) === (Number(school[1]) + 1) % 100 ? Number(school[1]) : null;
    if (sy !== null) {
      const yOf = (m: number) => (m >= 9 ? sy : sy + 1);
      return { kind: months.length > 1 ? 'period' : 'month', dateFrom: `${yOf(m1)}-${pad(m1)}-01`, dateTo: `${yOf(m2)}-${pad(m2)}-${pad(lastDay(yOf(m2), m2))}` };
    }
    const y2 = years[years.length - 1] ?? (m2 < m1 ? y1 + 1 : y1);
    return {
      kind: months.length > 1 ? 'period' : 'month',
      dateFrom: `${y1}-${pad(m1)}-01`,
      dateTo: `${y2}-${pad(m2)}-${pad(lastDay(y2, m2))}`,
    };
  }
  if (years.length >= 2) return { kind: 'period', dateFrom: `${years[0]}-09-01`, dateTo: `${years[years.length - 1]}-08-31` };
  if (years.length === 1) return { kind: 'period', dateFrom: `${years[0]}-01-01`, dateTo: `${years[0]}-12-31` };
  // Text the parser does not know is kept as written with no deadline made up for it; the user sets the dates.
  return { kind: 'none', dateFrom: null, dateTo: null };
}

/** How often a recurring activity comes due; `months`: the part of each year it falls in (сентябрь–октябрь). */
export interface Recurrence {
  every: 'school_year' | 'year' | 'term' | 'quarter' | 'month' | 'week';
  months?: [number, number];
}

/** The recurrence a timing text describes, or null: a one-off, «постоянно», «по мере необходимости». */
export function recurrenceOf(text: string): Recurrence | null {
  const t = text.trim().toLowerCase();
  if (parseTiming(text).kind !== 'recurrence' || /по мере/.test(t)) return null;
  if (/еженедельно|каждую неделю|раз в неделю|каждый (понедельник|вторник|четверг|пятниц)|каждую (среду|пятницу|субботу)/.test(t)) return { every: 'week' };
  if (/ежемесячно|каждый месяц|раз в месяц/.test(t)) return { every: 'month' };
  if (/четверт/.test(t)) return { every: 'term' };
  if (/ежеквартально|квартал/.test(t)) return { every: 'quarter' };
  const months = monthsIn(t);
  if (/ежегодно|каждый год|раз в год/.test(t) && months.length) return { every: 'year', months: [months[0]!, months[months.length - 1]!] };
  if (/ежегодно|каждый год|раз в год|в течение (учебного )?года|полугоди/.test(t)) return { every: 'school_year' };
  return null;
}

/** The period of a recurrence that contains a day. */
function periodOf(r: Recurrence, day: string): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (r.every) {
    case 'school_year': return schoolYearOf(day);
    case 'term': return termOf(day);
    case 'quarter': return quarterOf(day);
    case 'month': return { from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-${pad(lastDay(y, m))}` };
    case 'week': {
      const dow = (new Date(day + 'T00:00:00Z').getUTCDay() + 6) % 7;
      return { from: addDays(day, -dow), to: addDays(day, 6 - dow) };
    }
    case 'year': {
      // The window of the year it falls in; a window across New Year (декабрь–январь) starts the year before.
      const [m1, m2] = r.months ?? [1, 12];
      const start = m2 < m1 && m <= m2 ? y - 1 : y;
      const end = m2 < m1 ? start + 1 : start;
      return { from: `${start}-${pad(m1)}-01`, to: `${end}-${pad(m2)}-${pad(lastDay(end, m2))}` };
    }
  }
}

/** The latest period of a recurrence whose control date (its last day) is before `day`, or null for a non-recurrence. */
export function lastDuePeriod(text: string, day: string): Period | null {
  const r = recurrenceOf(text);
  if (!r) return null;
  const p = periodOf(r, day);
  if (p.to < day) return p;
  return r.every === 'year' ? periodOf(r, `${Number(p.from.slice(0, 4)) - 1}${p.from.slice(4)}`) : periodOf(r, addDays(p.from, -1));
}

/** The period after `p`: the next year's window for a yearly one, the adjacent period otherwise. */
function nextPeriod(r: Recurrence, p: Period): Period {
  return r.every === 'year' ? periodOf(r, `${Number(p.from.slice(0, 4)) + 1}${p.from.slice(4)}`) : periodOf(r, addDays(p.to, 1));
}

/** Every control date of a recurrence from `from` to `to` (inclusive): the last day of each of its periods. */
export function controlDates(text: string, from: string, to: string): string[] {
  const r = recurrenceOf(text);
  if (!r) return [];
  const out: string[] = [];
  for (let p = periodOf(r, from); p.from <= to; p = nextPeriod(r, p)) if (p.to >= from && p.to <= to) out.push(p.to);
  return out;
}
