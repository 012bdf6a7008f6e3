/**
 * A school's file with large photos is decrypted a megabyte at a time into one buffer, and each photo is written
 * to the department's disk a megabyte at a time: the bytes must come out exactly as they went in at every size
 * around the chunk boundary, and a changed byte anywhere (first chunk, a later one, the tag) must still refuse.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { tempDir } from '../helpers.js';
import { encryptFor, decryptWith, newKeyPairs } from '../../main/services/core/crypto.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { writeSealedFile, sealAttachment, openAttachment } from '../../main/services/core/attachment-path.js';

const MB = 1 << 20;
const SIZES = [0, 1, MB - 1, MB, MB + 17, 3 * MB + 5];

describe('large payloads and photos', () => {
  it('decrypts every size around the chunk boundary exactly, and refuses a changed byte in any chunk or the tag', () => {
    const keys = newKeyPairs();
    const aad = Buffer.from('aad');
    for (const n of SIZES) {
      const plain = randomBytes(n);
      const { header, sealed } = encryptFor(keys.encryptPublic, plain, aad);
      expect(decryptWith(keys.encryptPrivate, header, sealed, aad)?.equals(plain)).toBe(true);
      for (const at of [0, MB + 3, sealed.length - 1]) {
        if (at >= sealed.length) continue;
        const bad = Buffer.from(sealed);
        bad[at]! ^= 1;
        expect(decryptWith(keys.encryptPrivate, header, bad, aad)).toBeNull();
      }
    }
  });

  it('a photo written a megabyte at a time opens to the same bytes, is the same size as sealed in memory, and a changed byte is refused', () => {
    const dir = tempDir();
    const w = openWorkspaceFile(join(dir, 'muni.sqlite'));
    try {
      for (const n of SIZES) {
        const plain = randomBytes(n);
        const path = join(dir, `photo-${n}`);
        writeSealedFile(w.ctx.raw, 'a1', plain, path);
        const stored = readFileSync(path);
        expect(stored.length).toBe(sealAttachment(w.ctx.raw, 'a1', plain).length);
        expect(openAttachment(w.ctx.raw, 'a1', stored).equals(plain)).toBe(true);
        // The same bytes under another record's id do not open: the id is bound to the file.
        expect(() => openAttachment(w.ctx.raw, 'a2', stored)).toThrow();
        if (n > MB) {
          stored[stored.length - 2]! ^= 1;
          writeFileSync(path, stored);
          expect(() => openAttachment(w.ctx.raw, 'a1', readFileSync(path))).toThrow();
        }
      }
    } finally {
      w.close();
    }
  });
});
