/**
 * 0050 — children's data on the school's own computer (issue 12).
 * - privacy_key: the data key that encrypts personal columns, wrapped once per way in (the workspace
 *   password, the recovery code, or the device's key store, whose wrap lives in a file next to the database
 *   and not here — a copied database alone must not carry its key). Local: never synced, never exported.
 * - privacy_setting: the lock's idle time and the retention period. Local.
 * - access_log: who opened a pupil's card or printed / exported personal data, and when. Local, never exported.
 * - consent: the written consent of a legal representative to process health data of one risk-group entry;
 *   a synced table that stays on the school's computer (travel 'stays' in the registry).
 * - risk_entry.health_details: health details of an entry, allowed only with a consent on file (db/rules.ts).
 *
 * Existing plaintext names and birth dates are not rewritten here: SQL cannot reach the data key, which is
 * outside the file. The vault (main/services/privacy/vault.ts) seals every plaintext personal value the first
 * time the file is opened with its key, and secure_delete (db/open.ts) zeroes the pages they were on.
 */
import type { Migration } from './types.js';
import { versionTriggerSql } from './0020_exchange.js';

export const m0050: Migration = {
  version: 50,
  name: 'privacy',
  sql: `
CREATE TABLE privacy_key (
  slot TEXT PRIMARY KEY NOT NULL,
  kdf TEXT NOT NULL DEFAULT '{}',
  wrapped TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE privacy_setting (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE access_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  pupil_id TEXT,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_log_at ON access_log(at);

CREATE TABLE consent (id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  origin TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  entry_id TEXT NOT NULL REFERENCES risk_entry(id) DEFERRABLE INITIALLY DEFERRED,
  given_by TEXT NOT NULL,
  form TEXT NOT NULL DEFAULT 'written',
  given_on TEXT NOT NULL,
  scope TEXT NOT NULL,
  withdrawn_on TEXT
);
CREATE INDEX consent_entry ON consent(entry_id);
${versionTriggerSql('consent')}

ALTER TABLE risk_entry ADD COLUMN health_details TEXT NOT NULL DEFAULT '';
`,
};
