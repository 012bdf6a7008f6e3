/**
 * Opening a workspace file: pragmas, forward-only migrations in one transaction each, and a refusal to
 * touch a file written by a newer version of the app.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { migrations, LATEST_VERSION } from './migrations/index.js';
import type { Migration } from './migrations/types.js';

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
    super(`Файл «${path}» не является базой данных «Опоры» или повреждён. Выберите другой файл или восстановите его из резервной копии.`);
    this.cause = cause;
  }
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
  for (const m of list) {
    if (m.version <= current) continue;
    raw.transaction(() => {
      raw.exec(m.sql);
      raw.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return raw.pragma('user_version', { simple: true }) as number;
}

export function openRaw(path: string, opts: { readonly?: boolean } = {}): BetterSqlite3.Database {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    raw.pragma('journal_mode = WAL');
  } catch (e) {
    throw new NotADatabaseError(path, e);
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  // SQLite's lower() folds ASCII only; searches must match «Иванов» when the user types «иванов».
  raw.function('lower_ru', { deterministic: true }, (v: unknown) => (v == null ? null : String(v).toLowerCase()));
  return raw;
}

/** Opens (creating if needed) and migrates a workspace file. */
export function openDatabase(path: string, list: Migration[] = migrations): OpenedDb {
  const raw = openRaw(path);
  try {
    migrate(raw, list);
  } catch (e) {
    raw.close();
    if (e instanceof NewerSchemaError) throw e;
    // By SQLite's result code, not its (English, version-dependent) message.
    if (e instanceof BetterSqlite3.SqliteError && (e.code === 'SQLITE_NOTADB' || e.code.startsWith('SQLITE_CORRUPT'))) throw new NotADatabaseError(path, e);
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
