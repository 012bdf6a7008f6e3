/**
 * Restoring a copy over the live workspace file. In order: the copy is checked (whole, an Опора file of
 * the same role and owner) and staged next to the live file, so nothing is replaced by a file that turns
 * out bad halfway; the live file is itself copied into the backups (reason 'restore'); the live file is
 * closed and the staged one renamed over it; the reopened file takes a new origin with its clock moved past
 * everything the replaced file had stamped — so the municipality sees its edits as new, never as old ones
 * it already has (see exchange/keys.ts), and edits made on both sides of the restore meet as conflicts.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { DamagedDatabaseError, NotADatabaseError, keyringOf } from '../../../db/open.js';
import { applyKey, whichKey } from '../../../db/cipher.js';
import { Keyring, type DataKey, type KeyStore } from '../../../db/keyring.js';
import { allTables, personalColumns } from '../../../db/registry/index.js';
import { openText } from '../privacy/envelope.js';
import { join } from 'node:path';
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { getMeta } from '../core/meta.js';
import { rotateOrigin } from '../core/clock.js';
import { backupDirFor, listBackups, makeBackup, type BackupInfo } from './backup.js';
import { inspectWorkspaceFile, checkSameWorkspace, type WorkspaceFileInfo } from './inspect.js';
import { checkLegacyKdf, checkPinnedKeys } from './copy-check.js';

/** What a restore needs of the open workspace: its context, and a way to replace its file while it is closed. */
export interface RestoreHost {
  ctx(): ServiceContext;
  /** The live file's path, known even when the file is too damaged to open. */
  livePath(): string;
  /** How the keyring's device wraps are protected (the shell's safeStorage box), for a live file too damaged to open. */
  keyStore?: KeyStore;
  /** Closes the active database, runs `fn` with its path, and opens it again (also when `fn` throws). */
  withClosed<T>(fn: (path: string) => T): Promise<T>;
}

export interface RestoreResult {
  restored: WorkspaceFileInfo;
  /** What the check found, in Russian words (how the copy is stored, how many pupils' names it opens). */
  found: string;
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
  // Every file key this workspace ever had: a copy made before a key change still opens.
  const keyring = (ctx && keyringOf(ctx.raw)?.keyring) || Keyring.existing(livePath, { store: host.keyStore });
  if (keyring?.hasPassword() && !keyring.isOpen()) throw new AppError('locked', 'Рабочее место заблокировано. Введите пароль, затем восстанавливайте копию: программа должна проверить, что ФИО в копии откроются.');
  const staged = livePath + '.restoring';
  rmSync(staged, { force: true });
  copyFileSync(source, staged);
  let info: WorkspaceFileInfo & { stored: string };
  let found: string;
  try {
    // The staged bytes are what will be used, so they are what is checked.
    info = inspectWorkspaceFile(staged, { keys: keyring?.keys('file') ?? [] });
    checkSameWorkspace(info, live);
    found = `${info.stored}; ${checkCopy(staged, keyring, ctx?.raw ?? null)}`;
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
  return { restored: info, kept, found };
}

/**
 * What the copy brings besides data (pinned keys, password settings: see copy-check.ts), and whether its
 * personal values open with a key of the keyring; refuses the copy when they do not (a restore never loses a
 * name). Returns what it found, in words.
 */
function checkCopy(path: string, keyring: Keyring | null, live: BetterSqlite3.Database | null): string {
  const fileKeys = keyring?.keys('file') ?? [];
  const key = whichKey(path, fileKeys);
  const raw = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    if (key && key !== 'plain') applyKey(raw, key.key);
    checkPinnedKeys(raw, live);
    checkLegacyKdf(raw);
    const personal: DataKey[] = keyring?.keys('personal') ?? [];
    let sealed = 0, opened = 0;
    for (const t of allTables()) {
      for (const c of personalColumns(t.name)) {
        const hasTable = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t.name);
        if (!hasTable) continue;
        const v = raw.prepare(`SELECT ${c} FROM ${t.name} WHERE substr(${c}, 1, 5) = 'enc1:' LIMIT 1`).pluck().get() as string | undefined;
        if (!v) continue;
        sealed++;
        if (personal.some((k) => { try { openText(k.key, v); return true; } catch { return false; } })) opened++;
      }
    }
    if (sealed > opened) {
      throw new AppError('backup_keys', 'ФИО и даты рождения в этой копии зашифрованы ключом, которого нет в файле ключей этого рабочего места: после восстановления их нельзя было бы прочитать. Копия не восстановлена, текущие данные не изменены.');
    }
    const pupils = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pupil'").get()
      ? raw.prepare("SELECT COUNT(*) FROM pupil WHERE deleted_at IS NULL AND full_name <> ''").pluck().get() as number : 0;
    return pupils ? `обучающихся в копии — ${pupils}, их ФИО и даты рождения открываются ключами рабочего места` : 'обучающихся в копии нет';
  } finally {
    raw.close();
  }
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
