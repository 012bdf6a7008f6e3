/**
 * Business rules that several lists, screens and reports share, each written once as an SQL fragment over
 * table aliases. The day is always the named parameter @day (YYYY-MM-DD) bound by the caller, never
 * date('now'): the server's notion of «today» comes from ctx.now(), so tests and reports for a past day
 * see exactly what a user saw that day.
 */

/** Statuses of a programme activity that still expect work. */
export const OPEN_STATUSES_SQL = "('planned','in_progress')";

export const rule = {
  /** An activity still to be done. */
  activityOpen: (a = 't') => `${a}.status IN ${OPEN_STATUSES_SQL}`,
  /** An open activity whose end date has passed. */
  activityOverdue: (a = 't') => `(${a}.status IN ${OPEN_STATUSES_SQL} AND ${a}.date_to IS NOT NULL AND ${a}.date_to < @day)`,
  /** A decision (поручение) not done whose deadline has passed. */
  decisionOverdue: (d = 't') => `(${d}.done_on IS NULL AND ${d}.deadline IS NOT NULL AND ${d}.deadline < @day)`,
  /** A mentoring pair that has started and not ended on @day. */
  pairCurrent: (p = 'p') => `(${p}.started_on <= @day AND (${p}.ended_on IS NULL OR ${p}.ended_on >= @day))`,
  /** A staff member still working on @day (not dismissed, or dismissed on a later day). */
  staffWorking: (s = 't') => `(${s}.left_on IS NULL OR ${s}.left_on > @day)`,
  /** Young specialists and newly arrived teachers: those who are to have a mentor. */
  staffNewcomer: (s = 't') => `(${s}.young_specialist = 1 OR ${s}.newly_arrived = 1)`,
};

/** A working newcomer without a current mentoring pair. */
export function staffNeedsMentor(s = 't'): string {
  return `(${rule.staffNewcomer(s)} AND ${rule.staffWorking(s)} AND NOT EXISTS (SELECT 1 FROM mentoring_pair np
    WHERE np.mentee_id = ${s}.id AND np.deleted_at IS NULL AND ${rule.pairCurrent('np')}))`;
}

/** 1/0 of a rule, for a column or an equality filter. */
export const flagOf = (cond: string) => `(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
