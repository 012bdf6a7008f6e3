/**
 * The few parts of an Office package an import needs, read by the same zip reader as the privacy check's
 * (core/zip.ts): inflation bounded by what is left of the budget as zlib writes, no zip64, no encrypted
 * entries, a cap on the number of parts.
 */
import { centralDirectory, readEntry, ZipFault } from '../../core/zip.js';
import { ImportRefused } from './errors.js';

export const isZip = (d: Uint8Array) => d.length >= 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 3 && d[3] === 4;
/** An OLE compound file: a .doc/.xls of old, or an Office file encrypted with a password. */
export const isOle = (d: Uint8Array) => d.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((v, i) => d[i] === v);

export interface ZipLimits { maxParts: number; maxInflatedBytes: number }

/** The names of the package's parts and a reader of one part by name (null when absent). */
export function openZip(zip: Uint8Array, limits: ZipLimits): { names: string[]; read(name: string): Uint8Array | null } {
  const entries = new Map(inImportWords(() => centralDirectory(zip, limits.maxParts)).map((e) => [e.name, e]));
  let inflated = 0;
  return {
    names: [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      if (!e) return null;
      const data = inImportWords(() => readEntry(zip, e, limits.maxInflatedBytes - inflated));
      inflated += data.length;
      if (inflated > limits.maxInflatedBytes) throw new ImportRefused('too_big');
      return data;
    },
  };
}

/** A fault of the container as the import says it: a password-protected file, one too big, one damaged. */
function inImportWords<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ZipFault)) throw err;
    throw new ImportRefused(err.reason === 'encrypted' ? 'password' : err.reason === 'limit' ? 'too_big' : 'damaged');
  }
}
