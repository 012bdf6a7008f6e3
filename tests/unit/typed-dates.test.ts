/**
 * Dates as people type them into a date field (issue 19, item 2): every form a deputy director types is read
 * into the same day; an impossible or unreadable one is refused with a Russian sentence saying what is wrong —
 * never read as «no date». The contract checks with the same parser, so main refuses it too and keeps the field.
 */
import { describe, it, expect } from 'vitest';
import { parseTypedDate } from '../../common/dates.js';
import { date, optDate } from '../../preload/contract/fields.js';
import { testWorkspace } from '../helpers.js';

const READ: [string, string][] = [
  ['01.09.2020', '2020-09-01'],
  ['1.9.2020', '2020-09-01'],
  ['01.09.2020 г.', '2020-09-01'],
  ['01.09.2020г', '2020-09-01'],
  ['01.09.20', '2020-09-01'],
  ['01,09,2020', '2020-09-01'],
  ['01,09,20', '2020-09-01'],
  ['01/09/2020', '2020-09-01'],
  ['01-09-2020', '2020-09-01'],
  ['01 09 2020', '2020-09-01'],
  ['01092020', '2020-09-01'],
  ['010920', '2020-09-01'],
  ['2020-09-01', '2020-09-01'],
  ['1 сентября 2020', '2020-09-01'],
  ['1 сентября 2020 г.', '2020-09-01'],
  ['1 сентября 2020 года', '2020-09-01'],
  ['1 Сентября 2020', '2020-09-01'],
  ['1 сент. 2020', '2020-09-01'],
  ['1 сен 2020', '2020-09-01'],
  ['15 мая 2021', '2021-05-15'],
  ['15 май 2021', '2021-05-15'],
  ['3 марта 2021', '2021-03-03'],
  ['  19.03.2021  ', '2021-03-19'],
  ['29.02.2020', '2020-02-29'],
  ['29.02.2024', '2024-02-29'],
  ['12.05.65', '1965-05-12'],
];

const REFUSED: [string, RegExp][] = [
  ['31.02.2021', /Такой даты нет: в феврале 2021 года 28 дней/],
  ['29.02.2021', /Такой даты нет: в феврале 2021 года 28 дней/],
  ['30.02.2020', /Такой даты нет: в феврале 2020 года 29 дней/],
  ['31,04,2021', /Такой даты нет: в апреле 2021 года 30 дней/],
  ['31042021', /Такой даты нет: в апреле 2021 года 30 дней/],
  ['31 февраля 2021', /Такой даты нет/],
  ['00.09.2020', /Такой даты нет/],
  ['01.13.2020', /Месяца с номером 13 нет/],
  ['2020-13-01', /Месяца с номером 13 нет/],
  ['01.09', /Допишите год/],
  ['1 сентября', /Допишите год/],
  ['01.09.202', /Не удалось прочитать дату/],
  ['вчера', /Не удалось прочитать дату/],
  ['1 снтября 2020', /Не удалось прочитать месяц «снтября»/],
  ['01.09.0202', /Год 202 — проверьте дату/],
];

describe('a date typed into a date field', () => {
  it.each(READ)('«%s» is %s', (typed, iso) => {
    expect(parseTypedDate(typed)).toEqual({ ok: true, iso });
  });

  it.each(REFUSED)('«%s» is refused, saying why', (typed, message) => {
    const r = parseTypedDate(typed);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it('an empty field is no date, not a mistake', () => {
    expect(parseTypedDate('')).toEqual({ ok: true, iso: null });
    expect(parseTypedDate('   ')).toEqual({ ok: true, iso: null });
  });

  it('the contract reads the same forms and refuses an impossible date with the same message, naming the field', () => {
    expect(optDate('Срок').parse('01,09,2020')).toBe('2020-09-01');
    expect(date('Дата').parse('1 сент. 2020')).toBe('2020-09-01');
    expect(optDate('Срок').parse(null)).toBeNull();
    const r = optDate('Срок').safeParse('31.02.2021');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('В поле «Срок» такой даты нет: в феврале 2021 года 28 дней');
  });

  it('main stores a typed date as the day it means and refuses an impossible one next to its field, writing nothing', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Осинцевская ООШ»' });
    const p = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа', year_from: 2020, year_to: 2023 } });
    const value = { programme_id: p.id, title: 'Педсовет', timing_text: 'до 15 сентября 2020 г.', timing_kind: 'deadline' as const };
    const saved = await t.ok('records.save', { entity: 'activity', value: { ...value, date_from: '1 сентября 2020', date_to: '15,09,20' } });
    expect([saved.date_from, saved.date_to]).toEqual(['2020-09-01', '2020-09-15']);
    const refused = await t.call('records.save', { entity: 'activity', value: { ...value, date_to: '31.02.2021' } });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { date_to: 'В поле «Окончание (для контроля сроков)» такой даты нет: в феврале 2021 года 28 дней' } });
    // A start still as typed is not also «after the end»: one message, for the field that has it wrong.
    const backwards = await t.call('records.save', { entity: 'activity', value: { ...value, date_from: '31.09.2020', date_to: '2020-09-15' } });
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { date_from: 'В поле «Начало» такой даты нет: в сентябре 2020 года 30 дней' } });
    if (!backwards.ok) expect(Object.keys(backwards.fieldErrors ?? {})).toEqual(['date_from']);
    const report = await t.call('reports.start', { kind: 'school', from: '31.02.2021', to: '2020-12-31' });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.message).not.toMatch(/позже его конца/);
    expect((await t.ok('records.list', { entity: 'activity', filters: {} })).rows).toHaveLength(1);
  });
});
