/**
 * 0070 — files attached to the municipality's own events (issue 10): the protocol, the presentation, the photos
 * of a совещание. Like the school journal's `attachment` (0010) the bytes live in files/attachments/<id> next to
 * the database; the row holds what the store checked. The table stays at the department, so its parent is a
 * real reference.
 */
import type { Migration } from './types.js';
import { versionTriggerSql } from './0020_exchange.js';

export const m0070: Migration = {
  version: 70,
  name: 'municipal event files',
  sql: `
CREATE TABLE mun_event_attachment (
  id TEXT PRIMARY KEY NOT NULL,
  owner TEXT NOT NULL,
  origin TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  event_id TEXT NOT NULL REFERENCES mun_event(id),
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT 'application/octet-stream',
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE INDEX mun_event_attachment_event ON mun_event_attachment(event_id);

${versionTriggerSql('mun_event_attachment')}
`,
};
