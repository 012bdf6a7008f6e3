/** The risk-group registry and gifted pupils, through dispatch and validation, on a real SQLite file. */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';
import { revealValue } from '../../main/services/privacy/vault.js';

const school = { name: 'МКОУ «Тестовая основная общеобразовательная школа»' };
const petrov = { full_name: 'Петров Пётр Петрович', birth_date: '2013-04-12', class_name: '7Б' };
const entry = { categories: ['absenteeism', 'low_achievement'] as ('absenteeism' | 'low_achievement' | 'migrant' | 'deviant')[], included_on: '2026-09-15', reason: 'Пропуски без уважительной причины, 14 уроков за сентябрь', responsible: 'Сидорова А. В.' };

async function setup() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', school);
  return t;
}

function count(t: ReturnType<typeof testWorkspace>, table: string, where = 'deleted_at IS NULL') {
  return t.ws.ctx().raw.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
}

describe('группа риска', () => {
  it('включение создаёт обучающегося, запись и первую строку истории', async () => {
    const t = await setup();
    const { pupilId, entryId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    const e = await t.ok('records.get', { entity: 'risk_entry', id: entryId });
    expect(e).toMatchObject({ pupil_id: pupilId, pupil_name: 'Петров Пётр Петрович', class_name: '7Б', status: 'included', included_on: '2026-09-15' });
    expect(JSON.parse(String(e.categories))).toEqual(['absenteeism', 'low_achievement']);
    const h = await t.ok('records.list', { entity: 'risk_status_change', filters: { entry_id: entryId } });
    expect(h.rows.map((r) => [r.status, r.changed_on, r.reason])).toEqual([['included', '2026-09-15', entry.reason]]);
    const s = await t.ok('riskGroup.summary', {});
    expect(s).toMatchObject({ included: 1, removed: 0, gifted: 0, classes: ['7Б'] });
    expect(s.byCategory).toEqual(expect.arrayContaining([{ category: 'absenteeism', count: 1 }, { category: 'low_achievement', count: 1 }]));
  });

  it('повторное включение того же обучающегося отклоняется', async () => {
    const t = await setup();
    const { pupilId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    // the same pupil by id
    const byId = await t.call('riskGroup.include', { pupil: { ...petrov, id: pupilId }, entry });
    expect(byId).toMatchObject({ ok: false, code: 'already_included' });
    // the same child typed again in the form (other case, same birth date)
    const again = await t.call('riskGroup.include', { pupil: { ...petrov, full_name: 'петров пётр петрович' }, entry });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/уже состоит в группе риска/);
    expect(count(t, 'pupil')).toBe(1);
    expect(count(t, 'risk_entry')).toBe(1);
    // a namesake in another class with no birth date is another child
    await t.ok('riskGroup.include', { pupil: { full_name: 'Петров Пётр Петрович', birth_date: null, class_name: '3А' }, entry });
    expect(count(t, 'pupil')).toBe(2);
  });

  it('снятие с учёта с причиной: в истории две строки; возврат — три', async () => {
    const t = await setup();
    const { entryId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    const removed = await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-11-20', reason: 'Пропусков нет два месяца' });
    expect(removed).toMatchObject({ status: 'removed', removed_on: '2026-11-20', removal_reason: 'Пропусков нет два месяца' });
    const h = await t.ok('records.list', { entity: 'risk_status_change', filters: { entry_id: entryId } });
    expect(h.rows.map((r) => r.status)).toEqual(['included', 'removed']);
    const again = await t.call('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-11-21', reason: 'ещё раз' });
    expect(again.ok).toBe(false);
    // a second inclusion of a removed pupil points the user at «Вернуть в группу риска»
    const inc = await t.call('riskGroup.include', { pupil: petrov, entry: { ...entry, included_on: '2026-11-22' } });
    expect(inc.ok).toBe(false);
    if (!inc.ok) expect(inc.message).toMatch(/Вернуть в группу риска/);
    const back = await t.ok('riskGroup.changeStatus', { entryId, status: 'included', changed_on: '2026-11-24', reason: 'Снова пропуски' });
    expect(back).toMatchObject({ status: 'included', removed_on: null, removal_reason: '' });
    expect(count(t, 'risk_status_change')).toBe(3);
  });

  it('дата раньше постановки (или раньше последнего изменения) отклоняется, причина обязательна', async () => {
    const t = await setup();
    const { entryId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    const early = await t.call('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-09-01', reason: 'Ошибка' });
    expect(early).toMatchObject({ ok: false, fieldErrors: { changed_on: expect.any(String) } });
    if (!early.ok) expect(early.message).toMatch(/раньше даты постановки/);
    const noReason = await t.call('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-10-01', reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: 'Заполните поле «Причина»' } });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-10-10', reason: 'Исправил оценки' });
    const beforeLast = await t.call('riskGroup.changeStatus', { entryId, status: 'included', changed_on: '2026-10-01', reason: 'Снова' });
    expect(beforeLast.ok).toBe(false);
    expect(count(t, 'risk_status_change')).toBe(2);
    const e = await t.ok('records.get', { entity: 'risk_entry', id: entryId });
    expect(e.status).toBe('removed');
  });

  it('фильтр по категории, статусу и классу; поиск по ФИО', async () => {
    const t = await setup();
    await t.ok('riskGroup.include', { pupil: petrov, entry });
    await t.ok('riskGroup.include', { pupil: { full_name: 'Ахметова Дина Руслановна', birth_date: null, class_name: '5А' }, entry: { ...entry, categories: ['migrant'] } });
    const { entryId } = await t.ok('riskGroup.include', { pupil: { full_name: 'Козлов Иван Сергеевич', birth_date: null, class_name: '7Б' }, entry: { ...entry, categories: ['migrant', 'deviant'] } });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-10-01', reason: 'Переехал' });
    const names = async (filters: Record<string, string>, search = '') =>
      (await t.ok('records.list', { entity: 'risk_entry', filters, search })).rows.map((r) => r.pupil_name);
    expect(await names({ category: 'migrant' })).toEqual(['Ахметова Дина Руслановна', 'Козлов Иван Сергеевич']);
    expect(await names({ category: 'migrant', status: 'included' })).toEqual(['Ахметова Дина Руслановна']);
    expect(await names({ category: 'low_achievement' })).toEqual(['Петров Пётр Петрович']);
    expect(await names({ class_name: '7Б' })).toEqual(['Козлов Иван Сергеевич', 'Петров Пётр Петрович']);
    expect(await names({}, 'ахмет')).toEqual(['Ахметова Дина Руслановна']);
    const s = await t.ok('riskGroup.summary', {});
    expect(s).toMatchObject({ included: 2, removed: 1, classes: ['5А', '7Б'] });
    expect(s.byCategory.find((c) => c.category === 'migrant')?.count).toBe(1);
    expect(s.byCategory.find((c) => c.category === 'deviant')).toBeUndefined();
  });

  it('меры поддержки: добавить, изменить, удалить; неверный срок отклоняется', async () => {
    const t = await setup();
    const { entryId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    const m = await t.ok('records.save', { entity: 'support_measure', value: { target_kind: 'risk', target_id: entryId, title: 'Консультации по математике', date_from: '2026-09-20', date_to: '2026-12-20', responsible: 'Иванова Н. П.' } });
    await t.ok('records.save', { entity: 'support_measure', value: { id: m.id, target_kind: 'risk', target_id: entryId, title: 'Консультации по математике', date_from: '2026-09-20', date_to: '2026-12-20', responsible: 'Иванова Н. П.', result: 'Четвертная «3»', done: true } });
    const bad = await t.call('records.save', { entity: 'support_measure', value: { target_kind: 'risk', target_id: entryId, title: 'Психолог', date_from: '2026-10-20', date_to: '2026-10-01' } });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { date_to: 'Дата окончания раньше даты начала' } });
    let list = await t.ok('records.list', { entity: 'support_measure', filters: { target_kind: 'risk', target_id: entryId } });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ done: 1, result: 'Четвертная «3»' });
    await t.ok('records.remove', { entity: 'support_measure', id: m.id });
    list = await t.ok('records.list', { entity: 'support_measure', filters: { target_kind: 'risk', target_id: entryId } });
    expect(list.total).toBe(0);
  });

  it('неверная форма включения ничего не записывает', async () => {
    const t = await setup();
    const before = ['pupil', 'risk_entry', 'risk_status_change'].map((x) => count(t, x, '1'));
    const r = await t.call('riskGroup.include', {
      pupil: { full_name: ' ', birth_date: '2013-02-30', class_name: '' },
      entry: { categories: [], included_on: '', reason: '', responsible: '' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/^Проверьте данные/);
      expect(r.fieldErrors).toMatchObject({
        'pupil.full_name': 'Заполните поле «ФИО обучающегося»',
        'pupil.birth_date': 'В поле «Дата рождения» такой даты нет: в феврале 2013 года 28 дней',
        'entry.categories': 'Выберите хотя бы одну категорию',
        'entry.reason': 'Заполните поле «Основание постановки»',
      });
    }
    expect(['pupil', 'risk_entry', 'risk_status_change'].map((x) => count(t, x, '1'))).toEqual(before);
    // gifted: a valid pupil with an invalid gifted part writes nothing either
    const g = await t.call('gifted.include', { pupil: petrov, gifted: { area: '', included_on: '2026-09-01' } });
    expect(g).toMatchObject({ ok: false, fieldErrors: { 'gifted.area': 'Заполните поле «Направление одарённости»' } });
    expect(count(t, 'pupil', '1')).toBe(0);
    expect(count(t, 'gifted_pupil', '1')).toBe(0);
  });

  it('удаление записи помечает удалёнными её меры и историю', async () => {
    const t = await setup();
    const { entryId, pupilId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    await t.ok('records.save', { entity: 'support_measure', value: { target_kind: 'risk', target_id: entryId, title: 'Посещение семьи' } });
    await t.ok('riskGroup.changeStatus', { entryId, status: 'removed', changed_on: '2026-10-01', reason: 'Положительная динамика' });
    const r = await t.ok('records.remove', { entity: 'risk_entry', id: entryId });
    expect(r.removed).toBe(5); // the entry, its two history rows, its measure and the pupil no list keeps any more
    // the pupil's name and birth date are erased, not only hidden
    expect(t.ws.ctx().raw.prepare('SELECT full_name, birth_date, deleted_at IS NOT NULL AS gone FROM pupil WHERE id = ?').get(pupilId)).toEqual({ full_name: '', birth_date: null, gone: 1 });
    expect(count(t, 'risk_entry')).toBe(0);
    expect(count(t, 'risk_status_change')).toBe(0);
    expect(count(t, 'support_measure')).toBe(0);
    expect(count(t, 'risk_status_change', 'deleted_at IS NOT NULL')).toBe(2);
    expect(count(t, 'support_measure', 'deleted_at IS NOT NULL')).toBe(1);
    expect((await t.ok('riskGroup.summary', {})).included).toBe(0);
    // after deletion the same child can be included anew, as a new record
    const again = await t.ok('riskGroup.include', { pupil: petrov, entry });
    expect(again.pupilId).not.toBe(pupilId);
    expect(count(t, 'pupil')).toBe(1);
  });
});

describe('одарённые дети', () => {
  it('включение создаёт обучающегося и запись одним вызовом; повтор отклоняется; меры удаляются вместе с записью', async () => {
    const t = await setup();
    const gifted = { area: 'Математика', included_on: '2026-09-20', responsible: 'Иванова Н. П.', achievements: 'Призёр муниципального этапа ВсОШ', support_plan: 'Кружок олимпиадной математики' };
    const { pupilId, giftedId } = await t.ok('gifted.include', { pupil: { full_name: 'Смирнова Алиса Игоревна', birth_date: '2011-03-01', class_name: '9А' }, gifted });
    const g = await t.ok('records.get', { entity: 'gifted_pupil', id: giftedId });
    expect(g).toMatchObject({ pupil_id: pupilId, pupil_name: 'Смирнова Алиса Игоревна', class_name: '9А', area: 'Математика' });
    const dup = await t.call('gifted.include', { pupil: { full_name: 'Смирнова Алиса Игоревна', birth_date: '2011-03-01', class_name: '9А' }, gifted });
    expect(dup).toMatchObject({ ok: false, code: 'already_included' });
    await t.ok('records.save', { entity: 'support_measure', value: { target_kind: 'gifted', target_id: giftedId, title: 'Подготовка к региональному этапу' } });
    expect((await t.ok('riskGroup.summary', {})).gifted).toBe(1);
    await t.ok('records.remove', { entity: 'gifted_pupil', id: giftedId });
    expect(count(t, 'support_measure')).toBe(0);
    expect(count(t, 'pupil')).toBe(0); // listed nowhere else, so the pupil's personal data goes too
  });
});

describe('персональные данные при удалении', () => {
  it('обучающийся, который остаётся в списке одарённых, не удаляется вместе с записью группы риска', async () => {
    const t = await setup();
    const { entryId, pupilId } = await t.ok('riskGroup.include', { pupil: petrov, entry });
    await t.ok('records.save', { entity: 'gifted_pupil', value: { pupil_id: pupilId, area: 'Математика', included_on: '2026-09-20' } });
    const r = await t.ok('records.remove', { entity: 'risk_entry', id: entryId });
    expect(r.removed).toBe(2);
    expect(revealValue(t.ws.ctx().raw, t.ws.ctx().raw.prepare('SELECT full_name FROM pupil WHERE id = ? AND deleted_at IS NULL').pluck().get(pupilId))).toBe('Петров Пётр Петрович');
  });
});
