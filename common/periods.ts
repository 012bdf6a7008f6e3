/**
 * The periods Опора counts in, as ISO dates (inclusive): the school year, the school term (четверть) and
 * the calendar quarter. Pure functions of a day, shared by the services (figures, reports) and by the
 * renderer (a report's default period), so both mean the same thing by «этот учебный год» or «квартал».
 */

export interface Period {
  from: string;
  to: string;
}

/** The school year that contains a day: 1 September … 31 August. */
export function schoolYearOf(day: string): Period {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** The school term (четверть) containing a day: I Sep–Oct, II Nov–Dec, III Jan–Mar, IV Apr–Aug. */
export function termOf(day: string): Period & { label: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (m >= 9 && m <= 10) return { from: `${y}-09-01`, to: `${y}-10-31`, label: `I четверть ${y}/${y + 1} учебного года` };
  if (m >= 11) return { from: `${y}-11-01`, to: `${y}-12-31`, label: `II четверть ${y}/${y + 1} учебного года` };
  if (m <= 3) return { from: `${y}-01-01`, to: `${y}-03-31`, label: `III четверть ${y - 1}/${y} учебного года` };
  return { from: `${y}-04-01`, to: `${y}-08-31`, label: `IV четверть ${y - 1}/${y} учебного года` };
}

/** The calendar quarter containing a day (the quarterly monitoring). */
export function quarterOf(day: string): Period & { label: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: `${y}-${ends[q]}`, label: `${['I', 'II', 'III', 'IV'][q]} квартал ${y} года` };
}

/** The day `n` days after (or before, when negative) an ISO day. */
export function addDays(day: string, n: number): string {
  const t = new Date(day + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (ISO days or timestamps; only the date part counts). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10) + 'T00:00:00Z') - Date.parse(a.slice(0, 10) + 'T00:00:00Z')) / 86_400_000);
}

/**
 * The day a report's figures are as of: the end of its period, or today when the period has not ended —
 * what was overdue, who had a mentor, who was in the risk group «на дату».
 */
export function reportDay(period: Period, today: string): string {
  return period.to < today ? period.to : today;
}
