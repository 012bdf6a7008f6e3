/**
 * Whole-file encryption (SQLite3 Multiple Ciphers through better-sqlite3-multiple-ciphers): every page of the
 * database file, its WAL and every `VACUUM INTO` copy is encrypted with a file key of the workspace's keyring.
 * Cipher: ChaCha20-Poly1305 (sqleet, the library's default) — authenticated per page and fast in software on
 * old school computers without AES instructions; interoperability with SQLCipher tools is not needed.
 */
import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { DataKey } from './keyring.js';

export const CIPHER = 'chacha20';

/** Sets the key on a connection just made, before anything is read or written. */
export function applyKey(raw: BetterSqlite3.Database, key: Buffer): void {
  raw.pragma(`cipher = '${CIPHER}'`);
  raw.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Whether SQLite can read the schema with the connection as keyed. */
export function readable(raw: BetterSqlite3.Database): boolean {
  try {
    raw.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    return true;
  } catch {
    return false;
  }
}

/** A plaintext SQLite file begins with «SQLite format 3»; an encrypted one with random bytes. */
export function hasPlainHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(16);
    return readSync(fd, b, 0, 16, 0) === 16 && b.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

/** A file of zero bytes (or none) holds nothing yet: it takes the current key. */
export function isEmptyFile(path: string): boolean {
  return !existsSync(path) || statSync(path).size === 0;
}

/**
 * Which of `keys` opens the file at `path` (read only); 'plain' for a file written without encryption (by an
 * earlier version), null when none does.
 */
export function whichKey(path: string, keys: DataKey[]): DataKey | 'plain' | null {
  for (const k of keys) {
    const raw = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      applyKey(raw, k.key);
      if (readable(raw)) return k;
    } finally {
      raw.close();
    }
  }
  const raw = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return readable(raw) ? 'plain' : null;
  } finally {
    raw.close();
  }
}

/**
 * Encrypts a plaintext database file in place with `key`: the WAL is folded in, a copy is encrypted
 * (`PRAGMA rekey` in DELETE journal mode, as the library requires), checked, and renamed over the file —
 * so until the rename the original stays as it was, and a failure leaves it untouched.
 */
export function encryptPlainFile(path: string, key: Buffer): void {
  const plain = new BetterSqlite3(path);
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  const staged = path + '.encrypting';
  rmSync(staged, { force: true });
  copyFileSync(path, staged);
  try {
    const raw = new BetterSqlite3(staged);
    try {
      raw.pragma('journal_mode = DELETE');
      raw.pragma(`cipher = '${CIPHER}'`);
      raw.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      raw.close();
    }
    const check = new BetterSqlite3(staged, { readonly: true, fileMustExist: true });
    try {
      applyKey(check, key);
      const rows = check.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new Error('encrypted copy failed its check');
    } finally {
      check.close();
    }
    for (const s of ['-wal', '-shm', '-journal']) rmSync(path + s, { force: true });
    renameSync(staged, path);
  } catch (e) {
    rmSync(staged, { force: true });
    throw e;
  }
}
