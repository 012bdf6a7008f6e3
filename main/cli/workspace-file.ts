/** A workspace database named on the command line (or by a test), with its files folder next to it. */
import { basename, dirname, join } from 'node:path';
import { openDatabase } from '../../db/open.js';
import type { ExchangeContext } from '../services/exchange/index.js';
import { checkIdentityOnOpen } from '../services/exchange/keys.js';

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
  return {
    ctx: { db: o.db, raw: o.raw, filesDir: filesDirFor(dbPath), now },
    close() {
      o.raw.close();
    },
  };
}
