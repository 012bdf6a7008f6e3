/** Small Russian wording helpers shared by the report builders. */
import { count, formatDate } from '../../../common/format.js';
import { NOUNS } from '../../../common/nouns.js';
import type { Period } from './model.js';
import { lastDuePeriod } from '../../../common/timing.js';

export { NOUNS };

export const n = (v: number, noun: keyof typeof NOUNS) => count(v, NOUNS[noun]);

/** After «из»: «из 1 мероприятия», «из 5 мероприятий», «из 21 школы». */
export const GEN = {
  activity: ['мероприятия', 'мероприятий', 'мероприятий'],
  school: ['школы', 'школ', 'школ'],
  teacher: ['педагога', 'педагогов', 'педагогов'],
} as const satisfies Record<string, readonly [string, string, string]>;
export const ofN = (v: number, noun: keyof typeof GEN) => `из ${count(v, GEN[noun])}`;

export const periodText = (p: Period) => `с ${formatDate(p.from)} по ${formatDate(p.to)}`;

/** 18.5 → «18,5»; integers without a decimal part. */
export function num(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const r = Math.round(v * 10 ** digits) / 10 ** digits;
  return r.toLocaleString('ru-RU', { maximumFractionDigits: digits, useGrouping: false }).replace('-', '−');
}

export function share(part: number, whole: number): string {
  if (!whole) return '—';
  return `${Math.round((part / whole) * 100)}\u00A0%`;
}

/** A name as typed → «И.О. Фамилия» for a signature (common/person-name.ts), or the text as typed. */
export { signatureOf, listNameOf } from '../../../common/person-name.js';

/** The place of composition from an address: the settlement before the first comma. */
export function placeOf(address: string, fallback = ''): string {
  const first = address.split(',')[0]?.trim() ?? '';
  return /^(г|д|с|п|пгт|рп|пос|п\.г\.т|с\.п)\.?\s/i.test(first) ? first.replace(/\s*\(.*\)\s*$/, '') : fallback;
}

/**
 * The control date an overdue activity missed: its own date, or for a recurrence («Ежемесячно») the end of
 * its last period — not the end of the whole plan, which may be months ahead of the report's day.
 */
export function expiredOn(timingText: string, dateTo: string, day: string): string {
  if (dateTo && dateTo < day) return dateTo;
  return lastDuePeriod(timingText, day)?.to ?? dateTo;
}
