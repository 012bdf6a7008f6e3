/**
 * 0091 — an assignment to a group (issue 20): the schools whose staff sit in the group mark it themselves; a
 * member who is not a school (the methodical centre, a specialist) is marked at the department, one record per
 * assignment and member. It stays at the department.
 */
import type { Migration } from './types.js';
import { versionTriggerSql } from './0020_exchange.js';

export const m0091: Migration = {
  version: 91,
  name: 'group member marks',
  sql: `
CREATE TABLE mun_assignment_member_mark (id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  origin TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  assignment_id TEXT NOT NULL REFERENCES mun_assignment(id),
  member_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'in_progress',
  done_on TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mun_assignment_member_mark_assignment ON mun_assignment_member_mark(assignment_id);
${versionTriggerSql('mun_assignment_member_mark')}
`,
};
