/**
 * A school's figures — the numbers its dashboard, the municipality's summary and school card, the school
 * справка and the quarterly monitoring print — computed in one place, from the rules in rules.ts. Each of
 * those consumers takes its numbers from here, so the same figure is never computed two ways.
 *
 * The figures are as of a day (`day`: what is overdue, who works, who has a mentor, who is in the risk
 * group) and, for what happens over time, for windows:
 * - with a period (`from`/`to`, the reports): activities touching the period, events and КПК courses in it;
 * - without one (the screens): every activity of the plan, events of the school term (четверть) of the day,
 *   courses of the school year of the day.
 *
 * Works on a school's own file and on the municipality's merged copy of many schools' records: `owner` is
 * the school's id (rows owned by it), or null for every row of the file (a school's own workspace).
 * figuresByOwner gives the same figures for every school of a file in one pass per table.
 */
import type { ServiceContext } from '../core/context.js';
import { rule } from '../../../db/rules.js';
import { schoolYearOf, termOf, type Period } from '../../../common/periods.js';
import { riskCategory } from '../../../common/labels.js';
import { keptByOwner } from './figures-cache.js';

type Db = Pick<ServiceContext, 'raw'>;

export interface FiguresRequest {
  /** The day the figures are as of, YYYY-MM-DD. */
  day: string;
  from?: string;
  to?: string;
}

export interface FiguresWindows {
  /** Activities touching this period; null: every activity of the plan. */
  activities: Period | null;
  events: Period;
  courses: Period;
}

export interface RiskCounts {
  /** Pupils in the group on the day. */
  total: number;
  /** By category; a pupil with two categories counts in both. */
  byCategory: Record<string, number>;
  /**
   * Entries whose categories are not a list of known codes (written by an older version or by hand): they
   * count in `total` but in no category, and the school is flagged instead of every screen failing.
   */
  damaged?: number;
}

export interface SchoolFigures {
  day: string;
  windows: FiguresWindows;
  /** Activities of the plan (cancelled ones left out): all, done, not done, overdue on the day. */
  activities: { total: number; done: number; notDone: number; overdue: number };
  decisionsOverdue: number;
  /** Teachers working on the day, and the young specialists and newly arrived among them. */
  staff: { working: number; young: number; newlyArrived: number };
  /** Working young and newly arrived teachers (a mentor is due to them), and how many have a current pair. */
  mentoring: { needMentor: number; withMentor: number };
  /** Teachers with a КПК course in the courses window. */
  trainedTeachers: number;
  risk: RiskCounts;
  /** Events of the journal in the events window. */
  events: number;
}

export function figureWindows(req: FiguresRequest): FiguresWindows {
  if (req.from && req.to) {
    const p = { from: req.from, to: req.to };
    return { activities: p, events: p, courses: p };
  }
  const term = termOf(req.day);
  return { activities: null, events: { from: term.from, to: term.to }, courses: schoolYearOf(req.day) };
}

/** Zeros: a school of the roster that has sent nothing yet. */
export function emptyFigures(req: FiguresRequest): SchoolFigures {
  return {
    day: req.day, windows: figureWindows(req), activities: { total: 0, done: 0, notDone: 0, overdue: 0 }, decisionsOverdue: 0,
    staff: { working: 0, young: 0, newlyArrived: 0 }, mentoring: { needMentor: 0, withMentor: 0 }, trainedTeachers: 0,
    risk: { total: 0, byCategory: {} }, events: 0,
  };
}

/** One school's figures (owner null: every row of the file). */
export function schoolFigures(db: Db, owner: string | null, req: FiguresRequest): SchoolFigures {
  return collect(db, scopeOf(owner), req).get(owner ?? '') ?? emptyFigures(req);
}

/**
 * The figures of every owner of the file's records, by owner id. For a day (the screens) they come from the kept
 * figures, recomputed only for the schools whose rows changed since (figures-cache.ts); for a period (the
 * reports) they are computed.
 */
export function figuresByOwner(db: Db, req: FiguresRequest): Map<string, SchoolFigures> {
  if (req.from || req.to) return collect(db, BY_OWNER, req);
  const w = figureWindows(req);
  return keptByOwner(db, 'figures', req.day, (owners) => {
    const m = new Map<string, Omit<SchoolFigures, 'day' | 'windows'>>();
    for (const [o, { day: _d, windows: _w, ...f }] of collect(db, ownersScope(owners), req)) m.set(o, f);
    return m;
  }, (f) => ({ day: req.day, windows: w, ...f }));
}

/** One school's risk group on a day (owner null: every row of the file). */
export function riskGroupOn(db: Db, owner: string | null, day: string): RiskCounts {
  return riskGroup(db, scopeOf(owner), day).get(owner ?? '') ?? { total: 0, byCategory: {} };
}

/** The risk group on a day of every owner of the file's records, by owner id (kept like figuresByOwner). */
export function riskGroupByOwner(db: Db, day: string): Map<string, RiskCounts> {
  return keptByOwner(db, 'risk', day, (owners) => riskGroup(db, ownersScope(owners), day), (r) => r);
}

function riskGroup(db: Db, scope: Scope, day: string): Map<string, RiskCounts> {
  const rows = db.raw.prepare(`SELECT ${scope.key} AS owner, t.categories FROM risk_entry t
    WHERE t.deleted_at IS NULL AND ${scope.where} AND ${rule.riskEntryActive('t')}`).all({ day, owner: scope.owner }) as { owner: string; categories: string }[];
  const out = new Map<string, RiskCounts>();
  for (const r of rows) {
    const counts = out.get(r.owner) ?? { total: 0, byCategory: {} };
    counts.total++;
    const cats = validCategories(r.categories);
    if (cats) for (const c of cats) counts.byCategory[c] = (counts.byCategory[c] ?? 0) + 1;
    else counts.damaged = (counts.damaged ?? 0) + 1;
    out.set(r.owner, counts);
  }
  return out;
}

export function categoriesOf(json: unknown): string[] {
  return validCategories(json) ?? [];
}

const CATEGORY_CODES: readonly string[] = riskCategory.codes;

/** The stored list of category codes, or null when it is not one (bad JSON, not a list, unknown codes). */
export function validCategories(json: unknown): string[] | null {
  if (typeof json !== 'string' || json.length > 2000) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(v) || !v.every((c) => typeof c === 'string' && CATEGORY_CODES.includes(c))) return null;
  return [...new Set(v as string[])];
}

interface Scope {
  /** What the rows are grouped by. */
  key: string;
  where: string;
  owner: string | null;
}

const scopeOf = (owner: string | null): Scope => (owner === null ? { key: "''", where: '1', owner: null } : { key: 't.owner', where: 't.owner = @owner', owner });
const BY_OWNER: Scope = { key: 't.owner', where: '1', owner: null };
/** Grouped by owner, the given owners only (null: all of them); the list is bound as JSON to @owner. */
const ownersScope = (owners: string[] | null): Scope =>
  (owners === null ? BY_OWNER : { key: 't.owner', where: 't.owner IN (SELECT value FROM json_each(@owner))', owner: JSON.stringify(owners) });

type Counts = Record<string, number> & { owner: string };
const n = (v: unknown) => Number(v ?? 0);

/** Runs a grouped count with @day and @owner bound; rows by owner key. */
function counter(db: Db, scope: Scope, day: string) {
  return (sql: string, params: object = {}) => {
    const m = new Map<string, Counts>();
    for (const r of db.raw.prepare(sql).all({ day, owner: scope.owner, ...params }) as Counts[]) m.set(String(r.owner), r);
    return m;
  };
}

function activityCounts(db: Db, scope: Scope, req: FiguresRequest): Map<string, SchoolFigures['activities']> {
  const period = figureWindows(req).activities;
  const rows = counter(db, scope, req.day)(`SELECT ${scope.key} AS owner, COUNT(*) AS total, SUM(t.status = 'done') AS done, SUM(t.status = 'not_done') AS not_done,
      SUM(${rule.activityOverdue('t')}) AS overdue
    FROM activity t WHERE t.deleted_at IS NULL AND ${scope.where} AND ${rule.activityInPlan('t')}${period ? ` AND ${rule.activityInPeriod('t')}` : ''} GROUP BY 1`, { ...period });
  return new Map([...rows].map(([o, a]) => [o, { total: n(a.total), done: n(a.done), notDone: n(a.not_done), overdue: n(a.overdue) }]));
}

function collect(db: Db, scope: Scope, req: FiguresRequest): Map<string, SchoolFigures> {
  const w = figureWindows(req);
  const run = counter(db, scope, req.day);
  const g = `${scope.key} AS owner`;
  const base = (table: string) => `FROM ${table} t WHERE t.deleted_at IS NULL AND ${scope.where}`;
  const acts = activityCounts(db, scope, req);
  const decisions = run(`SELECT ${g}, COUNT(*) AS n FROM decision t JOIN event ev ON ev.id = t.event_id AND ev.deleted_at IS NULL
    WHERE t.deleted_at IS NULL AND ${scope.where} AND ${rule.decisionOverdue('t')} GROUP BY 1`);
  const staff = run(`SELECT ${g}, COUNT(*) AS working, SUM(t.young_specialist = 1) AS young, SUM(t.newly_arrived = 1) AS arrived,
    SUM(${rule.staffNewcomer('t')}) AS need, SUM(${rule.staffNewcomer('t')} AND ${rule.staffHasMentor('t')}) AS with_mentor
    ${base('staff')} AND ${rule.staffWorking('t')} GROUP BY 1`);
  const trained = run(`SELECT ${g}, COUNT(DISTINCT t.staff_id) AS n ${base('course')} AND ${rule.courseInPeriod('t')} GROUP BY 1`, { ...w.courses });
  const events = run(`SELECT ${g}, COUNT(*) AS n ${base('event')} AND ${rule.eventInPeriod('t')} GROUP BY 1`, { ...w.events });
  const risk = riskGroup(db, scope, req.day);

  const out = new Map<string, SchoolFigures>();
  const owners = new Set([...acts.keys(), ...decisions.keys(), ...staff.keys(), ...trained.keys(), ...events.keys(), ...risk.keys()]);
  for (const o of owners) {
    const s = staff.get(o);
    out.set(o, {
      day: req.day,
      windows: w,
      activities: acts.get(o) ?? { total: 0, done: 0, notDone: 0, overdue: 0 },
      decisionsOverdue: n(decisions.get(o)?.n),
      staff: { working: n(s?.working), young: n(s?.young), newlyArrived: n(s?.arrived) },
      mentoring: { needMentor: n(s?.need), withMentor: n(s?.with_mentor) },
      trainedTeachers: n(trained.get(o)?.n),
      risk: risk.get(o) ?? { total: 0, byCategory: {} },
      events: n(events.get(o)?.n),
    });
  }
  return out;
}
