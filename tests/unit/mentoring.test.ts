/** Registry 2 — staff and mentoring — through dispatch, on a real SQLite file. */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';
import type { Row } from '../../preload/contract/index.js';

async function school() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', { name: 'МКОУ «Берёзовская ООШ»' });
  const rows = (table: string) => t.ws.ctx().raw.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const staff = (full_name: string, more: Record<string, unknown> = {}) =>
    t.ok('records.save', { entity: 'staff', value: { full_name, position: 'Учитель', ...more } });
  const list = (entity: 'staff' | 'mentoring_pair' | 'staff_deficit' | 'course' | 'development_plan' | 'deficit', filters: Record<string, string | number | null> = {}, search = '') =>
    t.ok('records.list', { entity, filters, search });
  return { ...t, rows, staff, list };
}

describe('Кадры и наставничество', () => {
  it('создаёт педагога и показывает его в списке с нужными полями', async () => {
    const s = await school();
    const a = await s.staff('Соколова Ирина Павловна', { subjects: 'Математика', category: 'highest', experience_years: 25, hired_on: '2001-09-01' });
    expect(a.category).toBe('highest');
    expect(a.pedagogical_education).toBe(1);
    const l = await s.list('staff');
    expect(l.total).toBe(1);
    expect(l.rows[0]).toMatchObject({ full_name: 'Соколова Ирина Павловна', has_mentor: 0, open_deficits: 0, experience_years: 25 });
  });

  it('отклоняет неверного педагога по-русски и ничего не пишет', async () => {
    const s = await school();
    const before = s.rows('staff');
    const r1 = await s.call('records.save', { entity: 'staff', value: { full_name: '   ' } });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.fieldErrors?.full_name).toBe('Заполните поле «ФИО»');
    const r2 = await s.call('records.save', { entity: 'staff', value: { full_name: 'Петров П. П.', hired_on: '2024-09-01', left_on: '2023-01-01' } });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.fieldErrors?.left_on).toBe('Дата увольнения раньше даты приёма');
    const r3 = await s.call('records.save', { entity: 'staff', value: { full_name: 'Петров П. П.', experience_years: 200 } });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.message).toMatch(/не больше 70/);
    expect(s.rows('staff')).toBe(before);
  });

  it('наставническая пара: тот же человек, конец раньше начала, удалённый педагог — отказ и ничего не записано', async () => {
    const s = await school();
    const mentor = await s.staff('Соколова Ирина Павловна');
    const mentee = await s.staff('Новикова Дарья Олеговна', { young_specialist: true });
    const gone = await s.staff('Уволенный Иван Иванович');
    await s.ok('records.remove', { entity: 'staff', id: gone.id });
    const before = s.rows('mentoring_pair');

    const same = await s.call('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: mentor.id, reason: 'young', started_on: '2025-09-01' } });
    expect(same.ok).toBe(false);
    if (!same.ok) {
      expect(same.fieldErrors?.mentee_id).toBe('Наставник и наставляемый должны быть разными людьми');
      expect(same.message).toMatch(/разными людьми/);
    }
    const backwards = await s.call('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: mentee.id, reason: 'young', started_on: '2025-09-01', ended_on: '2025-01-01' } });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.fieldErrors?.ended_on).toBe('Дата окончания раньше даты начала');
    const deleted = await s.call('records.save', { entity: 'mentoring_pair', value: { mentor_id: gone.id, mentee_id: mentee.id, reason: 'young', started_on: '2025-09-01' } });
    expect(deleted.ok).toBe(false);
    if (!deleted.ok) expect(deleted.message).toBe('Наставник: выбранная запись не найдена или удалена. Выберите другую.');
    const noMentor = await s.call('records.save', { entity: 'mentoring_pair', value: { mentor_id: null, mentee_id: mentee.id, reason: 'young', started_on: '2025-09-01' } as never });
    expect(noMentor.ok).toBe(false);
    if (!noMentor.ok) expect(noMentor.fieldErrors?.mentor_id).toBe('Выберите наставника');
    expect(s.rows('mentoring_pair')).toBe(before);

    const pair = await s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: mentee.id, reason: 'young', subject: 'Математика', started_on: '2025-09-01', plan: 'Посещение уроков' } });
    const listed = await s.list('mentoring_pair', { staff_id: mentee.id });
    expect(listed.rows.map((r) => [r.mentor_name, r.mentee_name])).toEqual([['Соколова Ирина Павловна', 'Новикова Дарья Олеговна']]);
    // Editing into an invalid state is refused too, and the stored pair stays as it was.
    const bad = await s.call('records.save', { entity: 'mentoring_pair', value: { id: pair.id, mentor_id: mentee.id, mentee_id: mentee.id, reason: 'young', started_on: '2025-09-01' } });
    expect(bad.ok).toBe(false);
    const stored = await s.ok('records.get', { entity: 'mentoring_pair', id: pair.id });
    expect(stored.mentor_id).toBe(mentor.id);
  });

  it('«есть наставник» и фильтры: молодые/вновь прибывшие, без наставника, категория, поиск', async () => {
    const s = await school();
    const mentor = await s.staff('Соколова Ирина Павловна', { category: 'highest', subjects: 'Математика' });
    const young = await s.staff('Новикова Дарья Олеговна', { young_specialist: true, subjects: 'Русский язык' });
    const arrived = await s.staff('Кузнецов Олег Петрович', { newly_arrived: true, category: 'first', subjects: 'История' });
    await s.staff('Ушедшая Мария Ивановна', { young_specialist: true, hired_on: '2020-09-01', left_on: '2021-06-30' });
    await s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: young.id, reason: 'young', started_on: '2025-09-01', ended_on: '2999-05-31' } });
    // A pair that is over does not count as a mentor now.
    await s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: arrived.id, reason: 'newly_arrived', started_on: '2020-09-01', ended_on: '2021-05-31' } });

    const names = (l: { rows: Row[] }) => l.rows.map((r) => r.full_name);
    expect(names(await s.list('staff', { newcomer: 1, working: 1 }))).toEqual(['Кузнецов Олег Петрович', 'Новикова Дарья Олеговна']);
    expect(names(await s.list('staff', { needs_mentor: 1 }))).toEqual(['Кузнецов Олег Петрович']);
    expect(names(await s.list('staff', { working: 1 }))).not.toContain('Ушедшая Мария Ивановна');
    expect(names(await s.list('staff', { category: 'highest' }))).toEqual(['Соколова Ирина Павловна']);
    expect(names(await s.list('staff', {}, 'истор'))).toEqual(['Кузнецов Олег Петрович']);
    expect(names(await s.list('staff', {}, 'НОВИКОВА'))).toEqual(['Новикова Дарья Олеговна']);
    const byName = Object.fromEntries((await s.list('staff')).rows.map((r) => [r.full_name, r.has_mentor]));
    expect(byName['Новикова Дарья Олеговна']).toBe(1);
    expect(byName['Кузнецов Олег Петрович']).toBe(0);
    expect((await s.list('mentoring_pair', { current: 1 })).total).toBe(1);
    expect((await s.list('mentoring_pair', { current: 0 })).total).toBe(1);
    const unknown = await s.call('records.list', { entity: 'staff', filters: { nonsense: 1 } });
    expect(unknown.ok).toBe(false);
  });

  it('дефициты из каталога, который можно дополнить; дата устранения не раньше выявления', async () => {
    const s = await school();
    const t = await s.staff('Новикова Дарья Олеговна');
    const catalogue = await s.list('deficit', {}, 'ИКТ');
    expect(catalogue.rows[0]?.title).toBe('ИКТ-компетенции');
    const own = await s.ok('records.save', { entity: 'deficit', value: { title: 'Предметные дефициты: история', area: 'Предметные' } });
    expect(own.builtin).toBe(0);
    const empty = await s.call('records.save', { entity: 'deficit', value: { title: '' } });
    expect(empty.ok).toBe(false);

    const before = s.rows('staff_deficit');
    const noPick = await s.call('records.save', { entity: 'staff_deficit', value: { staff_id: t.id, deficit_id: null } as never });
    expect(noPick.ok).toBe(false);
    if (!noPick.ok) expect(noPick.fieldErrors?.deficit_id).toBe('Выберите дефицит из каталога');
    const backwards = await s.call('records.save', { entity: 'staff_deficit', value: { staff_id: t.id, deficit_id: own.id, identified_on: '2025-10-15', resolved_on: '2025-01-01' } });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.fieldErrors?.resolved_on).toBe('Дата устранения раньше даты выявления');
    expect(s.rows('staff_deficit')).toBe(before);

    await s.ok('records.save', { entity: 'staff_deficit', value: { staff_id: t.id, deficit_id: own.id, identified_on: '2025-10-15', method: 'Диагностика ИРО' } });
    await s.ok('records.save', { entity: 'staff_deficit', value: { staff_id: t.id, deficit_id: catalogue.rows[0]!.id, identified_on: '2025-10-15', resolved_on: '2026-05-20' } });
    const open = await s.list('staff_deficit', { staff_id: t.id, resolved: 0 });
    expect(open.rows.map((r) => [r.deficit_title, r.deficit_area])).toEqual([['Предметные дефициты: история', 'Предметные']]);
    expect((await s.list('staff')).rows[0]!.open_deficits).toBe(1);

    // Removing a catalogue entry takes the marks that use it.
    const removed = await s.ok('records.remove', { entity: 'deficit', id: own.id });
    expect(removed.removed).toBe(2);
    expect((await s.list('staff_deficit', { staff_id: t.id })).total).toBe(1);
  });

  it('курсы КПК и ИОМ: сохраняются, ищутся, неверные данные отклоняются', async () => {
    const s = await school();
    const t = await s.staff('Новикова Дарья Олеговна');
    const before = [s.rows('course'), s.rows('development_plan')];
    const c1 = await s.call('records.save', { entity: 'course', value: { staff_id: t.id, title: '', hours: 36 } });
    expect(c1.ok).toBe(false);
    if (!c1.ok) expect(c1.fieldErrors?.title).toBe('Заполните поле «Название курса»');
    const c2 = await s.call('records.save', { entity: 'course', value: { staff_id: t.id, title: 'ФГОС', hours: 0 } });
    expect(c2.ok).toBe(false);
    if (!c2.ok) expect(c2.fieldErrors?.hours).toBe('В поле «Часов» число не меньше 1');
    const c3 = await s.call('records.save', { entity: 'course', value: { staff_id: t.id, title: 'ФГОС', date_from: '2025-03-10', date_to: '2025-03-01' } });
    expect(c3.ok).toBe(false);
    const p1 = await s.call('records.save', { entity: 'development_plan', value: { staff_id: t.id, title: 'ИОМ', status: 'unknown' } as never });
    expect(p1.ok).toBe(false);
    if (!p1.ok) expect(p1.fieldErrors?.status).toBe('Выберите значение в поле «Статус» из списка');
    const p2 = await s.call('records.save', { entity: 'development_plan', value: { staff_id: '00000000-0000-4000-8000-000000000000', title: 'ИОМ' } });
    expect(p2.ok).toBe(false);
    if (!p2.ok) expect(p2.message).toMatch(/^Сотрудник: выбранная запись не найдена/);
    expect([s.rows('course'), s.rows('development_plan')]).toEqual(before);

    await s.ok('records.save', { entity: 'course', value: { staff_id: t.id, title: 'Формирование функциональной грамотности', provider: 'ИРО', hours: 36, date_from: '2025-03-01', date_to: '2025-03-20' } });
    await s.ok('records.save', { entity: 'development_plan', value: { staff_id: t.id, title: 'Индивидуальный образовательный маршрут', date_from: '2025-09-01', date_to: '2026-05-31', goals: 'Посещение уроков наставника' } });
    const courses = await s.list('course', {}, 'иро');
    expect(courses.rows.map((r) => [r.title, r.staff_name, r.hours])).toEqual([['Формирование функциональной грамотности', 'Новикова Дарья Олеговна', 36]]);
    const plans = await s.list('development_plan', { staff_id: t.id, status: 'active' });
    expect(plans.total).toBe(1);
  });

  it('удаление педагога уносит его пары (как наставника и как наставляемого), дефициты, курсы и планы', async () => {
    const s = await school();
    const a = await s.staff('Соколова Ирина Павловна');
    const b = await s.staff('Новикова Дарья Олеговна', { young_specialist: true });
    const c = await s.staff('Кузнецов Олег Петрович', { newly_arrived: true });
    const deficit = (await s.list('deficit')).rows[0]!;
    await s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: a.id, mentee_id: b.id, reason: 'young', started_on: '2025-09-01' } });
    await s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: b.id, mentee_id: c.id, reason: 'newly_arrived', started_on: '2025-09-01' } });
    const other = await s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: a.id, mentee_id: c.id, reason: 'other', started_on: '2024-09-01', ended_on: '2025-05-31' } });
    await s.ok('records.save', { entity: 'staff_deficit', value: { staff_id: b.id, deficit_id: deficit.id } });
    await s.ok('records.save', { entity: 'course', value: { staff_id: b.id, title: 'ФГОС', hours: 16 } });
    await s.ok('records.save', { entity: 'development_plan', value: { staff_id: b.id, title: 'ИОМ' } });

    const r = await s.ok('records.remove', { entity: 'staff', id: b.id });
    expect(r.removed).toBe(6); // the person, two pairs, a deficit, a course, a plan
    expect((await s.list('mentoring_pair')).rows.map((p) => p.id)).toEqual([other.id]);
    for (const e of ['staff_deficit', 'course', 'development_plan'] as const) expect((await s.list(e)).total).toBe(0);
    // Tombstones stay in the file for the exchange, marked deleted.
    const tomb = s.ws.ctx().raw.prepare('SELECT COUNT(*) FROM mentoring_pair WHERE deleted_at IS NOT NULL').pluck().get();
    expect(tomb).toBe(2);
    // A deleted person cannot be picked for a new pair.
    const again = await s.call('records.save', { entity: 'mentoring_pair', value: { mentor_id: a.id, mentee_id: b.id, reason: 'young', started_on: '2026-09-01' } });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/^Наставляемый: выбранная запись не найдена или удалена/);
    expect((await s.list('deficit', { builtin: 1 })).rows.some((d) => d.id === deficit.id)).toBe(true);
  });
});
