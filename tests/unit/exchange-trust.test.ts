/**
 * Trust beyond the signature: an attacker may hold a valid key. No takeover by one click in the quarantine,
 * no key of one school accepted for another, completion marks only for activities addressed to the school —
 * with real databases and bundles made by the project's own export code.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePair, roadmapActivity, type Pair } from './exchange-fixtures.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { createSchool } from '../../main/services/core/school-profile.js';
import { getMeta } from '../../main/services/core/clock.js';
import {
  enrollSchool, openEnrollment, exportToFolder, importFile, listQuarantine, acceptQuarantined, ensureIdentity, markMunicipalActivity,
  openContainer, unpackEntries, rotateMunicipalityKey, displayFingerprint, reEnroll, readEnrollment, pinnedMunicipality,
} from '../../main/services/exchange/index.js';
import { saveRecord } from '../../main/services/records/records.js';

const pairs: Pair[] = [];
const opened: OpenWorkspace[] = [];
const pair = () => {
  const p = makePair({ demo: null });
  pairs.push(p);
  return p;
};
const open = (path: string, now?: () => Date) => {
  const w = openWorkspaceFile(path, now);
  opened.push(w);
  return w;
};
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
  while (opened.length) opened.pop()!.close();
});

/** A row of `table` copied from one database to another as it is (what an earlier file would have left). */
function plant(from: OpenWorkspace, to: OpenWorkspace, table: string, id: string) {
  const row = from.ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
  to.ctx.raw.prepare(`INSERT INTO ${table} (${Object.keys(row).join(',')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(',')})`).run(row);
}

const profile = (name: string) => ({ name, short_name: '', municipality: '', address: '', director: '', deputy: '', phone: '', email: '', pupils_count: null, is_nor: 0 as const, is_nsu: 0 as const });

describe('school side: the pinned municipality key is not replaced from the quarantine', () => {
  it('a plan from another municipality key, addressed to this school, cannot be accepted into the roster of trust', () => {
    const p = pair();
    const pinned = getMeta(p.school.ctx.raw, 'municipality_sign_public');
    // An attacker with a municipality workspace of their own, who knows the school's id and public key.
    const evil = open(join(tempDir(), 'evil.sqlite'), p.clock.now);
    initMunicipality(evil.ctx, 'Поддельное управление (вымышленное)');
    const school = ensureIdentity(p.school.ctx);
    evil.ctx.raw.prepare("INSERT INTO municipality_school (id, name, status, encrypt_public, sign_public, fingerprint, created_at) VALUES (?, ?, 'enrolled', ?, ?, ?, ?)")
      .run(p.schoolId, 'Энская ООШ', school.keys.encryptPublic, school.keys.signPublic, school.fingerprint, p.clock.now().toISOString());
    roadmapActivity(evil.ctx, { title: 'Поддельное мероприятие' });
    const file = exportToFolder(evil.ctx, join(tempDir(), 'usb'), { forSchool: p.schoolId })[0]!;
    const r = p.importToSchool(file.path);
    expect(r.status).toBe('quarantined');
    expect(() => acceptQuarantined(p.school.ctx, r.quarantineId!, 'AAAA')).toThrow(/файлом смены ключа|повторн/);
    expect(getMeta(p.school.ctx.raw, 'municipality_sign_public')).toBe(pinned);
    expect(p.school.ctx.raw.prepare("SELECT COUNT(*) FROM municipal_activity WHERE title = 'Поддельное мероприятие'").pluck().get()).toBe(0);
    // The school's next file is still encrypted for its own municipality, which opens it.
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
  });
});

describe('municipality side: one key, one school', () => {
  it('a key pinned for school A is never pinned for school B, even with B\'s valid enrollment secret', () => {
    const p = pair();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const enrB = enrollSchool(p.muni.ctx, 'Вторая школа (вымышленная)');
    // B's workspace is made from B's genuine enrollment file, but signs with school A's key pair.
    const bPath = join(tempDir(), 'b.sqlite');
    const b = open(bPath, p.clock.now);
    openEnrollment(b.ctx, enrB.bytes, enrB.code);
    const a = ensureIdentity(p.school.ctx);
    b.ctx.raw.prepare("UPDATE meta SET value = ? WHERE key = 'exchange_sign_public'").run(a.keys.signPublic);
    const keys = JSON.parse(readFileSync(p.school.ctx.raw.name + '.keys', 'utf8')) as Record<string, unknown>;
    writeFileSync(bPath + '.keys', JSON.stringify({ ...keys, ownerId: enrB.schoolId, db: undefined }));
    expect(ensureIdentity(b.ctx).fingerprint).toBe(a.fingerprint);
    const r = importFile(p.muni.ctx, exportToFolder(b.ctx, join(tempDir(), 'usb'))[0]!.path);
    expect(r.status).toBe('quarantined');
    const q = listQuarantine(p.muni.ctx).find((x) => x.id === r.quarantineId)!;
    expect(q.warning).toMatch(/этот ключ уже принадлежит школе «МКОУ «Энская ООШ» \(вымышленная\)»/i);
    expect(() => acceptQuarantined(p.muni.ctx, q.id, q.fingerprintDisplay.slice(0, 4))).toThrow(/уже принадлежит школе/);
    expect(p.muni.ctx.raw.prepare('SELECT status FROM municipality_school WHERE id = ?').pluck().get(enrB.schoolId)).toBe('invited');
  });

  it('accepting from the quarantine pins the key and imports in one transaction: a refused import keeps no pin', () => {
    const p = pair();
    // An activity for school A only; a stranger's file carries a completion mark for it.
    const act = roadmapActivity(p.muni.ctx, { title: 'Только для Энской ООШ', all_schools: 0, school_ids: [p.schoolId] });
    const stranger = open(join(tempDir(), 'stranger.sqlite'), p.clock.now);
    createSchool(stranger.ctx, profile('Незнакомая школа (вымышленная)'));
    plant(p.muni, stranger, 'municipal_activity', act);
    markMunicipalActivity(stranger.ctx, { activityId: act, status: 'done', completion_mark: 'Выполнено (вымышленно)' });
    const r = importFile(p.muni.ctx, exportToFolder(stranger.ctx, join(tempDir(), 'usb'))[0]!.path);
    expect(r.status).toBe('quarantined');
    const out = acceptQuarantined(p.muni.ctx, r.quarantineId!, listQuarantine(p.muni.ctx).find((x) => x.id === r.quarantineId)!.fingerprintDisplay.slice(0, 4));
    expect(out.status).toBe('rejected');
    expect(out.reason).toMatch(/не адресовано/);
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM municipality_school WHERE id = ?').pluck().get(r.issuer!.id)).toBe(0);
    expect(listQuarantine(p.muni.ctx).map((x) => x.id)).toContain(r.quarantineId);
  });
});

describe('completion marks only for activities addressed to the school', () => {
  it('a mark for an activity meant for another school is refused with a reason; one for its own is merged', () => {
    const p = pair();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const other = enrollSchool(p.muni.ctx, 'Другая школа (вымышленная)');
    const foreign = roadmapActivity(p.muni.ctx, { title: 'Только для другой школы', all_schools: 0, school_ids: [other.schoolId] });
    const own = roadmapActivity(p.muni.ctx, { title: 'Для всех школ' });
    expect(p.importToSchool(p.exportMuni(p.schoolId)[0]!).status).toBe('accepted');
    markMunicipalActivity(p.school.ctx, { activityId: own, status: 'done', completion_mark: 'Проведено (вымышленно)' });
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    plant(p.muni, p.school, 'municipal_activity', foreign);
    markMunicipalActivity(p.school.ctx, { activityId: foreign, status: 'done', completion_mark: 'Чужая отметка' });
    const r = p.importToMuni(p.exportSchool());
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/не адресовано/);
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(*) FROM municipal_activity_mark WHERE completion_mark = 'Чужая отметка'").pluck().get()).toBe(0);
  });
});

describe('an enrollment file is useless without its code', () => {
  it('the secret is sealed by a 10-character code; a wrong code is counted and after 5 the file is refused', () => {
    const dir = tempDir();
    const m = open(join(dir, 'm.sqlite'));
    initMunicipality(m.ctx, 'Управление (вымышленное)');
    const enr = enrollSchool(m.ctx, 'Школа (вымышленная)');
    expect(enr.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    // The file does not hold the secret in the clear: its hash at the municipality matches nothing in the file.
    const entry = unpackEntries(openContainer(enr.bytes), null).get('enrollment.json')!.toString('utf8');
    expect(JSON.parse(entry)).not.toHaveProperty('secret');
    const thief = open(join(dir, 'thief.sqlite'));
    for (let i = 4; i >= 1; i--) expect(() => openEnrollment(thief.ctx, enr.bytes, 'ABCDE-FGHJK')).toThrow(new RegExp(`Код подключения неверен.*Осталось попыток: ${i}`));
    expect(() => openEnrollment(thief.ctx, enr.bytes, 'ABCDE-FGHJK')).toThrow(/попытки исчерпаны/);
    // Even the right code no longer opens this file here: the municipality issues a new one.
    expect(() => openEnrollment(thief.ctx, enr.bytes, enr.code)).toThrow(/новый файл подключения/);
    expect(getMeta(thief.ctx.raw, 'municipality_id')).toBeUndefined();
    // The rightful school types the code (any case, with a dash) and is enrolled.
    const school = open(join(dir, 's.sqlite'));
    openEnrollment(school.ctx, enr.bytes, `${enr.code.slice(0, 5).toLowerCase()}-${enr.code.slice(5)}`);
    expect(getMeta(school.ctx.raw, 'municipality_sign_public')).toBe(ensureIdentity(m.ctx).keys.signPublic);
  });

  it('a second school enrolled from a copy of an already used file is quarantined, never merged', async () => {
    const p = pair();
    const enr = enrollSchool(p.muni.ctx, 'Третья школа (вымышленная)');
    const first = open(join(tempDir(), 'first.sqlite'), p.clock.now);
    openEnrollment(first.ctx, enr.bytes, enr.code);
    expect(importFile(p.muni.ctx, exportToFolder(first.ctx, join(tempDir(), 'usb'))[0]!.path).status).toBe('accepted');
    // Someone who got hold of both the file and the code, later.
    const copy = open(join(tempDir(), 'copy.sqlite'), p.clock.now);
    openEnrollment(copy.ctx, enr.bytes, enr.code);
    await saveRecord(copy.ctx, 'event', { title: 'Событие от копии', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
    const r = importFile(p.muni.ctx, exportToFolder(copy.ctx, join(tempDir(), 'usb'))[0]!.path);
    expect(r.status).toBe('quarantined');
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(*) FROM event WHERE title = 'Событие от копии'").pluck().get()).toBe(0);
  });
});

describe('a fresh enrollment done deliberately is the way to change the municipality key', () => {
  it('needs both fingerprints compared and the new one\u2019s first group typed; otherwise nothing changes', () => {
    const p = pair();
    const pinned = getMeta(p.school.ctx.raw, 'municipality_sign_public');
    const other = open(join(tempDir(), 'new-muni.sqlite'), p.clock.now);
    initMunicipality(other.ctx, 'Управление на новом компьютере (вымышленное)');
    const enr = enrollSchool(other.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    expect(() => openEnrollment(p.school.ctx, enr.bytes, enr.code)).toThrow(/подписан другим ключом.*Повторное подключение/);
    const current = pinnedMunicipality(p.school.ctx)!;
    const offered = readEnrollment(enr.bytes);
    expect(current.fingerprintDisplay).not.toBe(offered.fingerprintDisplay);
    expect(() => reEnroll(p.school.ctx, enr.bytes, enr.code, current.fingerprintDisplay.split(' ')[0]!)).toThrow(/первую группу нового отпечатка/);
    expect(getMeta(p.school.ctx.raw, 'municipality_sign_public')).toBe(pinned);
    reEnroll(p.school.ctx, enr.bytes, enr.code, offered.fingerprintDisplay.split(' ')[0]!.toLowerCase());
    expect(getMeta(p.school.ctx.raw, 'municipality_sign_public')).toBe(ensureIdentity(other.ctx).keys.signPublic);
    expect(pinnedMunicipality(p.school.ctx)!.municipalityName).toBe('Управление на новом компьютере (вымышленное)');
  });
});

describe('a key-rotation file signed by the pinned key changes the municipality key', () => {
  it('the school pins the new key from it; files for the old key still open at the municipality', () => {
    const p = pair();
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const before = p.exportSchool(); // encrypted for the municipality's current key
    const rot = rotateMunicipalityKey(p.muni.ctx, join(tempDir(), 'usb'));
    expect(rot.written).toHaveLength(1);
    const fresh = ensureIdentity(p.muni.ctx);
    expect(rot.fingerprintDisplay).toBe(displayFingerprint(fresh.fingerprint));
    // A plan signed by the new key before the school has the rotation file: quarantined, and no button pins it.
    const plan = p.exportMuni(p.schoolId)[0]!;
    expect(p.importToSchool(plan).status).toBe('quarantined');
    expect(p.importToSchool(rot.written[0]!.path).status).toBe('accepted');
    expect(getMeta(p.school.ctx.raw, 'municipality_sign_public')).toBe(fresh.keys.signPublic);
    expect(p.importToSchool(plan).status).toBe('accepted');
    expect(p.importToMuni(before).status).toBe('accepted');
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
  });
});
