/**
 * Issue 18, item 7: a second computer opened with the same enrollment file must not take the school's channel in
 * one click. Its file waits in the quarantine with a card that says what happened (which file, when, how many
 * records, which key is pinned now); accepting needs the first group of the new fingerprint typed in; refusing
 * leaves the school's own computer as it was.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { testClock } from './exchange-fixtures.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile, listQuarantine, acceptQuarantined, refuseQuarantined, ensureIdentity } from '../../main/services/exchange/index.js';
import { displayFingerprint } from '../../main/services/core/crypto.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { AppError } from '../../main/services/core/errors.js';

const dir = tempDir('opora-second-');
const clock = testClock();
const muni = openWorkspaceFile(join(dir, 'muni.sqlite'), clock.now);
initMunicipality(muni.ctx, 'Управление образования (вымышленное)');
const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
const school = openWorkspaceFile(join(dir, 'school.sqlite'), clock.now);
openEnrollment(school.ctx, enr.bytes, enr.code);
generateDemo(school.ctx, { size: 'small', seed: 1 });
const second = openWorkspaceFile(join(dir, 'second.sqlite'), clock.now);
openEnrollment(second.ctx, enr.bytes, enr.code);
afterAll(() => [muni, school, second].forEach((w) => w.close()));

const send = (from: typeof school) => {
  clock.tick();
  return importFile(muni.ctx, exportToFolder(from.ctx, join(dir, `out-${Date.now()}-${Math.random()}`))[0]!.path);
};

describe('the same enrollment file on a second computer', () => {
  it('waits in the quarantine with words that say what happened', () => {
    expect(send(school).status).toBe('accepted');
    const r = send(second);
    expect(r.status).toBe('quarantined');
    expect(r.reasonCode).toBe('key_change');
    const [q] = listQuarantine(muni.ctx);
    const pinned = displayFingerprint(ensureIdentity(school.ctx).fingerprint);
    expect(q!.pinnedFingerprintDisplay).toBe(pinned);
    expect(q!.fingerprintDisplay).toBe(displayFingerprint(ensureIdentity(second.ctx).fingerprint));
    expect(q!.explanation).toMatch(/^Файл «.+\.opora», записан \d{2}\.\d{2}\.\d{4} в \d{2}:\d{2}, записей в нём: \d+\./);
    expect(q!.explanation).toContain(`закреплён за школой ключ ${pinned} — им подписан последний принятый файл`);
    expect(q!.explanation).toMatch(/Принимайте, только если школа по телефону подтвердит/);
    expect(q!.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('one click does not accept it: the first group of the new fingerprint must be typed', () => {
    const [q] = listQuarantine(muni.ctx);
    for (const typed of [undefined, '', 'ZZZZ', q!.pinnedFingerprintDisplay!.slice(0, 4)]) {
      expect(() => acceptQuarantined(muni.ctx, q!.id, typed)).toThrow(AppError);
    }
    expect(listQuarantine(muni.ctx).map((x) => x.id)).toEqual([q!.id]);
    expect(muni.ctx.raw.prepare('SELECT fingerprint FROM municipality_school WHERE id = ?').pluck().get(enr.schoolId)).toBe(ensureIdentity(school.ctx).fingerprint);
  });

  it('refused, it leaves the school’s own computer as it was: its next file is merged, with no conflict', () => {
    const [q] = listQuarantine(muni.ctx);
    refuseQuarantined(muni.ctx, q!.id);
    expect(listQuarantine(muni.ctx)).toEqual([]);
    const r = send(school);
    expect(r.status).toBe('accepted');
    expect(r.counts!.conflicts).toBe(0);
    expect(muni.ctx.raw.prepare('SELECT COUNT(*) FROM sync_conflict').pluck().get()).toBe(0);
  });
});
