/**
 * 0072 — the person's word for a file the app cannot read whole. A school passes on a photo, a PDF, a scanned
 * page or a document with pictures only after someone ticks «Я проверил(а): в файле нет данных обучающихся»
 * (main/services/school/attachments.ts). The tick is kept here, for these very bytes (sha256), so the export does not
 * look again at what it cannot read; who ticked it and when is also in the access log. Local: never synced,
 * never exported, like access_log.
 */
import type { Migration } from './types.js';

export const m0072: Migration = {
  version: 72,
  name: 'share checks',
  sql: `
CREATE TABLE attachment_share_check (
  attachment_id TEXT PRIMARY KEY NOT NULL,
  sha256 TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  reason TEXT NOT NULL
);
`,
};
