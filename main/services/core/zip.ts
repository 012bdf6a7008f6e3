/**
 * The zip container of an Office file, read as untrusted input: the central directory (no zip64 — no Office
 * file needs it — and a cap on the number of entries before any is read) and one entry at a time, inflated
 * no further than the caller's budget, counted by zlib as it writes. Shared by the privacy check's reader
 * (privacy/file-text.ts) and the school's onboarding import (school/onboarding/zip.ts), which say the
 * refusal in their own words.
 */
import { inflateRawSync } from 'node:zlib';

export const u16 = (d: Uint8Array, o: number) => d[o]! | (d[o + 1]! << 8);
export const u32 = (d: Uint8Array, o: number) => (d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16)) + d[o + 3]! * 0x1000000;

/** Why a zip was refused: damaged (or of a kind no Office program writes), over a limit, an encrypted entry. */
export class ZipFault extends Error {
  constructor(readonly reason: 'damaged' | 'limit' | 'encrypted') {
    super(`zip: ${reason}`);
  }
}

export interface ZipEntry { name: string; flags: number; method: number; csize: number; local: number }

/** The entries of the central directory; more than `maxEntries` is refused before any is listed. */
export function centralDirectory(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22, stop = Math.max(0, zip.length - 22 - 0xffff); i >= stop; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 5 && zip[i + 3] === 6) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipFault('damaged');
  const count = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new ZipFault('damaged');
  if (count > maxEntries) throw new ZipFault('limit');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) throw new ZipFault('damaged');
    const nameLen = u16(zip, p + 28);
    const name = new TextDecoder('utf-8').decode(zip.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, flags: u16(zip, p + 8), method: u16(zip, p + 10), csize: u32(zip, p + 20), local: u32(zip, p + 42) });
    p += 46 + nameLen + u16(zip, p + 30) + u16(zip, p + 32);
  }
  return entries;
}

/** One entry's bytes, inflated to at most `left` bytes (declared sizes are not trusted). */
export function readEntry(zip: Uint8Array, e: ZipEntry, left: number): Uint8Array {
  if (e.flags & 1) throw new ZipFault('encrypted');
  const l = e.local;
  if (l + 30 > zip.length || u32(zip, l) !== 0x04034b50) throw new ZipFault('damaged');
  const start = l + 30 + u16(zip, l + 26) + u16(zip, l + 28);
  const end = start + e.csize;
  if (end > zip.length) throw new ZipFault('damaged');
  const raw = zip.subarray(start, end);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new ZipFault('damaged'); // a compression no Office program writes
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, left + 1) });
  } catch (err) {
    throw new ZipFault((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'limit' : 'damaged');
  }
}
