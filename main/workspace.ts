/**
 * The open workspace behind the handlers: the user's own database file, or the demo school in a file of
 * its own (so trying the demo never mixes fictional pupils into real records). Plain Node: the Electron
 * shell, the browser host and the tests all make one of these for a data folder.
 *
 * The user's file is `opora.sqlite` in the data folder unless another one was opened from «Рабочие места»
 * (settings.json remembers which, and every file opened before, so a school and a municipality workspace
 * can live side by side). The user's file gets a backup before a migration and once a day (services/backup).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, keyringForFile, type OpenedDb } from '../db/open.js';
import type { ServiceContext, HandlerEnv, WorkspaceKind, FolderQuestion } from './services/core/context.js';
import type { UpdateHost } from './services/update/host.js';
import { checkIdentityOnOpen } from './services/exchange/keys.js';
import type { SecretBox } from './services/core/crypto.js';
import { makeBackup, dailyBackup } from './services/backup/backup.js';
import { isoDay } from '../common/format.js';
import { attachVault, isClosedByPassword } from './services/privacy/vault.js';
import type { Keyring } from '../db/keyring.js';
import { eraseExpiredDaily } from './services/privacy/erasure.js';
import { eraseDeletedFilesDaily } from './services/school/attachments.js';
import { settleFileStores } from './services/core/file-stores.js';
import { sealPlainBackups } from './services/backup/seal.js';

export type { WorkspaceKind };

interface Settings {
  active?: string;
  /** The user's workspace file when it is not the default one. */
  main?: string;
  /** Every workspace file opened from «Рабочие места», for the list there. */
  known?: string[];
}

export class Workspace implements HandlerEnv {
  private opened: OpenedDb | null = null;
  private kindOpen: WorkspaceKind | null = null;
  /** The local day of the last daily-backup check, so the check runs once a day, not on every call. */
  private backupDay: string | null = null;
  /** How exchange private keys are wrapped at rest; the Electron shell sets a safeStorage-backed box. */
  secretBox: SecretBox | undefined;
  /** Asks the user for a folder (the Electron shell sets it; absent in a browser tab and in tests). */
  pickFolder: ((question?: FolderQuestion) => Promise<string | null>) | undefined;
  /** Asks the user for a database file to open (the Electron shell sets it). */
  pickFile: (() => Promise<string | null>) | undefined;
  /** Where generated documents are saved, and how they are opened (the Electron shell sets both). */
  documentsDir: string | undefined;
  openPath: ((path: string, reveal: boolean) => Promise<string | null>) | undefined;
  /** Program updates from a flash drive (the Electron shell sets how an installer starts). */
  update: UpdateHost = {};

  constructor(
    readonly dataDir: string,
    readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dataDir, { recursive: true });
  }

  /** The default file of the user's workspace. */
  defaultPath(): string {
    return join(this.dataDir, 'opora.sqlite');
  }

  dbPath(kind: WorkspaceKind): string {
    if (kind === 'demo') return join(this.dataDir, 'demo.sqlite');
    return this.settings().main ?? this.defaultPath();
  }

  get kind(): WorkspaceKind {
    return this.kindOpen ?? this.savedKind();
  }

  private settingsPath() {
    return join(this.dataDir, 'settings.json');
  }

  private settings(): Settings {
    try {
      return JSON.parse(readFileSync(this.settingsPath(), 'utf8')) as Settings;
    } catch {
      return {};
    }
  }

  private saveSettings(patch: Settings) {
    writeFileSync(this.settingsPath(), JSON.stringify({ ...this.settings(), ...patch }));
  }

  private savedKind(): WorkspaceKind {
    return this.settings().active === 'demo' && existsSync(this.dbPath('demo')) ? 'demo' : 'main';
  }

  /** Workspace files the user has opened: the default one, every other one opened before. */
  knownFiles(): string[] {
    const s = this.settings();
    return [...new Set([this.defaultPath(), ...(s.main ? [s.main] : []), ...(s.known ?? [])])];
  }

  /** The service context of the active database, opening it on first use. */
  ctx(): ServiceContext {
    const o = this.opened ?? this.open(this.savedKind());
    const ctx = { db: o.db, raw: o.raw, filesDir: this.filesDir(), now: this.now };
    if (this.kindOpen === 'main') this.backupOncePerDay(o);
    // Names of pupils who left long enough ago are erased on open and once a day (152-ФЗ: no longer than needed).
    eraseExpiredDaily(ctx);
    // Bytes of files deleted longer ago than the recycle bin keeps them.
    eraseDeletedFilesDaily(ctx);
    return ctx;
  }

  /** Attachments live next to the default file; another file keeps its own, beside it. */
  private filesDir(): string {
    if (this.kindOpen === 'demo') return join(this.dataDir, 'files-demo');
    const path = this.dbPath('main');
    return path === this.defaultPath() ? join(this.dataDir, 'files') : path.replace(/\.sqlite$/, '') + '-files';
  }

  private backupOncePerDay(o: OpenedDb) {
    const today = isoDay(this.now());
    if (this.backupDay === today) return;
    this.backupDay = today;
    // A copy of an empty file keeps nothing; one made inside a caller's transaction cannot be made.
    try {
      if (!o.raw.inTransaction && o.raw.prepare("SELECT 1 FROM meta WHERE key = 'role'").get()) dailyBackup(o.raw, this.now());
    } catch {
      // A read-only or full medium: the work goes on; «Резервные копии» shows the newest copy's date, so a
      // person sees that none was made today, and «Сделать копию сейчас» says why.
    }
  }

  /** The keyring of each file opened in this session: reopening after a restore keeps the workspace unlocked. */
  private keyrings = new Map<string, Keyring>();

  private keyringFor(path: string): Keyring {
    let k = this.keyrings.get(path);
    if (!k || !existsSync(k.path)) {
      k = keyringForFile(path, { store: this.secretBox, now: this.now });
      this.keyrings.set(path, k);
    }
    return k;
  }

  /** The keyring of the active file (read without opening the file: a file behind a password stays closed until then). */
  keyring(): Keyring {
    return this.keyringFor(this.dbPath(this.kind));
  }

  private open(kind: WorkspaceKind): OpenedDb {
    // The whole file is encrypted with a key of its keyring (`<file>.keyring`), whose device wrap is the shell's
    // key store (safeStorage); a plaintext file of an earlier version is encrypted here, its old copies with it.
    this.opened = openDatabase(this.dbPath(kind), undefined, {
      keyring: this.keyringFor(this.dbPath(kind)),
      ...(kind === 'demo' ? {} : { beforeMigrate: (raw) => void makeBackup(raw, 'migration', this.now()) }),
    });
    // A database restored from a backup or copied to another computer takes a new origin before any edit.
    checkIdentityOnOpen(this.opened.raw);
    // Personal columns are sealed a second time under a personal key the password locks.
    attachVault(this.opened.raw, { dbPath: this.dbPath(kind), store: this.secretBox, now: this.now });
    this.kindOpen = kind;
    // Attached files: what a killed import left is swept, files an earlier version left in plain are sealed (file-stores.ts).
    settleFileStores({ raw: this.opened.raw, filesDir: this.filesDir() });
    sealPlainBackups(this.opened.raw);
    this.backupDay = null;
    return this.opened;
  }

  async switchTo(kind: WorkspaceKind, opts: { fresh?: boolean } = {}): Promise<ServiceContext> {
    await this.close();
    if (opts.fresh) {
      for (const suffix of ['', '-wal', '-shm', '.datakey', '.keyring']) rmSync(this.dbPath(kind) + suffix, { force: true });
      if (kind === 'demo') rmSync(join(this.dataDir, 'files-demo'), { recursive: true, force: true });
    }
    try {
      this.open(kind);
    } catch (e) {
      // A file behind its password stays closed until the lock screen gets it: it is the active one all the same.
      if (isClosedByPassword(e)) this.saveSettings({ active: kind });
      throw e;
    }
    this.saveSettings({ active: kind });
    return this.ctx();
  }

  /** Makes the file at `path` the user's workspace and opens it (created empty when it does not exist). */
  async useFile(path: string): Promise<ServiceContext> {
    const abs = resolve(path);
    const s = this.settings();
    await this.close();
    this.saveSettings({ main: abs === this.defaultPath() ? undefined : abs, known: [...new Set([...(s.known ?? []), abs])] });
    try {
      return await this.switchTo('main');
    } catch (e) {
      if (isClosedByPassword(e)) throw e;
      // A file that does not open leaves the previous one as the workspace, not a broken start.
      this.saveSettings({ main: s.main, active: s.active });
      throw e;
    }
  }

  /** Forgets a file in the list (the file itself stays where it is). */
  forgetFile(path: string): void {
    const s = this.settings();
    this.saveSettings({ known: (s.known ?? []).filter((p) => p !== path) });
  }

  async withClosed<T>(fn: (path: string) => T): Promise<T> {
    const kind = this.kind;
    const path = this.dbPath(kind);
    // The keys stay in hand: the same workspace opens again at once (a restore), as unlocked as it was.
    await this.close({ keepKeys: true });
    try {
      return fn(path);
    } finally {
      this.open(kind);
    }
  }

  /** Closes the file; a workspace with a password forgets its keys (switching back asks for the password again). */
  async close(opts: { keepKeys?: boolean } = {}): Promise<void> {
    if (this.opened) {
      await this.opened.close();
      if (!opts.keepKeys) this.keyrings.get(this.opened.path)?.forget();
    }
    this.opened = null;
    this.kindOpen = null;
  }
}
