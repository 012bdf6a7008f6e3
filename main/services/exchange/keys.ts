/**
 * This workspace's exchange identity: its Ed25519 (signing) and X25519 (encryption) key pairs, its origin
 * and its bundle sequence.
 *
 * The private keys live in a key file next to the database (<db>.keys, mode 0600), wrapped by a SecretBox
 * (Electron's safeStorage in the app), never in the database and never in a bundle. The key file also keeps
 * the high-water mark of what was exported (origin, sequence, latest clock stamp). When the database says
 * less than the key file — it was restored from a backup — or the key file is gone — the database was moved
 * or copied to another computer — the workspace takes a new origin identity, so edits made from now on are
 * neither lost (their sequence starts afresh under the new origin) nor mistaken for old ones.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, renameSync, chmodSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { getMeta, setMeta, originId, rotateOrigin } from '../core/clock.js';
import { deleteMeta, type MetaKey } from '../core/meta.js';
import {
  newKeyPairs, privateToDer, privateFromDer, publicOf, fingerprint, plainSecretBox, invitationKey, hashSecret, type KeyPairs, type SecretBox,
} from '../core/crypto.js';

export interface ExchangeContext extends ServiceContext {
  /** How private keys are wrapped at rest; plain Node when absent. */
  secretBox?: SecretBox;
}

interface KeyFile {
  format: 1;
  box: string;
  ownerId: string;
  signPublic: string;
  signPrivate: string;
  encryptPublic: string;
  encryptPrivate: string;
  /** High-water mark of exports from this database. */
  origin: string;
  seq: number;
  hlc: string;
  /** The highest sequence exported from every origin this database has had (a backup may bring back any). */
  seqs?: Record<string, number>;
  /**
   * The database file this key file belongs to (its path and inode). A folder copied to a second computer
   * brings the key file along, so the keys alone cannot tell the copy from the original; the inode can.
   */
  db?: DbBinding;
  /** Encryption keys replaced by a key rotation: files already encrypted for them must still open. */
  previous?: { encryptPublic: string; encryptPrivate: string }[];
}

interface DbBinding {
  path: string;
  ino: string;
}

function bindingOf(raw: BetterSqlite3.Database): DbBinding | null {
  if (!raw.name || raw.memory) return null;
  try {
    return { path: resolve(raw.name), ino: String(statSync(raw.name, { bigint: true }).ino) };
  } catch {
    return null;
  }
}

function sameBinding(a: DbBinding, b: DbBinding): boolean {
  return a.path === b.path && a.ino === b.ino;
}

/** The highest sequence the key file remembers exporting from `origin`. */
function exportedSeq(k: KeyFile, origin: string): number {
  return Math.max(k.origin === origin ? k.seq : 0, k.seqs?.[origin] ?? 0);
}

export interface Identity {
  ownerId: string;
  origin: string;
  keys: KeyPairs;
  fingerprint: string;
  /** True when this call gave the workspace a new origin (restored or moved database). */
  rotated: boolean;
}

export function keyFilePath(raw: BetterSqlite3.Database): string {
  return raw.name + '.keys';
}

function readKeyFile(path: string): KeyFile | null {
  if (!existsSync(path)) return null;
  try {
    const k = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
    if (k.format !== 1 || typeof k.signPrivate !== 'string') return null;
    return k;
  } catch {
    return null;
  }
}

function writeKeyFile(path: string, k: KeyFile) {
  const tmp = path + '.tmp';
  writeFileSync(tmp, JSON.stringify(k), { mode: 0o600, flush: true });
  renameSync(tmp, path);
  try {
    chmodSync(path, 0o600);
  } catch {
    /* Windows: permissions are the profile folder's */
  }
}

export function seqKey(origin: string): MetaKey {
  return `exchange_seq.${origin}`;
}

export function currentSeq(raw: BetterSqlite3.Database, origin: string): number {
  return Number(getMeta(raw, seqKey(origin)) ?? '0');
}

/** Unwrapped keys by box and wrapped bytes: a department loading hundreds of files unwrapped them once per file. */
const unwrapped = new WeakMap<SecretBox, Map<string, KeyPairs>>();

function unwrap(box: SecretBox, k: KeyFile): KeyPairs {
  const key = `${k.box}\0${k.signPrivate}\0${k.encryptPrivate}`;
  let cache = unwrapped.get(box);
  if (!cache) unwrapped.set(box, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const keys = unwrapOnce(box, k);
  if (cache.size >= 8) cache.clear();
  cache.set(key, keys);
  return keys;
}

function unwrapOnce(box: SecretBox, k: KeyFile): KeyPairs {
  if (k.box !== box.kind) {
    throw new AppError('key_protected', k.box === 'safeStorage'
      ? 'Ключи этого рабочего места защищены хранилищем операционной системы. Выполните обмен из приложения «Опора».'
      : 'Ключи этого рабочего места защищены другим способом. Выполните обмен там, где они были созданы.');
  }
  try {
    const signPrivate = privateFromDer(box.unprotect(Buffer.from(k.signPrivate, 'base64')));
    const encryptPrivate = privateFromDer(box.unprotect(Buffer.from(k.encryptPrivate, 'base64')));
    return { signPrivate, signPublic: publicOf(signPrivate), encryptPrivate, encryptPublic: publicOf(encryptPrivate) };
  } catch {
    throw new AppError('key_damaged', 'Файл ключей рабочего места повреждён или недоступен. Ключи будут созданы заново при следующем обмене, если удалить файл «.keys».');
  }
}

/**
 * Loads (or makes) the identity. Call inside the caller's transaction when possible: it may write meta.
 */
export function ensureIdentity(ctx: ExchangeContext): Identity {
  const raw = ctx.raw;
  const box = ctx.secretBox ?? plainSecretBox;
  const ownerId = getMeta(raw, 'owner_id');
  if (!ownerId) throw new AppError('not_initialised', 'Рабочее место ещё не создано. Сначала выполните первичную настройку.');
  const path = keyFilePath(raw);
  const file = readKeyFile(path);
  const knownPublic = getMeta(raw, 'exchange_sign_public');
  let origin = originId(raw);
  let rotated = false;

  if (file && file.ownerId === ownerId && (!knownPublic || knownPublic === file.signPublic)) {
    const keys = unwrap(box, file);
    // Restored from a backup: the key file has seen a later export from this origin than the database has.
    if (exportedSeq(file, origin) > currentSeq(raw, origin)) {
      origin = rotateOrigin(raw, file.hlc);
      rotated = true;
    }
    if (!knownPublic) setMeta(raw, 'exchange_sign_public', keys.signPublic);
    return { ownerId, origin, keys, fingerprint: fingerprint(keys.signPublic), rotated };
  }

  // No key file for this database (first exchange, or the database was moved or copied here): new keys.
  const keys = newKeyPairs();
  if (knownPublic) {
    origin = rotateOrigin(raw);
    rotated = true;
  }
  writeKeyFile(path, {
    format: 1, box: box.kind, ownerId,
    signPublic: keys.signPublic, signPrivate: box.protect(privateToDer(keys.signPrivate)).toString('base64'),
    encryptPublic: keys.encryptPublic, encryptPrivate: box.protect(privateToDer(keys.encryptPrivate)).toString('base64'),
    origin, seq: 0, hlc: getMeta(raw, 'hlc_last') ?? '', ...(bindingOf(raw) ? { db: bindingOf(raw)! } : {}),
  });
  setMeta(raw, 'exchange_sign_public', keys.signPublic);
  return { ownerId, origin, keys, fingerprint: fingerprint(keys.signPublic), rotated };
}

/**
 * Runs when a workspace database is opened, before any edit can be stamped: a database restored from a
 * backup (the key file remembers a later export than the database does), or moved or copied to a computer
 * without its key file, takes a new origin right away, so that no edit made from now on is stamped with the
 * old origin's identity. The keys themselves are (re)made at the next exchange.
 */
export function checkIdentityOnOpen(raw: BetterSqlite3.Database): { rotated: boolean } {
  const ownerId = getMeta(raw, 'owner_id');
  const knownPublic = getMeta(raw, 'exchange_sign_public');
  if (!ownerId || !knownPublic) return { rotated: false };
  const file = readKeyFile(keyFilePath(raw));
  const origin = originId(raw);
  if (!file || file.ownerId !== ownerId || file.signPublic !== knownPublic) {
    raw.transaction(() => {
      rotateOrigin(raw);
      // New keys at the next exchange, without a second change of origin.
      deleteMeta(raw, 'exchange_sign_public');
    }).immediate();
    return { rotated: true };
  }
  const here = bindingOf(raw);
  // Copied (or moved) together with its key file: the copy becomes a new origin, so that its edits and the
  // original's edits of the same record meet at the municipality as two origins — a conflict, not an overwrite.
  const copied = !!(here && file.db && !sameBinding(here, file.db));
  if (here && (!file.db || copied)) writeKeyFile(keyFilePath(raw), { ...file, db: here });
  if (copied || exportedSeq(file, origin) > currentSeq(raw, origin)) {
    raw.transaction(() => rotateOrigin(raw, file.hlc)).immediate();
    return { rotated: true };
  }
  return { rotated: false };
}

/**
 * Municipality key rotation: the new pairs become this workspace's keys (same origin and sequence, so the
 * schools' replay protection carries on); the old encryption key is kept to open files already made for it.
 */
export function replaceKeys(ctx: ExchangeContext, next: KeyPairs): void {
  const box = ctx.secretBox ?? plainSecretBox;
  const path = keyFilePath(ctx.raw);
  const file = readKeyFile(path);
  if (!file) throw new AppError('key_damaged', 'Файл ключей рабочего места не найден: сменить ключ нельзя.');
  writeKeyFile(path, {
    ...file,
    signPublic: next.signPublic, signPrivate: box.protect(privateToDer(next.signPrivate)).toString('base64'),
    encryptPublic: next.encryptPublic, encryptPrivate: box.protect(privateToDer(next.encryptPrivate)).toString('base64'),
    previous: [...(file.previous ?? []), { encryptPublic: file.encryptPublic, encryptPrivate: file.encryptPrivate }],
  });
  setMeta(ctx.raw, 'exchange_sign_public', next.signPublic);
}

/** The private key for a file encrypted to `recipientKey`: the current one, or one replaced by a rotation. */
export function decryptionKey(ctx: ExchangeContext, recipientKey: string): KeyObject | null {
  const id = ensureIdentity(ctx);
  if (recipientKey === id.keys.encryptPublic) return id.keys.encryptPrivate;
  // A plan written before the department knew this school's key: sealed with the key of its enrollment secret.
  const secret = getMeta(ctx.raw, 'enrollment_secret');
  if (secret) {
    const invitation = invitationKey(hashSecret(secret));
    if (recipientKey === invitation.publicKey) return invitation.privateKey;
  }
  const old = readKeyFile(keyFilePath(ctx.raw))?.previous?.find((p) => p.encryptPublic === recipientKey);
  return old ? privateFromDer((ctx.secretBox ?? plainSecretBox).unprotect(Buffer.from(old.encryptPrivate, 'base64'))) : null;
}

/** After a bundle is safely on disk: the database and the key file both remember its sequence. */
export function recordExported(ctx: ExchangeContext, origin: string, seq: number) {
  setMeta(ctx.raw, seqKey(origin), String(seq));
  const path = keyFilePath(ctx.raw);
  const file = readKeyFile(path);
  if (file) {
    const seqs = { ...file.seqs, [file.origin]: exportedSeq(file, file.origin) };
    seqs[origin] = Math.max(seq, seqs[origin] ?? 0);
    writeKeyFile(path, { ...file, origin, seq, hlc: getMeta(ctx.raw, 'hlc_last') ?? file.hlc, seqs });
  }
}

/** Public half only, for showing in the UI. */
export function publicIdentity(ctx: ExchangeContext): { fingerprint: string; signPublic: string } | null {
  const pub = getMeta(ctx.raw, 'exchange_sign_public');
  return pub ? { fingerprint: fingerprint(pub), signPublic: pub } : null;
}
