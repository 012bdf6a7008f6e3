/**
 * Failures of the database file as the same typed, Russian-worded errors as the rest. SQLite's own text is
 * English and changes between versions; the result code of better-sqlite3's SqliteError (extended codes,
 * e.g. SQLITE_CONSTRAINT_FOREIGNKEY) is what we map, never the message. Each message says what to do.
 * Every write runs in a transaction, so when SQLite refuses, nothing of it was kept.
 */
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3Types from 'better-sqlite3-multiple-ciphers';
import { KeyringError } from '../../../db/keyring.js';
import { NewerSchemaError, NotADatabaseError, DamagedDatabaseError, ReadOnlyDatabaseError, isDatabaseSound, isCorruptCode } from '../../../db/open.js';
import { AppError } from './errors.js';

const { SqliteError } = BetterSqlite3;

/** [result code — exact, or a family like SQLITE_BUSY that covers SQLITE_BUSY_*, AppError code, message]. First match wins. */
const SQLITE_ERRORS: [string, string, string][] = [
  ['SQLITE_CONSTRAINT_FOREIGNKEY', 'db_reference',
    'Запись ссылается на запись, которой нет (или на неё ссылаются другие записи). Ничего не сохранено: обновите список и повторите.'],
  ['SQLITE_CONSTRAINT_UNIQUE', 'db_duplicate', 'Такая запись уже есть. Ничего не сохранено: обновите список — возможно, её уже добавили.'],
  ['SQLITE_CONSTRAINT_PRIMARYKEY', 'db_duplicate', 'Такая запись уже есть. Ничего не сохранено: обновите список — возможно, её уже добавили.'],
  ['SQLITE_CONSTRAINT', 'db_constraint', 'Данные не прошли проверку базы данных. Ничего не сохранено: проверьте заполнение полей и повторите.'],
  ['SQLITE_BUSY', 'db_busy',
    'Файл данных занят другой программой (второе окно «Опоры» или команда opora). Ничего не сохранено: дождитесь её окончания или закройте её и повторите.'],
  ['SQLITE_LOCKED', 'db_busy', 'Файл данных занят другой операцией. Ничего не сохранено: повторите через несколько секунд.'],
  ['SQLITE_FULL', 'disk_full', 'На диске закончилось место. Ничего не сохранено: освободите место на диске и повторите.'],
  ['SQLITE_READONLY', 'db_readonly',
    'Файл данных открыт только для чтения. Ничего не сохранено: проверьте права на папку данных (и снимите с файла атрибут «только чтение»), затем перезапустите программу.'],
  ['SQLITE_PERM', 'db_readonly', 'Нет прав на запись в файл данных. Ничего не сохранено: проверьте права на папку данных и перезапустите программу.'],
  ['SQLITE_CORRUPT', 'db_corrupt',
    'Файл данных повреждён. Закройте программу и замените файл данных его копией (например, сохранённой на флешке или в резервной копии компьютера); если копии нет, обратитесь к ответственному за компьютеры в вашей организации.'],
  ['SQLITE_NOTADB', 'db_corrupt', 'Файл данных повреждён или это не файл «Опоры». Замените его копией (например, сохранённой на флешке или в резервной копии компьютера); если копии нет, обратитесь к ответственному за компьютеры.'],
  ['SQLITE_IOERR', 'db_io', 'Не удалось прочитать или записать файл данных (ошибка диска). Проверьте диск и повторите; если ошибка повторится, сохраните копию папки данных.'],
  ['SQLITE_CANTOPEN', 'db_cantopen', 'Не удалось открыть файл данных. Проверьте, что папка данных существует и доступна, и перезапустите программу.'],
];

function matches(code: string, pattern: string): boolean {
  return code === pattern || code.startsWith(pattern + '_');
}

/** A SqliteError whose code is one we explain, as an AppError; anything else is null (a bug to log). */
export function sqliteError(e: unknown): AppError | null {
  if (!(e instanceof SqliteError)) return null;
  const hit = SQLITE_ERRORS.find(([pattern]) => matches(e.code, pattern));
  return hit ? new AppError(hit[1], hit[2]) : null;
}

/** True when `e` is SQLite refusing with exactly this (extended) result code. */
export function isSqliteCode(e: unknown, code: string): boolean {
  return e instanceof SqliteError && e.code === code;
}

/** Every failure the user can act on, as an AppError: ours, the file's (newer schema, not a database), SQLite's. */
export function knownError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof KeyringError) return new AppError(e.code, e.message, e.fieldErrors);
  if (e instanceof NewerSchemaError || e instanceof NotADatabaseError || e instanceof DamagedDatabaseError || e instanceof ReadOnlyDatabaseError) return new AppError(e.code, e.message);
  const fs = (e as NodeJS.ErrnoException | null)?.code;
  // Attached files are written with the database: a full disk there is a full disk, not a bad file.
  if (fs === 'ENOSPC' || fs === 'EDQUOT') return new AppError('disk_full', 'На диске закончилось место. Ничего не сохранено: освободите место на диске и повторите.');
  return sqliteError(e);
}

/** Before an export or an import: a damaged file is never sent on, nor merged into (PRAGMA quick_check). */
export function assertDatabaseSound(raw: BetterSqlite3Types.Database): void {
  let sound: boolean;
  try {
    sound = isDatabaseSound(raw);
  } catch (e) {
    if (!isCorruptCode(e)) throw e;
    sound = false;
  }
  if (!sound) {
    const e = new DamagedDatabaseError(raw.name);
    throw new AppError(e.code, e.message);
  }
}
