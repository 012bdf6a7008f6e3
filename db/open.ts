/**
 * Opening a workspace file: pragmas, forward-only migrations in one transaction each, and a refusal to
 * touch a file written by a newer version of the app.
 */
import { closeSync, existsSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { applySnapshot, isBlank } from './schema-snapshot.js';
import { migrations, LATEST_VERSION } from './migrations/index.js';
import type { Migration } from './migrations/types.js';
import { naturalKey, schoolSortKey } from '../common/sort.js';
import { lastDuePeriod } from '../common/timing.js';
import { Keyring, keyringPathFor, KeyringError, type KeyStore, type DataKey } from './keyring.js';
import { applyKey, encryptPlainFile, hasPlainHeader, isEmptyFile, whichKey } from './cipher.js';

export class NewerSchemaError extends Error {
  readonly code = 'newer_schema';
  constructor(readonly fileVersion: number, readonly appVersion: number) {
    super(
      `Файл базы данных создан более новой версией «Опоры» (версия схемы ${fileVersion}, эта программа знает до ${appVersion}). ` +
        'Обновите программу; файл не изменён.',
    );
  }
}

export class NotADatabaseError extends Error {
  readonly code = 'not_a_database';
  constructor(path: string, cause: unknown) {
    super(`Файл «${path}» не является базой данных «Опоры» или повреждён. Выберите другой файл; если это ваш файл данных, ${RESTORE.charAt(0).toLowerCase()}${RESTORE.slice(1)}`);
    this.cause = cause;
  }
}

/** How to get the data back: the app's own copies first (main/services/backup), then any other copy. */
const RESTORE = 'Восстановите данные из резервной копии: программа делает их сама каждый день и перед каждой загрузкой (список копий — ниже на этом экране или в разделе «Настройки и копии»), или замените файл копией с флешки; если копии нет, обратитесь к ответственному за компьютеры в вашей организации.';

/** PRAGMA quick_check found damage: the app does not work on such a file, so the damage spreads nowhere. */
export class DamagedDatabaseError extends Error {
  readonly code = 'db_corrupt';
  constructor(path: string) {
    super(`Файл данных «${path}» повреждён: проверка целостности нашла ошибки. Программа не работает с ним (и не выгружает и не загружает данные), чтобы не разнести повреждение. ${RESTORE}`);
  }
}

/** A healthy file the app may not write (a read-only flash drive or folder, a file marked read-only). */
export class ReadOnlyDatabaseError extends Error {
  readonly code = 'db_readonly';
  constructor(path: string, cause: unknown) {
    super(`Файл данных «${path}» доступен только для чтения (флешка или папка защищены от записи, или у файла атрибут «только чтение»); с самим файлом всё в порядке. Скопируйте его в папку, куда можно писать, или снимите защиту от записи, и откройте снова.`);
    this.cause = cause;
  }
}

/** True when this process cannot open the file (if it exists) for writing, whatever SQLite said. */
function notWritable(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    closeSync(openSync(path, 'r+'));
    return false;
  } catch (e) {
    return ['EROFS', 'EACCES', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '');
  }
}

/** `PRAGMA quick_check`: true when SQLite finds the file sound (it reads every page, so seconds on a big file). */
export function isDatabaseSound(raw: BetterSqlite3.Database): boolean {
  // Pages already in this connection's cache would be checked as they were read, not as the disk holds them now.
  raw.pragma('shrink_memory');
  const rows = raw.pragma('quick_check') as { quick_check: string }[];
  raw.pragma('shrink_memory');
  return rows.length === 1 && rows[0]!.quick_check === 'ok';
}

/** SQLite's own refusal to read the file (not a database, or damaged beyond reading). */
export function isCorruptCode(e: unknown): boolean {
  return e instanceof BetterSqlite3.SqliteError && (e.code === 'SQLITE_NOTADB' || e.code.startsWith('SQLITE_CORRUPT'));
}

export interface OpenedDb {
  raw: BetterSqlite3.Database;
  db: Kysely<Database>;
  path: string;
  close(): Promise<void>;
}

export function migrate(raw: BetterSqlite3.Database, list: Migration[] = migrations): number {
  const current = raw.pragma('user_version', { simple: true }) as number;
  const latest = list.length ? list[list.length - 1]!.version : 0;
  if (current > latest) throw new NewerSchemaError(current, latest);
  if (current === 0 && list.length > 1 && isBlank(raw)) {
    try {
      return applySnapshot(raw, list);
    } catch {
      // A list that does not run to its end: the migrations one by one below keep what runs and name what fails.
    }
  }
  for (const m of list) {
    if (m.version <= current) continue;
    raw.transaction(() => {
      raw.exec(m.sql);
      raw.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return raw.pragma('user_version', { simple: true }) as number;
}

/** `key`: the file key the file is encrypted with (none: a plain file — an in-memory one, or a test's own). */
export function openRaw(path: string, opts: { readonly?: boolean; key?: Buffer } = {}): BetterSqlite3.Database {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    if (opts.key) applyKey(raw, opts.key);
    raw.pragma('journal_mode = WAL');
    // SQLite's own temporary files (large sorts, indexes being built) are not encrypted: they stay in memory.
    raw.pragma('temp_store = MEMORY');
    // Every page read from disk is decrypted and checked: a larger page cache (32 МБ at most, not reserved) reads fewer.
    if (opts.key) raw.pragma('cache_size = -32768');
  } catch (e) {
    // A read-only medium makes SQLite fail here too: that file is not damaged, and must not be called so.
    if (!opts.readonly && notWritable(path)) throw new ReadOnlyDatabaseError(path, e);
    throw new NotADatabaseError(path, e);
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  // Freed pages are zeroed: a name once written in plaintext (before its sealing) or a deleted row leaves no trace.
  raw.pragma('secure_delete = ON');
  // SQLite's lower() folds ASCII only; searches must match «Иванов» when the user types «иванов».
  raw.function('lower_ru', { deterministic: true }, (v: unknown) => (v == null ? null : String(v).toLowerCase()));
  // «№» and school names ordered as people read them, with the same keys the screen uses (common/sort.ts).
  raw.function('natural_key', { deterministic: true }, (v: unknown) => naturalKey(v));
  raw.function('school_key', { deterministic: true }, (v: unknown) => schoolSortKey(v));
  // The period of a recurring activity («Ежегодно», «Один раз в четверть») that came due last before a day.
  // Read from the words on every activity a figure counts (rules.ts recurrenceOverdue): the words repeat across
  // a plan and across schools, so each text is read once per day asked, not once per row (17 µs → 1 µs a call).
  const due = new Map<string, ReturnType<typeof lastDuePeriod>>();
  const dueOf = (t: unknown, day: unknown) => {
    if (typeof t !== 'string' || typeof day !== 'string') return null;
    const key = day + '\n' + t;
    let p = due.get(key);
    if (p === undefined) {
      if (due.size >= 20_000) due.clear();
      due.set(key, (p = lastDuePeriod(t, day)));
    }
    return p;
  };
  raw.function('timing_due_from', { deterministic: true }, (t: unknown, day: unknown) => dueOf(t, day)?.from ?? null);
  raw.function('timing_due_to', { deterministic: true }, (t: unknown, day: unknown) => dueOf(t, day)?.to ?? null);
  return raw;
}

export interface OpenOptions {
  /** Called on an existing file just before a migration runs on it (the workspace makes a backup there). */
  beforeMigrate?: (raw: BetterSqlite3.Database, fromVersion: number) => void;
  /** The keyring of the file (default: `<path>.keyring`, read or made with `store`). */
  keyring?: Keyring;
  /** How the keyring's device wraps are protected (default: the plain file store). */
  store?: KeyStore;
  now?: () => Date;
  /** A plaintext file of an earlier version was just encrypted with `key`. */
  afterEncrypt?: (path: string, key: DataKey) => void;
  /** `npm run bench` only: a plaintext file stays plain, to measure what the encryption costs on the same data. */
  keepPlain?: boolean;
}

/** The keyring and the file key each open file was opened with (attached files and backups take them from here). */
const opened = new WeakMap<BetterSqlite3.Database, { keyring: Keyring; fileKey: DataKey }>();

export function keyringOf(raw: BetterSqlite3.Database): { keyring: Keyring; fileKey: DataKey } | null {
  return opened.get(raw) ?? null;
}

const OTHER_STORE = 'Ключ к файлу данных защищён хранилищем ключей системы, которого здесь нет (другая учётная запись, другой компьютер или командная строка вместо приложения). Откройте файл в приложении «Опора» под той учётной записью, где он создан, и задайте пароль рабочего места: с паролем файл откроется где угодно.';
const LOCKED_FILE = 'Рабочее место заблокировано: файл данных зашифрован, и ключ к нему открывает только пароль рабочего места. Введите пароль, чтобы продолжить.';

/**
 * The key a file on disk opens with, choosing among the keyring's file keys (a restored copy may be under an
 * earlier one); a plaintext file of an earlier version is encrypted first with the current key.
 */
function fileKeyFor(path: string, keyring: Keyring, opts: OpenOptions): DataKey {
  const current = keyring.currentFileKey();
  if (isEmptyFile(path)) {
    if (!current) throw new KeyringError('locked', LOCKED_FILE);
    return current;
  }
  let which: DataKey | 'plain' | null;
  try {
    which = whichKey(path, keyring.keys('file'));
  } catch (e) {
    throw new NotADatabaseError(path, e);
  }
  if (which === 'plain') {
    if (!current) throw new KeyringError('locked', LOCKED_FILE);
    if (opts.keepPlain) return { id: current.id, key: Buffer.alloc(0) };
    encryptPlainFile(path, current.key);
    opts.afterEncrypt?.(path, current);
    return current;
  }
  if (!which) {
    if (!keyring.hasFileKey()) throw new KeyringError('locked', keyring.hasPassword() ? LOCKED_FILE : OTHER_STORE);
    throw new NotADatabaseError(path, new Error('no key of the keyring opens the file'));
  }
  return which;
}

/**
 * The keyring of the file at `path`: read, or made for a new or plaintext file. An encrypted file whose keyring is
 * missing gets no new one (its keys would be wrong and the missing file might still be brought back): refused.
 */
export function keyringForFile(path: string, opts: { store?: KeyStore; now?: () => Date } = {}): Keyring {
  if (!existsSync(keyringPathFor(path)) && !isEmptyFile(path) && !hasPlainHeader(path)) {
    const e = new NotADatabaseError(path, new Error('no keyring beside a file that is not plain SQLite'));
    e.message = `Файл «${path}» не является базой данных «Опоры», повреждён или зашифрован, а его файла ключей «${keyringPathFor(path)}» рядом нет. Если это ваш файл данных, верните файл ключей из копии папки данных (он лежал рядом с базой); иначе выберите другой файл. ${RESTORE}`;
    throw e;
  }
  return Keyring.open(path, opts);
}

/** Opens (creating if needed) and migrates a workspace file, encrypted with a key of its keyring. */
export function openDatabase(path: string, list: Migration[] = migrations, opts: OpenOptions = {}): OpenedDb {
  const memory = path === ':memory:' || path === '';
  let keys: { keyring: Keyring; fileKey: DataKey } | null = null;
  if (!memory) {
    try {
      const keyring = opts.keyring ?? keyringForFile(path, { store: opts.store, now: opts.now });
      keys = { keyring, fileKey: fileKeyFor(path, keyring, opts) };
    } catch (e) {
      // The keyring cannot be written beside the file, or a plaintext file cannot be encrypted: a read-only place.
      if (['EROFS', 'EACCES', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '') || (!isEmptyFile(path) && notWritable(path))) throw new ReadOnlyDatabaseError(path, e);
      throw e;
    }
  }
  const raw = openRaw(path, { key: keys?.fileKey.key.length ? keys.fileKey.key : undefined });
  if (keys) opened.set(raw, keys);
  try {
    if (!isDatabaseSound(raw)) throw new DamagedDatabaseError(path);
    const from = raw.pragma('user_version', { simple: true }) as number;
    const latest = list.length ? list[list.length - 1]!.version : 0;
    // Version 0 is a file just created: there is nothing in it to keep.
    if (opts.beforeMigrate && from > 0 && from < latest) opts.beforeMigrate(raw, from);
    migrate(raw, list);
  } catch (e) {
    raw.close();
    if (e instanceof NewerSchemaError || e instanceof DamagedDatabaseError) throw e;
    if (notWritable(path)) throw new ReadOnlyDatabaseError(path, e);
    // By SQLite's result code, not its (English, version-dependent) message.
    if (isCorruptCode(e)) throw new NotADatabaseError(path, e);
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    raw,
    db,
    path,
    async close() {
      await db.destroy();
      // Kysely closes the connection only if it ever used it; a file touched through `raw` alone stayed open.
      if (raw.open) raw.close();
    },
  };
}

export { LATEST_VERSION };
