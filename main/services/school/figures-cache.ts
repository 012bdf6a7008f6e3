/**
 * Kept figures (migration 0105): what figures.ts computed for a day, per owner, with the owner's write counter at
 * the time. The department's summary of 300 schools reads 300 kept rows instead of every row of every school; a
 * school whose bundle was merged since (or any row of which changed, by whatever path — triggers move the counter)
 * is recomputed alone. The first look of a day computes every school once.
 *
 * Only screens' figures are kept (a day, no period): a report's period is asked once.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { addDays } from '../../../common/periods.js';

type Db = { raw: BetterSqlite3.Database };

/**
 * How long a kind's kept days stay, counted back from the day asked: the summary asks for today (a week covers a
 * clock set back or a report of last week's day), the charts for the ends of the last eight quarters.
 */
const KEEP_DAYS: Record<Kind, number> = { figures: 7, risk: 800 };
export type Kind = 'figures' | 'risk';

const statements = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();
function prepare(raw: BetterSqlite3.Database) {
  return {
    stamps: raw.prepare('SELECT owner, v FROM figures_stamp'),
    kept: raw.prepare('SELECT owner, v, data FROM figures_cache WHERE kind = ? AND day = ?'),
    put: raw.prepare('INSERT OR REPLACE INTO figures_cache (kind, day, owner, v, data) VALUES (?, ?, ?, ?, ?)'),
    forget: raw.prepare('DELETE FROM figures_cache WHERE kind = ? AND (day < ? OR day > ?)'),
  };
}

/**
 * The values of every owner for (kind, day): kept ones whose owner has not changed since, the others computed by
 * `compute(owners)` (null: every owner, one pass) and kept. An owner with nothing to count is kept as such (null).
 */
export function keptByOwner<T, S>(db: Db, kind: Kind, day: string, compute: (owners: string[] | null) => Map<string, S>, out: (stored: S) => T): Map<string, T> {
  let st = statements.get(db.raw);
  if (!st) statements.set(db.raw, (st = prepare(db.raw)));
  const s = st;
  return db.raw.transaction(() => {
    const stamps = s.stamps.all() as { owner: string; v: number }[];
    const kept = new Map((s.kept.all(kind, day) as { owner: string; v: number; data: string | null }[]).map((r) => [r.owner, r]));
    const result = new Map<string, T>();
    const stale: { owner: string; v: number }[] = [];
    for (const st of stamps) {
      const k = kept.get(st.owner);
      if (k && k.v === st.v) {
        if (k.data !== null) result.set(st.owner, out(JSON.parse(k.data) as S));
      } else stale.push(st);
    }
    if (!stale.length) return result;
    const fresh = compute(stale.length === stamps.length ? null : stale.map((x) => x.owner));
    s.forget.run(kind, shift(day, -KEEP_DAYS[kind]), shift(day, KEEP_DAYS[kind]));
    for (const { owner, v } of stale) {
      const f = fresh.get(owner);
      s.put.run(kind, day, owner, v, f === undefined ? null : JSON.stringify(f));
      if (f !== undefined) result.set(owner, out(f));
    }
    return result;
  })();
}

/** The day moved by some days; a day that is not one (nothing asks with such) is left as it is. */
function shift(day: string, days: number): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? addDays(day, days) : day;
}
