/**
 * Activity timing as users write it («до 19.03.2021», «Ежегодно, сентябрь–октябрь», «Постоянно») → a kind
 * and, where the text allows, the dates the app uses to tell what is due or overdue. The text is always
 * kept as written; the dates are a suggestion the user can correct.
 */
import { isRealDate } from './format.js';

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
