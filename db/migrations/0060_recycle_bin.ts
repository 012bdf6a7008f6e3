/**
 * 0060 — the recycle bin (issue 11): one row per deletion a person made on this computer, with the group of
 * rows the cascade took with it, so that «Восстановить» brings back exactly that group. Local, never synced:
 * the tombstones themselves travel as always; this only remembers which of them belong together.
 */
import type { Migration } from './types.js';

export const m0060: Migration = {
  version: 60,
  name: 'recycle_bin',
  sql: `
CREATE TABLE deletion (
  id TEXT PRIMARY KEY NOT NULL,
  -- when it was deleted (ISO moment), and the root record: its table and id
  deleted_at TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  -- JSON [[table, id], …]: the root first, then what the cascade took, parents before children
  rows TEXT NOT NULL,
  restored_at TEXT
);
CREATE INDEX deletion_by_time ON deletion (deleted_at DESC);
`,
};
