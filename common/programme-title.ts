/**
 * How a school's programme is named wherever more than one can be meant — the programme page's selector, the
 * department's school card, the справка: its title with its years (two programmes are usually both called
 * «Программа повышения качества образования»), and whether it is finished.
 */
import { formatDate } from './format.js';

/** A programme row as any layer holds it: title, year_from, year_to, archived_on, created_at are read. */
export type ProgrammeLike = Readonly<Record<string, unknown>>;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** «Программа повышения качества образования (2025–2030)»; the years are not repeated when the title has them. */
export function programmeTitle(p: ProgrammeLike): string {
  const title = str(p.title);
  const years = `${str(p.year_from)}–${str(p.year_to)}`;
  return title.includes(str(p.year_from)) ? title : `${title} (${years})`;
}

/** «завершена 31.08.2025» for a finished programme (on `day`, or at all), else ''. */
export function programmeState(p: ProgrammeLike, day?: string): string {
  const on = str(p.archived_on);
  if (!on || (day && on > day)) return '';
  return `завершена ${formatDate(on)}`;
}

/** The title with the state: what a list of programmes shows for each. */
export function programmeLabel(p: ProgrammeLike, day?: string): string {
  const state = programmeState(p, day);
  return state ? `${programmeTitle(p)}, ${state}` : programmeTitle(p);
}

/**
 * For a narrow selector: the years first, then the state, then the title — what tells two programmes apart stays
 * visible when the title is cut off: «2023–2025, завершена 31.08.2025 — Программа повышения качества образования».
 */
export function programmeOption(p: ProgrammeLike, day?: string): string {
  const state = programmeState(p, day);
  return `${str(p.year_from)}–${str(p.year_to)}${state ? `, ${state}` : ''} — ${str(p.title)}`;
}

/** The current programme first (not finished, the latest start, the latest written), then the others the same way. */
export function byCurrent<P extends ProgrammeLike>(list: readonly P[], day?: string): P[] {
  const key = (p: P) => [programmeState(p, day) ? 1 : 0, -Number(p.year_from ?? 0), str(p.created_at)] as const;
  return [...list].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || (y[2] < x[2] ? -1 : y[2] > x[2] ? 1 : 0);
  });
}
