/**
 * Erasing a pupil's name erases it from the texts too: a journal event's outcomes, a risk entry's reason and
 * a consent's scope (a table that stays at the school) written before the erasure name the pupil and give the
 * birth date; after the erasure — when the retention period runs out, on a parent's request, or when the
 * pupil's record is deleted — they carry the pupil's code, the export passes, and the decrypted bundle holds
 * neither the name nor the birth date. A teacher's name in the same texts stays: it is an adult's.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { makePair, type Pair } from './exchange-fixtures.js';
import { includePupil, changeStatus } from '../../main/services/school/risk-group.js';
import { eraseOnRequest, eraseExpired } from '../../main/services/privacy/erasure.js';
import { removeRecord } from '../../main/services/records/records.js';
import { writeRow } from '../../main/services/core/writer.js';
import { findPupilMentions, replacePupilMentions, ensureIdentity, openContainer, unpackEntries, exportToFolder } from '../../main/services/exchange/index.js';
import { tempDir, testWorkspace } from '../helpers.js';

let p: Pair;
afterEach(() => p?.close());

const NAME = 'Лебедев Дмитрий Андреевич';
const STAFF = 'Сидорова Анна Викторовна';

function setUp() {
  p = makePair({ demo: null });
  const ctx = p.school.ctx;
  writeRow(ctx, 'staff', { full_name: STAFF, position: 'Учитель', subjects: 'Математика' });
  const ids = includePupil(ctx, { full_name: NAME, birth_date: '2014-03-20', class_name: '5А' },
    { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Дима Лебедев (р. 20 марта 2014 г.) пропускает уроки; со слов Сидоровой А. В. — болел', responsible: 'Сидорова А. В.' });
  const event = writeRow(ctx, 'event', {
    title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', participants_count: 5, participants: 'Администрация',
    outcomes: 'Рассмотрено поведение Лебедева Д. А., 20.03.2014 г.р.; ответственный — Сидорова А. В.',
  });
  const consent = writeRow(ctx, 'consent', { entry_id: ids.entryId, given_by: 'Лебедева Ольга Петровна', form: 'written', given_on: '2026-09-16', scope: 'Сведения об ОВЗ Лебедева Дмитрия для ПМПК' });
  return { ...ids, eventId: event.id as string, consentId: consent.id as string };
}

function texts(ids: ReturnType<typeof setUp>) {
  const raw = p.school.ctx.raw;
  return {
    reason: raw.prepare('SELECT reason FROM risk_entry WHERE id = ?').pluck().get(ids.entryId) as string,
    outcomes: raw.prepare('SELECT outcomes FROM event WHERE id = ?').pluck().get(ids.eventId) as string,
    scope: raw.prepare('SELECT scope FROM consent WHERE id = ?').pluck().get(ids.consentId) as string,
  };
}

function bundleText(path: string): string {
  return [...unpackEntries(openContainer(readFileSync(path)), ensureIdentity(p.muni.ctx).keys.encryptPrivate).values()].map((b) => b.toString('utf8')).join('\n');
}

function expectErased(ids: ReturnType<typeof setUp>, hlcBefore: string) {
  const t = texts(ids);
  expect(t).toEqual({
    reason: 'обучающийся № 1 (р. дата рождения не указывается г.) пропускает уроки; со слов Сидоровой А. В. — болел',
    outcomes: 'Рассмотрено поведение обучающегося № 1, дата рождения не указывается г.р.; ответственный — Сидорова А. В.',
    scope: 'Сведения об ОВЗ обучающегося № 1 для ПМПК',
  });
  // Through the writer's bookkeeping: the corrected text is newer, so it wins at the municipality too.
  expect(p.school.ctx.raw.prepare('SELECT hlc FROM event WHERE id = ?').pluck().get(ids.eventId) as string > hlcBefore).toBe(true);
  const owner = ensureIdentity(p.school.ctx).ownerId;
  expect(findPupilMentions(p.school.ctx, owner)).toEqual([]);
  const plain = bundleText(p.exportSchool());
  expect(plain).toContain('Рассмотрено поведение обучающегося № 1');
  expect(plain).toContain('Сидорова А. В.');
  for (const s of ['Лебедев', 'Дмитри', 'Дима', '20.03.2014', '2014-03-20', '20 марта 2014']) expect(plain, s).not.toContain(s);
}

describe('erasing a pupil\'s name erases it from every text at the school', () => {
  it('before any erasure the export is refused: the texts name the pupil', () => {
    setUp();
    expect(() => exportToFolder(p.school.ctx, tempDir())).toThrow(/Выгрузка не записана/);
  });

  it('on a parent\'s request', () => {
    const ids = setUp();
    const hlc = p.school.ctx.raw.prepare('SELECT hlc FROM event WHERE id = ?').pluck().get(ids.eventId) as string;
    changeStatus(p.school.ctx, { entryId: ids.entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Посещает регулярно' });
    eraseOnRequest(p.school.ctx, ids.pupilId);
    expectErased(ids, hlc);
  });

  it('when the retention period runs out', () => {
    const ids = setUp();
    const hlc = p.school.ctx.raw.prepare('SELECT hlc FROM event WHERE id = ?').pluck().get(ids.eventId) as string;
    changeStatus(p.school.ctx, { entryId: ids.entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Посещает регулярно' });
    p.clock.set('2029-09-01T08:00:00Z');
    expect(eraseExpired(p.school.ctx)).toBe(1);
    expectErased(ids, hlc);
  });

  it('when the pupil\'s record is deleted (the risk entry goes with it, its text is corrected all the same)', () => {
    const ids = setUp();
    const hlc = p.school.ctx.raw.prepare('SELECT hlc FROM event WHERE id = ?').pluck().get(ids.eventId) as string;
    removeRecord(p.school.ctx, 'pupil', ids.pupilId);
    expect(p.school.ctx.raw.prepare('SELECT full_name, deleted_at IS NOT NULL AS gone FROM pupil WHERE id = ?').get(ids.pupilId)).toEqual({ full_name: '', gone: 1 });
    expectErased(ids, hlc);
  });
});

describe('several pupils due at once', () => {
  it('are erased in one pass over the texts, each replaced by their own code', () => {
    const ids = setUp();
    const ctx = p.school.ctx;
    p.clock.tick();
    const other = includePupil(ctx, { full_name: 'Ким Алина Сергеевна', birth_date: '2013-02-01', class_name: '6Б' },
      { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' });
    const ev = writeRow(ctx, 'event', { title: 'Беседа', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-02', outcomes: 'Беседа: Алина Ким и Дмитрий Лебедев, 01.02.2013 г.р.' });
    for (const entryId of [ids.entryId, other.entryId]) changeStatus(ctx, { entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Посещает регулярно' });
    p.clock.set('2029-09-01T08:00:00Z');
    expect(eraseExpired(ctx)).toBe(2);
    expect(ctx.raw.prepare('SELECT outcomes FROM event WHERE id = ?').pluck().get(ev.id)).toBe('Беседа: обучающийся № 2 и обучающийся № 1, дата рождения не указывается г.р.');
  });
});

describe('other pupils\' names stay', () => {
  it('erasing Лебедев Дмитрий leaves his sister Лебедева Эвелина named in full where she is named', () => {
    const ids = setUp();
    const ctx = p.school.ctx;
    p.clock.tick();
    includePupil(ctx, { full_name: 'Лебедева Эвелина Андреевна', birth_date: '2012-06-01', class_name: '7Б' },
      { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' });
    const ev = writeRow(ctx, 'event', { title: 'Беседа', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-02', outcomes: 'Беседа с Лебедевым; Лебедева Эвелина пропускает' });
    changeStatus(ctx, { entryId: ids.entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Посещает регулярно' });
    eraseOnRequest(ctx, ids.pupilId);
    expect(ctx.raw.prepare('SELECT outcomes FROM event WHERE id = ?').pluck().get(ev.id)).toBe('Беседа с обучающимся № 1; Лебедева Эвелина пропускает');
  });
});

describe('the outgoing check looks for deleted pupils whose name is still on file, and in the class field', () => {
  it('a pupil tombstoned by an older version (name left on the row) is still looked for', () => {
    const ids = setUp();
    const raw = p.school.ctx.raw;
    const sealed = raw.prepare('SELECT full_name FROM pupil WHERE id = ?').pluck().get(ids.pupilId);
    raw.prepare("UPDATE pupil SET deleted_at = '2026-11-01T00:00:00Z' WHERE id = ?").run(ids.pupilId);
    expect(raw.prepare('SELECT full_name FROM pupil WHERE id = ?').pluck().get(ids.pupilId)).toBe(sealed);
    const found = findPupilMentions(p.school.ctx, ensureIdentity(p.school.ctx).ownerId);
    expect(found.map((f) => f.where)).toContain('Мероприятие журнала «Совет профилактики» — поле «Итоги»');
  });

  it('a name typed into «Класс» never leaves: the class stays at the school (registry), so it is not in the bundle', () => {
    setUp();
    p.clock.tick();
    includePupil(p.school.ctx, { full_name: 'Ким Алина Сергеевна', birth_date: '2013-02-01', class_name: '6Б Ким Алина' },
      { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' });
    const owner = ensureIdentity(p.school.ctx).ownerId;
    expect(findPupilMentions(p.school.ctx, owner).filter((f) => f.table === 'pupil')).toEqual([]);
    replacePupilMentions(p.school.ctx, owner); // the journal's text from setUp; the class is not among what it changes
    expect(p.school.ctx.raw.prepare("SELECT COUNT(*) FROM pupil WHERE class_name = '6Б Ким Алина'").pluck().get()).toBe(1);
    const [w] = exportToFolder(p.school.ctx, tempDir(), {});
    expect(bundleText(w!.path)).not.toMatch(/Ким|6Б/);
  });
});

describe('a locked workspace', () => {
  it('waits with the daily erasure until it is unlocked (the name is needed to find it in the texts), then erases both', async () => {
    const clock = { t: Date.parse('2026-11-25T10:00:00') };
    const t = testWorkspace(() => new Date(clock.t));
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    const { entryId, pupilId } = await t.ok('riskGroup.include', { pupil: { full_name: NAME, birth_date: '2014-03-20', class_name: '6А' },
      entry: { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Лебедев Дмитрий пропускает', responsible: '' } });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Лебедев посещает регулярно' });
    await t.ok('privacy.setPassword', { password: 'верный-пароль-1', understood: true });
    await t.ok('privacy.lock', {});
    clock.t = Date.parse('2029-09-01T08:00:00');
    const raw = t.ws.ctx().raw;
    expect(raw.prepare('SELECT full_name FROM pupil WHERE id = ?').pluck().get(pupilId)).toMatch(/^enc1:/);
    await t.ok('privacy.unlock', { password: 'верный-пароль-1' });
    t.ws.ctx();
    expect(raw.prepare('SELECT full_name FROM pupil WHERE id = ?').pluck().get(pupilId)).toBe('');
    expect(raw.prepare('SELECT reason FROM risk_entry WHERE id = ?').pluck().get(entryId)).toBe('обучающийся № 1 пропускает');
    expect(raw.prepare('SELECT reason FROM risk_status_change ORDER BY changed_on DESC LIMIT 1').pluck().get()).toBe('обучающийся № 1 посещает регулярно');
  });
});
