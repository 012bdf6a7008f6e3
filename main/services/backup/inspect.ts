/**
 * What a database file on disk is, read without changing it: whether SQLite finds it whole
 * (`PRAGMA integrity_check`, every page and index), whether it is an Опора workspace, whose and of which
 * role. A restore and «open another file» both ask this before anything is replaced or switched.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { LATEST_VERSION } from '../../../db/open.js';
import { applyKey, whichKey } from '../../../db/cipher.js';
import { Keyring, type DataKey, type KeyStore } from '../../../db/keyring.js';
import { AppError } from '../core/errors.js';
import { checkSchemaObjects } from './copy-check.js';
import type { WorkspaceFileInfo } from '../../../preload/contract/backup.js';

export type { WorkspaceFileInfo };

function scalar(raw: BetterSqlite3.Database, sql: string, ...args: unknown[]): string | null {
  const v = raw.prepare(sql).pluck().get(...args);
  return v == null ? null : String(v);
}

/** The workspace's name as the header shows it: the school's short name, or the municipality's. */
export function workspaceName(raw: BetterSqlite3.Database, role: string | null, ownerId: string | null): string | null {
  if (role === 'municipality') return scalar(raw, "SELECT value FROM meta WHERE key = 'municipality_name'");
  if (role === 'school' && ownerId) {
    const p = raw.prepare("SELECT name, short_name FROM school_profile WHERE id = ?").get(ownerId) as { name: string; short_name: string | null } | undefined;
    return p ? p.short_name || p.name : null;
  }
  return null;
}

/**
 * Reads a file's identity; throws a Russian AppError when it is not a sound Опора database. `integrity`
 * false skips the full check (for listing known files quickly; a restore always checks).
 */
/** The file keys that may open `path`: given, or those of its own keyring (none when it has none or it is closed). */
function keysFor(path: string, opts: InspectOptions): DataKey[] {
  if (opts.keys) return opts.keys;
  try {
    return Keyring.existing(path, { store: opts.store })?.keys('file') ?? [];
  } catch {
    return [];
  }
}

export interface InspectOptions {
  integrity?: boolean;
  /** The file keys to try (a restore gives the live workspace's, every one it ever had). */
  keys?: DataKey[];
  store?: KeyStore;
}

/** How the file was found to be stored, in words: said by the restore. */
export function storedWords(key: DataKey | 'plain', keys: DataKey[]): string {
  if (key === 'plain') return 'копия сделана прежней версией без шифрования файла (она будет зашифрована при открытии)';
  return keys[0]?.id === key.id ? 'копия зашифрована текущим ключом рабочего места' : 'копия зашифрована одним из прежних ключей рабочего места, он сохранён в файле ключей';
}

export function inspectWorkspaceFile(path: string, opts: InspectOptions = {}): WorkspaceFileInfo & { stored: string } {
  if (!existsSync(path)) throw new AppError('not_found', 'Файл не найден: возможно, флешка извлечена или файл перемещён.');
  const keys = keysFor(path, opts);
  let raw: BetterSqlite3.Database;
  let stored: string;
  try {
    const key = whichKey(path, keys);
    if (!key) {
      throw new AppError('not_opora', keys.length
        ? 'Этот файл не открывается как база данных «Опоры» ни одним ключом этого рабочего места: это копия другого рабочего места или с другого компьютера (без его файла ключей «.keyring»), либо файл повреждён. Текущие данные не изменены.'
        : 'Этот файл не открывается как база данных «Опоры»: он зашифрован, а ключа к нему здесь нет, или это не файл «Опоры». Выберите файл резервной копии или рабочего места «Опоры».');
    }
    stored = storedWords(key, keys);
    raw = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    if (key !== 'plain') applyKey(raw, key.key);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('not_opora', 'Этот файл не открывается как база данных «Опоры». Выберите файл резервной копии или рабочего места «Опоры».');
  }
  try {
    if (opts.integrity !== false) {
      let rows: { integrity_check: string }[];
      try {
        rows = raw.pragma('integrity_check') as { integrity_check: string }[];
      } catch {
        throw new AppError('not_opora', 'Этот файл не является базой данных «Опоры» или повреждён так, что его нельзя прочитать.');
      }
      if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') {
        throw new AppError('backup_damaged', 'Копия повреждена: проверка целостности нашла ошибки. Выберите другую копию; текущие данные не изменены.');
      }
    }
    const hasMeta = scalar(raw, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (!hasMeta) throw new AppError('not_opora', 'Это база данных, но не «Опоры»: в ней нет рабочего места. Выберите файл «Опоры».');
    const version = Number(raw.pragma('user_version', { simple: true }));
    if (version > LATEST_VERSION) throw new AppError('newer_schema', 'Файл записан более новой версией «Опоры». Обновите программу, чтобы открыть его.');
    if (opts.integrity !== false) checkSchemaObjects(raw);
    const role = scalar(raw, "SELECT value FROM meta WHERE key = 'role'");
    const ownerId = scalar(raw, "SELECT value FROM meta WHERE key = 'owner_id'");
    return {
      role: role === 'school' || role === 'municipality' ? role : 'none',
      ownerId, name: workspaceName(raw, role, ownerId), version, stored,
    };
  } finally {
    raw.close();
  }
}

const ROLE_WORD = { school: 'школы', municipality: 'муниципалитета', none: 'без рабочего места' } as const;

/** A copy may replace the live file only when it is the same workspace: same role and same owner. */
export function checkSameWorkspace(copy: WorkspaceFileInfo, live: { role: WorkspaceFileInfo['role']; ownerId: string | null }): void {
  if (copy.role === 'none') throw new AppError('backup_empty', 'В этой копии ещё нет рабочего места (она сделана до первой настройки). Выберите другую копию.');
  if (live.role !== 'none' && copy.role !== live.role) {
    throw new AppError('backup_other_role', `Это копия рабочего места ${ROLE_WORD[copy.role]}, а открыто рабочее место ${ROLE_WORD[live.role]}. Откройте её как другой файл в разделе «Рабочие места».`);
  }
  if (live.ownerId && copy.ownerId !== live.ownerId) {
    throw new AppError('backup_other_owner', `Это копия другого рабочего места${copy.name ? ` («${copy.name}»)` : ''}. Откройте её как другой файл в разделе «Рабочие места».`);
  }
}
