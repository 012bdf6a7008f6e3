/**
 * The publisher's release key: the one public key an update package must be signed with. Its private half
 * never enters the repository — the release build reads it from OPORA_RELEASE_KEY (see README «Обновление
 * без интернета»); tests make a key of their own and pass it to verifyUpdate.
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** Raw Ed25519 public key, base64 (32 bytes). Replacing it means every school must install by hand once. */
export const RELEASE_PUBLIC_KEY_B64 = 'drA09p6hICkvylKpQNqyPbTlwMNYXLDOcZTPN/mK5Og=';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(SPKI_PREFIX.length);
}

export const releasePublicKey = (): KeyObject => publicKeyFromRaw(Buffer.from(RELEASE_PUBLIC_KEY_B64, 'base64'));

/** Sixteen hex digits of the key's SHA-256: what a manifest names its signer by, and what a person can compare. */
export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16);
}

/** The private key from OPORA_RELEASE_KEY (a PKCS#8 PEM, or a path to one); null when the variable is unset. */
export function releasePrivateKeyFromEnv(value: string | undefined, readText: (path: string) => string): KeyObject | null {
  const v = value?.trim();
  if (!v) return null;
  const pem = v.startsWith('-----BEGIN') ? v : readText(v);
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not-ed25519');
  return key;
}
