/**
 * Enrollment, export → import round trips in both directions, double import, replay, dry run, quarantine,
 * key change, restore from a backup, and pupils' personal data never leaving the school — all with real
 * databases and real bundle files on disk.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { copyFileSync, readFileSync, existsSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makePair, ownedCounts, roadmapActivity, type Pair } from './exchange-fixtures.js';
import { tempDir } from '../helpers.js';
import { revealRows } from '../../main/services/privacy/vault.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { createSchool } from '../../main/services/core/school-profile.js';
import { saveRecord, removeRecord } from '../../main/services/records/records.js';
import { getMeta } from '../../main/services/core/clock.js';
import {
  enrollSchool, openEnrollment, exportToFolder, importFile, importHistory, listQuarantine, acceptQuarantined, refuseQuarantined,
  setSchoolClassification, addCuratorComment, markMunicipalActivity, listMunicipalActivities,
  schoolClassification, curatorComments, ensureIdentity, openContainer, unpackEntries, keyFilePath, enrollmentState,
} from '../../main/services/exchange/index.js';
import { upTables, downTables } from '../../main/services/exchange/tables.js';
const UP_TABLES = upTables();
const DOWN_TABLES = downTables();
import { removeRoadmapActivity } from '../../main/services/municipality/roadmap.js';
import { addAttachment, shareAttachment } from '../../main/services/school/attachments.js';
import { readAttachmentBytes } from '../../main/services/core/attachment-path.js';

const pairs: Pair[] = [];
const pair = (o?: Parameters<typeof makePair>[0]) => {
  const p = makePair(o);
  pairs.push(p);
  return p;
};
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

describe('enrollment and automatic key pinning', () => {
  it('pins the school key from its first bundle (proof of the one-time secret) and the municipality key at the school', async () => {
    const p = pair();
    const before = p.muni.ctx.raw.prepare('SELECT status, fingerprint, secret_hash FROM municipality_school WHERE id = ?').get(p.schoolId) as Record<string, unknown>;
    expect(before).toMatchObject({ status: 'invited', fingerprint: null });
    expect(before.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    // The school pinned the municipality's key from the enrollment file.
    expect(getMeta(p.school.ctx.raw, 'municipality_sign_public')).toBe(getMeta(p.muni.ctx.raw, 'exchange_sign_public'));
    expect(getMeta(p.school.ctx.raw, 'owner_id')).toBe(p.schoolId);

    const r = p.importToMuni(p.exportSchool());
    expect(r.status).toBe('accepted');
    const after = p.muni.ctx.raw.prepare('SELECT status, fingerprint, secret_hash FROM municipality_school WHERE id = ?').get(p.schoolId) as Record<string, unknown>;
    expect(after.status).toBe('enrolled');
    expect(after.fingerprint).toBe(ensureIdentity(p.school.ctx).fingerprint);
    expect(after.secret_hash).toBeNull();
    // The secret is single-use: once acknowledged by the municipality the school forgets it.
    expect(enrollmentState(p.school.ctx).pendingProof).toBe(true);
    for (const f of p.exportMuni()) expect(p.importToSchool(f).status).toBe('accepted');
    expect(enrollmentState(p.school.ctx).pendingProof).toBe(false);
  });

  it('an enrollment file opened later adopts the municipality\'s id for an existing school', async () => {
    const dir = tempDir();
    const m = openWorkspaceFile(join(dir, 'm.sqlite'));
    const s = openWorkspaceFile(join(dir, 's.sqlite'));
    try {
      initMunicipality(m.ctx, 'Управление образования (вымышленное)');
      createSchool(s.ctx, { name: 'Школа до подключения', short_name: '', municipality: '', address: '', director: '', deputy: '', phone: '', email: '', pupils_count: null, is_nor: 0, is_nsu: 0 });
      generateDemo(s.ctx, { size: 'small', seed: 5 });
      const enr = enrollSchool(m.ctx, 'Школа до подключения');
      openEnrollment(s.ctx, enr.bytes, enr.code);
      expect(getMeta(s.ctx.raw, 'owner_id')).toBe(enr.schoolId);
      expect(s.ctx.raw.prepare('SELECT COUNT(*) FROM activity WHERE owner <> ?').pluck().get(enr.schoolId)).toBe(0);
      const out = exportToFolder(s.ctx, join(dir, 'usb'))[0]!;
      const r = importFile(m.ctx, out.path);
      expect(r.status).toBe('accepted');
      expect(r.counts!.new).toBeGreaterThan(300);
    } finally {
      m.close();
      s.close();
    }
  });

  it('a wrong secret does not pin the key: the bundle waits in quarantine', async () => {
    const p = pair({ demo: null });
    p.school.ctx.raw.prepare("UPDATE meta SET value = ? WHERE key = 'enrollment_secret'").run(Buffer.alloc(32, 7).toString('base64'));
    const r = p.importToMuni(p.exportSchool());
    expect(r.status).toBe('quarantined');
    expect(r.reasonCode).toBe('unknown_sender');
    expect((p.muni.ctx.raw.prepare('SELECT status FROM municipality_school WHERE id = ?').pluck().get(p.schoolId))).toBe('invited');
  });
});

describe('school → municipality', () => {
  it('round trip: every owned record arrives, counts match, files travel, the same bundle twice changes nothing', async () => {
    const p = pair();
    // An attached file travels with its event.
    const event = p.school.ctx.raw.prepare('SELECT id FROM event LIMIT 1').pluck().get() as string;
    const att = addAttachment(p.school.ctx, { eventId: event, fileName: 'протокол.txt', mime: 'text/plain', bytes: Buffer.from('Протокол заседания (вымышленный)') });
    shareAttachment(p.school.ctx, att.id, true); // passed on to the department: its bytes travel
    // One the school did not pass on: its record travels, its bytes stay at the school.
    const kept = addAttachment(p.school.ctx, { eventId: event, fileName: 'фото.jpg', mime: 'image/jpeg', bytes: Buffer.from('jpeg (вымышленный)') });

    const file = p.exportSchool();
    expect(statSync(file).size).toBeGreaterThan(1000);
    expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.part'))).toEqual([]);
    const r = p.importToMuni(file);
    expect(r.status).toBe('accepted');
    const schoolCounts = ownedCounts(p.school, p.schoolId, UP_TABLES);
    const muniCounts = ownedCounts(p.muni, p.schoolId, UP_TABLES);
    expect(muniCounts).toEqual(schoolCounts);
    const total = Object.values(schoolCounts).reduce((a, b) => a + b, 0);
    expect(r.counts).toEqual({ new: total, updated: 0, unchanged: 0, deleted: 0, conflicts: 0 });
    // Sealed at the department with its own keys, read back through the one reader of attached files.
    expect(readFileSync(join(p.muni.ctx.filesDir, 'attachments', att.id)).includes(Buffer.from('Протокол'))).toBe(false);
    expect(readAttachmentBytes(p.muni.ctx, 'attachment', att.id)!.toString('utf8')).toBe('Протокол заседания (вымышленный)');
    expect(p.muni.ctx.raw.prepare('SELECT share FROM attachment WHERE id = ?').pluck().get(kept.id)).toBe(0);
    expect(existsSync(join(p.muni.ctx.filesDir, 'attachments', kept.id))).toBe(false);
    // Pupils arrive under their ids with no name and no birth date.
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(*) FROM pupil WHERE full_name <> '' OR birth_date IS NOT NULL").pluck().get()).toBe(0);
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM pupil').pluck().get()).toBe(schoolCounts.pupil);

    const again = p.importToMuni(file);
    expect(again.status).toBe('accepted');
    expect(again.repeated).toBe(true);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: total, deleted: 0, conflicts: 0 });
    expect(ownedCounts(p.muni, p.schoolId, UP_TABLES)).toEqual(schoolCounts);
  });

  it('the next bundle carries edits and tombstones: updated and deleted counts', async () => {
    const p = pair();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const act = p.school.ctx.raw.prepare("SELECT * FROM activity WHERE status = 'planned' LIMIT 1").get() as Record<string, unknown>;
    p.clock.tick();
    await saveRecord(p.school.ctx, 'activity', { ...act, title: 'Изменённое название мероприятия' });
    const staff = p.school.ctx.raw.prepare('SELECT id FROM staff WHERE id NOT IN (SELECT mentor_id FROM mentoring_pair) AND id NOT IN (SELECT mentee_id FROM mentoring_pair) AND id NOT IN (SELECT staff_id FROM course) AND id NOT IN (SELECT staff_id FROM staff_deficit) AND id NOT IN (SELECT staff_id FROM development_plan) LIMIT 1').pluck().get() as string;
    const removed = removeRecord(p.school.ctx, 'staff', staff);
    expect(removed).toBe(1);
    const r = p.importToMuni(p.exportSchool());
    expect(r.status).toBe('accepted');
    expect(r.counts).toMatchObject({ new: 0, updated: 1, deleted: 1, conflicts: 0 });
    expect(p.muni.ctx.raw.prepare('SELECT title FROM activity WHERE id = ?').pluck().get(act.id)).toBe('Изменённое название мероприятия');
    expect(p.muni.ctx.raw.prepare('SELECT deleted_at FROM staff WHERE id = ?').pluck().get(staff)).not.toBeNull();
  });

  it('dry run shows the counts and writes nothing', async () => {
    const p = pair();
    const file = p.exportSchool();
    const dry = p.importToMuni(file, true);
    expect(dry.status).toBe('accepted');
    expect(dry.dryRun).toBe(true);
    expect(dry.counts!.new).toBeGreaterThan(300);
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM activity').pluck().get()).toBe(0);
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM exchange_import').pluck().get()).toBe(0);
    expect(p.muni.ctx.raw.prepare('SELECT status FROM municipality_school').pluck().get()).toBe('invited');
    const real = p.importToMuni(file);
    expect(real.counts).toEqual(dry.counts);
  });

  it('replay: an older bundle than the one merged is refused, and the history keeps every attempt', async () => {
    const p = pair();
    const first = p.exportSchool();
    const second = p.exportSchool();
    expect(p.importToMuni(second).status).toBe('accepted');
    const r = p.importToMuni(first);
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('replay');
    expect(r.reason).toMatch(/старше уже загруженного/);
    const h = importHistory(p.muni.ctx);
    expect(h.map((x) => x.status)).toEqual(['rejected', 'accepted']);
  });

  it('a school that restores its database from a backup gets a new origin; its new edits are merged, not refused', async () => {
    const p = pair();
    const dbPath = join(p.dir, 'school.sqlite');
    const backup = join(p.dir, 'backup.sqlite');
    p.school.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(dbPath, backup);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const oldOrigin = getMeta(p.school.ctx.raw, 'origin_id');
    // Restore: the database goes back, the key file (next to it) stays.
    p.school.close();
    for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
    copyFileSync(backup, dbPath);
    const restored = openWorkspaceFile(dbPath, p.clock.now);
    p.school = restored;
    const act = restored.ctx.raw.prepare('SELECT * FROM activity LIMIT 1').get() as Record<string, unknown>;
    p.clock.tick();
    // Detected when the database is opened, before any edit is stamped.
    expect(getMeta(restored.ctx.raw, 'origin_id')).not.toBe(oldOrigin);
    await saveRecord(restored.ctx, 'activity', { ...act, title: 'Правка после восстановления из резервной копии' });
    const r = p.importToMuni(p.exportSchool());
    expect(r.status).toBe('accepted');
    expect(r.counts!.updated).toBe(1);
    expect(p.muni.ctx.raw.prepare('SELECT title FROM activity WHERE id = ?').pluck().get(act.id)).toBe('Правка после восстановления из резервной копии');
  });
});

describe('quarantine and keys', () => {
  it('a bundle signed by an unknown key waits in quarantine with its fingerprint; accepting pins the key and imports it', async () => {
    const p = pair({ demo: null });
    // A school the municipality never enrolled.
    const dir = tempDir();
    const stranger = openWorkspaceFile(join(dir, 'stranger.sqlite'), p.clock.now);
    try {
      createSchool(stranger.ctx, { name: 'Незнакомая школа (вымышленная)', short_name: '', municipality: '', address: '', director: '', deputy: '', phone: '', email: '', pupils_count: null, is_nor: 0, is_nsu: 0 });
      const file = exportToFolder(stranger.ctx, join(dir, 'usb'))[0]!;
      expect(file.encrypted).toBe(false);
      const r = importFile(p.muni.ctx, file.path);
      expect(r.status).toBe('quarantined');
      expect(r.reason).toContain(r.issuer!.fingerprintDisplay);
      expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM risk_factor').pluck().get()).toBe(0);
      const q = listQuarantine(p.muni.ctx);
      expect(q).toHaveLength(1);
      expect(q[0]!.fingerprint).toBe(ensureIdentity(stranger.ctx).fingerprint);
      // Importing it again does not duplicate the quarantine entry.
      expect(importFile(p.muni.ctx, file.path).quarantineId).toBe(q[0]!.id);
      const accepted = acceptQuarantined(p.muni.ctx, q[0]!.id, q[0]!.fingerprintDisplay.slice(0, 4));
      expect(accepted.status).toBe('accepted');
      expect(accepted.counts!.new).toBeGreaterThan(10);
      expect(listQuarantine(p.muni.ctx)).toHaveLength(0);
      expect(p.muni.ctx.raw.prepare('SELECT status FROM municipality_school WHERE id = ?').pluck().get(r.issuer!.id)).toBe('enrolled');
    } finally {
      stranger.close();
    }
  });

  it('a school key change needs explicit approval; refusing leaves everything as it was', async () => {
    const p = pair({ demo: null });
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    // The school's key file is lost (new computer): a new key pair is made at the next export.
    rmSync(keyFilePath(p.school.ctx.raw));
    const r = p.importToMuni(p.exportSchool());
    expect(r.status).toBe('quarantined');
    expect(r.reasonCode).toBe('key_change');
    const q = listQuarantine(p.muni.ctx)[0]!;
    refuseQuarantined(p.muni.ctx, q.id);
    expect(listQuarantine(p.muni.ctx)).toHaveLength(0);
    const r2 = p.importToMuni(p.exportSchool());
    expect(r2.status).toBe('quarantined');
    const waiting = listQuarantine(p.muni.ctx)[0]!;
    const accepted = acceptQuarantined(p.muni.ctx, waiting.id, waiting.fingerprintDisplay.slice(0, 4));
    expect(accepted.status).toBe('accepted');
    expect(p.muni.ctx.raw.prepare('SELECT fingerprint FROM municipality_school WHERE id = ?').pluck().get(p.schoolId)).toBe(ensureIdentity(p.school.ctx).fingerprint);
  });

  it('a bundle meant for another municipality is refused', async () => {
    const p = pair({ demo: null });
    const dir = tempDir();
    const other = openWorkspaceFile(join(dir, 'other.sqlite'));
    try {
      initMunicipality(other.ctx, 'Другое управление образования (вымышленное)');
      const r = importFile(other.ctx, p.exportSchool());
      expect(r.status).toBe('rejected');
      expect(r.reasonCode).toBe('wrong_recipient');
      expect(r.reason).toMatch(/другому получателю/);
    } finally {
      other.close();
    }
  });
});

describe('municipality → school', () => {
  it('roadmap, classification and curator comments go down; the school\'s completion marks come back up', async () => {
    const p = pair();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const a1 = roadmapActivity(p.muni.ctx, { number: '1', title: 'Муниципальный семинар для школ с НОР', timing_text: 'Ноябрь', date_from: '2026-11-01', date_to: '2026-11-30' });
    const a2 = roadmapActivity(p.muni.ctx, { number: '2', title: 'Методический десант в школы', timing_text: 'В течение года' });
    setSchoolClassification(p.muni.ctx, p.schoolId, { cluster: 'Сельские малокомплектные', quality_group: 'ГК-3', partner_group: 'Северная группа', curator: 'Петрова И. А.' });
    addCuratorComment(p.muni.ctx, { schoolId: p.schoolId, targetId: a1, targetTable: 'municipal_activity', text: 'Прошу приложить протокол.', author: 'Петрова И. А.' });
    // A second school's data must not reach this school.
    const other = enrollSchool(p.muni.ctx, 'Другая школа (вымышленная)');
    void other;

    const files = p.exportMuni(p.schoolId);
    expect(files).toHaveLength(1);
    const r = p.importToSchool(files[0]!);
    expect(r.status).toBe('accepted');
    expect(r.counts).toEqual({ new: 4, updated: 0, unchanged: 0, deleted: 0, conflicts: 0 });
    expect(ownedCounts(p.school, p.muniId, DOWN_TABLES)).toEqual({ ...Object.fromEntries(DOWN_TABLES.map((t) => [t, 0])), municipal_activity: 2, school_classification: 1, curator_comment: 1 });
    expect(schoolClassification(p.school.ctx)).toMatchObject({ cluster: 'Сельские малокомплектные', curator: 'Петрова И. А.' });
    expect(curatorComments(p.school.ctx)[0]!.text).toBe('Прошу приложить протокол.');
    expect(p.importToSchool(files[0]!).counts).toMatchObject({ new: 0, unchanged: 4 });

    markMunicipalActivity(p.school.ctx, { activityId: a1, status: 'done', completion_mark: 'Проведено, участвовали 12 педагогов.', completed_on: '2026-11-20' });
    markMunicipalActivity(p.school.ctx, { activityId: a2, status: 'not_done', completion_mark: 'Не проведено: перенесено на январь.' });
    const up = p.importToMuni(p.exportSchool());
    expect(up.status).toBe('accepted');
    expect(up.counts).toMatchObject({ new: 2, updated: 0 });
    const view = listMunicipalActivities(p.muni.ctx);
    expect(view.find((a) => a.id === a1)!.marks).toEqual([{ school_id: p.schoolId, status: 'done', completion_mark: 'Проведено, участвовали 12 педагогов.', completed_on: '2026-11-20' }]);

    // Edits and deletions go down as updates and tombstones.
    roadmapActivity(p.muni.ctx, { id: a2, number: '2', title: 'Методический десант (перенесён)', timing_text: 'Январь' });
    removeRoadmapActivity(p.muni.ctx, a1);
    const r2 = p.importToSchool(p.exportMuni(p.schoolId)[0]!);
    expect(r2.counts).toMatchObject({ new: 0, updated: 1, deleted: 1, unchanged: 2 });
  });

  it('a plan for another school is refused by this school', async () => {
    const p = pair({ demo: null });
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    // Enroll a second school and bring its first bundle, so the municipality can write for it.
    const dir = tempDir();
    const enr = enrollSchool(p.muni.ctx, 'Вторая школа (вымышленная)');
    const s2 = openWorkspaceFile(join(dir, 's2.sqlite'), p.clock.now);
    try {
      openEnrollment(s2.ctx, enr.bytes, enr.code);
      expect(importFile(p.muni.ctx, exportToFolder(s2.ctx, join(dir, 'usb'))[0]!.path).status).toBe('accepted');
      const forSecond = p.exportMuni(enr.schoolId)[0]!;
      const r = p.importToSchool(forSecond);
      expect(r.status).toBe('rejected');
      expect(r.reasonCode).toBe('wrong_recipient');
      expect(importFile(s2.ctx, forSecond).status).toBe('accepted');
    } finally {
      s2.close();
    }
  });
});

describe('personal data of minors never leaves the school', () => {
  it('no pupil name or birth date in a bundle\'s bytes, encrypted or not, searched after decryption and decompression', async () => {
    const p = pair({ demo: 'small', seed: 11 });
    const raw = p.school.ctx.raw;
    // Names and dates that appear nowhere else in the school's data (staff share the generator's name lists).
    const elsewhere = UP_TABLES.filter((t) => t !== 'pupil').map((t) => JSON.stringify(raw.prepare(`SELECT * FROM ${t}`).all())).join('\n');
    const pupils = revealRows(raw, raw.prepare('SELECT full_name, birth_date FROM pupil').all() as { full_name: string; birth_date: string | null }[]);
    const needles = [...new Set(pupils.flatMap((x) => [x.full_name, x.birth_date ?? '']))].filter((s) => s && !elsewhere.includes(s));
    expect(needles.length).toBeGreaterThan(50);

    const encrypted = p.exportSchool();
    const bytes = readFileSync(encrypted);
    const c = openContainer(bytes);
    expect(c.manifest.payload.encryption).not.toBeNull();
    const entries = unpackEntries(c, ensureIdentity(p.muni.ctx).keys.encryptPrivate);
    const plain = Buffer.concat([...entries.values()]);
    for (const s of needles) {
      expect(bytes.includes(Buffer.from(s, 'utf8')), s).toBe(false);
      expect(plain.includes(Buffer.from(s, 'utf8')), s).toBe(false);
    }
    // Pupils are there, under their stable ids.
    const pupilEntry = JSON.parse(entries.get('data/pupil.json')!.toString('utf8')) as { columns: string[]; rows: unknown[][] };
    expect(pupilEntry.columns).not.toContain('full_name');
    expect(pupilEntry.columns).not.toContain('birth_date');
    expect(pupilEntry.rows).toHaveLength(pupils.length);

    // Not enrolled → not encrypted: still nothing.
    const dir = tempDir();
    const solo = openWorkspaceFile(join(dir, 'solo.sqlite'));
    try {
      generateDemo(solo.ctx, { size: 'small', seed: 11 });
      const clear = exportToFolder(solo.ctx, join(dir, 'usb'))[0]!;
      expect(clear.encrypted).toBe(false);
      const cb = readFileSync(clear.path);
      const centries = unpackEntries(openContainer(cb), null);
      const cplain = Buffer.concat([...centries.values()]);
      const soloPupils = revealRows(solo.ctx.raw, solo.ctx.raw.prepare('SELECT full_name, birth_date FROM pupil').all() as { full_name: string; birth_date: string }[]);
      const soloElsewhere = UP_TABLES.filter((t) => t !== 'pupil').map((t) => JSON.stringify(solo.ctx.raw.prepare(`SELECT * FROM ${t}`).all())).join('\n');
      for (const x of soloPupils) {
        for (const s of [x.full_name, x.birth_date]) {
          if (!s || soloElsewhere.includes(s)) continue;
          expect(cb.includes(Buffer.from(s, 'utf8')), s).toBe(false);
          expect(cplain.includes(Buffer.from(s, 'utf8')), s).toBe(false);
        }
      }
    } finally {
      solo.close();
    }
  });
});

describe('export to a folder', () => {
  it('leaves no partial file behind and refuses a folder it cannot write', async () => {
    const p = pair({ demo: null });
    const file = p.exportSchool();
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(file, '..')).every((f) => f.endsWith('.opora'))).toBe(true);
    // A "folder" that is a file: the export fails with a Russian message and burns no valid file.
    expect(() => exportToFolder(p.school.ctx, file)).toThrow(/Не удалось записать файл|записать/);
  });
});
