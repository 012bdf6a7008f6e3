/**
 * Export: a full snapshot of what the sender owns (records, tombstones, attached files) as one signed
 * bundle, encrypted for the recipient when its key is known, written to a folder the user picks.
 *
 * Writing goes to a hidden temporary file, is flushed to the device, renamed, then read back and verified;
 * only then is the bundle reported as written. A drive pulled out mid-write leaves at most a "*.part" file,
 * which no import picks up and which would be refused as truncated anyway.
 */
import { randomBytes } from 'node:crypto';
import { assertDatabaseSound } from '../core/db-errors.js';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/errors.js';
import { getMeta, setMeta } from '../core/clock.js';
import { getRole, getSchoolProfile } from '../core/school-profile.js';
import { requireMunicipality, getSchool } from '../core/municipality-profile.js';
import { readAttachmentBytes } from '../core/attachment-path.js';
import { buildContainer, openContainer, type EntryInput, type ManifestHead, type BundleKind } from './container.js';
import { sha256, invitationKey } from '../core/crypto.js';
import { megabytes } from './reasons.js';
import { assertSendable } from './limits.js';
import { ensureIdentity, recordExported, currentSeq, seqKey, type ExchangeContext, type Identity } from './keys.js';
import { upTables, downTables, exportedColumns } from './tables.js';
import { audienceSql } from './audience.js';
import { assertNoPupilMentions } from './outgoing-check.js';
import { recordSentTexts, type PassedTexts } from './sent-texts.js';
import { safeFileName } from '../../../common/file-names.js';
import { APP_VERSION, RECEIPTS_SCHEMA, schemaNeeded, shapeFor, type TableRows } from './versions.js';
import { receiptsFor } from './receipts.js';
import { schoolFileLabel } from '../../../common/school-name.js';
import { formatDate } from '../../../common/format.js';

export interface BuiltBundle {
  fileName: string;
  bytes: Buffer;
  sha256: string;
  sequence: number;
  origin: string;
  kind: BundleKind;
  recipientId: string | null;
  recipientName: string;
  encrypted: boolean;
  counts: Record<string, number>;
}

export interface WrittenBundle extends Omit<BuiltBundle, 'bytes'> {
  path: string;
  size: number;
}

export { APP_VERSION };

/** Rows of one table as {table, columns, rows} with each row's version vector when it has more than one entry. */
export function tableEntry(raw: BetterSqlite3.Database, table: string, where: string, params: unknown[] | Record<string, unknown>): { entry: EntryInput; count: number } {
  return entryOf(tableRows(raw, table, where, params));
}

/** One table's exported columns and rows ('_vv' last), read before the file is shaped for its reader. */
export function tableRows(raw: BetterSqlite3.Database, table: string, where: string, params: unknown[] | Record<string, unknown>): TableRows {
  const cols = exportedColumns(table);
  const rows = raw
    .prepare(`SELECT ${cols.map((c) => 't.' + c).join(', ')}, v.vv FROM ${table} t LEFT JOIN sync_version v ON v.tbl = '${table}' AND v.id = t.id WHERE ${where} ORDER BY t.id`)
    .raw()
    .all(...(Array.isArray(params) ? params : [params])) as unknown[][];
  const last = cols.length;
  for (const r of rows) {
    const vv = r[last] ? (JSON.parse(r[last] as string) as Record<string, string>) : null;
    // A vector of one entry is the implicit one ({origin: hlc}); it does not travel.
    r[last] = vv && Object.keys(vv).length > 1 ? vv : null;
  }
  return { table, columns: [...cols, '_vv'], rows };
}

function entryOf(t: TableRows): { entry: EntryInput; count: number } {
  const data = Buffer.from(JSON.stringify({ table: t.table, columns: t.columns, rows: t.rows }), 'utf8');
  return { entry: { name: `data/${t.table}.json`, data }, count: t.rows.length };
}

/** The data entries of a file shaped for the oldest app that can read them all, and that schema. */
function shapedEntries(tables: TableRows[], floor: number): { entries: EntryInput[]; counts: Record<string, number>; schema: number } {
  const schema = Math.max(schemaNeeded(tables), floor);
  const entries: EntryInput[] = [];
  const counts: Record<string, number> = {};
  for (const t of shapeFor(tables, schema)) {
    const { entry, count } = entryOf(t);
    entries.push(entry);
    counts[t.table] = count;
  }
  return { entries, counts, schema };
}

function reserveSequence(ctx: ExchangeContext, id: Identity): number {
  const seq = currentSeq(ctx.raw, id.origin) + 1;
  // Burnt before writing: a number is never used for two different files, even if a write fails half-way.
  setMeta(ctx.raw, seqKey(id.origin), String(seq));
  return seq;
}

const UNCOMPRESSIBLE = /^(image|video|audio)\/|pdf|zip|compressed|rar|7z|gzip/;

function schoolFiles(ctx: ExchangeContext, owner: string): EntryInput[] {
  // Only the files the school passed on to the department (share): the others' records travel, their bytes stay.
  const rows = ctx.raw.prepare('SELECT id, mime, sha256 FROM attachment WHERE owner = ? AND deleted_at IS NULL AND share = 1 ORDER BY id').all(owner) as { id: string; mime: string; sha256: string }[];
  const out: EntryInput[] = [];
  for (const r of rows) {
    const data = readAttachmentBytes(ctx, 'attachment', r.id);
    if (!data) continue;
    if (sha256(data) !== r.sha256) continue; // damaged on disk: the record travels, the file does not
    out.push({ name: `files/${r.id}`, data, compress: !UNCOMPRESSIBLE.test(r.mime) });
  }
  return out;
}

function day(d: Date) {
  return d.toISOString().slice(0, 10);
}

/** What each school file's check passed (not a field of the bundle: the bundle goes to the screen). */
const passedTexts = new WeakMap<BuiltBundle, PassedTexts>();

/** The school's snapshot for its municipality. */
export function buildSchoolBundle(ctx: ExchangeContext): BuiltBundle {
  if (getRole(ctx) !== 'school') throw new AppError('not_school', 'Выгрузка для муниципалитета делается из рабочего места школы.');
  return ctx.raw.transaction(() => {
    const id = ensureIdentity(ctx);
    // Before anything is built or a sequence number burnt: no pupil's name or birth date in free text.
    const passed = assertNoPupilMentions(ctx, id.ownerId);
    const profile = getSchoolProfile(ctx);
    const schoolName = String(profile?.short_name || profile?.name || '');
    const label = schoolFileLabel(String(profile?.name ?? ''), String(profile?.short_name ?? ''));
    const muniId = getMeta(ctx.raw, 'municipality_id') ?? null;
    const muniName = getMeta(ctx.raw, 'municipality_name') ?? '';
    const muniKey = getMeta(ctx.raw, 'municipality_encrypt_public') ?? null;
    const { entries, counts, schema } = shapedEntries(upTables().map((t) => tableRows(ctx.raw, t, 't.owner = ?', [id.ownerId])), 0);
    entries.push(...schoolFiles(ctx, id.ownerId));
    // Before a number is burnt: a file the department would refuse is not written at all.
    assertSendable(ctx.raw, id.ownerId, entries, Object.values(counts).reduce((a, n) => a + n, 0));
    const secret = getMeta(ctx.raw, 'enrollment_secret');
    const proof = !!(secret && muniId && muniKey);
    if (proof) entries.push({ name: 'enrollment.json', data: Buffer.from(JSON.stringify({ schoolId: id.ownerId, secret }), 'utf8') });
    const sequence = reserveSequence(ctx, id);
    const head: ManifestHead = {
      kind: 'school-data',
      issuer: { id: id.ownerId, name: schoolName, role: 'school', origin: id.origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
      recipient: muniId ? { id: muniId, name: muniName } : null,
      sequence,
      createdAt: ctx.now().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: schema,
      counts,
      enrollmentProof: proof,
      acks: [],
    };
    const bytes = buildContainer(head, entries, id.keys.signPrivate, muniKey);
    const built: BuiltBundle = {
      fileName: `Опора ${label} ${formatDate(day(ctx.now()))} №${sequence}.opora`,
      bytes, sha256: sha256(bytes), sequence, origin: id.origin, kind: 'school-data' as const,
      recipientId: muniId, recipientName: muniName, encrypted: !!muniKey, counts,
    };
    passedTexts.set(built, passed);
    return built;
  }).immediate();
}


/** The municipality's bundle for one enrolled school: roadmap, classification, curator comments, acks. */
export function buildMunicipalityBundle(ctx: ExchangeContext, schoolId: string): BuiltBundle {
  const muni = requireMunicipality(ctx);
  return ctx.raw.transaction(() => {
    const school = getSchool(ctx, schoolId);
    if (!school) throw new AppError('not_found', 'Школа не найдена в списке муниципалитета.');
    if (school.status === 'blocked') {
      throw new AppError('not_enrolled', `Обмен со школой «${school.name}» приостановлен: выгрузка для неё невозможна, пока её ключ не проверен.`);
    }
    // A school that has not sent its first file yet has no known key: its plan is sealed with the key of its
    // enrollment secret (crypto.ts invitationKey), which only that school can make — never written in the clear.
    if (school.status !== 'enrolled' && !school.secret_hash) {
      throw new AppError('not_enrolled', `Школе «${school.name}» ещё не выдан файл подключения: прочитать план сможет только она, поэтому сначала выдайте ей файл подключения («Подключение школ»).`);
    }
    const encryptTo = school.status === 'enrolled' ? school.encrypt_public : invitationKey(school.secret_hash!).publicKey;
    if (school.status === 'enrolled' && !encryptTo) {
      throw new AppError('not_enrolled', `Ключ школы «${school.name}» неизвестен: выгрузка для неё невозможна. Примите её файл обмена ещё раз.`);
    }
    const id = ensureIdentity(ctx);
    const { entries, counts, schema, receipts } = municipalityTables(ctx, id.ownerId, schoolId);
    const acks = ctx.raw.prepare('SELECT origin, last_seq AS seq FROM exchange_origin_seq WHERE issuer_id = ? ORDER BY origin').all(schoolId) as { origin: string; seq: number }[];
    const sequence = reserveSequence(ctx, id);
    const head: ManifestHead = {
      kind: 'municipality-plan',
      issuer: { id: id.ownerId, name: muni.name, role: 'municipality', origin: id.origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
      recipient: { id: schoolId, name: school.name },
      sequence,
      createdAt: ctx.now().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: schema,
      counts,
      enrollmentProof: false,
      acks,
      ...(receipts.length ? { receipts } : {}),
    };
    const bytes = buildContainer(head, entries, id.keys.signPrivate, encryptTo);
    return {
      fileName: `Опора для ${schoolFileLabel(school.name, school.short_name)} ${formatDate(day(ctx.now()))} №${sequence}.opora`,
      bytes, sha256: sha256(bytes), sequence, origin: id.origin, kind: 'municipality-plan' as const,
      recipientId: schoolId, recipientName: school.name, encrypted: !!encryptTo, counts,
    };
  }).immediate();
}

/**
 * What the department's file for one school holds, shaped for the oldest app that can keep it all. Receipts go
 * only to a school whose app reads them (its last file says which): an older app would refuse the whole file.
 */
export function municipalityTables(ctx: ExchangeContext, owner: string, schoolId: string) {
  const tables = downTables().map((t) => {
    const audience = audienceSql(t, 't');
    return tableRows(ctx.raw, t, `t.owner = @owner${audience ? ` AND ${audience}` : ''}`, { owner, school: schoolId });
  });
  const reads = ctx.raw.prepare('SELECT reads_schema FROM municipality_school WHERE id = ?').pluck().get(schoolId) as number | null | undefined;
  const receipts = (reads ?? 0) >= RECEIPTS_SCHEMA ? receiptsFor(ctx, schoolId) : [];
  return { ...shapedEntries(tables, receipts.length ? RECEIPTS_SCHEMA : 0), receipts };
}

/** Write → flush → rename → read back → verify. Returns the final path. */
export function writeBundleFile(dir: string, fileName: string, bytes: Buffer): string {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const stem = fileName.replace(/\.opora$/, '');
  let final = join(dir, fileName);
  for (let i = 2; existsSync(final); i++) final = join(dir, `${stem} (${i}).opora`);
  const tmp = join(dir, `.${stem}.${randomBytes(4).toString('hex')}.part`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, final);
    try {
      const dfd = openSync(dir, 'r');
      fsyncSync(dfd);
      closeSync(dfd);
    } catch {
      /* directories cannot be opened for fsync on Windows */
    }
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing was created */
    }
    throw new AppError('write_failed', writeFailure(dir, bytes.length, e));
  }
  let back: Buffer;
  try {
    back = readFileSync(final);
  } catch {
    throw new AppError('verify_failed', 'Файл записан, но прочитать его обратно не удалось. Не извлекайте носитель и повторите выгрузку.');
  }
  try {
    if (!back.equals(bytes)) throw new Error('differs');
    openContainer(back);
  } catch {
    rmSync(final, { force: true });
    throw new AppError('verify_failed', 'Записанный файл не совпал с выгруженными данными (носитель неисправен или извлечён). Файл удалён; повторите выгрузку.');
  }
  return final;
}

/** Why a file could not be written, in words a person can act on — never the system's English code. */
export function writeFailure(dir: string, size: number, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return `На флешке (в папке «${dir}») закончилось место: файлу нужно ${megabytes(size)}. Освободите место или возьмите другую флешку и выгрузите снова.`;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return `В папку «${dir}» нельзя записывать: флешка или папка защищены от записи. Снимите защиту или выберите другую папку.`;
  if (code === 'EFBIG') return `Файловая система флешки не принимает такие большие файлы (${megabytes(size)}). Возьмите флешку, отформатированную в exFAT или NTFS, или уменьшите файл.`;
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') return `Не удалось записать файл в папку «${dir}»: носитель извлечён или неисправен. Вставьте его снова и повторите выгрузку.`;
  return `Не удалось записать файл в папку «${dir}». Проверьте, что носитель вставлен и на нём есть место, и повторите выгрузку.`;
}

function logExport(ctx: ExchangeContext, b: BuiltBundle, path: string) {
  ctx.raw.prepare('INSERT INTO exchange_export (at, path, sha256, size, recipient_id, origin, seq, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.now().toISOString(), path, b.sha256, b.bytes.length, b.recipientId ?? '', b.origin, b.sequence, JSON.stringify(b.counts));
  recordExported(ctx, b.origin, b.sequence);
  // The school's next review lists what changed after this file (review.ts).
  if (b.kind === 'school-data') recordSentTexts(ctx, getMeta(ctx.raw, 'owner_id') ?? '', passedTexts.get(b));
}

/** The bundles this workspace would send: one for a school; one per enrolled school (or the one asked for) for a municipality. */
export function buildBundles(ctx: ExchangeContext, opts: { forSchool?: string } = {}): BuiltBundle[] {
  assertDatabaseSound(ctx.raw); // a damaged file is never sent on: its damage would spread to the recipient
  const role = getRole(ctx);
  if (role === 'school') return [buildSchoolBundle(ctx)];
  if (role === 'municipality') {
    const target = opts.forSchool ?? 'all';
    if (target !== 'all') return [buildMunicipalityBundle(ctx, target)];
    // Every school that can read its plan: enrolled ones, and those that were given an enrollment file and have not sent a file yet.
    const ids = ctx.raw.prepare(`SELECT id FROM municipality_school WHERE (status = 'enrolled' AND encrypt_public IS NOT NULL)
      OR (status = 'invited' AND secret_hash IS NOT NULL) ORDER BY name, id`).pluck().all() as string[];
    if (!ids.length) throw new AppError('no_schools', 'Нет школ, которым выдан файл подключения: выгружать пока некому. Выдайте школе файл подключения на вкладке «Подключение школ».');
    return ids.map((sid) => buildMunicipalityBundle(ctx, sid));
  }
  throw new AppError('not_initialised', 'Рабочее место ещё не создано. Сначала выполните первичную настройку.');
}

export function exportToFolder(ctx: ExchangeContext, dir: string, opts: { forSchool?: string } = {}): WrittenBundle[] {
  const out: WrittenBundle[] = [];
  for (const b of buildBundles(ctx, opts)) {
    const path = writeBundleFile(dir, b.fileName, b.bytes);
    logExport(ctx, b, path);
    const { bytes, ...rest } = b;
    out.push({ ...rest, path, size: bytes.length });
  }
  return out;
}

/** Browser mode: the bundle bytes come back to be downloaded; logged the same way. */
export function exportForDownload(ctx: ExchangeContext, opts: { forSchool?: string } = {}): BuiltBundle[] {
  const built = buildBundles(ctx, opts);
  for (const b of built) logExport(ctx, b, `(загрузка в браузере) ${b.fileName}`);
  return built;
}
