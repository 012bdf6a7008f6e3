/**
 * The cryptography of bundles, all from Node's crypto: Ed25519 signatures, X25519 key agreement, HKDF-SHA256
 * and AES-256-GCM. Public keys travel as base64 of their 32 raw bytes; a key's fingerprint is the SHA-256
 * of those bytes. Private keys never leave the key file, and there they are wrapped by a SecretBox.
 */
import {
  createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync,
  hkdfSync, randomBytes, sign as edSign, verify as edVerify, type KeyObject,
} from 'node:crypto';

/** Wraps private key bytes at rest. Electron passes one backed by safeStorage; plain Node uses the identity. */
export interface SecretBox {
  /** Stored in the key file so a file wrapped by one box is not fed to another. */
  readonly kind: string;
  protect(plain: Buffer): Buffer;
  unprotect(wrapped: Buffer): Buffer;
}

/** Plain Node: the key file itself is written with 0600 permissions; the bytes are not wrapped. */
export const plainSecretBox: SecretBox = {
  kind: 'plain',
  protect: (b) => Buffer.from(b),
  unprotect: (b) => Buffer.from(b),
};

export interface KeyPairs {
  signPrivate: KeyObject;
  signPublic: string;
  encryptPrivate: KeyObject;
  encryptPublic: string;
}

const b64url = (b: Buffer) => b.toString('base64url');

export function rawPublic(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

export function newKeyPairs(): KeyPairs {
  const s = generateKeyPairSync('ed25519');
  const e = generateKeyPairSync('x25519');
  return { signPrivate: s.privateKey, signPublic: rawPublic(s.publicKey), encryptPrivate: e.privateKey, encryptPublic: rawPublic(e.publicKey) };
}

export function privateToDer(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' }) as Buffer;
}

export function privateFromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function publicKeyObject(rawB64: string, crv: 'Ed25519' | 'X25519'): KeyObject {
  const raw = Buffer.from(rawB64, 'base64');
  if (raw.length !== 32) throw new Error('public key must be 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv, x: b64url(raw) }, format: 'jwk' });
}

/**
 * The key a school not yet enrolled reads its plan with. Both sides can make it and nobody else: the department
 * from the hash of the enrollment secret it keeps, the school from the secret it unsealed with its code. A
 * copy of the enrollment file alone (without the code) does not open it, nor does a plan written for another school.
 */
/** What the department keeps of a school's one-time enrollment secret. */
export function hashSecret(secret: string): string {
  return sha256('opora-enrollment-secret|' + secret);
}

export function invitationKey(secretHash: string): { privateKey: KeyObject; publicKey: string } {
  const seed = Buffer.from(hkdfSync('sha256', Buffer.from(secretHash, 'utf8'), Buffer.from('opora-invitation-v1'), Buffer.from('x25519'), 32));
  // PKCS#8 for X25519 is a fixed 16-byte prefix and the 32 raw bytes (RFC 8410).
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: publicOf(privateKey) };
}

export function publicOf(priv: KeyObject): string {
  return rawPublic(createPublicKey(priv));
}

/** SHA-256 of the raw signing key, hex. */
export function fingerprint(signPublicB64: string): string {
  return createHash('sha256').update(Buffer.from(signPublicB64, 'base64')).digest('hex');
}

/** "a1b2 c3d4 …": the first 128 bits in groups, for reading aloud or comparing by eye. */
export function displayFingerprint(fp: string): string {
  return (fp.slice(0, 32).match(/.{4}/g) ?? []).join(' ').toUpperCase();
}

const SIG_CONTEXT = Buffer.from('OPORA-SIG-1\0');

export function signBytes(priv: KeyObject, data: Buffer): Buffer {
  return edSign(null, Buffer.concat([SIG_CONTEXT, data]), priv);
}

export function verifyBytes(signPublicB64: string, data: Buffer, signature: Buffer): boolean {
  try {
    if (signature.length !== 64) return false;
    return edVerify(null, Buffer.concat([SIG_CONTEXT, data]), publicKeyObject(signPublicB64, 'Ed25519'), signature);
  } catch {
    return false;
  }
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export const ENCRYPTION_SCHEME = 'x25519-hkdf-sha256-aes-256-gcm';
export const GCM_TAG_BYTES = 16;
const DECRYPT_CHUNK = 1 << 20;

export interface EncryptionHeader {
  scheme: typeof ENCRYPTION_SCHEME;
  recipientKey: string;
  ephemeralKey: string;
  nonce: string;
}

function deriveKey(shared: Buffer, ephemeralPublic: string, recipientPublic: string): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeralPublic, 'base64'), Buffer.from(recipientPublic, 'base64')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from('opora-bundle-payload-v1'), 32));
}

/** Encrypts for one recipient's X25519 key with a fresh ephemeral key. Output: ciphertext || 16-byte tag. */
export function encryptFor(recipientPublic: string, plain: Buffer, aad: Buffer): { header: EncryptionHeader; sealed: Buffer } {
  const eph = generateKeyPairSync('x25519');
  const ephemeralKey = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject(recipientPublic, 'X25519') });
  const key = deriveKey(shared, ephemeralKey, recipientPublic);
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return {
    header: { scheme: ENCRYPTION_SCHEME, recipientKey: recipientPublic, ephemeralKey, nonce: nonce.toString('base64') },
    sealed: Buffer.concat([body, c.getAuthTag()]),
  };
}

/**
 * Decrypts, or returns null when the tag does not verify (wrong key, tampered or short tag). The plaintext
 * is only returned after final() has checked the tag: no decrypted byte is used before that.
 */
export function decryptWith(priv: KeyObject, header: EncryptionHeader, sealed: Buffer, aad: Buffer): Buffer | null {
  try {
    if (sealed.length < GCM_TAG_BYTES) return null;
    const nonce = Buffer.from(header.nonce, 'base64');
    if (nonce.length !== 12) return null;
    const shared = diffieHellman({ privateKey: priv, publicKey: publicKeyObject(header.ephemeralKey, 'X25519') });
    const key = deriveKey(shared, header.ephemeralKey, header.recipientKey);
    const d = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
    d.setAAD(aad);
    const tag = sealed.subarray(sealed.length - GCM_TAG_BYTES);
    if (tag.length !== GCM_TAG_BYTES) return null;
    d.setAuthTag(tag);
    // A megabyte at a time into one buffer: decipher.update on a whole 110 MB payload held it twice for a moment
    // (its output is allocated with room to spare, then cut to size by a copy), and the concat made a third.
    const body = sealed.subarray(0, sealed.length - GCM_TAG_BYTES);
    const out = Buffer.allocUnsafe(body.length);
    let n = 0;
    for (let at = 0; at < body.length; at += DECRYPT_CHUNK) n += d.update(body.subarray(at, at + DECRYPT_CHUNK)).copy(out, n);
    n += d.final().copy(out, n); // throws when the tag does not verify; `out` is discarded then
    return n === out.length ? out : out.subarray(0, n);
  } catch {
    return null;
  }
}
