/**
 * The few parts of an Office package an import needs, read from the zip's central directory with the same
 * guards as the privacy check's reader (privacy/file-text.ts): inflation bounded by what is left of the
 * budget as zlib writes, no zip64, no encrypted entries, a cap on the number of parts.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportRefused } from './errors.js';

const u16 = (d: Uint8Array, o: number) => d[o]! | (d[o + 1]! << 8);
const u32 = (d: Uint8Array, o: number) => (d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16)) + d[o + 3]! * 0x1000000;

export const isZip = (d: Uint8Array) => d.length >= 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 3 && d[3] === 4;
/** An OLE compound file: a .doc/.xls of old, or an Office file encrypted with a password. */
export const isOle = (d: Uint8Array) => d.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((v, i) => d[i] === v);

export interface ZipLimits { maxParts: number; maxInflatedBytes: number }

/** The names of the package's parts and a reader of one part by name (null when absent). */
export function openZip(zip: Uint8Array, limits: ZipLimits): { names: string[]; read(name: string): Uint8Array | null } {
  let eocd = -1;
  for (let i = zip.length - 22, stop = Math.max(0, zip.length - 22 - 0xffff); i >= stop; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 5 && zip[i + 3] === 6) { eocd = i; break; }
  }
  if (eocd < 0) throw new ImportRefused('damaged');
  const count = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new ImportRefused('damaged');
  if (count > limits.maxParts) throw new ImportRefused('too_big');
  const entries = new Map<string, { flags: number; method: number; csize: number; local: number }>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) throw new ImportRefused('damaged');
    const nameLen = u16(zip, p + 28);
    const name = new TextDecoder('utf-8').decode(zip.subarray(p + 46, p + 46 + nameLen));
    entries.set(name, { flags: u16(zip, p + 8), method: u16(zip, p + 10), csize: u32(zip, p + 20), local: u32(zip, p + 42) });
    p += 46 + nameLen + u16(zip, p + 30) + u16(zip, p + 32);
  }
  let inflated = 0;
  return {
    names: [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      if (!e) return null;
      if (e.flags & 1) throw new ImportRefused('password');
      const l = e.local;
      if (l + 30 > zip.length || u32(zip, l) !== 0x04034b50) throw new ImportRefused('damaged');
      const start = l + 30 + u16(zip, l + 26) + u16(zip, l + 28);
      const raw = zip.subarray(start, start + e.csize);
      if (start + e.csize > zip.length) throw new ImportRefused('damaged');
      const left = limits.maxInflatedBytes - inflated;
      let data: Uint8Array;
      if (e.method === 0) data = raw;
      else if (e.method === 8) {
        try {
          data = inflateRawSync(raw, { maxOutputLength: Math.max(1, left + 1) });
        } catch (err) {
          throw new ImportRefused((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_big' : 'damaged');
        }
      } else throw new ImportRefused('damaged');
      inflated += data.length;
      if (inflated > limits.maxInflatedBytes) throw new ImportRefused('too_big');
      return data;
    },
  };
}
