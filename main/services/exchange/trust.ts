/**
 * Checks that hold even against a sender with a valid key: one key belongs to one school, and a school
 * speaks only about what concerns it (its completion marks for activities addressed to it).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { BundleError } from './reasons.js';
import type { IncomingTable } from './tables.js';
import { tableSpec, type Field } from '../../../db/registry/index.js';
import { audienceSql } from './audience.js';

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
  const addressed = raw.prepare(`SELECT 1 FROM ${target} a WHERE a.id = @id${audience ? ` AND ${audience}` : ''}`);
  const known = raw.prepare(`SELECT 1 FROM ${t.table} WHERE id = ? AND owner = ?`);
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
export function checkOwnReferences(raw: BetterSqlite3.Database, table: string, written: ReadonlySet<string>): void {
  if (!written.size) return;
  const spec = tableSpec(table);
  let ids: string | undefined;
  for (const [column, field] of Object.entries(spec.fields as Record<string, Field>)) {
    const targets: [string, string | null][] = field.kind === 'ref' ? [[field.table, null]]
      : field.kind === 'uuid' && field.refBy ? Object.entries(field.refBy.tables).map(([kind, t]) => [t, `x.${field.refBy!.column} = '${kind}'`])
        : [];
    // One look-up over all the ids written (a JSON list bound once), not one statement call per id.
    if (!targets.length) continue;
    ids ??= JSON.stringify([...written]);
    for (const [target, when] of targets) {
      // CROSS JOIN fixes the order: the written ids outside, each row and its target found by id. Left to the
      // planner, a department holding hundreds of schools got a scan of the whole table per file (the merge slowed
      // with every file merged).
      const foreign = raw.prepare(`SELECT 1 FROM json_each(?) j CROSS JOIN ${table} x ON x.id = j.value CROSS JOIN ${target} r ON r.id = x.${column}
        WHERE r.owner <> x.owner${when ? ` AND ${when}` : ''} LIMIT 1`);
      if (foreign.get(ids)) throw new BundleError('foreign_reference', `${spec.title}, поле «${field.label}» → ${tableSpec(target).title}`);
    }
  }
}
