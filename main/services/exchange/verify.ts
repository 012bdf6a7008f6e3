/**
 * `opora verify`: signature and integrity only, nothing written. Without a workspace it checks the structure,
 * the manifest, the signature, the payload's hash and — when the payload is not encrypted — every entry;
 * an encrypted payload's entries are checked when the recipient's workspace is given.
 */
import { AppError } from '../core/errors.js';
import { openContainer, unpackEntries, type Manifest } from './container.js';
import { displayFingerprint } from '../core/crypto.js';
import { ensureIdentity, type ExchangeContext } from './keys.js';

export interface VerifyReport {
  ok: boolean;
  reasonCode?: string;
  reason?: string;
  manifest?: Manifest;
  fingerprintDisplay?: string;
  encrypted?: boolean;
  /** Entries whose size and SHA-256 were checked (0 when the payload is encrypted for someone else). */
  entriesChecked: number;
}

export function verifyBundle(bytes: Buffer, ctx?: ExchangeContext): VerifyReport {
  try {
    const c = openContainer(bytes);
    const m = c.manifest;
    let checked = 0;
    const enc = !!m.payload.encryption;
    let key = null;
    if (enc && ctx) {
      const id = ensureIdentity(ctx);
      if (m.payload.encryption!.recipientKey === id.keys.encryptPublic) key = id.keys.encryptPrivate;
    }
    if (!enc || key) checked = unpackEntries(c, key).size;
    return { ok: true, manifest: m, fingerprintDisplay: displayFingerprint(m.issuer.fingerprint), encrypted: enc, entriesChecked: checked };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, reasonCode: e.code, reason: e.message, entriesChecked: 0 };
    return { ok: false, reasonCode: 'internal', reason: 'Файл не удалось проверить.', entriesChecked: 0 };
  }
}
