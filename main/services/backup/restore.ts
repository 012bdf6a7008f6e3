/**
 * Restoring a copy over the live workspace file. In order: the copy is checked (whole, an Опора file of
 * the same role and owner) and staged next to the live file, so nothing is replaced by a file that turns
 * out bad halfway; the live file is itself copied into the backups (reason 'restore'); the live file is
 * closed and the staged one renamed over it; the reopened file takes a new origin with its clock moved past
 * everything the replaced file had stamped — so the municipality sees its edits as new, never as old ones
 * it already has (see exchange/keys.ts), and edits made on both sides of the restore meet as conflicts.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { DamagedDatabaseError, NotADatabaseError } from '../../../db/open.js';
import { join } from 'node:path';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors.js';
import { getMeta } from '../meta.js';
import { rotateOrigin } from '../exchange/keys.js';
import { backupDirFor, listBackups, makeBackup, type BackupInfo } from './backup.js';
import { inspectWorkspaceFile, checkSameWorkspace, type WorkspaceFileInfo } from './inspect.js';

/** What a restore needs of the open workspace: its context, and a way to replace its file while it is closed. */
export interface RestoreHost {
  ctx(): ServiceContext;
  /** The live file's path, known even when the file is too damaged to open. */
  livePath(): string;
  /** Closes the active database, runs `fn` with its path, and opens it again (also when `fn` throws). */
  withClosed<T>(fn: (path: string) => T): Promise<T>;
}

export interface RestoreResult {
  restored: WorkspaceFileInfo;
  /** The copy of the file that was replaced (it is in the backups list, newest). */
  kept: BackupInfo | null;
}

function fsyncFile(path: string) {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The open file, or null when it is too damaged to open (then there is nothing to compare the copy with). */
function liveContext(host: RestoreHost): ServiceContext | null {
  try {
    return host.ctx();
  } catch (e) {
    if (e instanceof DamagedDatabaseError || e instanceof NotADatabaseError) return null;
    throw e;
  }
}

/** Replaces the live file with the database at `source` (a copy from the list, or an uploaded file). */
export async function restoreFrom(host: RestoreHost, source: string): Promise<RestoreResult> {
  const ctx = liveContext(host);
  const livePath = host.livePath();
  const live = ctx
    ? { role: (getMeta(ctx.raw, 'role') ?? 'none') as WorkspaceFileInfo['role'], ownerId: getMeta(ctx.raw, 'owner_id') ?? null }
    : { role: 'none' as const, ownerId: null };
  const staged = livePath + '.restoring';
  rmSync(staged, { force: true });
  copyFileSync(source, staged);
  let info: WorkspaceFileInfo;
  try {
    // The staged bytes are what will be used, so they are what is checked.
    info = inspectWorkspaceFile(staged);
    checkSameWorkspace(info, live);
    fsyncFile(staged);
  } catch (e) {
    rmSync(staged, { force: true });
    throw e;
  }
  const floor = ctx ? getMeta(ctx.raw, 'hlc_last') : undefined;
  const kept = ctx ? makeBackup(ctx.raw, 'restore', ctx.now()) : null;
  await host.withClosed((path) => {
    // A damaged file is kept too, aside and out of the list (it would fail the check), for whoever repairs it.
    if (!ctx && existsSync(path)) {
      const dir = backupDirFor(path);
      mkdirSync(dir, { recursive: true });
      renameSync(path, join(dir, `повреждённый-${Date.now()}.sqlite`));
    }
    // The old WAL belongs to the replaced file; left in place, SQLite would replay it into the restored one.
    for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
    renameSync(staged, path);
  });
  const after = host.ctx();
  after.raw.transaction(() => rotateOrigin(after.raw, floor)).immediate();
  return { restored: info, kept };
}

/** Restores the copy named `name` from this workspace's own backups folder. */
export function restoreNamed(host: RestoreHost, name: string): Promise<RestoreResult> {
  const dir = backupDirFor(host.livePath());
  if (!listBackups(dir).some((b) => b.name === name)) throw new AppError('not_found', 'Такой копии нет: возможно, её уже удалили при очистке старых копий. Обновите список.');
  return restoreFrom(host, join(dir, name));
}

/** Restores a file the user chose (an upload in a browser tab, a file from a flash drive). */
export async function restoreUploaded(host: RestoreHost, bytes: Uint8Array): Promise<RestoreResult> {
  const tmp = host.livePath() + '.upload';
  writeFileSync(tmp, bytes);
  try {
    return await restoreFrom(host, tmp);
  } finally {
    rmSync(tmp, { force: true });
  }
}
