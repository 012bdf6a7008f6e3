/**
 * 0020 — the bundle exchange between schools and the municipality.
 *
 * - sync_version: the version vector of a record ({origin: hlc of that origin's last change}) when it has
 *   more than one entry. A row without one here has the implicit vector {row.origin: row.hlc}. Triggers
 *   keep it up to date on every local change, so the exchange can tell "this edit was made after seeing
 *   that one" from "two copies changed the record independently" without trusting any wall clock.
 * - sync_conflict: versions that lost to a concurrent one; kept for a person to resolve, never dropped.
 * - exchange_*: the sequence numbers already merged per sender and origin, the import history, bundles
 *   waiting in quarantine, and the export log.
 * - municipality_school: the municipality's roster (minimal: the keys and enrollment state). Other
 *   migrations add the roster's classification columns.
 * - municipal_activity, municipal_activity_mark, school_classification, curator_comment: what travels down
 *   (owned by the municipality) and the school's completion marks on municipal activities (owned by the school).
 */
import type { Migration } from './types.js';

const SYNC = `id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  origin TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

/**
 * Keeps sync_version current when a row's stamp changes. Exported so that later migrations adding a synced
 * table can add the same trigger for it.
 */
export function versionTriggerSql(table: string): string {
  return `
CREATE TRIGGER sync_vv_${table} AFTER UPDATE OF hlc ON ${table} WHEN new.hlc <> old.hlc BEGIN
  INSERT INTO sync_version (tbl, id, vv)
    VALUES ('${table}', new.id, json_set(json_object(old.origin, old.hlc), '$."' || new.origin || '"', new.hlc))
    ON CONFLICT (tbl, id) DO UPDATE SET vv = json_set(vv, '$."' || new.origin || '"', new.hlc);
END;`;
}

/** Synced tables that existed before this migration, plus the ones it creates. */
const TABLES_0010 = [
  'school_profile', 'risk_factor', 'programme', 'programme_task', 'programme_problem', 'direction', 'activity',
  'indicator', 'indicator_value', 'local_act', 'staff', 'deficit', 'staff_deficit', 'mentoring_pair', 'course',
  'development_plan', 'pupil', 'risk_entry', 'risk_status_change', 'gifted_pupil', 'support_measure', 'event',
  'event_activity', 'decision', 'attachment',
];
const TABLES_0020 = ['municipal_activity', 'municipal_activity_mark', 'school_classification', 'curator_comment'];

export const m0020: Migration = {
  version: 20,
  name: 'exchange',
  sql: `
CREATE TABLE sync_version (
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  vv TEXT NOT NULL,
  PRIMARY KEY (tbl, id)
) WITHOUT ROWID;

CREATE TABLE sync_conflict (
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  hlc TEXT NOT NULL,
  origin TEXT NOT NULL,
  vv TEXT NOT NULL,
  data TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  -- 1 once a person chose another version: kept as history, and the same version arriving again is ignored.
  dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tbl, id, hlc)
);

CREATE TABLE exchange_origin_seq (
  issuer_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  last_sha256 TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (issuer_id, origin)
);

CREATE TABLE exchange_import (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL DEFAULT '',
  issuer_id TEXT NOT NULL DEFAULT '',
  issuer_name TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT '',
  seq INTEGER,
  status TEXT NOT NULL,
  reason_code TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  counts TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE exchange_quarantine (
  id TEXT PRIMARY KEY NOT NULL,
  received_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  issuer_id TEXT NOT NULL,
  issuer_name TEXT NOT NULL,
  issuer_role TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  sign_public TEXT NOT NULL,
  encrypt_public TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  decided_at TEXT
);

CREATE TABLE exchange_export (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  recipient_id TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  counts TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE municipality_school (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'invited',
  sign_public TEXT,
  encrypt_public TEXT,
  fingerprint TEXT,
  secret_hash TEXT,
  created_at TEXT NOT NULL,
  enrolled_at TEXT
);

CREATE TABLE municipal_activity (${SYNC},
  number TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  timing_text TEXT NOT NULL DEFAULT '',
  date_from TEXT,
  date_to TEXT,
  responsible TEXT NOT NULL DEFAULT ''
);

-- Owned by the school: its completion mark on one municipal activity (id derived from school and activity).
CREATE TABLE municipal_activity_mark (${SYNC},
  activity_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned',
  completion_mark TEXT NOT NULL DEFAULT '',
  completed_on TEXT
);
CREATE INDEX municipal_activity_mark_activity ON municipal_activity_mark(activity_id);

CREATE TABLE school_classification (${SYNC},
  school_id TEXT NOT NULL,
  cluster TEXT NOT NULL DEFAULT '',
  quality_group TEXT NOT NULL DEFAULT '',
  partner_group TEXT NOT NULL DEFAULT '',
  curator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX school_classification_school ON school_classification(school_id);

CREATE TABLE curator_comment (${SYNC},
  school_id TEXT NOT NULL,
  target_table TEXT NOT NULL DEFAULT 'activity',
  target_id TEXT NOT NULL,
  text TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  written_on TEXT NOT NULL
);
CREATE INDEX curator_comment_school ON curator_comment(school_id);

${[...TABLES_0010, ...TABLES_0020].map(versionTriggerSql).join('\n')}
`,
};
