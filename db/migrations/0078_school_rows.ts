/**
 * 0078 — how many rows the department holds of each school (issue 18): a school's rows are limited, and counting
 * them at every import would scan every table. The count is kept with the school and grows by the rows an import
 * inserts; here it starts from what is in the file now. The table list is frozen, as in every migration.
 * And what a file waiting in the quarantine holds (its record count, when and by which version it was written),
 * so that its card can say «the same enrollment file on another computer, 0 records» without reading the file.
 */
import type { Migration } from './types.js';

const UP_0078 = [
  'school_profile', 'risk_factor', 'programme', 'programme_task', 'programme_problem', 'direction', 'activity',
  'indicator', 'indicator_value', 'local_act', 'staff', 'deficit', 'staff_deficit', 'mentoring_pair', 'course',
  'development_plan', 'pupil', 'risk_entry', 'risk_status_change', 'gifted_pupil', 'support_measure', 'event',
  'event_activity', 'decision', 'attachment', 'municipal_activity_mark', 'mun_assignment_mark',
];

export const m0078: Migration = {
  version: 78,
  name: 'rows held per school',
  sql: `
ALTER TABLE municipality_school ADD COLUMN rows_held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchange_quarantine ADD COLUMN records INTEGER;
ALTER TABLE exchange_quarantine ADD COLUMN written_at TEXT;
ALTER TABLE exchange_quarantine ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
UPDATE municipality_school SET rows_held = ${UP_0078.map((t) => `(SELECT COUNT(*) FROM ${t} WHERE owner = municipality_school.id)`).join(' + ')};
`,
};
