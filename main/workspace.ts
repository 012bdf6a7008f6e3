/**
 * The open workspace behind the handlers: the user's own database file, or the demo school in a file of
 * its own (so trying the demo never mixes fictional pupils into real records). Plain Node: the Electron
 * shell, the browser host and the tests all make one of these for a data folder.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type OpenedDb } from '../db/open.js';
import type { ServiceContext, HandlerEnv, WorkspaceKind } from './services/context.js';
import { checkIdentityOnOpen } from './services/exchange/keys.js';
import type { SecretBox } from './services/exchange/crypto.js';
import { attachVault } from './services/privacy/vault.js';
import { eraseExpiredDaily } from './services/privacy/erasure.js';

export type { WorkspaceKind };

export class Workspace implements HandlerEnv {
  private opened: OpenedDb | null = null;
  private kindOpen: WorkspaceKind | null = null;
  /** How exchange private keys are wrapped at rest; the Electron shell sets a safeStorage-backed box. */
  secretBox: SecretBox | undefined;
  /** Asks the user for a folder (the Electron shell sets it; absent in a browser tab and in tests). */
  pickFolder: (() => Promise<string | null>) | undefined;

  constructor(
    readonly dataDir: string,
    readonly now: () => Date = () => new Date(),
  ) {
    mkdirSync(dataDir, { recursive: true });
  }

  dbPath(kind: WorkspaceKind): string {
    return join(this.dataDir, kind === 'main' ? 'opora.sqlite' : 'demo.sqlite');
  }

  get kind(): WorkspaceKind {
    return this.kindOpen ?? this.savedKind();
  }

  private settingsPath() {
    return join(this.dataDir, 'settings.json');
  }

  private savedKind(): WorkspaceKind {
    try {
      const s = JSON.parse(readFileSync(this.settingsPath(), 'utf8')) as { active?: string };
      return s.active === 'demo' && existsSync(this.dbPath('demo')) ? 'demo' : 'main';
    } catch {
      return 'main';
    }
  }

  /** The service context of the active database, opening it on first use. */
  ctx(): ServiceContext {
    const o = this.opened ?? this.open(this.savedKind());
    const ctx = { db: o.db, raw: o.raw, filesDir: join(this.dataDir, this.kindOpen === 'demo' ? 'files-demo' : 'files'), now: this.now };
    // Names of pupils who left long enough ago are erased on open and once a day (152-ФЗ: no longer than needed).
    eraseExpiredDaily(ctx);
    return ctx;
  }

  private open(kind: WorkspaceKind): OpenedDb {
    this.opened = openDatabase(this.dbPath(kind));
    // A database restored from a backup or copied to another computer takes a new origin before any edit.
    checkIdentityOnOpen(this.opened.raw);
    // Personal data is sealed under a key the shell's key store (safeStorage) wraps; a password locks it.
    attachVault(this.opened.raw, { dbPath: this.dbPath(kind), store: this.secretBox, now: this.now });
    this.kindOpen = kind;
    return this.opened;
  }

  async switchTo(kind: WorkspaceKind, opts: { fresh?: boolean } = {}): Promise<ServiceContext> {
    await this.close();
    if (opts.fresh) {
      for (const suffix of ['', '-wal', '-shm', '.datakey']) rmSync(this.dbPath(kind) + suffix, { force: true });
      if (kind === 'demo') rmSync(join(this.dataDir, 'files-demo'), { recursive: true, force: true });
    }
    this.open(kind);
    writeFileSync(this.settingsPath(), JSON.stringify({ active: kind }));
    return this.ctx();
  }

  async close(): Promise<void> {
    if (this.opened) await this.opened.close();
    this.opened = null;
    this.kindOpen = null;
  }
}
