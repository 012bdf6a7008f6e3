/**
 * The business rules of Опора, each written once, as an SQL fragment.
 *
 * Why they live here: «просрочено», «текущая наставническая пара», «нужен наставник», «в группе риска на
 * день D» used to be written as SQL text in the lists, the school dashboard, the municipality's summary and
 * each report, and the copies disagreed (the Pairs tab ignored the start of a pair, the dashboards did not;
 * one report counted a teacher hired next month, another did not; the municipal summary read the risk
 * group from the entry's dates, the monitoring from the status history). Every place that filters, flags
 * or counts by one of these rules now builds its SQL from this module, and the figures a school's screens
 * and reports print come from one function (figures.ts) that uses it.
 *
 * The day is always a parameter. No fragment asks SQLite for «now» and nothing here reads the clock: a
 * fragment refers to the day only as the named parameter `@day` (ISO YYYY-MM-DD), to a period only as
 * `@from`/`@to` (inclusive). The caller decides which day it means — dayOf(ctx.now()) for «today», or the
 * day a user, a test or a report asked for.
 *
 * Each builder takes the alias(es) the caller gives its tables and returns a boolean SQL expression in
 * parentheses, for a WHERE, for a 0/1 column through flag(), or inside SUM() to count. Sub-queries inside a
 * fragment use aliases starting with `r_`; do not give a caller's table such an alias. They match rows of the
 * same owner only: at the department, one school's row never counts towards another school's figure.
 *
 * Binding the day:
 * - better-sqlite3: pass a named-parameter object after the positional ones —
 *   `raw.prepare(\`… WHERE t.owner = ? AND ${rule.activityOverdue('t')}\`).all(owner, { day })`.
 *   Keys a statement does not use are ignored, so a list can always pass `{ day }`.
 * - Kysely: `kyselyRule(rule.activityOverdue('activity'), { day })` (main/services/core/kysely-rule.ts) turns every
 *   `@name` into a bound value; it lives there so that this module, which forms reach through the registry, stays plain text.
 */
import { isoDay } from '../common/format.js';
import { OPEN_ACTIVITY_STATUSES } from '../common/labels.js';

const OPEN = `(${OPEN_ACTIVITY_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const activityOpen = (a = 't') => `(${a}.status IN ${OPEN})`;

/**
 * A recurring activity («Ежегодно», «Один раз в четверть», «Ежегодно, сентябрь–октябрь») whose last period
 * ended before @day with nothing done in it: not done at all, or done in an earlier period. Periods before
 * the activity began (its start, or the day it was written down) and after its end do not count.
 */
const recurrenceOverdue = (a = 't') => {
  // Written for the summary of hundreds of schools: the cheap status test first, then the period's words read
  // once a row (BETWEEN evaluates its left side once), the period's start only for a done activity.
  const to = `timing_due_to(${a}.timing_text, @day)`;
  return `((${activityOpen(a)} OR (${a}.status = 'done' AND ${a}.completed_on IS NOT NULL))`
    + ` AND COALESCE(${to} BETWEEN COALESCE(${a}.date_from, substr(${a}.created_at, 1, 10)) AND COALESCE(${a}.date_to, '9999-12-31'), 0)`
    + ` AND (${activityOpen(a)} OR ${a}.completed_on < timing_due_from(${a}.timing_text, @day)))`;
};
const datesOverdue = (a: string) => `((${activityOpen(a)} AND ${a}.date_to IS NOT NULL AND ${a}.date_to < @day) OR ${recurrenceOverdue(a)})`;
const programmeLive = (a = 't') => `(NOT EXISTS (SELECT 1 FROM programme r_pg WHERE r_pg.id = ${a}.programme_id AND r_pg.owner = ${a}.owner
  AND r_pg.archived_on IS NOT NULL AND r_pg.archived_on <= @day))`;
const pairCurrent = (p = 'p') => `(${p}.started_on <= @day AND (${p}.ended_on IS NULL OR ${p}.ended_on >= @day))`;
const staffNotLeft = (s = 't') => `(${s}.left_on IS NULL OR ${s}.left_on > @day)`;
const staffWorking = (s = 't') => `((${s}.hired_on IS NULL OR ${s}.hired_on <= @day) AND ${staffNotLeft(s)})`;
const staffNewcomer = (s = 't') => `(${s}.young_specialist = 1 OR ${s}.newly_arrived = 1)`;
const staffHasMentor = (s = 't') =>
  `(EXISTS (SELECT 1 FROM mentoring_pair r_p WHERE r_p.mentee_id = ${s}.id AND r_p.owner = ${s}.owner AND r_p.deleted_at IS NULL AND ${pairCurrent('r_p')}))`;
const staffMentorDue = (s = 't') => `(${staffNewcomer(s)} AND ${staffWorking(s)})`;

/** The entry's removed_on has no removal of that day in the history. */
const riskRemovalUnrecorded = (e: string) => `NOT EXISTS (SELECT 1 FROM risk_status_change r_r WHERE r_r.entry_id = ${e}.id AND r_r.owner = ${e}.owner AND r_r.deleted_at IS NULL
  AND r_r.status = 'removed' AND r_r.changed_on = ${e}.removed_on)`;
/**
 * A risk-group entry's status changes as a table (status, on_day, ord), in order: the inclusion on the
 * entry's included_on; every later change from the status history (the history's own first inclusion is
 * the same event, and included_on is the date the user keeps up to date); and the entry's removed_on as a
 * removal when the history does not have it. A pupil removed and returned has a removal and a later
 * inclusion. On one day the history's changes come in the order they were made (hlc).
 */
const riskTimeline = (e: string) => `(
  SELECT 'included' AS status, ${e}.included_on AS on_day, '' AS ord
  UNION ALL
  SELECT r_c.status, r_c.changed_on, r_c.hlc FROM risk_status_change r_c
    WHERE r_c.entry_id = ${e}.id AND r_c.owner = ${e}.owner AND r_c.deleted_at IS NULL
      AND NOT (r_c.status = 'included' AND r_c.id IS (SELECT r_f.id FROM risk_status_change r_f
        WHERE r_f.entry_id = ${e}.id AND r_f.deleted_at IS NULL ORDER BY r_f.changed_on, r_f.hlc LIMIT 1))
  UNION ALL
  SELECT 'removed', ${e}.removed_on, '~' WHERE ${e}.removed_on IS NOT NULL AND ${riskRemovalUnrecorded(e)}
)`;
/**
 * The entry's status on @day: the last of the timeline's changes on or before @day; NULL before the
 * inclusion. Written as one indexed look-up of the last history change (what the timeline's union costs
 * twice over): that change's status, unless the entry's own removed_on, missing from the history, is as
 * late or later (a removal), or the change is older than included_on (the inclusion is later).
 */
const riskStatusOn = (e: string) => `(CASE WHEN ${e}.included_on > @day THEN NULL ELSE COALESCE(
  (SELECT CASE
      WHEN ${e}.removed_on IS NOT NULL AND ${e}.removed_on <= @day AND ${e}.removed_on >= r_c.changed_on AND ${riskRemovalUnrecorded(e)} THEN 'removed'
      WHEN r_c.changed_on < ${e}.included_on THEN 'included'
      ELSE r_c.status END
    FROM risk_status_change r_c WHERE r_c.entry_id = ${e}.id AND r_c.owner = ${e}.owner AND r_c.deleted_at IS NULL AND r_c.changed_on <= @day
    ORDER BY r_c.changed_on DESC, r_c.hlc DESC LIMIT 1),
  CASE WHEN ${e}.removed_on IS NOT NULL AND ${e}.removed_on <= @day THEN 'removed' ELSE 'included' END) END)`;

/** Special-category data in a risk-group entry (152-ФЗ art. 10): ОВЗ among its categories, or health details written. */
const riskEntrySpecial = (e = 't') =>
  `((CASE WHEN json_valid(${e}.categories) THEN EXISTS (SELECT 1 FROM json_each(${e}.categories) r_j WHERE r_j.value = 'disability') ELSE 0 END) OR ${e}.health_details <> '')`;
/** A written consent of the legal representative given by @day and not withdrawn by then. */
const consentOnFile = (e = 't') => `(EXISTS (SELECT 1 FROM consent r_k WHERE r_k.entry_id = ${e}.id AND r_k.owner = ${e}.owner AND r_k.deleted_at IS NULL
  AND r_k.given_on <= @day AND (r_k.withdrawn_on IS NULL OR r_k.withdrawn_on > @day)))`;

export const rule = {
  /** An activity still to be done: planned or in progress. */
  activityOpen,
  /**
   * Open, and its control date is behind: date_to before @day — or, for a recurrence, its last period ended with
   * nothing done in it (recurrenceOverdue) — unless its programme is finished (programmeLive). A school's
   * activity only; the roadmap's own activities use roadmapActivityOverdue.
   */
  activityOverdue: (a = 't') => `(${programmeLive(a)} AND ${datesOverdue(a)})`,
  /**
   * The programme of a school's activity is not finished by @day (programme.archived_on): a finished programme's
   * open activities are history, not debts — nothing counts them overdue or due.
   */
  programmeLive,
  /** A municipal roadmap activity overdue by the municipality's own status: the same dates, no school programme. */
  roadmapActivityOverdue: (a = 't') => datesOverdue(a),
  /** Part of the plan: any status but «отменено». A cancelled activity is counted nowhere. */
  activityInPlan: (a = 't') => `(${a}.status <> 'cancelled')`,
  /**
   * Touches @from..@to: the one rule of «мероприятия периода» for a report's table, its summary sentence and the
   * figures. An undated activity («постоянно», «в течение учебного года», «ежемесячно», no deadline) touches every
   * period; one with a start and no end («В течение 2020 г. и последующий период») every period from its start on;
   * one with only a deadline, the period of its deadline.
   */
  activityInPeriod: (a = 't') =>
    `(COALESCE(${a}.date_from, ${a}.date_to) IS NULL OR (COALESCE(${a}.date_from, ${a}.date_to) <= @to AND (${a}.date_to IS NULL OR ${a}.date_to >= @from)))`,
  /**
   * A municipal roadmap activity as a school sees it (a: municipal_activity, m: this school's mark, LEFT
   * JOINed): its date is behind and the school has not marked it done, not done or cancelled.
   */
  municipalActivityOverdue: (a = 'a', m = 'm') =>
    `(${a}.date_to IS NOT NULL AND ${a}.date_to < @day AND COALESCE(${m}.status, 'planned') IN ${OPEN})`,

  /**
   * The department's deadlines of a month for one school (the school's home page): a roadmap activity (a, with
   * the school's mark m) or an assignment whose date falls in @from..@to and that the school has not finished.
   */
  municipalActivityDueIn: (a = 'a', m = 'm') =>
    `(${a}.status <> 'cancelled' AND ${a}.date_to BETWEEN @from AND @to AND COALESCE(${m}.status, 'planned') IN ${OPEN})`,
  assignmentDueIn: (a = 'a', m = 'm') => `(${a}.due_on BETWEEN @from AND @to AND COALESCE(${m}.status, '') <> 'done')`,

  /**
   * A municipal assignment overdue for one school: its deadline is before @day and the school has not marked it
   * done (no mark, «выполняется» or «не выполнено» alike — a school's «не выполнено» past the deadline is overdue).
   */
  assignmentOverdue: (a = 'a', m = 'm') => `(${a}.due_on IS NOT NULL AND ${a}.due_on < @day AND COALESCE(${m}.status, '') <> 'done')`,

  /** A decision (поручение) not yet done. */
  decisionOpen: (d = 't') => `(${d}.done_on IS NULL)`,
  /** Not done, and its deadline is before @day. */
  decisionOverdue: (d = 't') => `(${d}.done_on IS NULL AND ${d}.deadline IS NOT NULL AND ${d}.deadline < @day)`,

  /** A mentoring pair going on on @day: it has started and has not ended before @day. A pair that starts next month is not current. */
  pairCurrent,
  /** A pair that starts after @day. */
  pairUpcoming: (p = 'p') => `(${p}.started_on > @day)`,
  /** A pair that went on at some time in @from..@to. */
  pairInPeriod: (p = 'p') => `(${p}.started_on <= @to AND (${p}.ended_on IS NULL OR ${p}.ended_on >= @from))`,

  /** Not dismissed by @day: no left_on, or a left_on after @day (left_on is the first day without the job). */
  staffNotLeft,
  /** On the staff on @day: hired by then (or no hire date) and not dismissed. A teacher hired next month is not working yet. */
  staffWorking,
  /** A young specialist or a newly arrived teacher: the ones a mentor is due to. */
  staffNewcomer,
  /** The mentee of a current pair on @day. */
  staffHasMentor,
  /** A working young or newly arrived teacher: should have a mentor on @day. */
  staffMentorDue,
  /** A working young or newly arrived teacher without a current pair on @day. */
  staffNeedsMentor: (s = 't') => `(${staffMentorDue(s)} AND NOT ${staffHasMentor(s)})`,

  /**
   * A pupil's entry in the risk group on @day, from the status history: included on or before @day, and the
   * last change on or before @day is an inclusion. A pupil removed and returned is in the group after the
   * return and not between the removal and the return.
   */
  /**
   * The pupil's number in the code «обучающийся № N» said instead of the name (privacy/people.ts, pupilCodes):
   * the pupil's place among all of the school's pupil records in order of creation, deleted ones included.
   */
  pupilNumber: (p = 'p') => `(SELECT COUNT(*) FROM pupil p_n WHERE p_n.created_at < ${p}.created_at OR (p_n.created_at = ${p}.created_at AND p_n.id <= ${p}.id))`,
  riskEntryActive: (e = 't') => `(COALESCE(${riskStatusOn(e)}, '') = 'included')`,
  /** Taken off the register by @day: was included, and is not in the group on @day. */
  riskEntryRemoved: (e = 't') => `(COALESCE(${riskStatusOn(e)}, '') = 'removed')`,
  /** How many times the entry was included (the first inclusion and every return), or removed, in @from..@to. */
  riskChangesInPeriod: (e: string, status: 'included' | 'removed') =>
    `(SELECT COUNT(*) FROM ${riskTimeline(e)} r_t WHERE r_t.status = '${status === 'removed' ? 'removed' : 'included'}' AND r_t.on_day BETWEEN @from AND @to)`,

  /** A КПК course in @from..@to: its dates overlap the period; an undated course is in none. */
  riskEntrySpecial,
  consentOnFile,
  /** An entry in the group on @day with special-category data and no consent on file: flagged on the dashboard. */
  consentMissing: (e = 't') => `(COALESCE(${riskStatusOn(e)}, '') = 'included' AND ${riskEntrySpecial(e)} AND NOT ${consentOnFile(e)})`,
  courseInPeriod: (c = 't') => `(COALESCE(${c}.date_to, ${c}.date_from) >= @from AND COALESCE(${c}.date_from, ${c}.date_to) <= @to)`,
  /** An event of the journal held (or planned) in @from..@to. */
  eventInPeriod: (e = 't') => `(${e}.date_from <= @to AND COALESCE(${e}.date_to, ${e}.date_from) >= @from)`,
};

/** A rule as a 0/1 column: `${flag(rule.activityOverdue('t'))} AS overdue`. */
export const flag = (condition: string) => `(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** The local calendar day of a moment, YYYY-MM-DD: the `@day` of «today» (`dayOf(ctx.now())`). */
export function dayOf(now: Date): string {
  return isoDay(now);
}

export interface RuleParams {
  day?: string;
  from?: string;
  to?: string;
}
