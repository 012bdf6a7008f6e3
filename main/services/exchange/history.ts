/** The import history the exchange screen and `opora history` show. */
import type { ExchangeContext } from './keys.js';
import type { MergeCounts } from './merge.js';
import type { ImportStatus } from './import.js';

export interface HistoryItem {
  id: number;
  at: string;
  file_name: string;
  kind: string;
  issuer_id: string;
  issuer_name: string;
  seq: number | null;
  status: ImportStatus;
  reason: string;
  counts: Partial<MergeCounts>;
}

export function importHistory(ctx: ExchangeContext, limit = 200): HistoryItem[] {
  const rows = ctx.raw.prepare('SELECT id, at, file_name, kind, issuer_id, issuer_name, seq, status, reason, counts FROM exchange_import ORDER BY id DESC LIMIT ?').all(limit) as (Omit<HistoryItem, 'counts'> & { counts: string })[];
  return rows.map((r) => ({ ...r, counts: JSON.parse(r.counts) as Partial<MergeCounts> }));
}
