/**
 * The municipality's view of what its schools sent: one row per school for the dashboard, a school's
 * merged data read-only for the drill-down, and the series the charts draw. Merged records live in the
 * same tables as a school's own, owned by the school's id (the exchange's design), so every figure is a
 * query grouped by owner — one pass over the tables for 300 schools, not 300 passes.
 */
import type { ServiceContext } from '../context.js';
import { isoDay } from '../../../common/format.js';
import { riskCategory } from '../../../common/labels.js';
import { ATTENTION } from '../../../common/roster-labels.js';
import type { DashboardRow, MunicipalityDashboard, SchoolDrillDown, ChartsData, RosterRow } from '../../../preload/contract/municipality.js';
import { schoolYearOf } from '../../../common/school-year.js';
import { byNumber } from '../../../common/numbering.js';
import { listRoster, getRosterSchool } from './roster.js';
import { notFound } from '../errors.js';

type R = Record<string, string | number | null>;

/** Bundles older than this many days are flagged. */
export const STALE_DAYS = 45;

/** The school term (четверть) containing a date: I Sep–Oct, II Nov–Dec, III Jan–Mar, IV Apr–Aug. */
export function termOf(iso: string): { from: string; to: string; label: string } {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (m >= 9 && m <= 10) return { from: `${y}-09-01`, to: `${y}-10-31`, label: `I четверть ${y}/${y + 1} учебного года` };
  if (m >= 11) return { from: `${y}-11-01`, to: `${y}-12-31`, label: `II четверть ${y}/${y + 1} учебного года` };
  if (m <= 3) return { from: `${y}-01-01`, to: `${y}-03-31`, label: `III четверть ${y - 1}/${y} учебного года` };
  return { from: `${y}-04-01`, to: `${y}-08-31`, label: `IV четверть ${y - 1}/${y} учебного года` };
}

/** The calendar quarter containing a date (for the quarterly monitoring). */
export function quarterOf(iso: string): { from: string; to: string; label: string } {
  const y = Number(iso.slice(0, 4));
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { from: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: `${y}-${ends[q]}`, label: `${['I', 'II', 'III', 'IV'][q]} квартал ${y} года` };
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a.slice(0, 10) + 'T00:00:00Z')) / 86_400_000);

function byOwner(ctx: ServiceContext, sql: string, ...params: unknown[]): Map<string, R> {
  const m = new Map<string, R>();
  for (const r of ctx.raw.prepare(sql).all(...params) as R[]) m.set(String(r.owner), r);
  return m;
}

/**
 * When each school's data last arrived: the latest accepted import, else the latest change merged from it.
 * A file imported again counts from its first import: loading the same bundle twice brings nothing new.
 */
export function lastBundles(ctx: ServiceContext): Map<string, string> {
  const out = new Map<string, string>();
  const imports = ctx.raw.prepare(`SELECT owner, MAX(first_at) AS at FROM (SELECT issuer_id AS owner, sha256, MIN(at) AS first_at FROM exchange_import
    WHERE status IN ('merged', 'imported', 'applied', 'ok', 'accepted', 'duplicate') GROUP BY issuer_id, sha256) GROUP BY owner`).all() as { owner: string; at: string }[];
  for (const r of imports) out.set(r.owner, r.at);
  return out;
}

/** Figures per school for a day; `period` limits the event and course counts. */
export function schoolFigures(ctx: ServiceContext, today: string, period: { from: string; to: string }, year: { from: string; to: string }) {
  const acts = byOwner(ctx, `SELECT owner, COUNT(*) AS total, SUM(status = 'done') AS done, SUM(status = 'not_done') AS not_done,
    SUM(status IN ('planned', 'in_progress') AND date_to IS NOT NULL AND date_to < ?) AS overdue
    FROM activity WHERE deleted_at IS NULL AND status <> 'cancelled' GROUP BY owner`, today);
  const decisions = byOwner(ctx, `SELECT owner, SUM(done_on IS NULL AND deadline IS NOT NULL AND deadline < ?) AS overdue, COUNT(*) AS total
    FROM decision WHERE deleted_at IS NULL GROUP BY owner`, today);
  const mentoring = byOwner(ctx, `SELECT s.owner, COUNT(*) AS need,
      SUM(EXISTS (SELECT 1 FROM mentoring_pair p WHERE p.mentee_id = s.id AND p.deleted_at IS NULL AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?))) AS with_mentor
    FROM staff s WHERE s.deleted_at IS NULL AND (s.left_on IS NULL OR s.left_on > ?) AND (s.young_specialist = 1 OR s.newly_arrived = 1) GROUP BY s.owner`, today, today, today);
  const trained = byOwner(ctx, `SELECT owner, COUNT(DISTINCT staff_id) AS n FROM course WHERE deleted_at IS NULL
    AND COALESCE(date_to, date_from) >= ? AND COALESCE(date_from, date_to) <= ? GROUP BY owner`, year.from, year.to);
  const events = byOwner(ctx, `SELECT owner, COUNT(*) AS n FROM event WHERE deleted_at IS NULL AND date_from <= ? AND COALESCE(date_to, date_from) >= ? GROUP BY owner`, period.to, period.from);
  const risk = new Map<string, Record<string, number>>();
  for (const r of ctx.raw.prepare(`SELECT r.owner, j.value AS category, COUNT(*) AS n FROM risk_entry r, json_each(r.categories) j
    WHERE r.deleted_at IS NULL AND r.included_on <= ? AND (r.removed_on IS NULL OR r.removed_on > ?) GROUP BY r.owner, j.value`).all(today, today) as { owner: string; category: string; n: number }[]) {
    const m = risk.get(r.owner) ?? {};
    m[r.category] = r.n;
    risk.set(r.owner, m);
  }
  const riskTotal = byOwner(ctx, `SELECT owner, COUNT(*) AS n FROM risk_entry WHERE deleted_at IS NULL AND included_on <= ? AND (removed_on IS NULL OR removed_on > ?) GROUP BY owner`, today, today);
  return { acts, decisions, mentoring, trained, events, risk, riskTotal };
}

export function dashboardRow(school: RosterRow, f: ReturnType<typeof schoolFigures>, last: string | undefined, today: string): DashboardRow {
  const id = school.id;
  const a = f.acts.get(id);
  const m = f.mentoring.get(id);
  const need = Number(m?.need ?? 0);
  const withMentor = Number(m?.with_mentor ?? 0);
  const age = last ? daysBetween(last, today) : null;
  const row: DashboardRow = {
    schoolId: id,
    name: school.name,
    status: school.status,
    cluster: school.cluster,
    quality_group: school.quality_group,
    quality_level: school.quality_level,
    social_group: school.social_group,
    partner_group_number: school.partner_group_number,
    curator_name: school.curator_name,
    is_nor: school.is_nor,
    is_nsu: school.is_nsu,
    lastBundleAt: last ?? null,
    bundleAgeDays: age,
    activitiesTotal: Number(a?.total ?? 0),
    activitiesDone: Number(a?.done ?? 0),
    activitiesOverdue: Number(a?.overdue ?? 0),
    decisionsOverdue: Number(f.decisions.get(id)?.overdue ?? 0),
    needMentor: need,
    withMentor,
    mentorShare: need ? withMentor / need : null,
    trainedThisYear: Number(f.trained.get(id)?.n ?? 0),
    riskTotal: Number(f.riskTotal.get(id)?.n ?? 0),
    riskByCategory: f.risk.get(id) ?? {},
    eventsThisTerm: Number(f.events.get(id)?.n ?? 0),
    attention: [],
  };
  if (age === null) row.attention.push('noBundle');
  else if (age > STALE_DAYS) row.attention.push('bundleOld');
  if (row.activitiesOverdue > 0) row.attention.push('overdue');
  if (row.decisionsOverdue > 0) row.attention.push('decisions');
  if (need > withMentor) row.attention.push('mentors');
  return row;
}

export function municipalityDashboard(ctx: ServiceContext, todayInput?: string): MunicipalityDashboard {
  const today = todayInput ?? isoDay(ctx.now());
  const term = termOf(today);
  const f = schoolFigures(ctx, today, term, schoolYearOf(today));
  const last = lastBundles(ctx);
  const rows = listRoster(ctx).map((s) => dashboardRow(s, f, last.get(s.id), today));
  return { today, term, rows };
}

export const attentionText = (codes: string[]) => codes.map((c) => ATTENTION[c as keyof typeof ATTENTION] ?? c);

export function schoolDrillDown(ctx: ServiceContext, schoolId: string, todayInput?: string): SchoolDrillDown {
  const today = todayInput ?? isoDay(ctx.now());
  const roster = getRosterSchool(ctx, schoolId);
  if (!roster) throw notFound('Школа');
  const term = termOf(today);
  const f = schoolFigures(ctx, today, term, schoolYearOf(today));
  const row = dashboardRow(roster, f, lastBundles(ctx).get(schoolId), today);
  const q = (sql: string, ...p: unknown[]) => ctx.raw.prepare(sql).all(schoolId, ...p) as R[];
  const programme = q('SELECT * FROM programme WHERE owner = ? AND deleted_at IS NULL ORDER BY year_from DESC LIMIT 1')[0] ?? null;
  const acts = programme
    ? (ctx.raw.prepare(`SELECT id, number, title, timing_text, date_to, responsible, status, completion_mark,
        (status IN ('planned','in_progress') AND date_to IS NOT NULL AND date_to < ?) AS overdue
        FROM activity WHERE owner = ? AND deleted_at IS NULL AND programme_id = ? ORDER BY created_at`).all(today, schoolId, programme.id) as R[]).sort(byNumber)
    : [];
  const staff = ctx.raw.prepare(`SELECT COUNT(*) AS total, SUM(young_specialist) AS young, SUM(newly_arrived) AS arrived FROM staff
    WHERE owner = ? AND deleted_at IS NULL AND (left_on IS NULL OR left_on > ?)`).get(schoolId, today) as R;
  const year = schoolYearOf(today);
  const courses = q(`SELECT c.title, c.provider, c.hours, c.date_from, c.date_to FROM course c WHERE c.owner = ? AND c.deleted_at IS NULL
    AND COALESCE(c.date_to, c.date_from) >= ? ORDER BY c.date_from DESC`, year.from);
  const riskByCategory = riskCategory.codes.map((c) => ({ category: c, count: row.riskByCategory[c] ?? 0 })).filter((x) => x.count > 0);
  const events = q(`SELECT id, title, kind, level, format, date_from, date_to, participants_count, outcomes FROM event WHERE owner = ? AND deleted_at IS NULL
    ORDER BY date_from DESC LIMIT 200`);
  const decisions = q(`SELECT d.text, d.responsible, d.deadline, d.done_on, e.title AS event_title FROM decision d JOIN event e ON e.id = d.event_id
    WHERE d.owner = ? AND d.deleted_at IS NULL AND d.done_on IS NULL ORDER BY d.deadline`);
  const indRows = programme
    ? q(`SELECT i.title, i.unit, v.period, v.target, v.actual FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id AND v.deleted_at IS NULL
        WHERE i.owner = ? AND i.deleted_at IS NULL AND i.programme_id = ? ORDER BY i.title, v.period`, programme.id)
    : [];
  const indicators: SchoolDrillDown['indicators'] = [];
  for (const r of indRows) {
    let ind = indicators.find((x) => x.title === r.title);
    if (!ind) indicators.push((ind = { title: String(r.title), unit: String(r.unit ?? ''), values: [] }));
    ind.values.push({ period: String(r.period), target: r.target as number | null, actual: r.actual as number | null });
  }
  const comments = ctx.raw.prepare(`SELECT id, text, author, written_on, target_table, target_id FROM curator_comment WHERE school_id = ? AND deleted_at IS NULL
    ORDER BY written_on DESC, created_at DESC`).all(schoolId) as R[];
  const bundles = ctx.raw.prepare(`SELECT at, file_name, status, reason, counts FROM exchange_import WHERE issuer_id = ? ORDER BY at DESC LIMIT 20`).all(schoolId) as R[];
  return {
    row,
    roster,
    programme,
    activities: acts,
    staff: { total: Number(staff.total ?? 0), young: Number(staff.young ?? 0), arrived: Number(staff.arrived ?? 0), withMentor: row.withMentor, needMentor: row.needMentor },
    courses,
    riskByCategory,
    events,
    decisions,
    indicators,
    comments,
    bundles,
  };
}

/** The municipality's charts; `schoolIds` narrows them to the schools the dashboard filter shows. */
export function municipalityCharts(ctx: ServiceContext, input: { indicator?: string; schoolIds?: string[]; today?: string }): ChartsData {
  const today = input.today ?? isoDay(ctx.now());
  const roster = listRoster(ctx);
  const ids = new Set(input.schoolIds?.length ? input.schoolIds : roster.map((r) => r.id));
  const names = new Map(roster.map((r) => [r.id, r.short_name || r.name]));
  const inScope = (owner: unknown) => ids.has(String(owner));

  // Indicator dynamics by year: the municipal mean, the best and the worst school.
  const titles = (ctx.raw.prepare(`SELECT i.title, COUNT(DISTINCT i.owner) AS n FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id
    WHERE i.deleted_at IS NULL AND v.deleted_at IS NULL AND v.actual IS NOT NULL GROUP BY i.title ORDER BY n DESC, i.title`).all() as { title: string }[]).map((r) => r.title);
  const chosen = input.indicator && titles.includes(input.indicator) ? input.indicator : titles.find((t) => /«2».*ВПР/.test(t)) ?? titles[0];
  const values = chosen
    ? (ctx.raw.prepare(`SELECT i.owner, v.period, v.actual FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id
        WHERE i.deleted_at IS NULL AND v.deleted_at IS NULL AND v.actual IS NOT NULL AND i.title = ? ORDER BY v.period`).all(chosen) as { owner: string; period: string; actual: number }[]).filter((v) => inScope(v.owner))
    : [];
  const periods = [...new Set(values.map((v) => v.period))].sort();
  const indicatorSeries = periods.map((period) => {
    const vs = values.filter((v) => v.period === period).map((v) => v.actual);
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    return { period, 'Среднее по школам': Math.round(mean * 10) / 10, 'Наименьшее': Math.min(...vs), 'Наибольшее': Math.max(...vs) };
  });

  // Risk-group size at the end of each quarter over the last two years, by category.
  const entries = (ctx.raw.prepare('SELECT owner, categories, included_on, removed_on FROM risk_entry WHERE deleted_at IS NULL').all() as R[]).filter((e) => inScope(e.owner));
  const parsed = entries.map((e) => ({ cats: safeCats(e.categories), from: String(e.included_on), to: e.removed_on ? String(e.removed_on) : null }));
  const riskOverTime: ChartsData['riskOverTime'] = [];
  let q = quarterOf(today);
  const quarters: { to: string; label: string }[] = [];
  for (let i = 0; i < 8; i++) {
    quarters.unshift({ to: q.to < today ? q.to : today, label: q.label.replace(' квартал ', ' кв. ').replace(' года', '') });
    q = quarterOf(addDays(q.from, -1));
  }
  for (const qq of quarters) {
    const point: { period: string; [k: string]: number | string } = { period: qq.label };
    for (const c of riskCategory.codes) point[riskCategory.labels[c]] = 0;
    for (const e of parsed) {
      if (e.from <= qq.to && (!e.to || e.to > qq.to)) for (const c of e.cats) if (c in riskCategory.labels) (point[riskCategory.labels[c as keyof typeof riskCategory.labels]] as number)++;
    }
    riskOverTime.push(point);
  }

  // Activity completion by school.
  const f = ctx.raw.prepare(`SELECT owner, SUM(status = 'done') AS done, SUM(status IN ('planned','in_progress') AND date_to IS NOT NULL AND date_to < ?) AS overdue,
    SUM(status IN ('planned','in_progress') AND (date_to IS NULL OR date_to >= ?)) AS open FROM activity WHERE deleted_at IS NULL GROUP BY owner`).all(today, today) as R[];
  const completionBySchool = f.filter((r) => inScope(r.owner) && names.has(String(r.owner)))
    .map((r) => ({ school: names.get(String(r.owner))!, done: Number(r.done), overdue: Number(r.overdue), open: Number(r.open) }))
    .sort((a, b) => a.school.localeCompare(b.school, 'ru'));
  return { indicators: titles, indicatorSeries, indicatorSchools: [chosen ?? ''], riskOverTime, completionBySchool };
}

function safeCats(v: unknown): string[] {
  try {
    const x = JSON.parse(String(v ?? '[]'));
    return Array.isArray(x) ? x.map(String) : [];
  } catch {
    return [];
  }
}

function addDays(iso: string, d: number): string {
  const t = new Date(iso + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + d);
  return t.toISOString().slice(0, 10);
}
