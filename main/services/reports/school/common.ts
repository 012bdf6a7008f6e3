/**
 * What the sections of the school справка share: the source (a school's own file, or the municipality's
 * merged copy limited to one school), one query runner with the day and the period bound, and small text
 * helpers.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { formatDate } from '../../../../common/format.js';
import type { SchoolFigures } from '../../school/figures.js';
import type { Period } from '../model.js';

export interface SchoolSource {
  raw: BetterSqlite3.Database;
  /** Limit every query to rows owned by this school (the municipality's merged data); absent: every row. */
  owner?: string;
  /** Today, YYYY-MM-DD: the date of the document, and the day of the figures when the period has not ended. */
  today: string;
}

export type R = Record<string, string | number | null>;

/** The rows of the school the справка is about: every query names its main table `t` and adds this. */
export const OWNED = '(@owner IS NULL OR t.owner = @owner)';

/** A query with @owner, @day (the day of the figures), @from and @to bound; `params` adds or overrides. */
export type Query = (sql: string, params?: Record<string, unknown>) => R[];

export function reportQuery(src: SchoolSource, period: Period, day: string): Query {
  const base = { owner: src.owner ?? null, day, from: period.from, to: period.to };
  return (sql, params = {}) => src.raw.prepare(sql).all({ ...base, ...params }) as R[];
}

/** What each section gets. */
export interface Section {
  src: SchoolSource;
  q: Query;
  period: Period;
  /** The day the figures are as of: the end of the period, or today. */
  day: string;
  /** The school's figures (figures.ts), the same as on its dashboard and in the monitoring. */
  facts: SchoolFigures;
  /** The current programme of those covered: its indicators and acts are printed. */
  programme: R | null;
  /** Every programme the справка covers (programmesOf), the current one first. */
  programmes: R[];
}

export const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** «Создание условий…» → «создание условий…», but «ВПР …» stays as it is. */
export const lowerFirst = (t: string) => (/^[А-ЯЁA-Z][а-яёa-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);

export const dateRange = (from: unknown, to: unknown) => {
  const a = formatDate(s(from));
  const b = formatDate(s(to));
  return a && b && a !== b ? `${a}–${b}` : a || b;
};
