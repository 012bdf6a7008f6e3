/**
 * The enrollment code: what makes an enrollment file useless alone. The municipality shows (and prints) a
 * 10-character code and hands over the file separately; the one-time secret inside the file is sealed with
 * AES-256-GCM under a key derived from the code by scrypt (salt in the file). Whoever copies the file without
 * the code cannot enroll as the school; a wrong code is counted, and after a few the file is refused here.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { z } from 'zod';

/** No 0/O, 1/I/L: read aloud over the phone or from paper without doubt. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;
/** Wrong codes allowed for one file before it is refused until the municipality issues a new one. */
export const MAX_CODE_ATTEMPTS = 5;

const b64 = (max: number) => z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(max);
export const sealedSchema = z.strictObject({ salt: b64(64), iv: b64(32), tag: b64(32), data: b64(200) });
export type Sealed = z.infer<typeof sealedSchema>;

export function newEnrollmentCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** As printed: two groups of five, easier to dictate. */
export function displayCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, without spaces, dashes or case. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

function keyFor(code: string, salt: Buffer): Buffer {
  // N = 2^14 (16 MiB): a fraction of a second per try, so guessing ~49 bits of code offline stays hopeless.
  return scryptSync(normaliseCode(code), salt, 32, { N: 1 << 14, r: 8, p: 1 });
}

export function sealSecret(secret: string, code: string): Sealed {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyFor(code, salt), iv);
  const data = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
  return { salt: salt.toString('base64'), iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The secret, or null when the code is wrong (the tag does not verify). */
export function openSealed(s: Sealed, code: string): string | null {
  try {
    const d = createDecipheriv('aes-256-gcm', keyFor(code, Buffer.from(s.salt, 'base64')), Buffer.from(s.iv, 'base64'));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
