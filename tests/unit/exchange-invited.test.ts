/**
 * Issue 18 item 6 and issue 20 item 1: a school given an enrollment file gets its plan at once, written for it
 * with everything else («для всех» includes it), and that file is readable by that school only — sealed with the
 * key of its enrollment secret, which the department keeps as a hash and the school unseals with its code.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { testClock, roadmapActivity } from './exchange-fixtures.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { openContainer, openEntries } from '../../main/services/exchange/container.js';
import { invitationKey, hashSecret } from '../../main/services/core/crypto.js';

const dir = tempDir('opora-invited-');
const clock = testClock();
const muni = openWorkspaceFile(join(dir, 'muni.sqlite'), clock.now);
initMunicipality(muni.ctx, 'Управление образования (вымышленное)');
const a = enrollSchool(muni.ctx, 'МКОУ «Первая ООШ» (вымышленная)');
const b = enrollSchool(muni.ctx, 'МКОУ «Вторая ООШ» (вымышленная)');
roadmapActivity(muni.ctx, { number: '1', title: 'Семинар для заместителей директоров «Вымышленный план»', timing_text: 'до 20.12.2026', date_to: '2026-12-20' });
const school = openWorkspaceFile(join(dir, 'school-a.sqlite'), clock.now);
openEnrollment(school.ctx, a.bytes, a.code);
afterAll(() => [muni, school].forEach((w) => w.close()));

describe('a school not enrolled yet', () => {
  const written = exportToFolder(muni.ctx, join(dir, 'down'));

  it('is written for with every other school, before it has sent anything', () => {
    expect(written.map((w) => w.recipientName).sort()).toEqual(['МКОУ «Вторая ООШ» (вымышленная)', 'МКОУ «Первая ООШ» (вымышленная)']);
    for (const w of written) expect(w.encrypted).toBe(true);
  });

  it('its file is sealed: the plan is not in the bytes, and no key but its own opens it', () => {
    const forA = written.find((w) => w.recipientId === a.schoolId)!;
    const bytes = readFileSync(forA.path);
    expect(bytes.toString('utf8')).not.toContain('Вымышленный план');
    const c = openContainer(bytes);
    expect(() => openEntries(c, invitationKey(hashSecret('другой секрет')).privateKey)).toThrow();
    // School B's secret hash (the department's) does not open A's file either.
    const bHash = muni.ctx.raw.prepare('SELECT secret_hash FROM municipality_school WHERE id = ?').pluck().get(b.schoolId) as string;
    expect(() => openEntries(c, invitationKey(bHash).privateKey)).toThrow();
  });

  it('the school that unsealed its enrollment file with the code reads its plan', () => {
    const forA = written.find((w) => w.recipientId === a.schoolId)!;
    const r = importFile(school.ctx, forA.path);
    expect(r.status, r.reason).toBe('accepted');
    expect(school.ctx.raw.prepare('SELECT title FROM municipal_activity').pluck().all()).toContain('Семинар для заместителей директоров «Вымышленный план»');
    const forB = written.find((w) => w.recipientId === b.schoolId)!;
    expect(importFile(school.ctx, forB.path).status).toBe('rejected');
  });
});
