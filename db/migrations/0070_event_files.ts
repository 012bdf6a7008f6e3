/**
 * 0070 — event files. The municipality's own events get files (issue 10): the protocol, the presentation, the
 * photos of a совещание. Like the school journal's `attachment` (0010) the bytes live in files/attachments/<id>
 * next to the database; the row holds what the store checked. The table stays at the department, so its parent
 * is a real reference. And a school journal's file gains `share`: its bytes go to the department only when the
 * school passes it on (0 for the files attached before: nobody chose to send them).
 */
import type { Migration } from './types.js';
import { versionTriggerSql } from './0020_exchange.js';

export const m0070: Migration = {
  version: 70,
  name: 'event files',
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

ALTER TABLE attachment ADD COLUMN share INTEGER NOT NULL DEFAULT 0;

${versionTriggerSql('mun_event_attachment')}
`,
};
