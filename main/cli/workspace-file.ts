/** A workspace database named on the command line (or by a test), with its files folder next to it. */
import { basename, dirname, join } from 'node:path';
import { openDatabase, keyringForFile } from '../../db/open.js';
import type { ExchangeContext } from '../services/exchange/index.js';
import { checkIdentityOnOpen } from '../services/exchange/keys.js';
import { attachVault, openClosedKeyring } from '../services/privacy/vault.js';
import { settleFileStores } from '../services/core/file-stores.js';
import { sealPlainBackups } from '../services/backup/seal.js';

/** opora.sqlite → files/ (as the app keeps it); demo.sqlite → files-demo/; anything else → <name>-files/. */
export function filesDirFor(dbPath: string): string {
  const name = basename(dbPath);
  if (name === 'opora.sqlite') return join(dirname(dbPath), 'files');
  if (name === 'demo.sqlite') return join(dirname(dbPath), 'files-demo');
  return join(dirname(dbPath), name.replace(/\.(sqlite3?|db)$/i, '') + '-files');
}

export interface OpenWorkspace {
  ctx: ExchangeContext;
  close(): void;
}

/**
 * `password`: opens the keyring first when the device wrap cannot (a file made by the desktop app, whose keys the
 * OS key store wraps): the command line's key store is the plain file store.
 */
export function openWorkspaceFile(dbPath: string, now: () => Date = () => new Date(), opts: { password?: string; keepPlain?: boolean } = {}): OpenWorkspace {
  const keyring = keyringForFile(dbPath, { now });
  // With a password the file key opens only with it: the keyring first, then the file.
  if (!keyring.hasFileKey() && opts.password !== undefined) openClosedKeyring(keyring, 'password', opts.password);
  const o = openDatabase(dbPath, undefined, { keyring, now, keepPlain: opts.keepPlain });
  checkIdentityOnOpen(o.raw);
  attachVault(o.raw, { dbPath, now });
  settleFileStores({ raw: o.raw, filesDir: filesDirFor(dbPath) });
  sealPlainBackups(o.raw);
  return {
    ctx: { db: o.db, raw: o.raw, filesDir: filesDirFor(dbPath), now },
    close() {
      o.raw.close();
    },
  };
}
