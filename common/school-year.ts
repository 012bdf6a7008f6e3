/** The school year, the period most figures and reports are counted over. */

/** A period, inclusive, as ISO dates. */
export interface Period {
  from: string;
  to: string;
}

/** The school year that contains a date: 1 September … 31 August. */
export function schoolYearOf(iso: string): Period {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const start = m >= 9 ? y : y - 1;
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}
