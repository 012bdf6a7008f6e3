/**
 * Automatic and manual copies of a workspace file. A copy is `VACUUM INTO` (a consistent snapshot even while
 * the WAL holds unmerged pages, written page by page as SQLite stores them — personal columns encrypted by
 * the app stay encrypted), made first under a `.part` name and renamed, so a half-written copy never looks
 * like a copy. The key file (`<db>.keys`) is never copied: private keys do not go onto flash drives.
 *
 * Copies live next to the file, in `backups/<file name>/`, named by the moment (local time) and the reason,
 * and are thinned after each new one (see `keepSet`).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo, BackupReason } from '../../../preload/contract/backup.js';
import { isoDay } from '../../../common/format.js';

export type { BackupInfo, BackupReason };

const REASONS: readonly BackupReason[] = ['daily', 'import', 'migration', 'manual', 'restore'];
const NAME_RE = /^opora-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?-([a-z]+)\.sqlite$/;

/** Automatic copies kept: the newest few whatever their age, then one per day and one per week. */
export const KEEP = { latest: 3, days: 7, weeks: 4 } as const;
/** A batch of bundles loaded one after another needs one copy before the first, not one per file. */
export const IMPORT_BACKUP_GAP_MS = 10 * 60 * 1000;
/**
 * A batch is files loaded one after another: each begins less than this after the one before it (by the
 * workspace's clock). A thousand schools' files take longer than IMPORT_BACKUP_GAP_MS, and a second copy in their
 * middle (40 s for a 2 GB file) protects nothing the first does not: what a user undoes is the whole batch.
 */
export const IMPORT_BATCH_PAUSE_MS = 2 * 60 * 1000;
/** When each open database last began an import (its connection, so a reopened file starts a new batch). */
const lastImport = new WeakMap<BetterSqlite3.Database, number>();

/** Where the automatic copies of the database file at `dbPath` live. */
export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups', basename(dbPath).replace(/\.sqlite$/, ''));
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** The name a copy made at `at` for `reason` gets in `dir` (a second copy in the same second gets a number). */
function freeName(dir: string, at: Date, reason: BackupReason): string {
  for (let n = 1; ; n++) {
    const name = `opora-${stamp(at)}${n > 1 ? `-${n}` : ''}-${reason}.sqlite`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** Reads a copy's moment and reason back from its name; null for files that are not our copies. */
export function parseBackupName(name: string): { at: Date; reason: BackupReason } | null {
  const m = NAME_RE.exec(name);
  if (!m || !REASONS.includes(m[8] as BackupReason)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return { at: new Date(y, mo - 1, d, h, mi, s), reason: m[8] as BackupReason };
}

/** Copies of one workspace file, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    out.push({ name, at: parsed.at.toISOString(), reason: parsed.reason, size: statSync(join(dir, name)).size });
  }
  // Same second: the numbered name is the later one.
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/** ISO week of a local day, as "2026-W48": the week a copy counts for. */
function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which copies stay: the newest KEEP.latest (so a copy taken a minute ago before an import survives the
 * daily one), the newest copy of each of the last KEEP.days days that have copies, the newest of each of the
 * last KEEP.weeks weeks. `list` is newest first.
 */
export function keepSet(list: BackupInfo[]): Set<string> {
  const keep = new Set(list.slice(0, KEEP.latest).map((b) => b.name));
  const byPeriod = (key: (d: Date) => string, n: number) => {
    const seen = new Set<string>();
    for (const b of list) {
      const k = key(new Date(b.at));
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  byPeriod(isoDay, KEEP.days);
  byPeriod(isoWeek, KEEP.weeks);
  return keep;
}

/** Deletes the copies `keepSet` does not keep (never `protect`, the one just made); returns the names removed. */
export function thinBackups(dir: string, protect?: string): string[] {
  const list = listBackups(dir);
  const keep = keepSet(list);
  // A copy stamped by a clock set back (or a test's clock) may look old; the one just made always stays.
  if (protect) keep.add(protect);
  const removed = list.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

/** `VACUUM INTO` a file at `target` (through `<target>.part`); the live file is not changed. */
export function vacuumInto(raw: BetterSqlite3.Database, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const part = target + '.part';
  rmSync(part, { force: true });
  try {
    raw.prepare('VACUUM INTO ?').run(part);
    renameSync(part, target);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}

/**
 * A copy of the open database into its backups folder, then thinning. Returns null when no copy can be made
 * here: an in-memory database, or a caller's transaction is open (VACUUM cannot run inside one; such callers
 * are covered by the copy their own outer step made).
 */
export function makeBackup(raw: BetterSqlite3.Database, reason: BackupReason, now: Date, dir = raw.memory ? '' : backupDirFor(raw.name)): BackupInfo | null {
  if (raw.memory || !dir || raw.inTransaction) return null;
  mkdirSync(dir, { recursive: true });
  const name = freeName(dir, now, reason);
  vacuumInto(raw, join(dir, name));
  thinBackups(dir, name);
  return { name, at: now.toISOString(), reason, size: statSync(join(dir, name)).size };
}

/** Once a day: a copy when the newest one is from an earlier local day (or there is none). */
export function dailyBackup(raw: BetterSqlite3.Database, now: Date): BackupInfo | null {
  if (raw.memory) return null;
  const newest = listBackups(backupDirFor(raw.name))[0];
  if (newest && isoDay(new Date(newest.at)) === isoDay(now)) return null;
  return makeBackup(raw, 'daily', now);
}

/**
 * Before an import is committed: a copy, unless this file continues a batch (the previous import on this connection
 * began under IMPORT_BATCH_PAUSE_MS ago) or one was made in the last few minutes.
 * "Made" is judged twice: by the workspace's clock, and by the file system's (a copy's mtime), because
 * callers that stamp imports in the past (the demo municipality backdates each school's files) would
 * otherwise take a copy before every file.
 */
export function importBackup(raw: BetterSqlite3.Database, now: Date): BackupInfo | null {
  if (raw.memory) return null;
  const previous = lastImport.get(raw);
  // Within a batch: its first file had a copy, or one from the last few minutes (below), so this file has one too.
  if (previous !== undefined && now.getTime() >= previous && now.getTime() - previous < IMPORT_BATCH_PAUSE_MS) {
    lastImport.set(raw, now.getTime());
    return null;
  }
  const made = copyBeforeImport(raw, now);
  lastImport.set(raw, now.getTime());
  return made;
}

function copyBeforeImport(raw: BetterSqlite3.Database, now: Date): BackupInfo | null {
  const dir = backupDirFor(raw.name);
  const list = listBackups(dir);
  const newest = list[0];
  if (newest && now.getTime() - new Date(newest.at).getTime() < IMPORT_BACKUP_GAP_MS && now >= new Date(newest.at)) return null;
  const wall = Date.now();
  if (list.some((b) => Math.abs(wall - statSync(join(dir, b.name)).mtimeMs) < IMPORT_BACKUP_GAP_MS)) return null;
  return makeBackup(raw, 'import', now);
}
