/**
 * Files attached to events, through dispatch on real SQLite files and a real data folder: the department's
 * own meetings get them as the school's journal does (and they stay at the department); a deleted file waits
 * in the recycle bin with its bytes, comes back with «Восстановить», and is erased from the disk after the
 * bin's term — after which the bin says it will not come back instead of restoring a file nobody can open.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testWorkspace } from '../helpers.js';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const DAY = 86_400_000;

function clock(start = '2026-11-25T10:00:00Z') {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (days: number) => { t += days * DAY; } };
}

async function municipality(c = clock()) {
  const t = testWorkspace(c.now);
  await t.ok('exchange.initMunicipality', { name: 'Управление образования Энского района (вымышленное)' });
  const card = await t.ok('municipality.events.save', {
    event: { kind: 'meeting', date_from: '2026-11-20', topic: 'О подготовке к итоговому собеседованию' },
    agenda: [{ title: 'Итоги пробного собеседования' }],
  });
  return { t, c, eventId: card.event.id };
}

async function school(c = clock()) {
  const t = testWorkspace(c.now);
  await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая основная общеобразовательная школа»' });
  const ev = await t.ok('records.save', { entity: 'event', value: { title: 'Педагогический совет', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-11-10' } });
  return { t, c, eventId: ev.id as string };
}

/** Where a file's bytes are: the department's meeting files and the school's event files each in their own folder. */
const path = (t: ReturnType<typeof testWorkspace>, id: string, table = 'mun_event_attachment') => join(t.ws.ctx().filesDir, table === 'attachment' ? 'attachments' : table, id);

describe('files of the department’s own meetings', () => {
  it('are copied into the data folder, listed on the meeting and in the journal, read back byte for byte', async () => {
    const { t, eventId } = await municipality();
    const bytes = Buffer.concat([Buffer.from('Протокол совещания № 7\n'), Buffer.from([0, 255, 1, 254])]);
    const info = await t.ok('attachments.add', { eventId, fileName: 'Протокол совещания №7.pdf', mime: 'application/pdf', dataBase64: b64(bytes) });
    expect(info).toMatchObject({ event_id: eventId, file_name: 'Протокол совещания №7.pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    // On disk the bytes are sealed (attachment-path.ts): not the file's own bytes, and no word of its text.
    const stored = readFileSync(path(t, info.id));
    expect(stored.subarray(0, 8).toString('latin1')).toBe('OPORAF1\n');
    expect(stored.includes(Buffer.from('Протокол совещания'))).toBe(false);
    const back = await t.ok('attachments.read', { id: info.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect((await t.ok('attachments.list', { eventId })).map((f) => f.file_name)).toEqual(['Протокол совещания №7.pdf']);
    expect((await t.ok('municipality.events.list', {}))[0]).toMatchObject({ id: eventId, files: 1 });
    // Recorded in the department's own table, which never travels.
    const raw = t.ws.ctx().raw;
    expect(raw.prepare('SELECT COUNT(*) FROM mun_event_attachment WHERE deleted_at IS NULL').pluck().get()).toBe(1);
    expect(raw.prepare('SELECT COUNT(*) FROM attachment').pluck().get()).toBe(0);
    // The справка about the meeting offers its files as the «Приложение» lines, by name.
    await t.ok('attachments.add', { eventId, fileName: 'Презентация к совещанию.pptx', mime: '', dataBase64: b64('слайды') });
    const draft = await t.ok('municipality.documents.fromEvent', { eventId });
    expect(draft.document.attachments).toBe('Протокол совещания №7\nПрезентация к совещанию');
  });

  it('refuse an empty file, a meeting that does not exist and an id of the school journal, writing nothing', async () => {
    const { t, eventId } = await municipality();
    expect(await t.call('attachments.add', { eventId, fileName: 'пусто.txt', mime: 'text/plain', dataBase64: '' })).toMatchObject({ ok: false, message: 'Файл пустой. Выберите другой файл.' });
    expect(await t.call('attachments.add', { eventId: '7d1e4c1a-2b8f-4f55-9d61-2f0c2f3b9a10', fileName: 'a.txt', mime: '', dataBase64: b64('x') }))
      .toMatchObject({ ok: false, code: 'not_found', message: expect.stringMatching(/Мероприятие/) });
    // A school's journal event the department holds a copy of is not the department's to attach files to.
    const s = await school();
    const schoolEvent = s.t.ws.ctx().raw.prepare('SELECT * FROM event').get() as Record<string, unknown>;
    const cols = Object.keys(schoolEvent);
    t.ws.ctx().raw.prepare(`INSERT INTO event (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(schoolEvent);
    expect(await t.call('attachments.add', { eventId: s.eventId, fileName: 'чужой.txt', mime: '', dataBase64: b64('x') })).toMatchObject({ ok: false, code: 'not_found' });
    // Nor may a school attach to the department's meeting.
    expect(await s.t.call('attachments.add', { eventId, fileName: 'a.txt', mime: '', dataBase64: b64('x') })).toMatchObject({ ok: false, code: 'not_found' });
    expect(t.ws.ctx().raw.prepare('SELECT COUNT(*) FROM mun_event_attachment').pluck().get()).toBe(0);
    expect(t.ws.ctx().raw.prepare('SELECT COUNT(*) FROM attachment').pluck().get()).toBe(0);
  });

  it('go to the recycle bin with the deleted meeting and come back with it, bytes and all', async () => {
    const { t, eventId } = await municipality();
    const info = await t.ok('attachments.add', { eventId, fileName: 'Презентация.pptx', mime: '', dataBase64: b64('слайды') });
    const r = await t.ok('municipality.events.remove', { id: eventId });
    expect(r.removed).toBe(3); // the meeting, its agenda item, its file
    expect(await t.ok('municipality.events.list', {})).toEqual([]);
    expect(existsSync(path(t, info.id))).toBe(true);
    const [entry] = await t.ok('recycleBin.list', {});
    expect(entry).toMatchObject({ kind: 'Мероприятие управления образования', title: 'О подготовке к итоговому собеседованию', filesErased: 0 });
    expect(entry!.others).toEqual(expect.arrayContaining([{ kind: 'Файл мероприятия', count: 1 }]));
    expect(await t.ok('recycleBin.restore', { id: r.deletionId })).toEqual({ restored: 3, filesLost: 0 });
    const card = await t.ok('municipality.events.get', { id: eventId });
    expect(card.agenda.map((a) => a.title)).toEqual(['Итоги пробного собеседования']);
    const back = await t.ok('attachments.read', { id: info.id });
    expect(Buffer.from(back.dataBase64, 'base64').toString()).toBe('слайды');
  });

  it('the other deletions of the department’s work go to the bin too: an assignment, a group, a document', async () => {
    const { t, eventId } = await municipality();
    const a = await t.ok('municipality.assignments.save', { assignment: { event_id: eventId, text: 'Представить планы подготовки', all_schools: 1 } });
    const g = await t.ok('municipality.workGroups.save', { group: { title: 'Рабочая группа по русскому языку', kind: 'working' }, members: [{ surname: 'Вымыслова', first_name: 'Анна', patronymic: 'Петровна' }] });
    const d = await t.ok('municipality.documents.fromEvent', { eventId });
    for (const [call, id] of [['municipality.assignments.remove', a.id], ['municipality.workGroups.remove', g.id], ['municipality.documents.remove', d.document.id]] as const) {
      const r = await t.ok(call, { id });
      expect(r.deletionId, call).toEqual(expect.any(String));
      await t.ok('recycleBin.restore', { id: r.deletionId });
    }
    expect((await t.ok('municipality.assignments.list', {})).map((x) => x.id)).toEqual([a.id]);
    expect((await t.ok('municipality.workGroups.list', {}))[0]!.members.map((m) => m.surname)).toEqual(['Вымыслова']);
    expect((await t.ok('municipality.documents.list', {})).map((x) => x.id)).toEqual([d.document.id]);
  });
});

describe('a deleted file in the recycle bin', () => {
  it('removed alone, is undone with its bytes (the school journal)', async () => {
    const { t, eventId } = await school();
    const info = await t.ok('attachments.add', { eventId, fileName: 'Протокол педсовета.docx', mime: '', dataBase64: b64('протокол') });
    const r = await t.ok('attachments.remove', { id: info.id });
    expect(r).toMatchObject({ removed: 1, deletionId: expect.any(String) });
    expect(await t.ok('attachments.list', { eventId })).toEqual([]);
    expect((await t.ok('records.list', { entity: 'event' })).rows[0]).toMatchObject({ attachments: 0 });
    await t.ok('recycleBin.restore', { id: r.deletionId });
    expect(Buffer.from((await t.ok('attachments.read', { id: info.id })).dataBase64, 'base64').toString()).toBe('протокол');
  });

  it('keeps its bytes for 30 days after the event is deleted, then erases them; the bin says so and restores the rest', async () => {
    const c = clock();
    const { t, eventId } = await school(c);
    const old = await t.ok('attachments.add', { eventId, fileName: 'Фото.jpg', mime: 'image/jpeg', dataBase64: b64('jpeg') });
    const r = await t.ok('records.remove', { entity: 'event', id: eventId });
    c.advance(29);
    t.ws.ctx(); // the daily sweep runs when the workspace is used
    expect(existsSync(path(t, old.id, 'attachment'))).toBe(true);
    expect((await t.ok('recycleBin.list', {}))[0]!.filesErased).toBe(0);
    c.advance(2);
    t.ws.ctx();
    expect(existsSync(path(t, old.id, 'attachment'))).toBe(false);
    expect((await t.ok('recycleBin.list', {}))[0]!.filesErased).toBe(1);
    expect(await t.ok('recycleBin.restore', { id: r.deletionId })).toEqual({ restored: 1, filesLost: 1 });
    expect(await t.ok('records.get', { entity: 'event', id: eventId })).toMatchObject({ title: 'Педагогический совет' });
    expect(await t.ok('attachments.list', { eventId })).toEqual([]);
    expect(t.ws.ctx().raw.prepare('SELECT deleted_at IS NOT NULL FROM attachment WHERE id = ?').pluck().get(old.id)).toBe(1);
  });
});
