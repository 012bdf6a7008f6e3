/**
 * Versions (issue 21): the released version every file carries, the schema this app reads, and the oldest schema
 * that can read a file correctly. Schools upgrade on different days and some have no internet, so a file is
 * shaped for the oldest app that can keep all it holds: a table or column added later (registry `since`) that
 * holds nothing for the recipient is left out, and the manifest's `schemaVersion` says which schema is needed.
 */
import pkg from '../../../package.json' with { type: 'json' };
import { migrations } from '../../../db/migrations/index.js';
import { tableSpec, emptyValue, type Field } from '../../../db/registry/index.js';

/** The released version (package.json): shown in «О программе» and carried in every file's manifest. */
export const APP_VERSION: string = pkg.version;

/**
 * The schema of the first release the schools run (0.1.0 at schema 70): no file is shaped for an older one,
 * every table and column without `since` existed in it.
 */
export const FIRST_SCHEMA = 70;

/** A department's file carries receipts (exchange/receipts.ts) only for an app that reads them. */
export const RECEIPTS_SCHEMA = 94;

/**
 * The schema each release reads. Apps before 1.0.0 wrote their own schema into every file; from 1.0.0 a file
 * says what it needs instead, so the department learns a school's schema from its version through this list.
 * Every release adds its line (tests/unit/exchange-versions.test.ts holds package.json's version to be here).
 */
export const RELEASES: readonly { version: string; schema: number }[] = [
  { version: '1.0.0', schema: 94 },
  { version: '1.1.0', schema: 105 },
];

/** The schema this app reads: its last migration (read when asked: a test adds a fixture migration). */
export function currentSchema(): number {
  return migrations[migrations.length - 1]!.version;
}

/** -1, 0 or 1 for two versions «1.2.3» (a part that is not a number counts as 0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length, 3); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The schema the app that wrote a file reads (its own, not the file's need): an app before 1.0.0 wrote it in the
 * file; a release we know, from the list; a release newer than ours reads everything we write.
 */
export function readerSchema(appVersion: string, fileSchema: number): number {
  if (compareVersions(appVersion, '1.0.0') < 0) return fileSchema;
  if (compareVersions(appVersion, APP_VERSION) === 0) return Math.max(currentSchema(), fileSchema);
  if (compareVersions(appVersion, APP_VERSION) > 0) return Number.MAX_SAFE_INTEGER;
  const known = [...RELEASES].reverse().find((r) => compareVersions(r.version, appVersion) <= 0);
  return Math.max(known?.schema ?? FIRST_SCHEMA, fileSchema);
}

/** One table as the export read it: its columns and rows (values in column order). */
export interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** The columns of a table that appeared after `schema` and hold something in these rows. */
function laterColumns(t: TableRows): { col: string; since: number; used: boolean }[] {
  const fields = tableSpec(t.table).fields as Record<string, Field>;
  const out: { col: string; since: number; used: boolean }[] = [];
  t.columns.forEach((col, i) => {
    const f = fields[col];
    if (!f?.since || f.since <= FIRST_SCHEMA) return;
    const empty = emptyValue(f);
    out.push({ col, since: f.since, used: t.rows.some((r) => r[i] !== empty && !(r[i] === null && empty === '')) });
  });
  return out;
}

/** The newest schema a vocabulary code used in these rows appeared in (registry `codesSince`). */
function laterCodes(t: TableRows): number {
  const fields = tableSpec(t.table).fields as Record<string, Field>;
  let need = 0;
  t.columns.forEach((col, i) => {
    const since = fields[col]?.codesSince;
    if (!since) return;
    for (const r of t.rows) {
      const v = since[String(r[i])];
      if (v && v > need) need = v;
    }
  });
  return need;
}

/** The oldest schema that can read these tables correctly: the newest table or column that holds something. */
export function schemaNeeded(tables: readonly TableRows[]): number {
  let need = FIRST_SCHEMA;
  for (const t of tables) {
    const since = tableSpec(t.table).since ?? 0;
    if (t.rows.length && since > need) need = since;
    for (const c of laterColumns(t)) if (c.used && c.since > need) need = c.since;
    need = Math.max(need, laterCodes(t));
  }
  return need;
}

/**
 * The tables as an app on `schema` knows them: a later table is left out (it is empty here), so is a later column
 * (every row holds its empty value); the reader fills such a column back in (tables.ts).
 */
export function shapeFor(tables: readonly TableRows[], schema: number): TableRows[] {
  const out: TableRows[] = [];
  for (const t of tables) {
    if ((tableSpec(t.table).since ?? 0) > schema) continue;
    const drop = new Set(laterColumns(t).filter((c) => c.since > schema).map((c) => t.columns.indexOf(c.col)));
    if (!drop.size) {
      out.push(t);
      continue;
    }
    out.push({ table: t.table, columns: t.columns.filter((_, i) => !drop.has(i)), rows: t.rows.map((r) => r.filter((_, i) => !drop.has(i))) });
  }
  return out;
}
