/**
 * Decisions on files waiting in the quarantine (an unknown sender, or a known sender with a new key): a
 * person compares the fingerprint and accepts or refuses. The file is re-verified before anything is pinned.
 */
import { readFileSync, rmSync } from 'node:fs';
import { AppError } from '../core/errors.js';
import { getRole } from '../core/school-profile.js';
import { openContainer } from './container.js';
import { displayFingerprint } from '../core/crypto.js';
import type { ExchangeContext } from './keys.js';
import { BundleError, REASONS, type ReasonCode } from './reasons.js';
import { importBundle, logImport, type ImportOutcome } from './import.js';
import { importBackup } from '../backup/backup.js';
import { keyHolder, keyTakenWarning } from './trust.js';
import type { ExchangeQuarantineItem } from '../../../preload/contract/exchange.js';


/** A file waiting in quarantine, as the screen lists it (the contract's type). */
export type QuarantineItem = ExchangeQuarantineItem;

export function listQuarantine(ctx: ExchangeContext, opts: { all?: boolean } = {}): QuarantineItem[] {
  const rows = ctx.raw.prepare(`SELECT id, received_at, file_name, issuer_id, issuer_name, issuer_role, fingerprint, reason_code, status, records, written_at FROM exchange_quarantine
    ${opts.all ? '' : "WHERE status = 'pending'"} ORDER BY received_at DESC, id`).all() as (Omit<QuarantineItem, 'fingerprintDisplay' | 'reason' | 'warning' | 'explanation' | 'pinnedFingerprintDisplay'> & { records: number | null; written_at: string | null })[];
  const municipality = getRole(ctx) === 'municipality';
  return rows.map(({ records, written_at, ...r }) => {
    const holder = municipality ? keyHolder(ctx.raw, r.fingerprint, r.issuer_id) : null;
    const warning = holder ? keyTakenWarning(holder.name) : !municipality ? SCHOOL_KEY_FROM_QUARANTINE : undefined;
    const pinned = municipality ? pinnedKey(ctx, r.issuer_id) : null;
    return {
      ...r, fingerprintDisplay: displayFingerprint(r.fingerprint), reason: REASONS[r.reason_code as ReasonCode] ?? '', ...(warning ? { warning } : {}),
      explanation: explain(r, records, written_at, pinned), pinnedFingerprintDisplay: pinned?.fingerprint ? displayFingerprint(pinned.fingerprint) : null,
    };
  });
}

/** The key pinned for a school now, and when its last file signed with it was taken. */
function pinnedKey(ctx: ExchangeContext, schoolId: string): { fingerprint: string | null; lastAt: string | null } | null {
  const row = ctx.raw.prepare("SELECT fingerprint FROM municipality_school WHERE id = ?").get(schoolId) as { fingerprint: string | null } | undefined;
  if (!row) return null;
  const lastAt = ctx.raw.prepare("SELECT MAX(at) FROM exchange_import WHERE issuer_id = ? AND status = 'accepted'").pluck().get(schoolId) as string | null;
  return { fingerprint: row.fingerprint, lastAt };
}

/**
 * The card's words. A key change with no records is what a second computer opened with the same enrollment file
 * sends first; a key change with records is a reinstalled school — or someone else. Either way the person is
 * told what is pinned now, so that «Принять» is a decision and not a reflex.
 */
function explain(r: { issuer_name: string; reason_code: string; file_name: string }, records: number | null, writtenAt: string | null, pinned: { fingerprint: string | null; lastAt: string | null } | null): string {
  const who = r.issuer_name ? `«${r.issuer_name}»` : 'без названия';
  const file = `Файл «${r.file_name}»${writtenAt ? `, записан ${formatMoment(writtenAt)}` : ''}${records === null ? '' : `, записей в нём: ${records}`}.`;
  if (r.reason_code === 'key_change' && pinned?.fingerprint) {
    const empty = records === 0 ? ' Файл пустой: так бывает, когда тот же файл подключения открыли на другом компьютере.' : '';
    return `${file} Он подписан новым ключом школы ${who}, а закреплён за школой ключ ${displayFingerprint(pinned.fingerprint)}` +
      `${pinned.lastAt ? ` — им подписан последний принятый файл (${formatMoment(pinned.lastAt)})` : ''}.${empty} ` +
      'Если принять новый ключ, файлы с прежнего компьютера школы будут попадать в карантин. Принимайте, только если школа по телефону подтвердит, что сменила компьютер, и продиктует новый отпечаток.';
  }
  if (r.reason_code === 'key_taken') return `${file} Он подписан ключом, который уже закреплён за другой школой.`;
  return `${file} Отправитель ${who} этой программе ещё не знаком. Сверьте отпечаток с отправителем по телефону и только тогда принимайте.`;
}

/** «25.11.2026 в 10:00» in the computer's time zone, as the other screens say a moment. */
function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'в неизвестное время';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} в ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The first group of a fingerprint as a person types it: «bb14», «BB 14» — four letters and digits. */
function sameStart(typed: string | undefined, fingerprint: string): boolean {
  const t = (typed ?? '').replace(/\s+/g, '').toUpperCase();
  return t.length >= 4 && displayFingerprint(fingerprint).replace(/\s+/g, '').startsWith(t);
}

function pendingItem(ctx: ExchangeContext, id: string) {
  const q = ctx.raw.prepare("SELECT * FROM exchange_quarantine WHERE id = ? AND status = 'pending'").get(id) as
    | { id: string; stored_path: string; file_name: string; issuer_id: string; issuer_name: string; issuer_role: string; sign_public: string; encrypt_public: string; fingerprint: string }
    | undefined;
  if (!q) throw new AppError('not_found', 'Файл в карантине не найден или решение по нему уже принято.');
  return q;
}

/**
 * School side: a municipality key is never taken from the quarantine. Whoever signed a file there — another
 * municipality, or an attacker with a key of their own — would receive every later export of the school.
 */
export const SCHOOL_KEY_FROM_QUARANTINE = 'Ключ управления образования из карантина не принимается: так любой, кто подложит файл, ' +
  'стал бы получателем данных школы. Ключ меняется только файлом смены ключа, подписанным прежним ключом управления, ' +
  'или повторным подключением по новому файлу подключения со сверкой отпечатков (страница «Обмен»). Этот файл можно только отклонить.';

const ROLLBACK = Symbol('accept rolled back');

/**
 * Municipality: a person compared the fingerprint and accepts the school's key. The pin and the import are
 * one transaction: if the file is refused, the key is not kept either, and the file stays in the quarantine.
 */
export function acceptQuarantined(ctx: ExchangeContext, id: string, fingerprintStart: string | undefined): ImportOutcome {
  const q = pendingItem(ctx, id);
  if (getRole(ctx) !== 'municipality') throw new AppError('municipality_key_pinned', SCHOOL_KEY_FROM_QUARANTINE);
  // One click must not hand a school's channel to another computer: the person types what the school dictated.
  if (!sameStart(fingerprintStart, q.fingerprint)) {
    throw new AppError('fingerprint_mismatch', 'Введите первую группу отпечатка нового ключа (4 знака), которую продиктовал отправитель: она не совпала или не введена. Ключ не принят, файл остаётся в карантине.', { fingerprintStart: 'Первая группа отпечатка не совпала' });
  }
  const holder = keyHolder(ctx.raw, q.fingerprint, q.issuer_id);
  if (holder) throw new AppError('key_taken', keyTakenWarning(holder.name));
  const bytes = readFileSync(q.stored_path);
  const c = openContainer(bytes); // re-verified: the stored copy must still be the signed file
  if (c.manifest.issuer.fingerprint !== q.fingerprint) throw new BundleError('tampered');
  const now = ctx.now().toISOString();
  let out: ImportOutcome | null = null;
  // The import below runs inside this transaction, where no copy can be made: the copy is made here.
  importBackup(ctx.raw, ctx.now());
  try {
    ctx.raw.transaction(() => {
      ctx.raw.prepare(`INSERT INTO municipality_school (id, name, status, sign_public, encrypt_public, fingerprint, secret_hash, created_at, enrolled_at)
        VALUES (?, ?, 'enrolled', ?, ?, ?, NULL, ?, ?)
        ON CONFLICT (id) DO UPDATE SET status = 'enrolled', sign_public = excluded.sign_public, encrypt_public = excluded.encrypt_public,
          fingerprint = excluded.fingerprint, secret_hash = NULL, enrolled_at = excluded.enrolled_at`)
        .run(q.issuer_id, q.issuer_name || 'Школа без названия', q.sign_public, q.encrypt_public, q.fingerprint, now, now);
      ctx.raw.prepare("UPDATE exchange_quarantine SET status = 'accepted', decided_at = ? WHERE id = ?").run(now, id);
      out = importBundle(ctx, { fileName: q.file_name, bytes });
      if (out.status !== 'accepted') throw ROLLBACK;
    }).immediate();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
    logImport(ctx, out!, c); // the attempt stays in the history, outside the rolled-back transaction
  }
  if (out!.status === 'accepted') rmSync(q.stored_path, { force: true });
  return out!;
}

export function refuseQuarantined(ctx: ExchangeContext, id: string): void {
  const q = pendingItem(ctx, id);
  ctx.raw.prepare("UPDATE exchange_quarantine SET status = 'refused', decided_at = ? WHERE id = ?").run(ctx.now().toISOString(), id);
  rmSync(q.stored_path, { force: true });
}

