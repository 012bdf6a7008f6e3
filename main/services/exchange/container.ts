/**
 * The *.opora file: one self-describing, signed container.
 *
 *   offset 0   8 bytes   magic "OPORABND"
 *          8   u16 BE    container version (1)
 *         10   u32 BE    manifest length M
 *         14   M bytes   manifest: UTF-8 JSON (format version, kind, issuer and key, recipient, sequence,
 *                        creation time, app version, record counts, every entry's name, size and SHA-256,
 *                        the payload's size and SHA-256, the encryption header)
 *       14+M   u16 BE    signature length (64)
 *       16+M   64 bytes  Ed25519 signature over "OPORA-SIG-1\0" + manifest bytes
 *       80+M   …         payload to the end of the file: the entries' stored bytes in manifest order,
 *                        or, when encrypted, AES-256-GCM(ciphertext) || 16-byte tag of that concatenation
 *
 * Reading never trusts a length field, a name or a size until it is checked against the limits, and
 * never uses a decrypted byte before the GCM tag has verified.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isUtf8, transcode } from 'node:buffer';
import { z } from 'zod';
import type { KeyObject } from 'node:crypto';
import { BundleError, LIMITS, megabytes } from './reasons.js';
import { isSynced, tableSpec } from '../../../db/registry/index.js';
import { sha256, signBytes, verifyBytes, encryptFor, decryptWith, fingerprint, ENCRYPTION_SCHEME, type EncryptionHeader } from '../core/crypto.js';
import { APP_VERSION, currentSchema } from './versions.js';
import { count } from '../../../common/format.js';
import { NOUNS } from '../../../common/nouns.js';

export const MAGIC = Buffer.from('OPORABND', 'latin1');
export const CONTAINER_VERSION = 1;
export const FORMAT_VERSION = 1;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuid = z.string().regex(UUID_RE);
const b64key = z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A workspace exports a few files a week: a billion is centuries away, and far from 2^53 (no float tricks). */
const sequenceNumber = z.number().int().min(0).max(LIMITS.maxSequence);

export const BUNDLE_KINDS = ['school-data', 'municipality-plan', 'enrollment'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

const encryptionSchema = z.object({
  scheme: z.literal(ENCRYPTION_SCHEME),
  recipientKey: b64key,
  ephemeralKey: b64key,
  nonce: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
}).strict();

const entrySchema = z.object({
  name: z.string().max(300),
  type: z.literal('file'),
  size,
  storedSize: size,
  sha256: hex64,
  compression: z.enum(['none', 'deflate']),
}).strict();

export const manifestSchema = z.object({
  format: z.literal('opora-bundle'),
  formatVersion: z.literal(FORMAT_VERSION),
  kind: z.enum(BUNDLE_KINDS),
  issuer: z.object({
    id: uuid,
    name: z.string().max(1000),
    role: z.enum(['school', 'municipality']),
    origin: uuid,
    signKey: b64key,
    encryptKey: b64key,
    fingerprint: hex64,
  }).strict(),
  recipient: z.object({ id: uuid, name: z.string().max(1000) }).strict().nullable(),
  sequence: sequenceNumber,
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(0).max(1_000_000),
  counts: z.record(z.string().regex(/^[a-z_]{1,64}$/), z.number().int().min(0).max(LIMITS.rowsPerTable)),
  entries: z.array(entrySchema).max(LIMITS.entries),
  payload: z.object({ size, sha256: hex64, encryption: encryptionSchema.nullable() }).strict(),
  enrollmentProof: z.boolean(),
  /** Down bundles: the sequence numbers the municipality has merged from this school, per origin. */
  acks: z.array(z.object({ origin: uuid, seq: sequenceNumber }).strict()).max(1000),
  /**
   * Down bundles, from schema 94: the school's files the department has loaded, from its import history — when, how
   * many records it took, how many conflicts they raised. Signed with the rest, so the school can show it as a receipt.
   */
  receipts: z.array(z.object({
    origin: uuid, seq: sequenceNumber, at: z.string().max(40),
    records: z.number().int().min(0).max(LIMITS.rowsPerBundle), conflicts: z.number().int().min(0).max(LIMITS.rowsPerBundle),
  }).strict()).max(1000).optional(),
}).strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['entries'][number];

/** Entry names are a closed set: data tables, attached files by id, the enrollment proof. */
const ENTRY_NAME = /^(data\/[a-z_]{1,64}\.json|files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|enrollment\.json)$/;

export function checkEntryName(name: string): void {
  if (!ENTRY_NAME.test(name)) throw new BundleError('bad_entry_name', name.slice(0, 80).replace(/[\u0000-\u001f]/g, '?'));
}

// ─── safe text and JSON ────────────────────────────────────────────────────────────────────────────────

/**
 * Strict UTF-8, a BOM kept as a character. Every row of every file passes here: the check is simdutf's (isUtf8),
 * and the text is made through UTF-16 (ICU's transcode), four times as fast for Cyrillic text as the UTF-8 decoders
 * (TextDecoder, toString('utf8')) — they took longer than JSON.parse of the same rows.
 */
export function decodeUtf8(bytes: Buffer): string {
  if (!isUtf8(bytes)) throw new BundleError('invalid_utf8');
  if (bytes.length < 64) return bytes.toString('utf8');
  return transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
}

/** JSON.parse after a linear scan that refuses nesting deeper than `maxDepth` (no deep recursion ever runs). */
export function parseJsonSafe(bytes: Buffer, maxDepth = LIMITS.jsonDepth): unknown {
  const text = decodeUtf8(bytes);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) throw new BundleError('json_too_deep');
    } else if (c === 125 || c === 93) depth--;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BundleError('bad_json');
  }
}

// ─── writing ───────────────────────────────────────────────────────────────────────────────────────────

export interface EntryInput {
  name: string;
  data: Buffer;
  /** Attached files that are already compressed (photos, PDFs) are stored as is. */
  compress?: boolean;
}

export type ManifestHead = Omit<Manifest, 'format' | 'formatVersion' | 'entries' | 'payload'>;

/**
 * Binds the encrypted payload to its signer's keys too: a payload (with an enrollment proof inside) lifted
 * into a manifest re-signed by another key does not decrypt.
 */
export function payloadAad(head: Pick<Manifest, 'issuer' | 'recipient' | 'sequence'>): Buffer {
  return Buffer.from(`opora-payload-v2|${head.issuer.id}|${head.issuer.origin}|${head.issuer.fingerprint}|${head.issuer.encryptKey}|${head.recipient?.id ?? ''}|${head.sequence}`);
}

/**
 * Builds the container bytes. `encryptTo` is the recipient's X25519 public key, or null for a clear payload.
 * Low level on purpose: tests use it to build hostile files that are nevertheless correctly signed.
 */
export function buildContainer(head: ManifestHead, entries: EntryInput[], signPrivate: KeyObject, encryptTo: string | null): Buffer {
  const listed: ManifestEntry[] = [];
  const stored: Buffer[] = [];
  for (const e of entries) {
    const compressed = e.compress !== false ? deflateRawSync(e.data, { level: 6 }) : null;
    const useCompressed = compressed !== null && compressed.length < e.data.length;
    const bytes = useCompressed ? compressed : e.data;
    listed.push({ name: e.name, type: 'file', size: e.data.length, storedSize: bytes.length, sha256: sha256(e.data), compression: useCompressed ? 'deflate' : 'none' });
    stored.push(bytes);
  }
  let payload: Buffer = Buffer.concat(stored);
  let encryption: EncryptionHeader | null = null;
  if (encryptTo) {
    const sealed = encryptFor(encryptTo, payload, payloadAad(head));
    payload = sealed.sealed;
    encryption = sealed.header;
  }
  const manifest: Manifest = {
    format: 'opora-bundle',
    formatVersion: FORMAT_VERSION,
    ...head,
    entries: listed,
    payload: { size: payload.length, sha256: sha256(payload), encryption },
  };
  return assemble(Buffer.from(JSON.stringify(manifest), 'utf8'), signPrivate, payload);
}

/** The raw layout; exported for tests that need a correctly signed but otherwise arbitrary manifest. */
export function assemble(manifestBytes: Buffer, signPrivate: KeyObject, payload: Buffer): Buffer {
  const head = Buffer.alloc(14);
  MAGIC.copy(head, 0);
  head.writeUInt16BE(CONTAINER_VERSION, 8);
  head.writeUInt32BE(manifestBytes.length, 10);
  const sig = signBytes(signPrivate, manifestBytes);
  const sigLen = Buffer.alloc(2);
  sigLen.writeUInt16BE(sig.length, 0);
  return Buffer.concat([head, manifestBytes, sigLen, sig, payload]);
}

// ─── reading ───────────────────────────────────────────────────────────────────────────────────────────

export interface OpenedContainer {
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: Buffer;
  payload: Buffer;
  sha256: string;
}

/**
 * Structure, manifest and signature (against the key the manifest names). Nothing here says whether that
 * key is trusted: the caller checks it against the pinned keys.
 */
export function openContainer(file: Buffer): OpenedContainer {
  if (file.length > LIMITS.fileBytes) throw new BundleError('too_large', `файл ${megabytes(file.length)} при пределе ${megabytes(LIMITS.fileBytes)}`);
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    // A prefix of the magic is a bundle cut short, not some other file.
    if (file.length < MAGIC.length && file.length > 0 && MAGIC.subarray(0, file.length).equals(file)) throw new BundleError('truncated');
    throw new BundleError('not_bundle');
  }
  if (file.length < 14) throw new BundleError('truncated');
  const version = file.readUInt16BE(8);
  if (version === 0) throw new BundleError('not_bundle');
  if (version > CONTAINER_VERSION) throw new BundleError('newer_format');
  const m = file.readUInt32BE(10);
  if (m > LIMITS.manifestBytes) throw new BundleError('too_large', 'оглавление');
  if (file.length < 14 + m + 2) throw new BundleError('truncated');
  const manifestBytes = file.subarray(14, 14 + m);
  const sigLen = file.readUInt16BE(14 + m);
  if (sigLen !== 64) throw new BundleError('bad_signature');
  if (file.length < 16 + m + sigLen) throw new BundleError('truncated');
  const signature = file.subarray(16 + m, 16 + m + sigLen);
  const payload = file.subarray(16 + m + sigLen);

  const raw = parseJsonSafe(manifestBytes);
  const rawEntries = (raw as { entries?: unknown } | null)?.entries;
  if (Array.isArray(rawEntries) && rawEntries.length > LIMITS.entries) throw new BundleError('too_large', `частей: ${rawEntries.length}`);
  const rawCounts = (raw as { counts?: unknown } | null)?.counts;
  const over = rawCounts && typeof rawCounts === 'object' ? Object.values(rawCounts).find((n): n is number => typeof n === 'number' && n > LIMITS.rowsPerTable) : undefined;
  if (over !== undefined) throw new BundleError('too_large', `в одной таблице ${count(over, NOUNS.record)} при пределе ${LIMITS.rowsPerTable.toLocaleString('ru-RU')}`);
  if (raw && typeof raw === 'object' && typeof (raw as { formatVersion?: unknown }).formatVersion === 'number' && (raw as { formatVersion: number }).formatVersion > FORMAT_VERSION) {
    throw new BundleError('newer_format');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const links = Array.isArray((raw as { entries?: unknown })?.entries) && ((raw as { entries: { type?: unknown }[] }).entries).some((e) => e && (e.type === 'symlink' || e.type === 'link' || e.type === 'hardlink'));
    if (links) throw new BundleError('link_entry');
    throw new BundleError('bad_manifest', parsed.error.issues[0]?.path.join('.'));
  }
  const manifest = parsed.data;
  // The file holds tables or columns this app does not have: it could not keep them, so it takes nothing.
  if (manifest.schemaVersion > currentSchema()) throw new BundleError('newer_data', undefined, newerWords(manifest));
  if (fingerprint(manifest.issuer.signKey) !== manifest.issuer.fingerprint) throw new BundleError('bad_manifest', 'отпечаток ключа');
  if (!verifyBytes(manifest.issuer.signKey, manifestBytes, signature)) throw new BundleError('bad_signature');

  // The signed manifest now vouches for the payload's exact length and hash.
  if (payload.length < manifest.payload.size) throw new BundleError('truncated');
  if (payload.length > manifest.payload.size) throw new BundleError('tampered', 'лишние данные в конце файла');
  if (sha256(payload) !== manifest.payload.sha256) throw new BundleError('tampered');
  checkEntries(manifest);
  return { manifest, manifestBytes, signature, payload, sha256: sha256(file) };
}

/** Whose newer version wrote the file, and which this computer has: the refusal says both and what to do. */
function newerWords(m: Manifest): string {
  const who = m.issuer.role === 'municipality' ? 'У управления образования' : `У школы «${m.issuer.name}»`;
  const where = m.issuer.role === 'municipality' ? 'в управлении образования, например на той же флешке' : 'у того, кто обслуживает компьютеры';
  return `${who} «Опора» ${m.appVersion}, на этом компьютере — ${APP_VERSION}. Установите «Опору» ${m.appVersion} или новее `
    + `(установочный файл или пакет обновления можно получить ${where}) и загрузите этот файл снова. Данные, загруженные раньше, на месте.`;
}

/** A part of a bundle in words: «таблица «Мероприятие журнала»», «приложенный файл». */
function entryWords(name: string): string {
  const m = /^data\/([a-z_]+)\.json$/.exec(name);
  if (m) return isSynced(m[1]!) ? `таблица «${tableSpec(m[1]!).title}»` : 'таблица';
  return name.startsWith('files/') ? 'приложенный файл' : 'часть файла';
}

function checkEntries(manifest: Manifest) {
  const seen = new Set<string>();
  let total = 0;
  let stored = 0;
  let data = 0;
  let files = 0;
  let filesBytes = 0;
  const over = (what: string, size: number, limit: number) => new BundleError('too_large', `${what}: ${megabytes(size)} при пределе ${megabytes(limit)}`);
  for (const e of manifest.entries) {
    checkEntryName(e.name);
    if (seen.has(e.name)) throw new BundleError('duplicate_entry', e.name);
    seen.add(e.name);
    // Declared sizes are what inflation is capped at, so these bounds hold before any entry is inflated.
    if (e.name.startsWith('data/') && e.size > LIMITS.dataEntryBytes) throw over(entryWords(e.name), e.size, LIMITS.dataEntryBytes);
    if (e.size > LIMITS.entryBytes) throw over(entryWords(e.name), e.size, LIMITS.entryBytes);
    if (e.name.startsWith('files/')) {
      if (e.size > LIMITS.attachmentBytes) throw over('приложенный файл', e.size, LIMITS.attachmentBytes);
      files++;
      filesBytes += e.size;
    }
    if (e.name.startsWith('data/')) data += e.size;
    if (e.compression === 'none' && e.storedSize !== e.size) throw new BundleError('bad_manifest', e.name);
    // A bomb hides in data; a file the school attached (a blank form) may compress far better and is capped by its size alone.
    if (e.compression === 'deflate' && !e.name.startsWith('files/') && e.size > 65536 && e.size > e.storedSize * LIMITS.compressionRatio) {
      throw new BundleError('too_large', `${entryWords(e.name)} сжата подозрительно сильно`);
    }
    total += e.size;
    stored += e.storedSize;
  }
  if (total > LIMITS.totalBytes) throw over('всё содержимое', total, LIMITS.totalBytes);
  if (data > LIMITS.dataTotalBytes) throw over('все таблицы', data, LIMITS.dataTotalBytes);
  if (files > LIMITS.filesPerBundle) throw new BundleError('too_large', `приложенных файлов ${files} при пределе ${LIMITS.filesPerBundle}`);
  if (filesBytes > LIMITS.filesBytesPerBundle) throw over('приложенные файлы', filesBytes, LIMITS.filesBytesPerBundle);
  // The signed counts must equal the rows found (import checks it), so this bounds the rows before any is parsed.
  const rows = Object.values(manifest.counts).reduce((a, n) => a + n, 0);
  if (rows > LIMITS.rowsPerBundle) throw new BundleError('too_large', `записей ${rows} при пределе ${LIMITS.rowsPerBundle}`);
  // An encrypted payload's inner layout is checked after its tag has verified (unpackEntries).
  if (!manifest.payload.encryption) {
    if (stored > manifest.payload.size) throw new BundleError('missing_entry');
    if (stored < manifest.payload.size) throw new BundleError('tampered', 'лишние данные');
  }
}

/** Entries read one at a time: a hostile file never has all of its inflated entries in memory at once. */
export interface EntryReader {
  entries: ManifestEntry[];
  /** Inflates one entry, capped at its declared size, and checks its size and SHA-256. */
  read(e: ManifestEntry): Buffer;
}

/**
 * Decrypts (when needed) and checks the payload's layout; entries are inflated only when read.
 * `decryptKey` is this workspace's X25519 private key.
 */
export function openEntries(c: OpenedContainer, decryptKey: KeyObject | null): EntryReader {
  return entriesOf(c.manifest, decryptPayload(c, decryptKey));
}

/** The payload in the clear: decrypted (the GCM tag verified first) when the file is encrypted, as it is otherwise. */
export function decryptPayload(c: OpenedContainer, decryptKey: KeyObject | null): Buffer {
  const { manifest } = c;
  if (!manifest.payload.encryption) return c.payload;
  if (!decryptKey) throw new BundleError('no_key');
  const out = decryptWith(decryptKey, manifest.payload.encryption, c.payload, payloadAad(manifest));
  if (!out) throw new BundleError('decrypt_failed');
  return out;
}

/** The payload's layout checked against the manifest (every entry in place, nothing left over); entries inflated when read. */
export function entriesOf(manifest: Manifest, plain: Buffer): EntryReader {
  const offsets = new Map<ManifestEntry, number>();
  let offset = 0;
  for (const e of manifest.entries) {
    if (offset + e.storedSize > plain.length) throw new BundleError('missing_entry', e.name);
    offsets.set(e, offset);
    offset += e.storedSize;
  }
  if (offset !== plain.length) throw new BundleError('tampered', 'лишние данные');
  return {
    entries: manifest.entries,
    read(e) {
      const at = offsets.get(e);
      if (at === undefined) throw new BundleError('missing_entry', e.name);
      return inflateEntry(e, plain.subarray(at, at + e.storedSize));
    },
  };
}

function inflateEntry(e: ManifestEntry, stored: Buffer): Buffer {
  let data: Buffer;
  if (e.compression === 'deflate') {
    try {
      data = inflateRawSync(stored, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw new BundleError('tampered', e.name);
      // More than declared: a bomb if it keeps going past the ratio limit, otherwise damaged data.
      try {
        inflateRawSync(stored, { maxOutputLength: Math.min(LIMITS.entryBytes, Math.max(65536, e.storedSize * LIMITS.compressionRatio)) });
      } catch {
        throw new BundleError('too_large', e.name);
      }
      throw new BundleError('tampered', e.name);
    }
  } else data = stored;
  if (data.length !== e.size || sha256(data) !== e.sha256) throw new BundleError('tampered', e.name);
  return data;
}

/** Every entry at once, for small bundles (enrollment files, `opora verify`, tests). */
export function unpackEntries(c: OpenedContainer, decryptKey: KeyObject | null): Map<string, Buffer> {
  const r = openEntries(c, decryptKey);
  return new Map(r.entries.map((e) => [e.name, r.read(e)]));
}
