/**
 * The municipality's view of what its schools sent: one row per school for the dashboard, a school's
 * merged data read-only for the drill-down, and the series the charts draw. Merged records live in the
 * same tables as a school's own, owned by the school's id (the exchange's design). The figures are the
 * schools' figures (figures.ts: the same as on the school's own dashboard and in the reports), computed
 * grouped by owner — one pass over the tables for 300 schools, not 300 passes.
 */
import { schoolShortName } from '../../../common/school-name.js';
import { municipalOverdueBySchool } from './assignments.js';
import type { ServiceContext } from '../core/context.js';
import { riskCategory } from '../../../common/labels.js';
import { daysBetween, quarterOf, termOf, addDays } from '../../../common/periods.js';
import { byNumber } from '../../../common/numbering.js';
import { byCurrent } from '../../../common/programme-title.js';
import { compareSchools } from '../../../common/sort.js';
import type { DashboardRow, MunicipalityDashboard, SchoolDrillDown, ChartsData, RosterRow } from '../../../preload/contract/municipality.js';
import { listRoster, getRosterSchool } from './roster.js';
import { notFound } from '../core/errors.js';
import { figuresByOwner, schoolFigures, riskGroupByOwner, emptyFigures, type SchoolFigures } from '../school/figures.js';
import { rule, flag, dayOf } from '../../../db/rules.js';
import { APP_VERSION, compareVersions } from '../exchange/versions.js';

type R = Record<string, string | number | null>;

/** Bundles older than this many days are flagged. */
export const STALE_DAYS = 45;

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

/** Each school's «Опора» version, as its last file said. */
export function schoolVersions(ctx: ServiceContext): Map<string, string> {
  const rows = ctx.raw.prepare("SELECT id, app_version FROM municipality_school WHERE app_version <> ''").all() as { id: string; app_version: string }[];
  return new Map(rows.map((r) => [r.id, r.app_version]));
}

export function dashboardRow(school: RosterRow, f: SchoolFigures, last: string | undefined, today: string, municipalOverdue = 0, appVersion: string | null = null): DashboardRow {
  const { needMentor, withMentor } = f.mentoring;
  const age = last ? daysBetween(last, today) : null;
  const row: DashboardRow = {
    schoolId: school.id,
    name: school.name,
    label: schoolShortName(school.name, school.short_name),
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
    appVersion,
    appOutdated: appVersion !== null && compareVersions(appVersion, APP_VERSION) < 0,
    activitiesTotal: f.activities.total,
    activitiesDone: f.activities.done,
    activitiesOverdue: f.activities.overdue,
    decisionsOverdue: f.decisionsOverdue,
    municipalOverdue,
    needMentor,
    withMentor,
    mentorShare: needMentor ? withMentor / needMentor : null,
    trainedThisYear: f.trainedTeachers,
    riskTotal: f.risk.total,
    riskByCategory: f.risk.byCategory,
    eventsThisTerm: f.events,
    attention: [],
  };
  if (age === null) row.attention.push('noBundle');
  else if (age > STALE_DAYS) row.attention.push('bundleOld');
  if (row.activitiesOverdue > 0) row.attention.push('overdue');
  if (row.decisionsOverdue > 0) row.attention.push('decisions');
  if (municipalOverdue > 0) row.attention.push('municipal');
  if (needMentor > withMentor) row.attention.push('mentors');
  if (f.risk.damaged) row.attention.push('badData');
  return row;
}

/** The summary: one row per school of the roster, its figures for the day (events of the term, КПК of the school year). */
export function municipalityDashboard(ctx: ServiceContext, todayInput?: string): MunicipalityDashboard {
  const day = todayInput ?? dayOf(ctx.now());
  const figures = figuresByOwner(ctx, { day });
  const empty = emptyFigures({ day });
  const last = lastBundles(ctx);
  const municipal = municipalOverdueBySchool(ctx, day);
  const versions = schoolVersions(ctx);
  const rows = listRoster(ctx).map((s) => dashboardRow(s, figures.get(s.id) ?? empty, last.get(s.id), day, municipal.get(s.id) ?? 0, versions.get(s.id) ?? null));
  return { today: day, term: termOf(day), rows };
}

/** A school's card: its summary row, and its merged records read-only. */
export function schoolDrillDown(ctx: ServiceContext, schoolId: string, todayInput?: string): SchoolDrillDown {
  const day = todayInput ?? dayOf(ctx.now());
  const roster = getRosterSchool(ctx, schoolId);
  if (!roster) throw notFound('Школа');
  const f = schoolFigures(ctx, schoolId, { day });
  const row = dashboardRow(roster, f, lastBundles(ctx).get(schoolId), day, municipalOverdueBySchool(ctx, day).get(schoolId) ?? 0, schoolVersions(ctx).get(schoolId) ?? null);
  const q = (sql: string, params: object = {}) => ctx.raw.prepare(sql).all({ owner: schoolId, day, ...params }) as R[];
  // Every programme the school sent, the current one first: the card's totals count the activities of all of
  // them, so the card shows all of them (a finished one's activities are not overdue: rule.activityOverdue).
  const programmes = byCurrent(q('SELECT * FROM programme WHERE owner = @owner AND deleted_at IS NULL'), day);
  const programme = programmes[0] ?? null;
  const order = new Map(programmes.map((p, i) => [p.id, i]));
  const activities = q(`SELECT t.id, t.programme_id, t.number, t.title, t.timing_text, t.date_to, t.responsible, t.status, t.completion_mark, ${flag(rule.activityOverdue('t'))} AS overdue
      FROM activity t JOIN programme p ON p.id = t.programme_id AND p.deleted_at IS NULL
      WHERE t.owner = @owner AND t.deleted_at IS NULL ORDER BY t.created_at`).sort(byNumber)
    .sort((a, b) => (order.get(a.programme_id!) ?? 0) - (order.get(b.programme_id!) ?? 0));
  const courses = q(`SELECT t.title, t.provider, t.hours, t.date_from, t.date_to FROM course t WHERE t.owner = @owner AND t.deleted_at IS NULL
    AND ${rule.courseInPeriod('t')} ORDER BY t.date_from DESC`, f.windows.courses);
  const events = q(`SELECT id, title, kind, level, format, date_from, date_to, participants_count, outcomes FROM event WHERE owner = @owner AND deleted_at IS NULL
    ORDER BY date_from DESC LIMIT 200`);
  const decisions = q(`SELECT t.text, t.responsible, t.deadline, t.done_on, e.title AS event_title FROM decision t JOIN event e ON e.id = t.event_id
    WHERE t.owner = @owner AND t.deleted_at IS NULL AND ${rule.decisionOpen('t')} ORDER BY t.deadline`);
  return {
    today: day,
    row,
    roster,
    programme,
    programmes,
    activities,
    staff: { total: f.staff.working, young: f.staff.young, arrived: f.staff.newlyArrived, withMentor: row.withMentor, needMentor: row.needMentor },
    courses,
    riskByCategory: riskCategory.codes.map((c) => ({ category: c, count: f.risk.byCategory[c] ?? 0 })).filter((x) => x.count > 0),
    events,
    files: ctx.raw.prepare(`SELECT a.id, a.event_id, a.file_name, a.size FROM attachment a JOIN event e ON e.id = a.event_id AND e.deleted_at IS NULL
      WHERE a.owner = ? AND a.deleted_at IS NULL AND a.share = 1 ORDER BY a.created_at`).all(schoolId) as SchoolDrillDown['files'],
    decisions,
    indicators: programme ? indicatorsOf(ctx, schoolId, String(programme.id)) : [],
    comments: ctx.raw.prepare(`SELECT id, text, author, written_on, target_table, target_id FROM curator_comment WHERE school_id = ? AND deleted_at IS NULL
      ORDER BY written_on DESC, created_at DESC`).all(schoolId) as R[],
    bundles: ctx.raw.prepare('SELECT at, file_name, status, reason, counts FROM exchange_import WHERE issuer_id = ? ORDER BY at DESC LIMIT 20').all(schoolId) as R[],
  };
}

function indicatorsOf(ctx: ServiceContext, owner: string, programmeId: string): SchoolDrillDown['indicators'] {
  const rows = ctx.raw.prepare(`SELECT i.title, i.unit, v.period, v.target, v.actual FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id AND v.deleted_at IS NULL
    WHERE i.owner = ? AND i.deleted_at IS NULL AND i.programme_id = ? ORDER BY i.title, v.period`).all(owner, programmeId) as R[];
  const indicators: SchoolDrillDown['indicators'] = [];
  for (const r of rows) {
    let ind = indicators.find((x) => x.title === r.title);
    if (!ind) indicators.push((ind = { title: String(r.title), unit: String(r.unit ?? ''), values: [] }));
    ind.values.push({ period: String(r.period), target: r.target as number | null, actual: r.actual as number | null });
  }
  return indicators;
}

/** The municipality's charts; `schoolIds` narrows them to the schools the dashboard filter shows. */
export function municipalityCharts(ctx: ServiceContext, input: { indicator?: string; schoolIds?: string[]; today?: string }): ChartsData {
  const day = input.today ?? dayOf(ctx.now());
  const roster = listRoster(ctx);
  const ids = new Set(input.schoolIds?.length ? input.schoolIds : roster.map((r) => r.id));
  const names = new Map(roster.map((r) => [r.id, schoolShortName(r.name, r.short_name)]));
  const inScope = (owner: string) => ids.has(owner);
  const { titles, chosen, series } = indicatorSeries(ctx, input.indicator, inScope);

  // Risk-group size at the end of each quarter over the last two years, by category.
  const riskOverTime: ChartsData['riskOverTime'] = [];
  let q = quarterOf(day);
  const quarters: { to: string; label: string }[] = [];
  for (let i = 0; i < 8; i++) {
    quarters.unshift({ to: q.to < day ? q.to : day, label: q.label.replace(' квартал ', ' кв. ').replace(' года', '') });
    q = quarterOf(addDays(q.from, -1));
  }
  // Today's point is the summary's own risk group (kept for today already); past quarters' ends are kept apart.
  const today = figuresByOwner(ctx, { day });
  const riskOn = (d: string) => (d === day ? new Map([...today].map(([o, f]) => [o, f.risk])) : riskGroupByOwner(ctx, d));
  for (const qq of quarters) {
    const point: { period: string; [k: string]: number | string } = { period: qq.label };
    for (const c of riskCategory.codes) point[riskCategory.labels[c]] = 0;
    for (const [owner, risk] of riskOn(qq.to)) {
      if (!inScope(owner)) continue;
      for (const c of riskCategory.codes) (point[riskCategory.labels[c]] as number) += risk.byCategory[c] ?? 0;
    }
    riskOverTime.push(point);
  }

  // Activity completion by school: done, overdue, and still open in time.
  const completionBySchool = [...today].map(([owner, f]) => [owner, f.activities] as const).filter(([owner, a]) => inScope(owner) && names.has(owner) && a.total > 0)
    .map(([owner, a]) => ({ school: names.get(owner)!, done: a.done, overdue: a.overdue, open: a.total - a.done - a.notDone - a.overdue }))
    .sort((a, b) => compareSchools(a.school, b.school));
  return { indicators: titles, indicatorSeries: series, indicatorSchools: [chosen ?? ''], riskOverTime, completionBySchool };
}

/** Indicator dynamics by year: the municipal mean, the best and the worst school. */
function indicatorSeries(ctx: ServiceContext, wanted: string | undefined, inScope: (owner: string) => boolean) {
  const titles = (ctx.raw.prepare(`SELECT i.title, COUNT(DISTINCT i.owner) AS n FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id
    WHERE i.deleted_at IS NULL AND v.deleted_at IS NULL AND v.actual IS NOT NULL GROUP BY i.title ORDER BY n DESC, i.title`).all() as { title: string }[]).map((r) => r.title);
  const chosen = wanted && titles.includes(wanted) ? wanted : titles.find((t) => /«2».*ВПР/.test(t)) ?? titles[0];
  const values = chosen
    ? (ctx.raw.prepare(`SELECT i.owner, v.period, v.actual FROM indicator i JOIN indicator_value v ON v.indicator_id = i.id
        WHERE i.deleted_at IS NULL AND v.deleted_at IS NULL AND v.actual IS NOT NULL AND i.title = ? ORDER BY v.period`).all(chosen) as { owner: string; period: string; actual: number }[]).filter((v) => inScope(v.owner))
    : [];
  const periods = [...new Set(values.map((v) => v.period))].sort();
  const series = periods.map((period) => {
    const vs = values.filter((v) => v.period === period).map((v) => v.actual);
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    return { period, 'Среднее по школам': Math.round(mean * 10) / 10, 'Наименьшее': Math.min(...vs), 'Наибольшее': Math.max(...vs) };
  });
  return { titles, chosen, series };
}
