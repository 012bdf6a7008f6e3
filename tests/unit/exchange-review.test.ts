/**
 * Review findings in the bundle exchange, each proved with real databases and real bundle files.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readFileSync, copyFileSync, rmSync } from 'node:fs';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { listConflicts } from '../../main/services/exchange/index.js';
import { getMeta } from '../../main/services/core/clock.js';
import { join } from 'node:path';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { tempDir } from '../helpers.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment } from '../../main/services/exchange/index.js';
import { importBundle, ensureIdentity } from '../../main/services/exchange/index.js';
import { assemble, openContainer, type EntryInput, type Manifest } from '../../main/services/exchange/container.js';
import { newKeyPairs, fingerprint } from '../../main/services/core/crypto.js';
import { tableEntry } from '../../main/services/exchange/export.js';
import { saveRecord, removeRecord } from '../../main/services/records/records.js';
import { addAttachment, shareAttachment } from '../../main/services/school/attachments.js';
import { readAttachmentBytes } from '../../main/services/core/attachment-path.js';
import { saveRoadmap, saveRoadmapActivity, removeRoadmapActivity } from '../../main/services/municipality/roadmap.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

function bumpHlc(hlc: string): string {
  const [wall, counter, origin] = [hlc.slice(0, 15), hlc.slice(16, 22), hlc.slice(23)];
  return `${wall}:${String(Number(counter) + 1).padStart(6, '0')}:${origin}`;
}

describe('a rejected import changes nothing on disk either', () => {
  it('an attachment file the municipality already has survives a bundle refused at commit (foreign keys)', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const ev = await saveRecord(p.school.ctx, 'event', { title: 'Семинар (вымышленный)', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
    const att = addAttachment(p.school.ctx, { eventId: ev.id as string, fileName: 'протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол (вымышленный)') });
    shareAttachment(p.school.ctx, att.id, true); // passed on to the department: its bytes travel
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const stored = join(p.muni.ctx.filesDir, 'attachments', att.id);
    expect(readAttachmentBytes(p.muni.ctx, 'attachment', att.id)?.toString('utf8')).toBe('Протокол (вымышленный)');

    // The same attachment, renamed, but pointing at an event that does not exist: refused at commit.
    const { entry } = tableEntry(p.school.ctx.raw, 'attachment', 't.owner = ?', [p.schoolId]);
    const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
    const row = d.rows[0]!;
    row[d.columns.indexOf('file_name')] = 'протокол (2).txt';
    row[d.columns.indexOf('event_id')] = '00000000-0000-4000-8000-000000000001';
    row[d.columns.indexOf('hlc')] = bumpHlc(row[d.columns.indexOf('hlc')] as string);
    const bytes = schoolSigned(p, [
      { name: entry.name, data: Buffer.from(JSON.stringify(d), 'utf8') },
      { name: `files/${att.id}`, data: Buffer.from('Протокол (вымышленный)') },
    ], 50);
    const r = importBundle(p.muni.ctx, { fileName: 'inconsistent.opora', bytes });
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('inconsistent');
    expect(p.muni.ctx.raw.prepare('SELECT file_name FROM attachment WHERE id = ?').pluck().get(att.id)).toBe('протокол.txt');
    expect(existsSync(stored)).toBe(true);
    expect(readAttachmentBytes(p.muni.ctx, 'attachment', att.id)?.toString('utf8')).toBe('Протокол (вымышленный)');
  });
});

describe('municipality → school: an activity meant for some schools only', () => {
  it('its deletion reaches the schools it concerned (the tombstone travels)', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const rm = saveRoadmap(p.muni.ctx, { title: 'Дорожная карта (вымышленная)', year_from: 2026, year_to: 2027, approval_number: '', approval_date: null, goals: '', tasks: '' });
    const act = saveRoadmapActivity(p.muni.ctx, {
      roadmap_id: rm.id as string, number: '1', section: '', title: 'Семинар только для этой школы', timing_text: '', date_from: null, date_to: null,
      responsible: '', status: 'planned', completion_mark: '', completed_on: null, all_schools: 0, school_ids: [p.schoolId],
    });
    expect(p.importToSchool(p.exportMuni(p.schoolId)[0]!).status).toBe('accepted');
    const live = () => p.school.ctx.raw.prepare('SELECT COUNT(*) FROM municipal_activity WHERE id = ? AND deleted_at IS NULL').pluck().get(act.id);
    expect(live()).toBe(1);

    p.clock.tick();
    removeRoadmapActivity(p.muni.ctx, act.id);
    const r = p.importToSchool(p.exportMuni(p.schoolId)[0]!);
    expect(r.status).toBe('accepted');
    expect(live()).toBe(0);
  });
});

describe('enrollment proof is bound to the key that signed it', () => {
  it('the school\'s first bundle re-signed by someone else\'s key does not pin that key', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const first = readFileSync(p.exportSchool());
    // Whoever holds a copy of the flash drive: same encrypted payload, manifest re-signed with their own keys.
    const c = openContainer(first);
    expect(c.manifest.enrollmentProof).toBe(true);
    const m = JSON.parse(c.manifestBytes.toString('utf8')) as Manifest;
    const thief = newKeyPairs();
    m.issuer.signKey = thief.signPublic;
    m.issuer.encryptKey = thief.encryptPublic;
    m.issuer.fingerprint = fingerprint(thief.signPublic);
    const forged = assemble(Buffer.from(JSON.stringify(m), 'utf8'), thief.signPrivate, Buffer.from(c.payload));
    const r = importBundle(p.muni.ctx, { fileName: 'forged.opora', bytes: forged });
    expect(r.status).not.toBe('accepted');
    const row = p.muni.ctx.raw.prepare('SELECT status, fingerprint FROM municipality_school WHERE id = ?').get(p.schoolId) as { status: string; fingerprint: string | null };
    expect(row.fingerprint).not.toBe(fingerprint(thief.signPublic));
    // The real bundle still enrolls the school with its own key.
    expect(importBundle(p.muni.ctx, { fileName: 'first.opora', bytes: first }).status).toBe('accepted');
    expect(p.muni.ctx.raw.prepare('SELECT fingerprint FROM municipality_school WHERE id = ?').pluck().get(p.schoolId)).toBe(ensureIdentity(p.school.ctx).fingerprint);
  });
});

describe('a deleted attachment', () => {
  it('its bytes do not stay at the municipality once the deletion is merged', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const ev = await saveRecord(p.school.ctx, 'event', { title: 'Заседание (вымышленное)', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
    const att = addAttachment(p.school.ctx, { eventId: ev.id as string, fileName: 'протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол (вымышленный)') });
    shareAttachment(p.school.ctx, att.id, true); // passed on to the department: its bytes travel
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const stored = join(p.muni.ctx.filesDir, 'attachments', att.id);
    expect(existsSync(stored)).toBe(true);
    p.clock.tick();
    removeRecord(p.school.ctx, 'attachment', att.id);
    const r = p.importToMuni(p.exportSchool());
    expect(r.counts).toMatchObject({ deleted: 1 });
    expect(existsSync(stored)).toBe(false);
  });
});

describe('a school database restored from the same backup twice', () => {
  it('takes a new origin the second time too: its edits are merged (as a conflict where due), not refused or taken for old ones', async () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const ev = (title: string) => ({ title, kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
    const id = (await saveRecord(p.school.ctx, 'event', ev('Исходное название'))).id as string;
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const dbPath = join(p.dir, 'school.sqlite');
    const backup = join(p.dir, 'backup.sqlite');
    p.school.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(dbPath, backup);
    const restore = () => {
      p.school.close();
      for (const x of ['', '-wal', '-shm']) rmSync(dbPath + x, { force: true });
      copyFileSync(backup, dbPath);
      p.school = openWorkspaceFile(dbPath, p.clock.now);
    };
    p.clock.tick();
    await saveRecord(p.school.ctx, 'event', { ...ev('Правка до восстановления'), id });
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const o1 = getMeta(p.school.ctx.raw, 'origin_id');

    restore();
    expect(getMeta(p.school.ctx.raw, 'origin_id')).not.toBe(o1);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');

    restore();
    expect(getMeta(p.school.ctx.raw, 'origin_id')).not.toBe(o1);
    p.clock.tick();
    await saveRecord(p.school.ctx, 'event', { ...ev('Правка после второго восстановления'), id });
    const r = p.importToMuni(p.exportSchool());
    expect(r.status, r.reason).toBe('accepted');
    // The edit made before the restores is not silently overwritten: both versions wait for a person.
    const c = listConflicts(p.muni.ctx);
    expect(c).toHaveLength(1);
    expect(c[0]!.versions.map((v) => v.data.title).sort()).toEqual(['Правка до восстановления', 'Правка после второго восстановления']);
  });
});

describe('an enrolled school and a second enrollment file', () => {
  it('refuses a file signed by another municipality key and keeps the pinned one', () => {
    const pair = makePair({ demo: null });
    try {
      const pinned = getMeta(pair.school.ctx.raw, 'municipality_sign_public');
      const other = openWorkspaceFile(join(tempDir(), 'other.sqlite'), pair.clock.now);
      initMunicipality(other.ctx, 'Чужое управление образования (вымышленное)');
      const forged = enrollSchool(other.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
      other.close();
      expect(() => openEnrollment(pair.school.ctx, forged.bytes, forged.code)).toThrow(/подписан другим ключом/);
      expect(getMeta(pair.school.ctx.raw, 'municipality_sign_public')).toBe(pinned);
      // a file re-issued by the same municipality is still fine
      const again = enrollSchool(pair.muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
      expect(() => openEnrollment(pair.school.ctx, again.bytes, again.code)).not.toThrow(/подписан другим ключом/);
    } finally {
      pair.close();
    }
  });
});

describe('ids derived from the owner cannot be claimed by another school', () => {
  it('a bundle claiming another school\'s profile id is refused, nothing merged', () => {
    const pair = makePair({ demo: null });
    try {
      expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');
      const raw = pair.school.ctx.raw;
      const victim = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
      const row = raw.prepare('SELECT * FROM school_profile').get() as Record<string, unknown>;
      raw.prepare(`INSERT INTO school_profile (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(',')})`)
        .run({ ...row, id: victim, name: 'Чужая школа (вымышленная)' });
      const r = pair.importToMuni(pair.exportSchool());
      expect(r).toMatchObject({ status: 'rejected', reasonCode: 'wrong_owner' });
      expect(pair.muni.ctx.raw.prepare('SELECT COUNT(*) FROM school_profile WHERE id = ?').pluck().get(victim)).toBe(0);
    } finally {
      pair.close();
    }
  });
});
