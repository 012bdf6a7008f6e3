/**
 * Import: every bundle is untrusted input until proven otherwise. The pipeline, each step a clear rejection:
 * container structure and limits → manifest → signature → recipient → pinned key (or enrollment proof, or
 * quarantine) → replay → decryption (tag first) → every entry's size and hash → every row against its
 * schema and its owner → merge in one transaction with deferred foreign keys → history. A dry run is the same
 * transaction rolled back, so it shows exactly what the real import would change.
 * (Slightly over 400 lines: the quarantine's storage stays here because it logs through this module's history
 * and quarantine.ts calls back into importBundle — moved out, the two would import each other.)
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { isSqliteCode, knownError } from '../core/db-errors.js';
import { getMeta, originId } from '../core/clock.js';
import { deleteMeta } from '../core/meta.js';
import { getRole } from '../core/school-profile.js';
import { attachmentPath, fileStoreDir, writeSealedFile } from '../core/attachment-path.js';
import { entriesOf, openContainer, openEntries, parseJsonSafe, UUID_RE, type EntryReader, type Manifest, type ManifestEntry, type OpenedContainer } from './container.js';
import { asBuffer, prereadTable, raise, readTable, type Preread } from './preread.js';
import { displayFingerprint, sha256 } from '../core/crypto.js';
import { ensureIdentity, currentSeq, decryptionKey, type ExchangeContext } from './keys.js';
import { rotateOrigin } from '../core/clock.js';
import { ROTATION_ENTRY, parseRotation, applyRotation, type Rotation } from './rotation.js';
import { BundleError, LIMITS, REASONS } from './reasons.js';
import { upTables, downTables, type IncomingTable } from './tables.js';
import { tableSpec, localColumns, fieldOf } from '../../../db/registry/index.js';
import { TableMerger, emptyCounts, type MergeCounts } from './merge.js';
import type { ExchangeImportResult, ExchangeQuarantineItem, ExchangeHistoryItem } from '../../../preload/contract/exchange.js';
import { hashSecret } from './enrollment.js';
import { incomingFileNameProblem, visibleFileName } from '../../../common/file-names.js';
import { holdSchoolRows, checkSchoolFiles } from './limits.js';
import { keyHolder, checkMarksAddressed, checkOwnReferences } from './trust.js';
import { importBackup } from '../backup/backup.js';
import { applyReceipts } from './receipts.js';
import { APP_VERSION, compareVersions, readerSchema } from './versions.js';

export type ImportStatus = 'accepted' | 'rejected' | 'quarantined';

/** What one bundle did; the same shape crosses the contract to the import screen. */
export type ImportOutcome = ExchangeImportResult;

type Trust =
  | { kind: 'trusted' }
  | { kind: 'enroll'; secretHash: string }
  | { kind: 'quarantine'; reason: QuarantineReason };

type QuarantineReason = 'unknown_sender' | 'key_change' | 'key_taken';

const ROLLBACK = Symbol('dry-run rollback');

function selfId(ctx: ExchangeContext): string {
  const id = getMeta(ctx.raw, 'owner_id');
  if (!id) throw new BundleError('not_initialised');
  return id;
}

function decideTrust(ctx: ExchangeContext, m: Manifest, role: 'school' | 'municipality'): Trust {
  if (role === 'municipality') {
    const s = ctx.raw.prepare('SELECT status, fingerprint, secret_hash FROM municipality_school WHERE id = ?').get(m.issuer.id) as
      | { status: string; fingerprint: string | null; secret_hash: string | null }
      | undefined;
    if (!s) return { kind: 'quarantine', reason: keyHolder(ctx.raw, m.issuer.fingerprint, m.issuer.id) ? 'key_taken' : 'unknown_sender' };
    if (s.status === 'blocked') throw new BundleError('blocked');
    if (s.status === 'enrolled' && s.fingerprint === m.issuer.fingerprint) return { kind: 'trusted' };
    // A key already pinned for another school is never pinned for this one, not even with a valid secret.
    if (keyHolder(ctx.raw, m.issuer.fingerprint, m.issuer.id)) return { kind: 'quarantine', reason: 'key_taken' };
    if (s.secret_hash && m.enrollmentProof && m.payload.encryption) return { kind: 'enroll', secretHash: s.secret_hash };
    return { kind: 'quarantine', reason: s.status === 'enrolled' ? 'key_change' : 'unknown_sender' };
  }
  const muniId = getMeta(ctx.raw, 'municipality_id');
  const muniKey = getMeta(ctx.raw, 'municipality_sign_public');
  if (muniId && muniId === m.issuer.id) {
    return muniKey === m.issuer.signKey ? { kind: 'trusted' } : { kind: 'quarantine', reason: 'key_change' };
  }
  return { kind: 'quarantine', reason: 'unknown_sender' };
}

const enrollmentProofSchema = z.object({ schoolId: z.string().regex(UUID_RE), secret: z.string().max(100) }).strict();

interface Prepared {
  tables: IncomingTable[];
  /** Attached files by id, inflated only when checked and again when written: never all in memory at once. */
  files: Map<string, ManifestEntry>;
  reader: EntryReader;
  /** Pin the sender's key in the merge transaction (enrollment proof verified). */
  pin: boolean;
  /** School: the municipality's new keys, announced in a file signed by the key pinned now. */
  rotation: Rotation | null;
}

/** Decrypts, unpacks and validates everything; touches nothing. (`pre`: the same steps, done ahead by a worker.) */
function prepare(ctx: ExchangeContext, c: OpenedContainer, role: 'school' | 'municipality', trust: Trust, pre?: Preread): Prepared {
  const m = c.manifest;
  // After a key rotation the municipality still opens files the schools encrypted for its previous key.
  const key = m.payload.encryption ? decryptionKey(ctx, m.payload.encryption.recipientKey) : null;
  if (m.payload.encryption && !key) throw new BundleError('decrypt_failed');
  if (pre?.decryptFailure) raise(pre.decryptFailure);
  const reader = pre?.plain ? entriesOf(m, asBuffer(pre.plain)) : openEntries(c, key);
  const allowed = role === 'municipality' ? upTables() : downTables();
  const self = selfId(ctx);
  const tables: IncomingTable[] = [];
  const files = new Map<string, ManifestEntry>();
  let pin = false;
  let rotation: Rotation | null = null;
  for (const e of reader.entries) {
    const name = e.name;
    if (name === ROTATION_ENTRY) {
      if (role !== 'school' || trust.kind !== 'trusted') throw new BundleError('bad_record', name);
      rotation = parseRotation(reader.read(e));
      continue;
    }
    if (name === 'enrollment.json') {
      if (role !== 'municipality') throw new BundleError('bad_record', name);
      const p = enrollmentProofSchema.safeParse(parseJsonSafe(reader.read(e)));
      if (!p.success) throw new BundleError('bad_record', name);
      if (trust.kind === 'enroll' && p.data.schoolId === m.issuer.id && hashSecret(p.data.secret) === trust.secretHash) pin = true;
      continue;
    }
    if (name.startsWith('files/')) {
      if (role !== 'municipality') throw new BundleError('bad_record', name);
      files.set(name.slice(6), e);
      continue;
    }
    const table = name.slice(5, -5);
    if (!allowed.includes(table)) throw new BundleError('bad_record', `таблица «${table}» не допускается в таком файле`);
    const t = prereadTable(pre, name) ?? readTable(reader, e, table, m);
    const col = tableSpec(table).perSchool;
    if (role === 'school' && col) {
      const i = t.columns.indexOf(col);
      if (i < 0 || t.rows.some((r) => r[i] !== self)) throw new BundleError('wrong_owner', table);
    }
    if (role === 'municipality') checkMarksAddressed(ctx.raw, m.issuer.id, t);
    tables.push(t);
  }
  for (const k of Object.keys(m.counts)) if (!tables.some((t) => t.table === k)) throw new BundleError('missing_entry', k);
  checkFiles(reader, files, tables.find((t) => t.table === 'attachment'));
  if (trust.kind === 'enroll' && !pin) throw new BundleError('unknown_sender');
  // Parents before children, so that nothing depends on the order of entries in the file.
  const order = allowed;
  tables.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
  return { tables, files, reader, pin, rotation };
}

/** Attached files must belong to live, shared attachment records of this very bundle (checked one file at a time). */
function checkFiles(reader: EntryReader, files: Map<string, ManifestEntry>, att: IncomingTable | undefined) {
  if (!files.size) return;
  const byId = new Map<string, { sha: string; size: number }>();
  if (att) {
    const [iId, iSha, iSize, iDel, iShare] = ['id', 'sha256', 'size', 'deleted_at', 'share'].map((c) => att.columns.indexOf(c));
    // A school on a version before «Передать в управление» sends every file without asking: its bundle is taken,
    // its files are not (the records arrive unshared, so nothing is kept that the school did not choose to pass on).
    if (iShare! < 0) {
      files.clear();
      return;
    }
    // Only a file the school passed on may come with its bytes: bytes for a record it did not share are refused.
    for (const r of att.rows) if (r[iDel!] === null && r[iShare!] === 1) byId.set(r[iId!] as string, { sha: r[iSha!] as string, size: r[iSize!] as number });
  }
  for (const [id, e] of files) {
    const a = byId.get(id);
    // The manifest's hash and size are compared first: a file no record asks for is never inflated.
    if (!a || a.sha !== e.sha256 || a.size !== e.size) throw new BundleError('tampered', `файл ${id}`);
    const data = reader.read(e);
    if (a.sha !== sha256(data) || a.size !== data.length) throw new BundleError('tampered', `файл ${id}`);
  }
}

export interface ImportOptions {
  fileName: string;
  bytes: Buffer;
  dryRun?: boolean;
  /** What a worker has already read, decrypted and checked of these very bytes (a batch import, preread-pool.ts). */
  pre?: Preread;
}

export function importBundle(ctx: ExchangeContext, opts: ImportOptions): ImportOutcome {
  const base: ImportOutcome = { file: visibleFileName(opts.fileName), status: 'rejected', dryRun: !!opts.dryRun };
  let c: OpenedContainer | null = null;
  try {
    const nameProblem = incomingFileNameProblem(opts.fileName);
    if (nameProblem) throw new AppError('bad_file_name', `${nameProblem} Файл не загружен.`);
    const role = getRole(ctx);
    if (role === 'none') throw new BundleError('not_initialised');
    c = openContainer(opts.bytes);
    const m = c.manifest;
    base.kind = m.kind;
    base.sequence = m.sequence;
    base.issuer = { id: m.issuer.id, name: m.issuer.name, fingerprint: m.issuer.fingerprint, fingerprintDisplay: displayFingerprint(m.issuer.fingerprint) };
    const wanted = role === 'municipality' ? 'school-data' : 'municipality-plan';
    if (m.kind === 'enrollment') throw new AppError('wrong_kind', role === 'school' ? 'Это файл подключения к муниципалитету: откройте его командой «Открыть файл подключения».' : 'Это файл подключения школы: его нужно передать школе, а не загружать сюда.');
    if (m.kind !== wanted || m.issuer.role !== (role === 'municipality' ? 'school' : 'municipality')) throw new BundleError('wrong_kind');
    const self = selfId(ctx);
    if (m.recipient && m.recipient.id !== self) throw new BundleError('wrong_recipient', m.recipient.name ? `получатель: ${m.recipient.name}` : undefined);
    if (!m.recipient && role === 'school') throw new BundleError('wrong_recipient');
    const trust = decideTrust(ctx, m, role);
    if (trust.kind === 'quarantine') return quarantine(ctx, opts, c, trust.reason, base);
    const outcome = (() => {
      try {
        return merge(ctx, opts, c, role, trust, base);
      } catch (e) {
        if (e instanceof BundleError && e.reason === 'unknown_sender' && trust.kind === 'enroll') return quarantine(ctx, opts, c!, 'unknown_sender', base);
        throw e;
      }
    })();
    return outcome;
  } catch (e) {
    const out: ImportOutcome = { ...base, status: 'rejected' };
    if (e instanceof AppError) {
      out.reasonCode = e.code;
      out.reason = e.message;
    } else if (isSqliteCode(e, 'SQLITE_CONSTRAINT_FOREIGNKEY')) {
      out.reasonCode = 'inconsistent';
      out.reason = REASONS.inconsistent;
    } else if (knownError(e)) {
      // The disk or the database, not the bundle: a full disk says so, in Russian, never SQLite's English.
      out.reasonCode = knownError(e)!.code;
      out.reason = knownError(e)!.message;
    } else {
      // Never a crash on a hostile file: an unexpected failure is a rejection too, and nothing was merged.
      out.reasonCode = 'internal';
      out.reason = 'Файл не удалось обработать; данные не изменены.';
    }
    if (!opts.dryRun) logImport(ctx, out, c);
    return out;
  }
}

function merge(ctx: ExchangeContext, opts: ImportOptions, c: OpenedContainer, role: 'school' | 'municipality', trust: Trust, base: ImportOutcome): ImportOutcome {
  const m = c.manifest;
  const seen = ctx.raw.prepare('SELECT last_seq, last_sha256 FROM exchange_origin_seq WHERE issuer_id = ? AND origin = ?').get(m.issuer.id, m.issuer.origin) as
    | { last_seq: number; last_sha256: string }
    | undefined;
  let repeated = false;
  if (seen) {
    if (m.sequence < seen.last_seq) throw new BundleError('replay', `№${m.sequence}, уже загружен №${seen.last_seq}`);
    if (m.sequence === seen.last_seq) {
      if (seen.last_sha256 !== c.sha256) throw new BundleError('sequence_clash', `№${m.sequence}`);
      repeated = true;
    }
  }
  // A stolen or buggy key must not push the number so far ahead that the sender's own next file is a "replay".
  const jump = m.sequence - (seen?.last_seq ?? 0);
  if (jump > LIMITS.sequenceJump) throw new BundleError('sequence_jump', `№${m.sequence}, последний загруженный №${seen?.last_seq ?? 0}`);
  const prep = prepare(ctx, c, role, trust, opts.pre);
  const total = emptyCounts();
  const byTable: Record<string, MergeCounts> = {};
  const now = ctx.now().toISOString();
  const newFiles: string[] = [];
  /** Files that existed before this import and were replaced: kept aside as "<path>.prev" until commit. */
  const replaced: string[] = [];
  let attachmentIds: Set<string> = new Set();
  const run = () => {
    let inserted = 0;
    /** Ids each table's merge wrote: only they can have gained a reference. */
    const written = new Map<string, Set<string>>();
    const fresh = new Map<string, Set<string>>();
    ctx.raw.pragma('defer_foreign_keys = ON');
    if (prep.pin) pinSchool(ctx, m);
    for (const t of prep.tables) {
      // Personal and local columns never travel; the merged row holds them empty.
      const fill = Object.fromEntries(localColumns(t.table).map((c) => [c, fieldOf(t.table, c)!.kind === 'text' ? '' : null]));
      const merger = new TableMerger(ctx.raw, t.table, fill, m.issuer.id, now);
      const counts = emptyCounts();
      merger.merge(t, counts);
      byTable[t.table] = counts;
      for (const k of Object.keys(total) as (keyof MergeCounts)[]) total[k] += counts[k];
      if (t.table === 'attachment') attachmentIds = merger.written;
      inserted += merger.inserted;
      written.set(t.table, merger.written);
      fresh.set(t.table, merger.fresh);
    }
    if (role === 'municipality') {
      const idsOf = (table: string) => prep.tables.find((x) => x.table === table)?.ids;
      for (const t of prep.tables) checkOwnReferences(ctx.raw, t.table, written.get(t.table) ?? new Set(), { rows: t, fresh: fresh.get(t.table)!, idsOf });
      holdSchoolRows(ctx.raw, m.issuer.id, inserted);
      checkSchoolFiles(ctx.raw, m.issuer.id);
    }
    ctx.raw.prepare(`INSERT INTO exchange_origin_seq (issuer_id, origin, last_seq, last_sha256, last_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (issuer_id, origin) DO UPDATE SET last_seq = excluded.last_seq, last_sha256 = excluded.last_sha256, last_at = excluded.last_at`)
      .run(m.issuer.id, m.issuer.origin, m.sequence, c.sha256, now);
    if (role === 'school') {
      applyAcks(ctx, m);
      applyReceipts(ctx, m);
    } else {
      // The school's version, from its last file: the department's export says who must update to read its file.
      ctx.raw.prepare('UPDATE municipality_school SET app_version = ?, reads_schema = ? WHERE id = ?')
        .run(m.appVersion.slice(0, 40), readerSchema(m.appVersion, m.schemaVersion), m.issuer.id);
    }
    if (prep.rotation) applyRotation(ctx, prep.rotation);
    if (opts.dryRun) {
      for (const t of prep.tables) {
        if ((ctx.raw.prepare(`PRAGMA foreign_key_check(${t.table})`).all() as unknown[]).length) throw new BundleError('inconsistent');
      }
      throw ROLLBACK;
    }
    // Attached files: written before commit, removed again if the commit fails.
    for (const [id, entry] of prep.files) {
      const path = attachmentPath(ctx, 'attachment', id);
      if (!attachmentIds.has(id) && existsSync(path)) continue;
      mkdirSync(fileStoreDir(ctx, 'attachment'), { recursive: true });
      writeSealedFile(ctx.raw, id, prep.reader.read(entry), path + '.part');
      if (existsSync(path)) {
        renameSync(path, path + '.prev');
        replaced.push(path);
      }
      renameSync(path + '.part', path);
      newFiles.push(path);
    }
    logImport(ctx, { ...base, status: 'accepted', counts: total, repeated }, c);
  };
  // A copy before the file changes anything, so a wrong import can be undone from «Резервные копии».
  // (Inside a caller's transaction — a quarantine decision — VACUUM cannot run; that case is skipped.)
  if (!opts.dryRun) importBackup(ctx.raw, ctx.now());
  try {
    ctx.raw.transaction(run).immediate();
  } catch (e) {
    // Nothing of a failed import stays: neither its files nor a half-written one.
    for (const f of newFiles) removeQuietly(f);
    for (const id of prep.files.keys()) removeQuietly(attachmentPath(ctx, 'attachment', id) + '.part');
    for (const f of replaced) renameSync(f + '.prev', f);
    if (e !== ROLLBACK) throw e;
  }
  for (const f of replaced) rmSync(f + '.prev', { force: true });
  // Attachments deleted by this bundle, or taken back by the school (no longer shared): their bytes go too, as at
  // the school (unless a live version waits in a conflict).
  if (!opts.dryRun && attachmentIds.size) {
    const gone = ctx.raw.prepare(`SELECT 1 FROM attachment a WHERE a.id = ? AND (a.deleted_at IS NOT NULL OR a.share = 0)
      AND NOT EXISTS (SELECT 1 FROM sync_conflict c WHERE c.tbl = 'attachment' AND c.id = a.id AND c.dismissed = 0)`);
    for (const id of attachmentIds) if (gone.get(id)) rmSync(attachmentPath(ctx, 'attachment', id), { force: true });
  }
  const note = newerNote(m);
  return { ...base, status: 'accepted', counts: total, byTable, ...(repeated ? { repeated } : {}), ...(note ? { note } : {}) };
}

/** A file from a newer version that this one could read whole: the report says so, and what it did not see. */
function newerNote(m: Manifest): string | null {
  if (compareVersions(m.appVersion, APP_VERSION) <= 0) return null;
  return `Файл записан более новой версией «Опоры» (${m.appVersion}), здесь — ${APP_VERSION}. Всё, что в нём есть, загружено: `
    + 'разделы, появившиеся в новой версии, в этом файле пусты и пропущены. Обновите программу, когда будет возможность.';
}

/** Clean-up after a failed import must not itself fail and hide the first error. */
function removeQuietly(path: string) {
  try {
    rmSync(path, { force: true });
  } catch {
    /* not a file we wrote (e.g. a folder in its place): left as it is */
  }
}

function pinSchool(ctx: ExchangeContext, m: Manifest) {
  ctx.raw.prepare(`UPDATE municipality_school SET status = 'enrolled', sign_public = ?, encrypt_public = ?, fingerprint = ?, secret_hash = NULL,
    enrolled_at = ? WHERE id = ?`).run(m.issuer.signKey, m.issuer.encryptKey, m.issuer.fingerprint, ctx.now().toISOString(), m.issuer.id);
}

/**
 * The municipality says which of our bundles it has merged. It has merged our enrollment proof, so the
 * secret can go; and if it has merged more from our current origin than this database remembers
 * exporting, this database was restored from a backup: new origin, so nothing made from now on is lost.
 */
function applyAcks(ctx: ExchangeContext, m: Manifest) {
  if (m.acks.length) deleteMeta(ctx.raw, 'enrollment_secret');
  const origin = originId(ctx.raw);
  const ack = m.acks.find((a) => a.origin === origin);
  if (ack && ack.seq > currentSeq(ctx.raw, origin)) rotateOrigin(ctx.raw);
}

export function logImport(ctx: ExchangeContext, o: ImportOutcome, c: OpenedContainer | null) {
  try {
    ctx.raw.prepare(`INSERT INTO exchange_import (at, file_name, sha256, size, kind, issuer_id, issuer_name, origin, seq, status, reason_code, reason, counts)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ctx.now().toISOString(), o.file, c?.sha256 ?? '', 0, o.kind ?? '', o.issuer?.id ?? '', o.issuer?.name ?? '', c?.manifest.issuer.origin ?? '',
      o.sequence ?? null, o.status, o.reasonCode ?? '', o.reason ?? '', JSON.stringify(o.counts ?? {}),
    );
  } catch {
    /* the history is a courtesy; an import never fails because of it */
  }
}

function quarantineDir(ctx: ExchangeContext) {
  return join(ctx.filesDir, 'quarantine');
}

/**
 * Anyone can make a key, so files from unknown senders are kept only up to a bound, per sender (its id or
 * its key) and in all: nobody has to click anything for a flash drive full of them to fill the disk.
 */
function checkQuarantineRoom(ctx: ExchangeContext, m: Manifest, bytes: number) {
  const pending = ctx.raw.prepare("SELECT stored_path, issuer_id, fingerprint FROM exchange_quarantine WHERE status = 'pending'").all() as
    { stored_path: string; issuer_id: string; fingerprint: string }[];
  const sizeOf = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0; // removed by hand: it takes no room
    }
  };
  const sized = pending.map((q) => ({ ...q, size: sizeOf(q.stored_path) }));
  const mine = sized.filter((q) => q.issuer_id === m.issuer.id || q.fingerprint === m.issuer.fingerprint);
  const sum = (l: { size: number }[]) => l.reduce((a, q) => a + q.size, bytes);
  const L = LIMITS.quarantine;
  if (mine.length + 1 > L.perSenderFiles || sum(mine) > L.perSenderBytes) {
    throw new BundleError('quarantine_full', `от этого отправителя уже ждут решения файлов: ${mine.length}`);
  }
  if (sized.length + 1 > L.totalFiles || sum(sized) > L.totalBytes) throw new BundleError('quarantine_full', `в карантине файлов: ${sized.length}`);
}

function quarantine(ctx: ExchangeContext, opts: ImportOptions, c: OpenedContainer, reason: QuarantineReason, base: ImportOutcome): ImportOutcome {
  const out: ImportOutcome = { ...base, status: 'quarantined', reasonCode: reason, reason: REASONS[reason] + ` Отпечаток ключа: ${displayFingerprint(c.manifest.issuer.fingerprint)}.` };
  if (opts.dryRun) return out;
  const existing = ctx.raw.prepare("SELECT id FROM exchange_quarantine WHERE sha256 = ? AND status = 'pending'").pluck().get(c.sha256) as string | undefined;
  if (existing) return { ...out, quarantineId: existing };
  checkQuarantineRoom(ctx, c.manifest, opts.bytes.length);
  const id = randomUUID();
  const dir = quarantineDir(ctx);
  mkdirSync(dir, { recursive: true });
  const stored = join(dir, `${id}.opora`);
  writeFileSync(stored + '.part', opts.bytes, { flush: true });
  renameSync(stored + '.part', stored);
  const m = c.manifest;
  ctx.raw.prepare(`INSERT INTO exchange_quarantine (id, received_at, file_name, stored_path, sha256, issuer_id, issuer_name, issuer_role, fingerprint, sign_public, encrypt_public, reason_code,
      records, written_at, app_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, ctx.now().toISOString(), opts.fileName, stored, c.sha256, m.issuer.id, m.issuer.name, m.issuer.role,
    m.issuer.fingerprint, m.issuer.signKey, m.issuer.encryptKey, reason,
    Object.values(m.counts).reduce((a, n) => a + n, 0), m.createdAt, String(m.appVersion ?? '').slice(0, 40));
  logImport(ctx, out, c);
  return { ...out, quarantineId: id };
}
