/**
 * Decisions on files waiting in the quarantine (an unknown sender, or a known sender with a new key): a
 * person compares the fingerprint and accepts or refuses. The file is re-verified before anything is pinned.
 */
import { readFileSync, rmSync } from 'node:fs';
import { AppError } from '../errors.js';
import { setMeta } from '../clock.js';
import { getRole } from '../school.js';
import { openContainer } from './container.js';
import { displayFingerprint } from './crypto.js';
import type { ExchangeContext } from './keys.js';
import { BundleError, REASONS, type ReasonCode } from './reasons.js';
import { importBundle, type ImportOutcome } from './import.js';
import type { ExchangeQuarantineItem } from '../../../preload/contract/exchange.js';


/** A file waiting in quarantine, as the screen lists it (the contract's type). */
export type QuarantineItem = ExchangeQuarantineItem;

export function listQuarantine(ctx: ExchangeContext, opts: { all?: boolean } = {}): QuarantineItem[] {
  const rows = ctx.raw.prepare(`SELECT id, received_at, file_name, issuer_id, issuer_name, issuer_role, fingerprint, reason_code, status FROM exchange_quarantine
    ${opts.all ? '' : "WHERE status = 'pending'"} ORDER BY received_at DESC, id`).all() as Omit<QuarantineItem, 'fingerprintDisplay' | 'reason'>[];
  return rows.map((r) => ({ ...r, fingerprintDisplay: displayFingerprint(r.fingerprint), reason: REASONS[r.reason_code as ReasonCode] ?? '' }));
}

function pendingItem(ctx: ExchangeContext, id: string) {
  const q = ctx.raw.prepare("SELECT * FROM exchange_quarantine WHERE id = ? AND status = 'pending'").get(id) as
    | { id: string; stored_path: string; file_name: string; issuer_id: string; issuer_name: string; issuer_role: string; sign_public: string; encrypt_public: string; fingerprint: string }
    | undefined;
  if (!q) throw new AppError('not_found', 'Файл в карантине не найден или решение по нему уже принято.');
  return q;
}

/**
 * A person compared the fingerprint and accepts the sender's key: it is pinned (a school is added to the
 * roster, or a changed key replaces the old one), then the bundle is imported as usual.
 */
export function acceptQuarantined(ctx: ExchangeContext, id: string): ImportOutcome {
  const q = pendingItem(ctx, id);
  const bytes = readFileSync(q.stored_path);
  const c = openContainer(bytes); // re-verified: the stored copy must still be the signed file
  if (c.manifest.issuer.fingerprint !== q.fingerprint) throw new BundleError('tampered');
  const role = getRole(ctx);
  const now = ctx.now().toISOString();
  ctx.raw.transaction(() => {
    if (role === 'municipality') {
      ctx.raw.prepare(`INSERT INTO municipality_school (id, name, status, sign_public, encrypt_public, fingerprint, secret_hash, created_at, enrolled_at)
        VALUES (?, ?, 'enrolled', ?, ?, ?, NULL, ?, ?)
        ON CONFLICT (id) DO UPDATE SET status = 'enrolled', sign_public = excluded.sign_public, encrypt_public = excluded.encrypt_public,
          fingerprint = excluded.fingerprint, secret_hash = NULL, enrolled_at = excluded.enrolled_at`)
        .run(q.issuer_id, q.issuer_name || 'Школа без названия', q.sign_public, q.encrypt_public, q.fingerprint, now, now);
    } else {
      setMeta(ctx.raw, 'municipality_id', q.issuer_id);
      setMeta(ctx.raw, 'municipality_name', q.issuer_name);
      setMeta(ctx.raw, 'municipality_sign_public', q.sign_public);
      setMeta(ctx.raw, 'municipality_encrypt_public', q.encrypt_public);
    }
    ctx.raw.prepare("UPDATE exchange_quarantine SET status = 'accepted', decided_at = ? WHERE id = ?").run(now, id);
  }).immediate();
  const out = importBundle(ctx, { fileName: q.file_name, bytes });
  if (out.status === 'accepted') rmSync(q.stored_path, { force: true });
  return out;
}

export function refuseQuarantined(ctx: ExchangeContext, id: string): void {
  const q = pendingItem(ctx, id);
  ctx.raw.prepare("UPDATE exchange_quarantine SET status = 'refused', decided_at = ? WHERE id = ?").run(ctx.now().toISOString(), id);
  rmSync(q.stored_path, { force: true });
}

