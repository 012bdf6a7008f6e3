/**
 * 0094 — versions and receipts (issue 21). The department keeps, per school, the app version of its last file and
 * the schema that app reads, so that it knows which school needs an update before a file it writes can be read.
 * And a school keeps, per file it wrote, what the department's history said of it: when that file was loaded and
 * how many records it took and how many conflicts it raised — the receipt the department's next file brings.
 */
import type { Migration } from './types.js';

export const m0094: Migration = {
  version: 94,
  name: 'versions and receipts',
  sql: `
ALTER TABLE municipality_school ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
ALTER TABLE municipality_school ADD COLUMN reads_schema INTEGER;
ALTER TABLE exchange_export ADD COLUMN received_at TEXT;
ALTER TABLE exchange_export ADD COLUMN received_records INTEGER;
ALTER TABLE exchange_export ADD COLUMN received_conflicts INTEGER;
`,
};
