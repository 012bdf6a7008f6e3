/**
 * The part of a school file's import that needs no database: reading it from disk, its structure, manifest and
 * signature, decryption, and every data entry inflated, hashed, parsed and checked row by row. For a batch of files
 * the department's import runs this for the next file in a worker thread (preread-worker.ts) while the current
 * file's rows are written; the main thread then makes every decision itself, in the same order as ever, and
 * takes these results only where it would have computed the very same thing — each failure is raised at the point
 * where it would have been raised without the worker.
 */
import { readFileSync, statSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { decryptPayload, entriesOf, openContainer, type EntryReader, type Manifest, type ManifestEntry } from './container.js';
import { readTableEntry } from './stream-table.js';
import { BundleError, LIMITS, REASONS, type ReasonCode } from './reasons.js';
import { upTables, validateTableEntry, type IncomingTable } from './tables.js';

/** One data entry, its rows parsed and checked one at a time; the row count is checked before any row is parsed. */
export function readTable(reader: EntryReader, e: ManifestEntry, table: string, m: Manifest): IncomingTable {
  const entry = readTableEntry(reader.read(e), LIMITS.rowsPerTable);
  if (entry.count && m.counts[table] !== entry.count) throw new BundleError('tampered', `число записей ${table}`);
  const t = validateTableEntry(table, entry);
  if (m.counts[table] !== t.rows.length) throw new BundleError('tampered', `число записей ${table}`);
  return t;
}

/** An error as it crosses the thread boundary: its code and Russian message, or «something unexpected». */
export type Failure = { code: string; message: string; reason?: string } | { internal: true };

export function failureOf(e: unknown): Failure {
  if (e instanceof BundleError) return { code: e.code, message: e.message, reason: e.reason };
  if (e instanceof AppError) return { code: e.code, message: e.message };
  return { internal: true };
}

/** The same refusal, raised on this side: same code, same words. */
export function raise(f: Failure): never {
  if ('internal' in f) throw new Error('preread: unexpected failure');
  if (f.reason && f.reason in REASONS) {
    const e = new BundleError(f.reason as ReasonCode);
    e.message = f.message;
    throw e;
  }
  throw new AppError(f.code, f.message);
}

/** Whose files may be opened ahead: enrolled schools by their pinned key, and schools that may enroll with a proof. */
export type Senders = Record<string, { fingerprint: string | null; enrollable: boolean }>;

export interface PrereadRequest {
  /** The file on disk, or (the import screen's batch) its bytes as the window sent them. */
  path?: string;
  bytes?: Uint8Array;
  /** The department's current decryption key and its public half (files sealed for an older key are left to the main thread). */
  key: KeyObject;
  keyPublic: string;
  senders: Senders;
  /** Pinned keys by fingerprint → the school holding each: one key is one school's (trust.ts keyHolder). */
  held: Record<string, string>;
}

export interface Preread {
  /** The file as read (absent: the main thread reads it itself, and says why it cannot). */
  bytes?: Uint8Array;
  /** The decrypted payload, or why it did not decrypt. */
  plain?: Uint8Array;
  decryptFailure?: Failure;
  /** Data entries in file order, each checked table or why it was refused; nothing after the first refusal. */
  tables?: [string, IncomingTable | { failure: Failure }][];
}

/** A buffer that may be handed over whole (not a slice of Node's shared pool). */
const ownBuffer = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;

/** Everything that can be done ahead for one file, and the buffers to hand over instead of copying. */
export function preread(req: PrereadRequest, dropped: () => boolean = () => false): { out: Preread; transfer: ArrayBuffer[] } {
  const out: Preread = {};
  if (dropped()) return { out, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  let bytes: Buffer;
  if (req.bytes) {
    // The main thread keeps its own copy of bytes it sent: nothing to hand back.
    bytes = asBuffer(req.bytes);
  } else {
    try {
      const st = statSync(req.path!);
      if (!st.isFile() || st.size > LIMITS.fileBytes) return { out, transfer };
      bytes = readFileSync(req.path!);
    } catch {
      return { out, transfer };
    }
    out.bytes = bytes;
    if (ownBuffer(bytes)) transfer.push(bytes.buffer as ArrayBuffer);
  }
  try {
    const c = openContainer(bytes);
    const m = c.manifest;
    const s = req.senders[m.issuer.id];
    // Only what the main thread would go on to decrypt: a file from a sender it does not know is never opened ahead.
    const takenKey = (req.held[m.issuer.fingerprint] ?? m.issuer.id) !== m.issuer.id;
    if (m.kind !== 'school-data' || !s || takenKey || !(s.fingerprint === m.issuer.fingerprint || (s.enrollable && m.enrollmentProof))) return { out, transfer };
    const enc = m.payload.encryption;
    if (enc && enc.recipientKey !== req.keyPublic) return { out, transfer };
    let plain: Buffer;
    try {
      plain = decryptPayload(c, req.key);
    } catch (e) {
      out.decryptFailure = failureOf(e);
      return { out, transfer };
    }
    if (enc) {
      out.plain = plain;
      if (ownBuffer(plain)) transfer.push(plain.buffer as ArrayBuffer);
    }
    const reader = entriesOf(m, plain);
    const allowed = upTables();
    const tables: NonNullable<Preread['tables']> = [];
    for (const e of m.entries) {
      // The main thread has read the file itself: nothing more to do for it.
      if (dropped()) return { out: {}, transfer: [] };
      if (!e.name.startsWith('data/')) continue;
      const table = e.name.slice(5, -5);
      if (!allowed.includes(table)) break;
      try {
        // The ids go as part of the rows only: a set of them would cross the thread boundary as a second copy.
        const { ids: _ids, ...t } = readTable(reader, e, table, m);
        tables.push([e.name, t]);
      } catch (err) {
        tables.push([e.name, { failure: failureOf(err) }]);
        break;
      }
    }
    out.tables = tables;
  } catch {
    /* the main thread repeats the step and refuses the file itself, with its own words */
  }
  return { out, transfer };
}

/** The table the worker checked for this entry, or null when the main thread must read it itself. */
export function prereadTable(pre: Preread | undefined, name: string): IncomingTable | null {
  const hit = pre?.tables?.find(([n]) => n === name)?.[1];
  if (!hit) return null;
  if ('failure' in hit) raise(hit.failure);
  const iId = hit.columns.indexOf('id');
  // Checked in the worker: every id is there once.
  return { ...hit, ids: new Set(hit.rows.map((r) => r[iId] as string)) };
}

export const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
