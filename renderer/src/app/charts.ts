/**
 * What every chart's axis and tooltip print: a count of children or activities in whole numbers (a chart
 * of three pupils must not tick 0,5 — 1 — 1,5), other values with a decimal comma, «%» after a no-break space.
 */
export const ruNumber = (v: number): string =>
  Number.isFinite(v) ? v.toLocaleString('ru-RU', { maximumFractionDigits: 1, useGrouping: false }).replace('-', '−') : '';

/** A value with its unit: «45 %», «3,2 балла» stays «3,2 балл» as the indicator's unit is written. */
export const withUnit = (unit: string | null | undefined) => (v: number): string => `${ruNumber(v)}${unit ? `\u00A0${unit}` : ''}`;

/** Axis props for a count: whole ticks only. */
export const COUNT_AXIS = { allowDecimals: false } as const;
