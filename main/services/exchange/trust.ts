/**
 * Checks that hold even against a sender with a valid key: one key belongs to one school, and a school
 * speaks only about what concerns it (its completion marks for activities addressed to it).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { BundleError } from './reasons.js';
import type { IncomingTable } from './tables.js';
import { tableSpec, type Field } from '../../../db/registry/index.js';
import { audienceSql } from './audience.js';
import { cachedStatement } from './statements.js';

/** The school (other than `exceptId`) whose pinned key has this fingerprint, if any. */
export function keyHolder(raw: BetterSqlite3.Database, fingerprint: string, exceptId: string): { id: string; name: string } | null {
  return (raw.prepare("SELECT id, name FROM municipality_school WHERE fingerprint = ? AND id <> ? AND status <> 'invited' ORDER BY name LIMIT 1")
    .get(fingerprint, exceptId) as { id: string; name: string } | undefined) ?? null;
}

/** The words on the quarantine card and in the refusal when a key already belongs to another school. */
export function keyTakenWarning(holderName: string): string {
  return `Этот ключ уже принадлежит школе «${holderName}». Принять его как ключ другой школы нельзя: ` +
    'один ключ — одна школа. Если школа сменила компьютер, её файл придёт с новым ключом.';
}

/**
 * A mark is the school's word that it did something the municipality sent down (a roadmap activity, an
 * assignment). It may speak only about rows meant for it — now or earlier (a link removed, or the row deleted,
 * after the school marked it must not make its full snapshots refused forever) — or about a mark the
 * municipality already holds. Which rows those are is the registry's `audience` of the marked table.
 */
export function checkMarksAddressed(raw: BetterSqlite3.Database, schoolId: string, t: IncomingTable) {
  const spec = tableSpec(t.table);
  if (!spec.markOf) return;
  const [column, target] = spec.markOf;
  const iId = t.columns.indexOf('id');
  const iTarget = t.columns.indexOf(column);
  const audience = audienceSql(target, 'a', 'ever');
  const addressed = cachedStatement(raw, `SELECT 1 FROM ${target} a WHERE a.id = @id${audience ? ` AND ${audience}` : ''}`);
  const known = cachedStatement(raw, `SELECT 1 FROM ${t.table} WHERE id = ? AND owner = ?`);
  const label = 'title' in tableSpec(target).fields ? 'title' : 'text';
  for (const r of t.rows) {
    if (addressed.get({ id: r[iTarget], school: schoolId }) || known.get(r[iId], schoolId)) continue;
    const title = raw.prepare(`SELECT ${label} FROM ${target} WHERE id = ?`).pluck().get(r[iTarget]) as string | undefined;
    throw new BundleError('mark_not_addressed', title ? `«${title.slice(0, 200)}»` : undefined);
  }
}

/**
 * Every reference a school's row makes points at a row of that school: a mentoring pair of school A naming
 * school B's teachers would raise B's «с наставником» on the dashboard. Checked after the merge for the rows it
 * wrote (by id, so the cost follows the file, not the department's database): a row merged earlier was checked
 * then, and an owner never changes, so it cannot become a bridge later. A reference to a missing row is left to
 * the foreign-key check (`inconsistent`).
 */
export function checkOwnReferences(raw: BetterSqlite3.Database, table: string, written: ReadonlySet<string>, file?: FileRows): void {
  if (!written.size) return;
  const spec = tableSpec(table);
  let all: string | undefined;
  for (const [column, field] of Object.entries(spec.fields as Record<string, Field>)) {
    const targets: [string, string | null][] = field.kind === 'ref' ? [[field.table, null]]
      : field.kind === 'uuid' && field.refBy ? Object.entries(field.refBy.tables).map(([kind, t]) => [t, `x.${field.refBy!.column} = '${kind}'`])
        : [];
    // One look-up over all the ids written (a JSON list bound once), not one statement call per id.
    if (!targets.length) continue;
    const ids = field.kind === 'ref' && file ? notSeenOwn(file, column, field.table, written) : (all ??= JSON.stringify([...written]));
    if (ids === null) continue;
    for (const [target, when] of targets) {
      // CROSS JOIN fixes the order: the written ids outside, each row and its target found by id. Left to the
      // planner, a department holding hundreds of schools got a scan of the whole table per file (the merge slowed
      // with every file merged).
      const foreign = cachedStatement(raw, `SELECT 1 FROM json_each(?) j CROSS JOIN ${table} x ON x.id = j.value CROSS JOIN ${target} r ON r.id = x.${column}
        WHERE r.owner <> x.owner${when ? ` AND ${when}` : ''} LIMIT 1`);
      if (foreign.get(ids)) throw new BundleError('foreign_reference', `${spec.title}, поле «${field.label}» → ${tableSpec(target).title}`);
    }
  }
}

/** The file's rows of one table as merged, and the ids each table of the same file holds. */
export interface FileRows {
  rows: IncomingTable;
  /** Ids inserted straight from their incoming row: the stored row is that row. */
  fresh: ReadonlySet<string>;
  idsOf(table: string): ReadonlySet<string> | undefined;
}

/**
 * The written ids whose reference in `column` still needs the database's word, as a JSON list (null: none). A row
 * stored as it came that points at a row of the same file's `target` is the sender's own without a look-up: every
 * row of the file was merged under the sender's id (a row of another owner with that id refused the file), and an
 * owner never changes. Anything else — a row merged with what the department held, a target outside the file — is
 * looked up as before.
 */
function notSeenOwn(file: FileRows, column: string, target: string, written: ReadonlySet<string>): string | null {
  const t = file.rows;
  const iId = t.columns.indexOf('id');
  const iRef = t.columns.indexOf(column);
  const own = file.idsOf(target);
  const left: string[] = [];
  for (const r of t.rows) {
    const id = r[iId] as string;
    if (!written.has(id)) continue;
    const v = iRef < 0 ? null : r[iRef];
    if (file.fresh.has(id) && (v === null || (own !== undefined && own.has(v as string)))) continue;
    left.push(id);
  }
  return left.length ? JSON.stringify(left) : null;
}
