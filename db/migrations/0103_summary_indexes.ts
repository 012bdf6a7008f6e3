/**
 * 0103 — the department's summary of 300 schools in under 100 ms (issue 23): the look-ups its rules make per row
 * become one index descent each.
 * - A school's mark on a roadmap activity or an assignment is found by (activity, school): the summary pairs every
 *   activity with every school, and by activity alone each pair read all the schools' marks of that activity.
 * - A risk-group entry's status on a day is its last change on or before the day (rules.ts riskStatusOn): by
 *   (entry, day, stamp) that is the first row of an index range, not a sort of the entry's history.
 * - Whether an activity or an assignment is addressed to a school is one probe by (activity, school).
 * Each replaces the index it extends (its first column is the old one), so a write still maintains one index.
 */
import type { Migration } from './types.js';

export const m0103: Migration = {
  version: 103,
  name: 'summary indexes',
  sql: `
DROP INDEX IF EXISTS municipal_activity_mark_activity;
CREATE INDEX municipal_activity_mark_activity_school ON municipal_activity_mark(activity_id, owner);
DROP INDEX IF EXISTS mun_assignment_mark_assignment;
CREATE INDEX mun_assignment_mark_assignment_school ON mun_assignment_mark(assignment_id, owner);
DROP INDEX IF EXISTS risk_status_change_entry;
DROP INDEX IF EXISTS municipal_activity_school_activity;
CREATE INDEX municipal_activity_school_activity_school ON municipal_activity_school(activity_id, school_id);
DROP INDEX IF EXISTS mun_assignment_school_assignment;
CREATE INDEX mun_assignment_school_assignment_school ON mun_assignment_school(assignment_id, school_id);
CREATE INDEX risk_status_change_entry_day ON risk_status_change(entry_id, changed_on, hlc);
`,
};
