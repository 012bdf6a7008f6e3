/** The import history the exchange screen and `opora history` show. */
import type { ExchangeContext } from './keys.js';
import type { ExchangeHistoryItem } from '../../../preload/contract/exchange.js';

/** One line of the import history, as the screen lists it (the contract's type). */
export type HistoryItem = ExchangeHistoryItem;

export function importHistory(ctx: ExchangeContext, limit = 200): HistoryItem[] {
  const rows = ctx.raw.prepare('SELECT id, at, file_name, kind, issuer_id, issuer_name, seq, status, reason, counts FROM exchange_import ORDER BY id DESC LIMIT ?').all(limit) as (Omit<HistoryItem, 'counts'> & { counts: string })[];
  return rows.map((r) => ({ ...r, counts: JSON.parse(r.counts) as HistoryItem['counts'] }));
}
