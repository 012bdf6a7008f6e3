/** The event log: events, decisions (поручения), links to programme activities and attached files — through dispatch, on a real SQLite file. */
import { describe, it, expect } from 'vitest';
import { readAttachmentBytes } from '../../main/services/core/attachment-path.js';
import { createHash } from 'node:crypto';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testWorkspace } from '../helpers.js';

type T = ReturnType<typeof testWorkspace>;

const seminar = {
  title: 'Семинар «Объективность оценивания ВПР»', kind: 'seminar', level: 'municipal', format: 'in_person',
  date_from: '2026-10-14', organiser: 'МКУ «Центр развития образования»', participants_count: 18,
  participants: 'Учителя математики и русского языка', outcomes: 'Разработан план коррекции.',
} as const;

async function setup() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая основная общеобразовательная школа»' });
  return t;
}

function rows(t: T, table: string, where = 'deleted_at IS NULL') {
  return t.ws.ctx().raw.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('журнал мероприятий: мероприятия', () => {
  it('создание, изменение, поиск, фильтры и сортировка по дате', async () => {
    const t = await setup();
    const a = await t.ok('records.save', { entity: 'event', value: seminar });
    expect(a).toMatchObject({ title: seminar.title, date_from: '2026-10-14', date_to: null, participants_count: 18 });
    const b = await t.ok('records.save', {
      entity: 'event',
      value: { title: 'Методический десант в школу', kind: 'methodical_landing', level: 'school', format: 'online', date_from: '2025-03-02', date_to: '2025-03-04' },
    });
    await t.ok('records.save', { entity: 'event', value: { ...seminar, id: a.id, title: 'Семинар по ВПР (перенесён)', date_from: '2026-10-21' } });
    const got = await t.ok('records.get', { entity: 'event', id: a.id });
    expect(got).toMatchObject({ title: 'Семинар по ВПР (перенесён)', date_from: '2026-10-21', organiser: seminar.organiser });

    const byDate = await t.ok('records.list', { entity: 'event', sort: { field: 'date_from', dir: 'desc' } });
    expect(byDate.rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await t.ok('records.list', { entity: 'event', filters: { year: '2025' } })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await t.ok('records.list', { entity: 'event', filters: { kind: 'seminar', level: 'municipal', format: 'in_person' } })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await t.ok('records.list', { entity: 'event', search: 'десант' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await t.ok('records.list', { entity: 'event', search: 'МАТЕМАТИКИ' })).rows.map((r) => r.id)).toEqual([a.id]);
  });

  it('неверная форма отклоняется с русским сообщением у поля, и ничего не записывается', async () => {
    const t = await setup();
    const backwards = await t.call('records.save', { entity: 'event', value: { ...seminar, date_from: '2026-10-14', date_to: '2026-10-10' } });
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { date_to: 'Дата окончания раньше даты начала' } });
    const noTitle = await t.call('records.save', { entity: 'event', value: { ...seminar, title: '   ' } });
    expect(noTitle).toMatchObject({ ok: false, fieldErrors: { title: 'Заполните поле «Название»' } });
    const noDate = await t.call('records.save', { entity: 'event', value: { ...seminar, date_from: '31.02.2026' } });
    expect(noDate.ok).toBe(false);
    if (!noDate.ok) expect(noDate.fieldErrors?.date_from).toMatch(/такой даты нет: в феврале 2026 года 28 дней/);
    const badKind = await t.call('records.save', { entity: 'event', value: { ...seminar, kind: 'party' as never } });
    expect(badKind).toMatchObject({ ok: false, fieldErrors: { kind: 'Выберите значение в поле «Вид» из списка' } });
    const negative = await t.call('records.save', { entity: 'event', value: { ...seminar, participants_count: -3 } });
    expect(negative.ok).toBe(false);
    expect(rows(t, 'event', '1=1')).toBe(0);

    // An invalid update leaves the stored event as it was.
    const a = await t.ok('records.save', { entity: 'event', value: seminar });
    const bad = await t.call('records.save', { entity: 'event', value: { ...seminar, id: a.id, title: 'Другое', date_to: '2026-01-01' } });
    expect(bad.ok).toBe(false);
    expect(await t.ok('records.get', { entity: 'event', id: a.id })).toMatchObject({ title: seminar.title, date_to: null, updated_at: a.updated_at });
  });
});

describe('журнал мероприятий: поручения', () => {
  it('просроченные — не исполненные с прошедшим сроком; отметка об исполнении снимает просрочку', async () => {
    const t = await setup();
    const ev = await t.ok('records.save', { entity: 'event', value: seminar });
    const late = await t.ok('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Подготовить анализ результатов ВПР', responsible: 'Иванова А. П.', deadline: '2021-03-19' } });
    const future = await t.ok('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Организовать взаимопосещение уроков', responsible: 'Петров И. И.', deadline: '2099-05-01' } });
    const noDeadline = await t.ok('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Разместить материалы на сайте', responsible: 'Сидорова В. В.' } });
    const doneLate = await t.ok('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Провести консультации', responsible: 'Иванова А. П.', deadline: '2021-01-10', done_on: '2021-01-09', note: 'Проведено 3 консультации' } });

    const overdue = await t.ok('records.list', { entity: 'decision', filters: { overdue: 1 } });
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id]);
    expect(overdue.rows[0]).toMatchObject({ overdue: 1, event_title: seminar.title, event_date: '2026-10-14' });
    const open = await t.ok('records.list', { entity: 'decision', filters: { open: 1 } });
    expect(open.rows.map((r) => r.id).sort()).toEqual([late.id, future.id, noDeadline.id].sort());
    expect((await t.ok('records.list', { entity: 'decision', filters: { open: 0 } })).rows.map((r) => r.id)).toEqual([doneLate.id]);
    expect((await t.ok('records.list', { entity: 'event' })).rows[0]).toMatchObject({ open_decisions: 3 });

    // «Отметить исполненным»: the whole record is sent back with done_on and the note.
    await t.ok('records.save', { entity: 'decision', value: { id: late.id, event_id: ev.id, text: String(late.text), responsible: String(late.responsible), deadline: '2021-03-19', done_on: '2021-03-25', note: 'Анализ представлен на педсовете' } });
    expect((await t.ok('records.list', { entity: 'decision', filters: { overdue: 1 } })).total).toBe(0);
    expect(await t.ok('records.get', { entity: 'decision', id: late.id })).toMatchObject({ deadline: '2021-03-19', done_on: '2021-03-25', note: 'Анализ представлен на педсовете', overdue: 0 });
    expect((await t.ok('records.list', { entity: 'event' })).rows[0]).toMatchObject({ open_decisions: 2 });
  });

  it('поручение без ответственного или к несуществующему мероприятию не записывается', async () => {
    const t = await setup();
    const ev = await t.ok('records.save', { entity: 'event', value: seminar });
    const noResp = await t.call('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Сделать', responsible: '' } });
    expect(noResp).toMatchObject({ ok: false, fieldErrors: { responsible: 'Заполните поле «Ответственный»' } });
    const badDate = await t.call('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Сделать', responsible: 'Иванова А. П.', deadline: '2026-13-01' } });
    expect(badDate.ok).toBe(false);
    const orphan = await t.call('records.save', { entity: 'decision', value: { event_id: '7d1e4c1a-2b8f-4f55-9d61-2f0c2f3b9a10', text: 'Сделать', responsible: 'Иванова А. П.' } });
    expect(orphan).toMatchObject({ ok: false, code: 'bad_reference' });
    expect(rows(t, 'decision', '1=1')).toBe(0);
  });
});

describe('журнал мероприятий: связи с программой и файлы', () => {
  it('мероприятие связывается с пунктами плана программы', async () => {
    const t = await setup();
    const p = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа повышения качества образования', year_from: 2024, year_to: 2027 } });
    const act = await t.ok('records.save', { entity: 'activity', value: { programme_id: p.id, number: '2.3', title: 'Семинары по объективности оценивания', timing_kind: 'recurrence', timing_text: 'Один раз в четверть' } });
    const ev = await t.ok('records.save', { entity: 'event', value: seminar });
    await t.ok('records.save', { entity: 'event_activity', value: { event_id: ev.id, activity_id: act.id } });
    const links = await t.ok('records.list', { entity: 'event_activity', filters: { event_id: ev.id } });
    expect(links.rows.map((r) => [r.activity_number, r.activity_title])).toEqual([['2.3', 'Семинары по объективности оценивания']]);
    const byActivity = await t.ok('records.list', { entity: 'event_activity', filters: { activity_id: act.id } });
    expect(byActivity.total).toBe(1);
    const missing = await t.call('records.save', { entity: 'event_activity', value: { event_id: ev.id, activity_id: '7d1e4c1a-2b8f-4f55-9d61-2f0c2f3b9a10' } });
    expect(missing).toMatchObject({ ok: false, code: 'bad_reference' });
    expect(rows(t, 'event_activity', '1=1')).toBe(1);
  });

  it('файл копируется в папку данных с верной суммой sha256, читается обратно и удаляется в корзину', async () => {
    const t = await setup();
    const ev = await t.ok('records.save', { entity: 'event', value: seminar });
    const bytes = Buffer.concat([Buffer.from('Протокол заседания № 3\n'), Buffer.from([0, 1, 2, 255, 254])]);
    const info = await t.ok('attachments.add', { eventId: ev.id, fileName: 'Протокол №3.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', dataBase64: b64(bytes) });
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(info).toMatchObject({ event_id: ev.id, file_name: 'Протокол №3.docx', size: bytes.length, sha256: sha });
    const path = join(t.ws.ctx().filesDir, 'attachments', info.id);
    // Sealed on disk (not the bytes themselves), the same bytes through the one reader.
    expect(readFileSync(path).equals(bytes)).toBe(false);
    expect(readAttachmentBytes(t.ws.ctx(), 'attachment', info.id)?.equals(bytes)).toBe(true);
    const back = await t.ok('attachments.read', { id: info.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect((await t.ok('attachments.list', { eventId: ev.id })).map((a) => a.file_name)).toEqual(['Протокол №3.docx']);
    expect((await t.ok('records.list', { entity: 'event' })).rows[0]).toMatchObject({ attachments: 1 });

    expect(await t.ok('attachments.remove', { id: info.id })).toMatchObject({ removed: 1 });
    expect(await t.ok('attachments.list', { eventId: ev.id })).toEqual([]);
    expect(await t.call('attachments.read', { id: info.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(rows(t, 'attachment', 'deleted_at IS NOT NULL')).toBe(1);
    expect(existsSync(path)).toBe(true); // its bytes wait in the recycle bin (erased after 30 days: event-files.test.ts)
  });

  it('пустой, слишком большой и повреждённый файл отклоняются, и ничего не записывается', async () => {
    const t = await setup();
    const ev = await t.ok('records.save', { entity: 'event', value: seminar });
    const empty = await t.call('attachments.add', { eventId: ev.id, fileName: 'пусто.txt', mime: 'text/plain', dataBase64: '' });
    expect(empty).toMatchObject({ ok: false, message: 'Файл пустой. Выберите другой файл.' });
    const big = await t.call('attachments.add', { eventId: ev.id, fileName: 'видео.mp4', mime: 'video/mp4', dataBase64: b64(Buffer.alloc(25 * 1024 * 1024 + 1, 7)) });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toMatch(/больше 25 МБ/);
    const broken = await t.call('attachments.add', { eventId: ev.id, fileName: 'фото.jpg', mime: 'image/jpeg', dataBase64: 'это не base64!' });
    expect(broken).toMatchObject({ ok: false, message: expect.stringMatching(/повреждённом виде/) });
    const slash = await t.call('attachments.add', { eventId: ev.id, fileName: '../../etc/passwd', mime: '', dataBase64: b64('x') });
    expect(slash.ok).toBe(false);
    const noEvent = await t.call('attachments.add', { eventId: '7d1e4c1a-2b8f-4f55-9d61-2f0c2f3b9a10', fileName: 'a.txt', mime: '', dataBase64: b64('x') });
    expect(noEvent).toMatchObject({ ok: false, code: 'not_found' });
    expect(rows(t, 'attachment', '1=1')).toBe(0);
    const dir = join(t.ws.ctx().filesDir, 'attachments');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('удаление мероприятия помечает удалёнными его поручения, связи и файлы', async () => {
    const t = await setup();
    const p = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа', year_from: 2024, year_to: 2027 } });
    const act = await t.ok('records.save', { entity: 'activity', value: { programme_id: p.id, number: '1', title: 'Методические дни', timing_kind: 'permanent', timing_text: 'Постоянно' } });
    const ev = await t.ok('records.save', { entity: 'event', value: seminar });
    const other = await t.ok('records.save', { entity: 'event', value: { ...seminar, title: 'Педагогический совет', kind: 'teachers_council' } });
    await t.ok('records.save', { entity: 'event_activity', value: { event_id: ev.id, activity_id: act.id } });
    await t.ok('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Подготовить анализ', responsible: 'Иванова А. П.', deadline: '2021-03-19' } });
    await t.ok('records.save', { entity: 'decision', value: { event_id: other.id, text: 'Утвердить план', responsible: 'Петров И. И.' } });
    const file = await t.ok('attachments.add', { eventId: ev.id, fileName: 'презентация.pdf', mime: 'application/pdf', dataBase64: b64('%PDF-1.4 тест') });
    const kept = await t.ok('attachments.add', { eventId: other.id, fileName: 'протокол.pdf', mime: 'application/pdf', dataBase64: b64('%PDF-1.4 другой') });

    expect(await t.ok('records.remove', { entity: 'event', id: ev.id })).toMatchObject({ removed: 4 }); // the event, its decision, its link and its file
    expect(await t.call('attachments.read', { id: file.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(existsSync(join(t.ws.ctx().filesDir, 'attachments', kept.id))).toBe(true);
    expect(rows(t, 'event')).toBe(1);
    expect(rows(t, 'decision')).toBe(1);
    expect(rows(t, 'event_activity')).toBe(0);
    expect(rows(t, 'attachment')).toBe(1); // only the other event's file
    expect(rows(t, 'decision', `deleted_at IS NOT NULL AND event_id = '${ev.id}'`)).toBe(1);
    expect(rows(t, 'activity')).toBe(1);
    expect((await t.ok('records.list', { entity: 'decision', filters: { overdue: 1 } })).total).toBe(0);
    expect(await t.call('records.get', { entity: 'event', id: ev.id })).toMatchObject({ ok: false, code: 'not_found' });
  });
});
