/** Real SQLite files in a temp folder for every test; no mocks of what we own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../main/services/core/errors.js';
import { Workspace } from '../main/workspace.js';
import { Keyring } from '../db/keyring.js';
import { applyKey, whichKey } from '../db/cipher.js';
import { dispatch } from '../main/handlers.js';
import type { CallName, CallInput, CallOutput, CallResult } from '../preload/contract/index.js';

/** Folders made by this test file (each file has its own copy of this module); gone once its tests finish. */
const made: string[] = [];
// scripts/screens-*.ts borrow tempDir outside vitest, where no file finishes and the folder is theirs to keep.
if (process.env.VITEST) {
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });
}

export function tempDir(prefix = 'opora-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A workspace on a fresh data folder (or on `dir`, to open it again as after a restart), and a typed caller that goes through validation like the UI does. */
export function testWorkspace(now: () => Date = () => new Date('2026-11-25T10:00:00'), dir: string = tempDir()) {
  const ws = new Workspace(dir, now);
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>> {
    return (await dispatch(ws, name, input, () => {})) as CallResult<CallOutput<K>>;
  }
  async function ok<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.message}`);
    return r.value;
  }
  return { ws, call, ok };
}

/** A copy of a workspace file (a backup) opened read-only with the keys of the workspace's keyring at `dbPath` (opened by `password` when it has one). */
export function openCopy(copy: string, dbPath: string, password?: string): BetterSqlite3.Database {
  const ring = Keyring.existing(dbPath);
  if (ring && password !== undefined) ring.openWith('password', password);
  const key = whichKey(copy, ring?.keys('file') ?? []);
  if (!key) throw new Error(`no key of ${dbPath}.keyring opens ${copy}`);
  const raw = new BetterSqlite3(copy, { readonly: true });
  if (key !== 'plain') applyKey(raw, key.key);
  return raw;
}

/** The AppError a call refuses with (an export that finds a pupil's name, …); fails the test if it is not refused. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the call was not refused');
}
