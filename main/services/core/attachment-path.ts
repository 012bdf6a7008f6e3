/**
 * Where the bytes of an attached file live — one folder per file table next to the workspace's database
 * (files/attachments/<id> for the school's event files, files/<table>/<id> for the others), so a row of one table
 * can never name, overwrite or delete a file of another even when an id is reused — and the one way they are
 * written and read. On disk a file is sealed (AES-256-GCM) with a key of
 * its own, derived (HKDF-SHA256, a random salt per file) from a file key of the workspace's keyring, the one the
 * database itself is encrypted with; the key's id is in the header, so a file sealed under an earlier key still
 * opens. Files of an earlier version, stored in plain, are read as they are and sealed on the next open.
 *
 *   'OPORAF1\n' | id length (1) | key id | salt (16) | iv (12) | tag (16) | ciphertext      (AAD: the file's id)
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { ServiceContext } from './context.js';
import { keyringOf } from '../../../db/open.js';
import { AppError } from './errors.js';

type FilesCtx = Pick<ServiceContext, 'filesDir' | 'raw'>;

const MAGIC = Buffer.from('OPORAF1\n', 'latin1');

/** The folder of a file table's bytes (the school's table keeps the folder name of the first versions). */
export function fileStoreDir(ctx: Pick<ServiceContext, 'filesDir'>, table: string): string {
  return join(ctx.filesDir, table === 'attachment' ? 'attachments' : table);
}

export function attachmentPath(ctx: Pick<ServiceContext, 'filesDir'>, table: string, id: string): string {
  return join(fileStoreDir(ctx, table), id);
}

export function isSealedFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC);
}

function fileKey(salt: Buffer, dataKey: Buffer, id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, `opora attachment ${id}`, 32));
}

/** The stored form of a file's bytes (plain when the database has no keyring: an in-memory one). */
export function sealAttachment(raw: BetterSqlite3.Database, id: string, plain: Uint8Array): Buffer {
  const keys = keyringOf(raw);
  if (!keys) return Buffer.from(plain);
  const kid = Buffer.from(keys.fileKey.id, 'utf8');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', fileKey(salt, keys.fileKey.key, id), iv);
  c.setAAD(Buffer.from(id, 'utf8'));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([MAGIC, Buffer.from([kid.length]), kid, salt, iv, c.getAuthTag(), body]);
}

/**
 * Writes the stored form of `plain` to `path` and flushes it to the disk, a megabyte at a time: a 22 MB photo is
 * never held a second time, encrypted, in memory. The tag is known at the end, so its place in the header is
 * written last.
 */
export function writeSealedFile(raw: BetterSqlite3.Database, id: string, plain: Uint8Array, path: string): void {
  const keys = keyringOf(raw);
  const fd = openSync(path, 'w');
  try {
    const put = (b: Uint8Array, at?: number) => {
      for (let done = 0; done < b.length;) done += writeSync(fd, b, done, b.length - done, at === undefined ? null : at + done);
    };
    if (!keys) put(plain);
    else {
      const kid = Buffer.from(keys.fileKey.id, 'utf8');
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', fileKey(salt, keys.fileKey.key, id), iv);
      c.setAAD(Buffer.from(id, 'utf8'));
      const head = Buffer.concat([MAGIC, Buffer.from([kid.length]), kid, salt, iv]);
      put(head);
      put(Buffer.alloc(16));
      for (let at = 0; at < plain.length; at += CHUNK) put(c.update(plain.subarray(at, at + CHUNK)));
      put(c.final());
      put(c.getAuthTag(), head.length);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 1 << 20;

/** Plain bytes of a stored file; throws a Russian AppError when its key is not in the keyring or a byte was changed. */
export function openAttachment(raw: BetterSqlite3.Database, id: string, stored: Buffer): Buffer {
  if (!isSealedFile(stored)) return stored;
  const fail = (why: string) => new AppError('file_damaged', why);
  const n = stored[MAGIC.length]!;
  let at = MAGIC.length + 1;
  const kid = stored.subarray(at, at + n).toString('utf8');
  at += n;
  const dataKey = keyringOf(raw)?.keyring.key(kid);
  if (!dataKey) throw fail('Приложенный файл зашифрован ключом, которого нет в файле ключей этого рабочего места: открыть его нельзя.');
  const salt = stored.subarray(at, at + 16), iv = stored.subarray(at + 16, at + 28), tag = stored.subarray(at + 28, at + 44);
  try {
    const d = createDecipheriv('aes-256-gcm', fileKey(salt, dataKey, id), iv);
    d.setAAD(Buffer.from(id, 'utf8'));
    d.setAuthTag(tag);
    return Buffer.concat([d.update(stored.subarray(at + 44)), d.final()]);
  } catch {
    throw fail('Приложенный файл повреждён на диске: его байты не сходятся с печатью шифра.');
  }
}

/** Writes a file's bytes sealed, through `<path>.part` and a rename, so a half-written file never looks whole. */
export function writeAttachmentBytes(ctx: FilesCtx, table: string, id: string, plain: Uint8Array): string {
  mkdirSync(fileStoreDir(ctx, table), { recursive: true });
  const path = attachmentPath(ctx, table, id);
  const tmp = path + '.part';
  writeFileSync(tmp, sealAttachment(ctx.raw, id, plain), { flush: true });
  renameSync(tmp, path);
  return path;
}

/**
 * THE reader of an attached file's bytes (the file card, the export, the look for pupils' names in files leaving
 * the school): its plain bytes, or null when they are not on the disk.
 */
export function readAttachmentBytes(ctx: FilesCtx, table: string, id: string): Buffer | null {
  const path = attachmentPath(ctx, table, id);
  if (!existsSync(path)) return null;
  return openAttachment(ctx.raw, id, readFileSync(path));
}

/** Seals every attached file still stored in plain (an earlier version's). Returns how many. */
export function sealPlainAttachments(ctx: FilesCtx, table: string): number {
  if (!keyringOf(ctx.raw)) return 0;
  const dir = fileStoreDir(ctx, table);
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const id of readdirSync(dir)) {
    if (id.endsWith('.part') || id.endsWith('.prev')) continue;
    const path = join(dir, id);
    const head = Buffer.alloc(MAGIC.length);
    const fd = openSync(path, 'r');
    try { readSync(fd, head, 0, head.length, 0); } finally { closeSync(fd); }
    if (isSealedFile(head)) continue;
    writeAttachmentBytes(ctx, table, id, readFileSync(path));
    n++;
  }
  return n;
}

/** Whether a file record's bytes are on this disk (a deletion can be undone only then). */
export function fileBytesPresent(ctx: ServiceContext, table: string, id: string): boolean {
  return existsSync(attachmentPath(ctx, table, id));
}
