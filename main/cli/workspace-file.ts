/** A workspace database named on the command line (or by a test), with its files folder next to it. */
import { basename, dirname, join } from 'node:path';
import { openDatabase } from '../../db/open.js';
import type { ExchangeContext } from '../services/exchange/index.js';
import { checkIdentityOnOpen } from '../services/exchange/keys.js';
import { attachVault } from '../services/privacy/vault.js';

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

export function openWorkspaceFile(dbPath: string, now: () => Date = () => new Date()): OpenWorkspace {
  const o = openDatabase(dbPath);
  checkIdentityOnOpen(o.raw);
  // The key store of the command line is the key file: a workspace made by the desktop app with the OS key
  // store and no password cannot be read here; with a password it can (OPORA_PASSWORD).
  attachVault(o.raw, { dbPath, now });
  return {
    ctx: { db: o.db, raw: o.raw, filesDir: filesDirFor(dbPath), now },
    close() {
      o.raw.close();
    },
  };
}
