/**
 * 0076 — the free text of a pupil's records stays at the school (issue 17). From this version a school sends
 * its risk-group entries, their status history, the gifted list and support measures with categories, dates,
 * statuses and codes only: reasons, notes, achievements, measure titles and the pupil's class never leave it
 * (registry: `travels`). A department's file still holds what earlier versions sent; it is erased here, in the
 * rows and in the conflict copies, and secure_delete zeroes the freed bytes. A school's own file keeps its texts:
 * only a municipality's rows are touched, and only those of other owners (the schools').
 *
 * And `sent_text`: a hash of each outgoing text as the school's last file carried it, so that the export screen
 * lists what is new or changed since (exchange/review.ts). Local bookkeeping, never synced.
 *
 * The column lists are frozen here, as every migration's are: the registry may change, this step may not.
 */
import type { Migration } from './types.js';

const LOCAL: Record<string, string[]> = {
  pupil: ['class_name'],
  risk_entry: ['reason', 'responsible', 'removal_reason'],
  risk_status_change: ['reason'],
  gifted_pupil: ['area', 'responsible', 'achievements', 'support_plan'],
  support_measure: ['title', 'responsible', 'result'],
};

const AT_MUNICIPALITY = "(SELECT value FROM meta WHERE key = 'role') = 'municipality'";

export const m0076: Migration = {
  version: 76,
  name: 'local texts of pupil records',
  sql: `
CREATE TABLE sent_text (tbl TEXT NOT NULL, id TEXT NOT NULL, col TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (tbl, id, col)) WITHOUT ROWID;
` + Object.entries(LOCAL).map(([table, cols]) => `
UPDATE ${table} SET ${cols.map((c) => `${c} = ''`).join(', ')}
  WHERE ${AT_MUNICIPALITY} AND owner <> COALESCE((SELECT value FROM meta WHERE key = 'owner_id'), '');
UPDATE sync_conflict SET data = json_set(data, ${cols.map((c) => `'$.${c}', ''`).join(', ')})
  WHERE tbl = '${table}' AND json_valid(data) AND ${AT_MUNICIPALITY};`).join('\n'),
};
