/**
 * Receipts (issue 21): a school never saw whether the department merged its file. The department's next file now
 * says, for each of the school's files it loaded, when and with what result — taken from its own import history and
 * signed with the rest of the manifest — and the school writes that next to the file in its export log.
 */
import type { ExchangeContext } from './keys.js';
import type { Manifest } from './container.js';
import type { SentFileItem } from '../../../preload/contract/exchange.js';

/** How many of a school's latest files a receipt list covers: older ones were answered by earlier files. */
const RECEIPTS_KEPT = 200;

export type Receipt = NonNullable<Manifest['receipts']>[number];

/** The department: the school's files it has loaded (the first load of each), newest first. */
export function receiptsFor(ctx: ExchangeContext, schoolId: string): Receipt[] {
  const rows = ctx.raw.prepare(`SELECT origin, seq, MIN(at) AS at, counts FROM exchange_import
    WHERE issuer_id = ? AND status = 'accepted' AND seq IS NOT NULL AND origin <> ''
    GROUP BY origin, seq ORDER BY MAX(id) DESC LIMIT ?`).all(schoolId, RECEIPTS_KEPT) as { origin: string; seq: number; at: string; counts: string }[];
  return rows.map((r) => {
    const c = JSON.parse(r.counts) as Partial<Record<'new' | 'updated' | 'unchanged' | 'deleted' | 'conflicts', number>>;
    return { origin: r.origin, seq: r.seq, at: r.at, records: (c.new ?? 0) + (c.updated ?? 0) + (c.unchanged ?? 0) + (c.deleted ?? 0), conflicts: c.conflicts ?? 0 };
  });
}

/** The school: each receipt written beside the file it answers (a file this database never wrote is ignored). */
export function applyReceipts(ctx: ExchangeContext, m: Manifest): void {
  if (!m.receipts?.length) return;
  const set = ctx.raw.prepare(`UPDATE exchange_export SET received_at = ?, received_records = ?, received_conflicts = ?
    WHERE origin = ? AND seq = ? AND received_at IS NULL`);
  for (const r of m.receipts) set.run(r.at, r.records, r.conflicts, r.origin, r.seq);
}

/** The school's files, newest first, each with its receipt if one came. */
export function sentFiles(ctx: ExchangeContext, limit = 100): SentFileItem[] {
  return ctx.raw.prepare(`SELECT id, at, path, seq, received_at, received_records, received_conflicts FROM exchange_export
    WHERE counts <> '{}' ORDER BY id DESC LIMIT ?`).all(limit) as SentFileItem[];
}
