/**
 * Activity timing as users write it («до 19.03.2021», «Ежегодно, сентябрь–октябрь», «Постоянно») → a kind
 * and, where the text allows, the dates the app uses to tell what is due or overdue. The text is always
 * kept as written; the dates are a suggestion the user can correct.
 *
 * A recurrence («Ежегодно», «Один раз в четверть», «Ежегодно, сентябрь–октябрь») has a control date at the
 * end of each of its periods (`recurrenceOf`, `lastDuePeriod`): the overdue rule (db/rules.ts, through the SQL
 * functions db/open.ts registers) asks whether the period that ended last has a completion in it.
 */
import { isRealDate } from './format.js';
import { schoolYearOf, termOf, quarterOf, addDays, type Period } from './periods.js';

export interface ParsedTiming {
  kind: 'date' | 'deadline' | 'month' | 'period' | 'recurrence' | 'permanent';
  dateFrom: string | null;
  dateTo: string | null;
}

const MONTHS: [RegExp, number][] = [
  [/январ/i, 1], [/феврал/i, 2], [/март/i, 3], [/апрел/i, 4], [/ма[йя]/i, 5], [/июн/i, 6],
  [/июл/i, 7], [/август/i, 8], [/сентябр/i, 9], [/октябр/i, 10], [/ноябр/i, 11], [/декабр/i, 12],
];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ruToIso = (d: string, m: string, y: string) => {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
};

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
  const t = text.trim().toLowerCase();
  const dates = [...t.matchAll(/(\d{1,2})\.(\d{1,2})\.(\d{4})/g)].map((m) => ruToIso(m[1]!, m[2]!, m[3]!)).filter((d): d is string => !!d);
  const years = [...t.matchAll(/\b(20\d\d|19\d\d)\b/g)].map((m) => Number(m[1]));
  const months = monthsIn(t);

  if (/постоянно|в течение (всего )?(периода|программы)/.test(t)) return { kind: 'permanent', dateFrom: null, dateTo: null };
  // «В течение 2020 г. и последующий период»: from that year on, with no end — never overdue.
  if (/и после?дующ|и далее|по настоящее время|без ограничения срока/.test(t)) {
    return { kind: 'permanent', dateFrom: dates[0] ?? (years[0] !== undefined ? `${years[0]}-01-01` : null), dateTo: null };
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
    const y2 = years[years.length - 1] ?? (m2 < m1 ? y1 + 1 : y1);
    return {
      kind: months.length > 1 ? 'period' : 'month',
      dateFrom: `${y1}-${pad(m1)}-01`,
      dateTo: `${y2}-${pad(m2)}-${pad(lastDay(y2, m2))}`,
    };
  }
  if (years.length >= 2) return { kind: 'period', dateFrom: `${years[0]}-09-01`, dateTo: `${years[years.length - 1]}-08-31` };
  if (years.length === 1) return { kind: 'period', dateFrom: `${years[0]}-01-01`, dateTo: `${years[0]}-12-31` };
  return { kind: 'recurrence', dateFrom: null, dateTo: null };
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
