/**
 * Statements prepared once per open database and reused by every file merged into it: a department loads
 * hundreds of files in a row, and preparing a dozen statements per table per file cost more than a tenth of
 * the merge. SQLite re-prepares a statement itself when the schema changes, so a cached one stays correct.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

const byDb = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** The statement for `sql` on this connection; `pluck` ones are kept apart from the same text returning rows. */
export function cachedStatement(raw: BetterSqlite3.Database, sql: string, pluck = false): BetterSqlite3.Statement {
  let m = byDb.get(raw);
  if (!m) byDb.set(raw, (m = new Map()));
  const key = pluck ? `p\0${sql}` : sql;
  let s = m.get(key);
  if (!s) {
    // Column lists vary with what a sender leaves out: the cache stays bounded whatever files arrive.
    if (m.size >= 2000) m.clear();
    s = raw.prepare(sql);
    if (pluck) s.pluck();
    m.set(key, s);
  }
  return s;
}
