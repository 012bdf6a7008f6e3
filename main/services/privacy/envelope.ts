/**
 * The stored form of one personal value: `enc1:` + base64 of IV (12) | GCM tag (16) | ciphertext, AES-256-GCM
 * under the workspace's data key. A random IV per value, so equal names do not look equal on disk — which is
 * why search and sort by name run in memory after decryption (lists.ts), not in SQL.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

export const SEALED_PREFIX = 'enc1:';
const AAD = Buffer.from('opora personal data v1');

export function isSealed(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith(SEALED_PREFIX);
}

function encrypt(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(AAD);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]);
}

/** Throws when the key is wrong or a byte was changed: GCM checks the tag before anything is used. */
function decrypt(key: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < 28) throw new Error('sealed value too short');
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  d.setAAD(AAD);
  d.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
}

export function sealText(key: Buffer, plain: string): string {
  return SEALED_PREFIX + encrypt(key, Buffer.from(plain, 'utf8')).toString('base64');
}

export function openText(key: Buffer, sealed: string): string {
  return decrypt(key, Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64')).toString('utf8');
}

/** The data key wrapped by a key-encryption key (a password's, a recovery code's). */
export function wrapKey(kek: Buffer, dataKey: Buffer): string {
  return encrypt(kek, dataKey).toString('base64');
}

export function unwrapKey(kek: Buffer, wrapped: string): Buffer | null {
  try {
    return decrypt(kek, Buffer.from(wrapped, 'base64'));
  } catch {
    return null;
  }
}

export interface KdfParams { N: number; r: number; p: number; salt: string }

/**
 * scrypt with N = 2^15, r = 8 (32 MiB, about a tenth of a second): each guess of a password costs the same,
 * so a copied file cannot be tried against a dictionary quickly. The parameters are stored with the wrap, so
 * a later version can raise them without losing old files.
 */
export function newKdf(): KdfParams {
  return { N: 2 ** 15, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(secret: string, kdf: KdfParams): Buffer {
  return scryptSync(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * 2 });
}
