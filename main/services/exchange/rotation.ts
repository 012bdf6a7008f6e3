/**
 * Municipality key rotation (a new computer, a key feared copied). The municipality makes new key pairs and,
 * for every enrolled school, a rotation file signed by the key the school has pinned now; the school imports
 * it like any plan file and pins the new keys. This, or a deliberate re-enrollment, is the only way a school's
 * municipality key changes — never a file from the quarantine.
 */
import { z } from 'zod';
import { LATEST_VERSION } from '../../../db/migrations/index.js';
import { AppError } from '../core/errors.js';
import { setMeta } from '../core/clock.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { buildContainer, parseJsonSafe } from './container.js';
import { fingerprint, newKeyPairs, sha256, displayFingerprint } from '../core/crypto.js';
import { ensureIdentity, replaceKeys, recordExported, currentSeq, seqKey, type ExchangeContext } from './keys.js';
import { writeBundleFile, APP_VERSION } from './export.js';
import { BundleError } from './reasons.js';
import { schoolFileLabel } from '../../../common/school-name.js';

/** Named like a data part, so the container's fixed list of entry names needs no change. */
export const ROTATION_ENTRY = 'data/key_rotation.json';

const rotationSchema = z.strictObject({ signKey: z.string().max(200), encryptKey: z.string().max(200), fingerprint: z.string().max(200) });
export type Rotation = z.infer<typeof rotationSchema>;

/** School side: the new keys announced in a rotation entry, checked to be self-consistent. */
export function parseRotation(data: Buffer): Rotation {
  const p = rotationSchema.safeParse(parseJsonSafe(data));
  if (!p.success || fingerprint(p.data.signKey) !== p.data.fingerprint) throw new BundleError('bad_record', 'файл смены ключа');
  return p.data;
}

export function applyRotation(ctx: ExchangeContext, r: Rotation) {
  setMeta(ctx.raw, 'municipality_sign_public', r.signKey);
  setMeta(ctx.raw, 'municipality_encrypt_public', r.encryptKey);
}

export interface RotationResult {
  fingerprintDisplay: string;
  written: { path: string; recipientName: string; sequence: number }[];
}

/**
 * Municipality: new keys, and a rotation file per enrolled school into `dir`, each signed by the old key.
 * The files are written before the keys are replaced, so a failed write leaves the old keys in force.
 */
export function rotateMunicipalityKey(ctx: ExchangeContext, dir: string): RotationResult {
  const muni = requireMunicipality(ctx);
  const schools = ctx.raw.prepare("SELECT id, name, short_name, encrypt_public FROM municipality_school WHERE status = 'enrolled' AND encrypt_public IS NOT NULL ORDER BY name, id")
    .all() as { id: string; name: string; short_name: string | null; encrypt_public: string }[];
  if (!schools.length) throw new AppError('no_schools', 'Нет подключённых школ: сообщать о смене ключа некому.');
  const old = ensureIdentity(ctx);
  const next = newKeyPairs();
  const entry: Rotation = { signKey: next.signPublic, encryptKey: next.encryptPublic, fingerprint: fingerprint(next.signPublic) };
  return ctx.raw.transaction(() => {
    const written: RotationResult['written'] = [];
    let seq = currentSeq(ctx.raw, old.origin);
    for (const s of schools) {
      seq += 1;
      setMeta(ctx.raw, seqKey(old.origin), String(seq));
      const bytes = buildContainer({
        kind: 'municipality-plan',
        issuer: { id: old.ownerId, name: muni.name, role: 'municipality', origin: old.origin, signKey: old.keys.signPublic, encryptKey: old.keys.encryptPublic, fingerprint: old.fingerprint },
        recipient: { id: s.id, name: s.name }, sequence: seq, createdAt: ctx.now().toISOString(), appVersion: APP_VERSION,
        schemaVersion: LATEST_VERSION, counts: {}, enrollmentProof: false, acks: [],
      }, [{ name: ROTATION_ENTRY, data: Buffer.from(JSON.stringify(entry), 'utf8') }], old.keys.signPrivate, s.encrypt_public);
      const path = writeBundleFile(dir, `Смена ключа для ${schoolFileLabel(s.name, s.short_name)} №${seq}.opora`, bytes);
      ctx.raw.prepare('INSERT INTO exchange_export (at, path, sha256, size, recipient_id, origin, seq, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(ctx.now().toISOString(), path, sha256(bytes), bytes.length, s.id, old.origin, seq, '{}');
      written.push({ path, recipientName: s.name, sequence: seq });
    }
    replaceKeys(ctx, next);
    recordExported(ctx, old.origin, seq);
    return { fingerprintDisplay: displayFingerprint(entry.fingerprint), written };
  }).immediate();
}
