/**
 * Copies an earlier version made in plain (before the file was encrypted) are encrypted in place with the
 * file's current key, once, when the file is opened: a plaintext SQLite file begins with «SQLite format 3»,
 * an encrypted one with random bytes, so the check reads 16 bytes a copy.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { keyringOf } from '../../../db/open.js';
import { encryptPlainFile, hasPlainHeader } from '../../../db/cipher.js';
import { backupDirFor, listBackups } from './backup.js';

export const isPlainSqlite = hasPlainHeader;

/** Encrypts this file's plain copies; returns how many. A copy that fails stays as it was (it is still a copy). */
export function sealPlainBackups(raw: BetterSqlite3.Database): number {
  const keys = keyringOf(raw);
  if (!keys || raw.memory) return 0;
  const dir = backupDirFor(raw.name);
  if (!existsSync(dir)) return 0;
  const key = keys.keyring.currentFileKey() ?? keys.fileKey;
  let n = 0;
  for (const b of listBackups(dir)) {
    const path = join(dir, b.name);
    if (!isPlainSqlite(path)) continue;
    try {
      encryptPlainFile(path, key.key);
      n++;
    } catch {
      // A damaged old copy: left for whoever looks at it; a restore checks it before use.
    }
  }
  return n;
}
