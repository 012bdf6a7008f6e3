/**
 * The stored form of one personal value: `enc1:` + base64 of IV (12) | GCM tag (16) | ciphertext, AES-256-GCM
 * under the workspace's data key. A random IV per value, so equal names do not look equal on disk — which is
 * why search and sort by name run in memory after decryption (lists.ts), not in SQL.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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

/** Password key derivation lives with the keyring (db/keyring.ts); re-exported for the bench. */
export { newKdf, deriveKey, type KdfParams } from '../../../db/keyring.js';
