import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../db/schema.js';

/** What every service function gets: the open workspace and where its files live. */
export interface ServiceContext {
  db: Kysely<Database>;
  raw: BetterSqlite3.Database;
  /** Folder next to the database file that holds attachments (attachments/<id>). */
  filesDir: string;
  /** Injected so tests can move time; the app passes () => new Date(). */
  now(): Date;
}
