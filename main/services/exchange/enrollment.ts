/**
 * Enrollment without a phone call. The municipality makes a signed enrollment file per school: the school's
 * id and name, the municipality's keys, and a one-time secret (the municipality keeps only its hash). The
 * school opens it once (at first run or later) and pins the municipality's keys. Its first bundle carries
 * the secret inside the encrypted payload, so the municipality pins the school's key automatically.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { entitySchemas, type Row, type ExchangeEnrollmentInfo, type ExchangeState } from '../../../preload/contract/index.js';
import { AppError } from '../core/errors.js';
import { getMeta, setMeta } from '../core/clock.js';
import { createSchool, getRole, getSchoolProfile } from '../core/school-profile.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { allTables } from '../../../db/registry/index.js';
import { LATEST_VERSION } from '../../../db/migrations/index.js';
import { buildContainer, openContainer, unpackEntries, parseJsonSafe, UUID_RE } from './container.js';
import { sha256, displayFingerprint, fingerprint, hashSecret } from '../core/crypto.js';
import { ensureIdentity, type ExchangeContext } from './keys.js';
import { BundleError } from './reasons.js';
import { APP_VERSION } from './export.js';
import { newEnrollmentCode, sealSecret, openSealed, sealedSchema, MAX_CODE_ATTEMPTS, type Sealed } from './enrollment-code.js';
import { schoolFileLabel } from '../../../common/school-name.js';

const enrollmentSchema = z.object({
  schoolId: z.string().regex(UUID_RE),
  schoolName: z.string().min(1).max(500),
  municipalityId: z.string().regex(UUID_RE),
  municipalityName: z.string().max(500),
  /** The one-time secret, sealed with the enrollment code that travels apart from the file. */
  sealed: sealedSchema,
}).strict();

const SECRET_RE = /^[A-Za-z0-9+/]{43}=$/;

export interface EnrollmentFile {
  schoolId: string;
  /** The enrollment code (10 characters): shown and printed at the municipality, typed at the school. */
  code: string;
  schoolName: string;
  fileName: string;
  bytes: Buffer;
}

export { hashSecret };

function writeEnrollment(ctx: ExchangeContext, schoolId: string, schoolName: string, shortName: string | null = null): EnrollmentFile {
  const muni = requireMunicipality(ctx);
  const id = ensureIdentity(ctx);
  const secret = randomBytes(32).toString('base64');
  const code = newEnrollmentCode();
  ctx.raw.prepare('UPDATE municipality_school SET secret_hash = ? WHERE id = ?').run(hashSecret(secret), schoolId);
  const payload = { schoolId, schoolName, municipalityId: muni.id, municipalityName: muni.name, sealed: sealSecret(secret, code) };
  const bytes = buildContainer({
    kind: 'enrollment',
    issuer: { id: muni.id, name: muni.name, role: 'municipality', origin: id.origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
    recipient: { id: schoolId, name: schoolName },
    sequence: 0,
    createdAt: ctx.now().toISOString(),
    appVersion: APP_VERSION,
    schemaVersion: LATEST_VERSION,
    counts: {},
    enrollmentProof: false,
    acks: [],
  }, [{ name: 'enrollment.json', data: Buffer.from(JSON.stringify(payload), 'utf8') }], id.keys.signPrivate, null);
  return { schoolId, code, schoolName, fileName: `Подключение ${schoolFileLabel(schoolName, shortName)}.opora-enroll`, bytes };
}

/** Municipality: adds a school to the roster and makes its enrollment file. */
export function enrollSchool(ctx: ExchangeContext, name: string): EnrollmentFile {
  const clean = name.trim();
  if (!clean) throw new AppError('invalid_input', 'Укажите наименование школы.');
  if (clean.length > 500) throw new AppError('invalid_input', 'Наименование школы длиннее 500 символов — сократите его.');
  return ctx.raw.transaction(() => {
    requireMunicipality(ctx);
    const schoolId = randomUUID();
    ctx.raw.prepare("INSERT INTO municipality_school (id, name, status, created_at) VALUES (?, ?, 'invited', ?)").run(schoolId, clean, ctx.now().toISOString());
    return writeEnrollment(ctx, schoolId, clean);
  }).immediate();
}

/** Municipality: a fresh enrollment file for a school already on the roster (lost file, new computer). */
export function reissueEnrollment(ctx: ExchangeContext, schoolId: string): EnrollmentFile {
  return ctx.raw.transaction(() => {
    const row = ctx.raw.prepare('SELECT name, short_name, status FROM municipality_school WHERE id = ?').get(schoolId) as { name: string; short_name: string | null; status: string } | undefined;
    if (!row) throw new AppError('not_found', 'Школа не найдена в списке муниципалитета.');
    return writeEnrollment(ctx, schoolId, row.name, row.short_name);
  }).immediate();
}

/** What an enrollment file says about itself (the contract's type). */
export type EnrollmentInfo = ExchangeEnrollmentInfo;

/** Reads and checks an enrollment file without changing anything (the secret stays sealed). */
export function readEnrollment(bytes: Buffer): EnrollmentInfo & { sealed: Sealed; signKey: string; encryptKey: string; sha256: string } {
  const c = openContainer(bytes);
  const m = c.manifest;
  if (m.kind !== 'enrollment') throw new AppError('not_enrollment', 'Это не файл подключения к муниципалитету. Файлы обмена загружаются на странице «Обмен».');
  const entries = unpackEntries(c, null);
  const e = entries.get('enrollment.json');
  if (!e || entries.size !== 1) throw new BundleError('missing_entry');
  const parsed = enrollmentSchema.safeParse(parseJsonSafe(e));
  if (!parsed.success) throw new BundleError('bad_record', 'файл подключения');
  const p = parsed.data;
  if (m.issuer.role !== 'municipality' || m.issuer.id !== p.municipalityId || m.recipient?.id !== p.schoolId) throw new BundleError('bad_manifest');
  return {
    ...p, fingerprint: m.issuer.fingerprint, fingerprintDisplay: displayFingerprint(m.issuer.fingerprint),
    signKey: m.issuer.signKey, encryptKey: m.issuer.encryptKey, sha256: c.sha256,
  };
}

/**
 * The secret of an enrollment file, unsealed with the code the person typed. Wrong codes are counted in this
 * workspace (outside any transaction, so a refusal does not undo the count); after MAX_CODE_ATTEMPTS the file
 * is refused for good and the municipality issues a new one.
 */
export function unsealEnrollment(ctx: ExchangeContext, info: { sealed: Sealed; sha256: string }, code: string): string {
  const key = `enrollment_attempts.${info.sha256}` as const;
  const tries = Number(getMeta(ctx.raw, key) ?? '0');
  if (tries >= MAX_CODE_ATTEMPTS) {
    throw new AppError('enrollment_locked', `По этому файлу подключения уже ${MAX_CODE_ATTEMPTS} раз введён неверный код. Файл больше не принимается: ` +
      'попросите управление образования выпустить новый файл подключения с новым кодом.');
  }
  const secret = openSealed(info.sealed, code);
  if (secret && SECRET_RE.test(secret)) return secret;
  setMeta(ctx.raw, key, String(tries + 1));
  const left = MAX_CODE_ATTEMPTS - tries - 1;
  throw new AppError('wrong_code', left > 0
    ? `Код подключения неверен. Введите 10 знаков кода, полученного от управления образования (латинские буквы и цифры; 0, O, 1, I и L в коде не бывает). Осталось попыток: ${left}.`
    : 'Код подключения неверен, попытки исчерпаны. Попросите управление образования выпустить новый файл подключения с новым кодом.');
}

/**
 * School: opens an enrollment file. On an empty database it creates the school under the id the
 * municipality gave; on an existing school it adopts that id (records keep their history) and pins the keys.
 */
export function openEnrollment(ctx: ExchangeContext, bytes: Buffer, code: string, profile?: Partial<Record<string, unknown>>): { school: Row; enrollment: EnrollmentInfo } {
  const info = readEnrollment(bytes);
  if (getRole(ctx) === 'municipality') throw new AppError('wrong_role', 'Файл подключения открывается в рабочем месте школы, а это рабочее место муниципалитета.');
  const secret = unsealEnrollment(ctx, info, code);
  return applyEnrollment(ctx, info, secret, { profile, replaceKey: false });
}

/** The municipality this school has pinned, as the re-enrollment screen shows it beside the file's. */
export function pinnedMunicipality(ctx: ExchangeContext): { municipalityName: string; fingerprintDisplay: string } | null {
  const key = getMeta(ctx.raw, 'municipality_sign_public');
  return key ? { municipalityName: getMeta(ctx.raw, 'municipality_name') ?? '', fingerprintDisplay: displayFingerprint(fingerprint(key)) } : null;
}

/**
 * School: a fresh enrollment done deliberately — the only way, besides a rotation file signed by the pinned
 * key, to change the municipality key. The person has seen both fingerprints side by side and types the new
 * one's first group, so a file slipped in by someone else cannot re-point the school with one click.
 */
export function reEnroll(ctx: ExchangeContext, bytes: Buffer, code: string, typedGroup: string): { school: Row; enrollment: EnrollmentInfo } {
  const info = readEnrollment(bytes);
  if (getRole(ctx) !== 'school') throw new AppError('wrong_role', 'Повторное подключение выполняется в рабочем месте уже созданной школы.');
  const first = info.fingerprintDisplay.split(' ')[0]!;
  if (typedGroup.replace(/\s+/g, '').toUpperCase() !== first) {
    throw new AppError('fingerprint_not_confirmed', 'Введите первую группу нового отпечатка (четыре знака) так, как она показана рядом с файлом. Ключ управления образования не изменён.');
  }
  const secret = unsealEnrollment(ctx, info, code);
  return applyEnrollment(ctx, info, secret, { replaceKey: true });
}

function applyEnrollment(ctx: ExchangeContext, info: ReturnType<typeof readEnrollment>, secret: string,
  opts: { profile?: Partial<Record<string, unknown>>; replaceKey: boolean }): { school: Row; enrollment: EnrollmentInfo } {
  const role = getRole(ctx);
  return ctx.raw.transaction(() => {
    if (role === 'none') {
      const value = entitySchemas.school_profile.parse({ ...(opts.profile ?? {}), name: String(opts.profile?.name ?? info.schoolName) });
      createSchool(ctx, value, { schoolId: info.schoolId });
    } else {
      // A pinned municipality key is never replaced silently: a file from another municipality, or from this
      // one with a different key, could be a forgery that would redirect the school's data.
      const pinned = getMeta(ctx.raw, 'municipality_sign_public');
      if (pinned && pinned !== info.signKey && !opts.replaceKey) {
        throw new AppError('municipality_key_mismatch',
          `Школа уже подключена к муниципалитету «${getMeta(ctx.raw, 'municipality_name') ?? ''}», а этот файл подписан другим ключом («${info.municipalityName}»). ` +
          'Файл не принят. Если управление образования действительно сменило ключ, сверьте отпечаток с методистом по телефону и выполните «Повторное подключение» на странице «Обмен».');
      }
      const current = getMeta(ctx.raw, 'owner_id')!;
      if (current !== info.schoolId) {
        const alreadySent = getMeta(ctx.raw, 'municipality_id') && ctx.raw.prepare('SELECT COUNT(*) FROM exchange_export').pluck().get() as number > 0;
        if (alreadySent && getMeta(ctx.raw, 'municipality_id') === info.municipalityId) {
          throw new AppError('already_enrolled', 'Школа уже подключена к этому муниципалитету под другим идентификатором. Попросите муниципалитет выпустить файл подключения для вашей школы повторно.');
        }
        adoptOwnerId(ctx, current, info.schoolId);
      }
    }
    setMeta(ctx.raw, 'municipality_id', info.municipalityId);
    setMeta(ctx.raw, 'municipality_name', info.municipalityName);
    setMeta(ctx.raw, 'municipality_sign_public', info.signKey);
    setMeta(ctx.raw, 'municipality_encrypt_public', info.encryptKey);
    setMeta(ctx.raw, 'enrollment_secret', secret);
    ensureIdentity(ctx);
    const { sealed: _s, signKey: _k, encryptKey: _e, sha256: _h, ...pub } = info;
    return { school: getSchoolProfile(ctx)!, enrollment: pub };
  }).immediate();
}

/** The records of a school created before enrollment move to the id the municipality knows it by. */
function adoptOwnerId(ctx: ExchangeContext, from: string, to: string) {
  for (const { name } of allTables()) ctx.raw.prepare(`UPDATE ${name} SET owner = ? WHERE owner = ?`).run(to, from);
  ctx.raw.prepare('UPDATE school_profile SET id = ? WHERE id = ?').run(to, from);
  setMeta(ctx.raw, 'owner_id', to);
}

export function enrollmentState(ctx: ExchangeContext): NonNullable<ExchangeState['enrollment']> {
  const id = getMeta(ctx.raw, 'municipality_id') ?? null;
  return { enrolled: !!id, municipalityId: id, municipalityName: getMeta(ctx.raw, 'municipality_name') ?? '', pendingProof: !!getMeta(ctx.raw, 'enrollment_secret') };
}
