/** Russian formatting shared by the UI, reports and the command line. */
import { parseTypedDate } from './dates.js';

/** "2021-03-19" or an ISO timestamp → "19.03.2021"; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "19.03.2021" (or any form common/dates.ts reads) → "2021-03-19"; null if it is not a real calendar date. */
export function parseRuDate(text: string): string | null {
  const r = parseTypedDate(text);
  return r.ok ? r.iso : null;
}

/** The number written by the digits of s[from, to), or -1 if one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isRealDate(iso: string): boolean {
  // By hand, not by a regular expression and a Date: every incoming row's dates pass here.
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return false;
  const y = digits(iso, 0, 4), m = digits(iso, 5, 7), d = digits(iso, 8, 10);
  // Years before 100 were never real dates here (Date.UTC reads them as 19xx).
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Local calendar date of a moment as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** «25.11.2026 в 10:05»: a moment (ISO) in the computer's local time. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} в ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** «840 Б», «12,5 КБ», «3,2 МБ». */
export function formatSize(bytes: number): string {
  const n = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024)} КБ`;
  return `${n(bytes / (1024 * 1024))} МБ`;
}

/** Russian plural: plural(5, ['мероприятие', 'мероприятия', 'мероприятий']) → 'мероприятий'. */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b > 1 && b < 5) return forms[1];
  if (b === 1) return forms[0];
  return forms[2];
}

// toLocaleString('ru-RU') builds a formatter per call, and the first one loads the Russian number data: a first
// screen with dozens of counts paid hundreds of milliseconds for them on a slow computer. A whole number under
// a thousand reads the same without a formatter; larger ones (grouped «1 000») share one, made when first needed.
let ruInteger: Intl.NumberFormat | undefined;
const ruCount = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1000 ? String(n) : (ruInteger ??= new Intl.NumberFormat('ru-RU')).format(n));

/** "5 мероприятий" */
export function count(n: number, forms: readonly [string, string, string]): string {
  return `${ruCount(n)} ${plural(n, forms)}`;
}

/** «сегодня», «вчера», «3 дня назад» — never «0 дней назад». */
export function daysAgo(days: number): string {
  if (days <= 0) return 'сегодня';
  if (days === 1) return 'вчера';
  return `${count(days, ['день', 'дня', 'дней'])} назад`;
}

export function formatPercent(share: number | null): string {
  if (share === null || Number.isNaN(share)) return '—';
  return `${Math.round(share * 100)} %`;
}

const MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/**
 * "2026-10-15" → «15 октября 2026 г.» (dates in the text of a document); empty for null. The spaces after the
 * day and before «г.» are non-breaking (U+00A0), so a line never ends on «15» or starts with «г.».
 */
export function formatDateLong(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${Number(m[3])}\u00a0${MONTHS_GEN[Number(m[2]) - 1]} ${m[1]}\u00a0г.`;
}

/** «15 октября 2026 г.», «с 15 по 17 октября 2026 г.», «с 30 сентября по 2 октября 2026 г.», «с 30 декабря 2026 г. по 2 января 2027 г.». */
export function formatDateRangeLong(from: string, to: string | null | undefined): string {
  if (!to || to === from) return formatDateLong(from);
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(from);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(to);
  if (!a || !b) return `${formatDateLong(from)} – ${formatDateLong(to)}`;
  if (a[1] !== b[1]) return `с ${formatDateLong(from)} по ${formatDateLong(to)}`;
  const end = formatDateLong(to);
  if (a[2] !== b[2]) return `с ${Number(a[3])}\u00a0${MONTHS_GEN[Number(a[2]) - 1]} по ${end}`;
  return `с ${Number(a[3])} по ${end}`;
}
