/**
 * Checks that hold even against a sender with a valid key: one key belongs to one school, and a school
 * speaks only about what concerns it (its completion marks for activities addressed to it).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BundleError } from './reasons.js';
import type { IncomingTable } from './tables.js';

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
 * A mark is the school's word that it did an activity. It may speak only about activities addressed to it:
 * for all schools, or linked to it — now or earlier (a link removed, or the activity deleted, after the school
 * marked it must not make its full snapshots refused forever) — or about a mark the municipality already holds.
 */
export function checkMarksAddressed(raw: BetterSqlite3.Database, schoolId: string, t: IncomingTable) {
  const iId = t.columns.indexOf('id');
  const iAct = t.columns.indexOf('activity_id');
  const addressed = raw.prepare(`SELECT 1 FROM municipal_activity a WHERE a.id = ? AND (a.all_schools = 1 OR EXISTS
    (SELECT 1 FROM municipal_activity_school s WHERE s.activity_id = a.id AND s.school_id = ?))`);
  const known = raw.prepare('SELECT 1 FROM municipal_activity_mark WHERE id = ? AND owner = ?');
  for (const r of t.rows) {
    if (addressed.get(r[iAct], schoolId) || known.get(r[iId], schoolId)) continue;
    const title = raw.prepare('SELECT title FROM municipal_activity WHERE id = ?').pluck().get(r[iAct]) as string | undefined;
    throw new BundleError('mark_not_addressed', title ? `«${title}»` : undefined);
  }
}
