import type { Kysely } from 'kysely';
import type { Keyring } from '../../../db/keyring.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Database } from '../../../db/schema.js';
import type { SecretBox } from './crypto.js';
import type { UpdateHost } from '../update/host.js';

/** What a folder dialog asks; without it the dialog asks where to write exchange files. */
export interface FolderQuestion {
  title: string;
  buttonLabel: string;
}

/** What every service function gets: the open workspace and where its files live. */
export interface ServiceContext {
  db: Kysely<Database>;
  raw: BetterSqlite3.Database;
  /** Folder next to the database file that holds attachments (attachments/<id>). */
  filesDir: string;
  /** Injected so tests can move time; the app passes () => new Date(). */
  now(): Date;
}

export type WorkspaceKind = 'main' | 'demo';

/**
 * What the handlers of an area see of the open workspace (main/workspace.ts implements it). Handlers live
 * next to their services and never import the workspace or the dispatcher; this interface is all they get.
 */
export interface HandlerEnv {
  /** The service context of the active database file, opened on first use. */
  ctx(): ServiceContext;
  /** Whether the user's own file or the demo school's is open. */
  readonly kind: WorkspaceKind;
  dbPath(kind: WorkspaceKind): string;
  /** Closes the open file and opens the other one (fresh: deletes it first, as the demo does). */
  switchTo(kind: WorkspaceKind, opts?: { fresh?: boolean }): Promise<ServiceContext>;
  /** How exchange private keys are wrapped at rest; undefined means the plain key file. */
  readonly secretBox: SecretBox | undefined;
  /** Asks the user for a folder: the desktop app only, absent in a browser tab and in tests. */
  readonly pickFolder: ((question?: FolderQuestion) => Promise<string | null>) | undefined;
  /** Asks the user for a database file to open: the desktop app only. */
  readonly pickFile: (() => Promise<string | null>) | undefined;
  /** Closes the active database, runs `fn` with its path (to replace the file), and opens it again. */
  withClosed<T>(fn: (path: string) => T): Promise<T>;
  /** The keyring of the active file, read without opening the file (it stays closed until the password is entered). */
  keyring?(): Keyring;
  /** Workspace files opened before (the default one first). */
  knownFiles(): string[];
  /** Makes the file at `path` the user's workspace and opens it (an empty new one when it does not exist). */
  useFile(path: string): Promise<ServiceContext>;
  /** Removes a file from the list of known files (the file stays on disk). */
  forgetFile(path: string): void;
  readonly dataDir: string;
  /** Where generated documents are saved (the desktop app: «Документы/Опора»); absent in a browser tab. */
  readonly documentsDir: string | undefined;
  /** Opens a file with the system's program, or shows it in its folder; returns a problem or null. Desktop only. */
  readonly openPath: ((path: string, reveal: boolean) => Promise<string | null>) | undefined;
  /** Program updates from a flash drive: how an installer starts here (desktop), and test settings. */
  readonly update?: UpdateHost;
}
