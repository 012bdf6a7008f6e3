/**
 * A new, empty file gets the schema the migrations end with in one step: their result, built once per process in
 * memory and replayed — the same CREATE texts, in an order SQLite accepts, and whatever rows the migrations left.
 * Running a hundred migrations one by one on every new file cost ≈0.1 s a file: the demo of 300 schools makes
 * 300 files, and the test suite about a thousand. A file with anything in it still takes the migrations themselves.
 */
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations/types.js';

interface Snapshot {
  version: number;
  /** CREATE statements: tables, then indexes, views, triggers (each in the order they were made). */
  objects: string[];
  /** Rows the migrations put in (none today; kept so a future seeding migration is not lost on new files). */
  rows: { table: string; columns: string[]; values: unknown[][] }[];
}

const ORDER = ['table', 'index', 'view', 'trigger'];
let kept: { key: string; snapshot: Snapshot } | null = null;

/** The list's identity: a test may add a fixture migration, and a new list needs a new snapshot. */
const keyOf = (list: Migration[]) => list.map((m) => `${m.version}:${m.sql.length}`).join(',');

function build(list: Migration[]): Snapshot {
  const mem = new BetterSqlite3(':memory:');
  try {
    for (const m of list) mem.exec(m.sql);
    const master = mem.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as { type: string; name: string; sql: string }[];
    const objects = [...master].sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type)).map((o) => o.sql);
    const rows: Snapshot['rows'] = [];
    for (const t of master.filter((o) => o.type === 'table')) {
      const values = mem.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][];
      if (!values.length) continue;
      const columns = (mem.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string }[]).map((c) => c.name);
      rows.push({ table: t.name, columns, values });
    }
    return { version: list[list.length - 1]!.version, objects, rows };
  } finally {
    mem.close();
  }
}

/** True when the file has no schema at all (made just now): it can take the snapshot. */
export function isBlank(raw: BetterSqlite3.Database): boolean {
  return (raw.prepare('SELECT COUNT(*) FROM sqlite_master').pluck().get() as number) === 0;
}

/** Gives a blank file the migrations' end result in one transaction; returns the schema version it is now at. */
export function applySnapshot(raw: BetterSqlite3.Database, list: Migration[]): number {
  const key = keyOf(list);
  if (kept?.key !== key) kept = { key, snapshot: build(list) };
  const s = kept.snapshot;
  raw.transaction(() => {
    for (const sql of s.objects) raw.exec(sql);
    for (const r of s.rows) {
      const insert = raw.prepare(`INSERT INTO "${r.table}" (${r.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${r.columns.map(() => '?').join(', ')})`);
      for (const v of r.values) insert.run(...v);
    }
    raw.pragma(`user_version = ${s.version}`);
  }).immediate();
  return s.version;
}
