import { describe, it, expect, beforeEach } from 'vitest';
import { testWorkspace } from '../helpers.js';
import { parseTiming } from '../../common/timing.js';
import { count, formatDate, parseRuDate } from '../../common/format.js';
import type { EntityInput } from '../../preload/contract/index.js';

async function school() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', { name: 'МКОУ «Осинцевская ООШ»', short_name: 'Осинцевская ООШ' });
  const programme = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа повышения качества образования', year_from: 2024, year_to: 2027 } });
  return { ...t, programme };
}

const activity = (programmeId: string, extra: Partial<EntityInput<'activity'>> = {}) => ({
  entity: 'activity' as const,
  value: { programme_id: programmeId, title: 'Анализ результатов ВПР', timing_kind: 'deadline' as const, timing_text: 'до 19.03.2025', date_to: '2025-03-19', ...extra },
});

describe('the programme registry', () => {
  let t: Awaited<ReturnType<typeof school>>;
  beforeEach(async () => {
    t = await school();
  });

  it('keeps an activity with a completion mark that says it was not done', async () => {
    const a = await t.ok('records.save', activity(t.programme.id, {
      status: 'not_done', completion_mark: 'Взаимодействие между школами с НОР в этом учебном году не организовано',
    }));
    const got = await t.ok('records.get', { entity: 'activity', id: a.id });
    expect(got.status).toBe('not_done');
    expect(got.completion_mark).toMatch(/не организовано/);
    expect(got.timing_text).toBe('до 19.03.2025');
  });

  it('refuses invalid activities with Russian messages and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: '   ' }, 'title', /Заполните поле «Мероприятие»/],
      [{ status: 'done', completion_mark: '' }, 'completion_mark', /отметку о выполнении/],
      [{ date_from: '2025-04-01', date_to: '2025-03-01' }, 'date_to', /раньше даты начала/],
      [{ date_to: '2025-02-30' }, 'date_to', /такой даты нет: в феврале 2025 года 28 дней/],
      [{ timing_kind: 'sometimes' }, 'timing_kind', /из списка/],
      [{ programme_id: '00000000-0000-4000-8000-000000000000' }, 'programme_id', /не найдена или удалена/],
    ];
    for (const [extra, field, message] of cases) {
      const r = await t.call('records.save', activity(t.programme.id, extra));
      expect(r.ok, JSON.stringify(extra)).toBe(false);
      if (!r.ok) {
        expect(r.fieldErrors?.[field] ?? r.message).toMatch(message);
        expect(r.message).toMatch(/[а-я]/);
      }
    }
    const list = await t.ok('records.list', { entity: 'activity' });
    expect(list.total).toBe(0);
  });

  it('does not accept bookkeeping columns from outside', async () => {
    // Refused outright at the door (strict input, issue 9), so nothing with a foreign owner is written.
    const r = await t.call('records.save', activity(t.programme.id, { owner: 'someone-else', hlc: '999', deleted_at: '2020-01-01' } as never));
    expect(r.ok).toBe(false);
    expect(t.ws.ctx().raw.prepare("SELECT COUNT(*) FROM activity WHERE owner = 'someone-else' OR hlc = '999'").pluck().get()).toBe(0);
  });

  it('searches case-insensitively in Russian, filters overdue ones and sorts 1.2 before 1.10', async () => {
    for (const n of ['1.10', '1.2', '2.1']) await t.ok('records.save', activity(t.programme.id, { number: n, title: `Мероприятие ${n}` }));
    await t.ok('records.save', activity(t.programme.id, { number: '3.1', title: 'Семинар для учителей', date_to: '2027-05-01', timing_text: 'до 01.05.2027' }));
    const found = await t.ok('records.list', { entity: 'activity', search: 'СЕМИНАР' });
    expect(found.rows.map((r) => r.title)).toEqual(['Семинар для учителей']);
    const overdue = await t.ok('records.list', { entity: 'activity', filters: { overdue: 1 } });
    expect(overdue.total).toBe(3);
    const sorted = await t.ok('records.list', { entity: 'activity' });
    expect(sorted.rows.map((r) => r.number)).toEqual(['1.2', '1.10', '2.1', '3.1']);
    const desc = await t.ok('records.list', { entity: 'activity', sort: { field: 'number', dir: 'desc' } });
    expect(desc.rows.map((r) => r.number)).toEqual(['3.1', '2.1', '1.10', '1.2']);
    const bad = await t.call('records.list', { entity: 'activity', filters: { 'title; DROP TABLE activity': 1 } });
    expect(bad.ok).toBe(false);
  });

  it('pages long lists in the database', async () => {
    for (let i = 1; i <= 30; i++) await t.ok('records.save', activity(t.programme.id, { number: `1.${i}` }));
    const page2 = await t.ok('records.list', { entity: 'activity', offset: 10, limit: 10 });
    expect(page2.total).toBe(30);
    expect(page2.rows.map((r) => r.number)).toEqual(Array.from({ length: 10 }, (_, i) => `1.${i + 11}`));
  });

  it('keeps problems picked from the extendable risk-factor catalogue', async () => {
    const factors = await t.ok('records.list', { entity: 'risk_factor', search: 'инофон' });
    expect(factors.total).toBe(1);
    const own = await t.ok('records.save', { entity: 'risk_factor', value: { title: 'Сезонная занятость детей на фермах', kind: 'external' } });
    await t.ok('records.save', { entity: 'programme_problem', value: { programme_id: t.programme.id, risk_factor_id: factors.rows[0]!.id, kind: 'external' } });
    await t.ok('records.save', { entity: 'programme_problem', value: { programme_id: t.programme.id, risk_factor_id: own.id, kind: 'external', description: 'Весной пропуски' } });
    const noCause = await t.call('records.save', { entity: 'programme_problem', value: { programme_id: t.programme.id, kind: 'internal' } });
    expect(noCause.ok).toBe(false);
    const problems = await t.ok('records.list', { entity: 'programme_problem', filters: { programme_id: t.programme.id }, sort: { field: 'factor_title', dir: 'asc' } });
    expect(problems.rows.map((r) => r.factor_title)).toEqual(['Дети-инофоны, дети мигрантов', 'Сезонная занятость детей на фермах']);
  });

  it('keeps tasks, directions, indicators with values by year, and local acts', async () => {
    const p = t.programme.id;
    await t.ok('records.save', { entity: 'programme_task', value: { programme_id: p, position: 1, text: 'Повысить предметную компетентность педагогов' } });
    const dir = await t.ok('records.save', { entity: 'direction', value: { programme_id: p, position: 1, title: 'Работа с одарёнными детьми' } });
    await t.ok('records.save', activity(p, { direction_id: dir.id }));
    const ind = await t.ok('records.save', { entity: 'indicator', value: { programme_id: p, title: 'Доля «2» по ВПР', kind: 'vpr', unit: '%', higher_is_better: false } });
    for (const [period, target, actual] of [['2024', 20, 22.5], ['2025', 15, 14]] as const) {
      await t.ok('records.save', { entity: 'indicator_value', value: { indicator_id: ind.id, period, target, actual, baseline: period === '2024' ? 24 : null } });
    }
    await t.ok('records.save', { entity: 'local_act', value: { programme_id: p, title: 'Регламент проведения ВПР', kind: 'Регламент', adopted_on: '2024-02-10', order_number: '12-од' } });
    const values = await t.ok('records.list', { entity: 'indicator_value', filters: { indicator_id: ind.id } });
    expect(values.rows.map((r) => [r.period, r.target, r.actual])).toEqual([['2024', 20, 22.5], ['2025', 15, 14]]);
    const acts = await t.ok('records.list', { entity: 'local_act', filters: { programme_id: p } });
    expect(acts.rows[0]!.adopted_on).toBe('2024-02-10');
    const withDir = await t.ok('records.list', { entity: 'activity', filters: { direction_id: dir.id } });
    expect(withDir.rows[0]!.direction_title).toBe('Работа с одарёнными детьми');
  });

  it('tombstones a programme with everything it owns, and the tombstones stay in the file', async () => {
    const p = t.programme.id;
    await t.ok('records.save', activity(p));
    const ind = await t.ok('records.save', { entity: 'indicator', value: { programme_id: p, title: 'Средний балл ОГЭ', kind: 'oge' } });
    await t.ok('records.save', { entity: 'indicator_value', value: { indicator_id: ind.id, period: '2025', actual: 3.4 } });
    const r = await t.ok('records.remove', { entity: 'programme', id: p });
    expect(r.removed).toBe(4);
    expect((await t.ok('records.list', { entity: 'activity' })).total).toBe(0);
    const all = await t.ok('records.list', { entity: 'activity', includeDeleted: true });
    expect(all.total).toBe(1);
    expect(all.rows[0]!.deleted_at).not.toBeNull();
    const again = await t.call('records.remove', { entity: 'programme', id: p });
    expect(again.ok).toBe(false);
  });

  it('gives every change a stable id and a clock stamp that never goes backwards', async () => {
    const a = await t.ok('records.save', activity(t.programme.id));
    const b = await t.ok('records.save', { ...activity(t.programme.id, { id: a.id, status: 'in_progress' }) });
    expect(b.id).toBe(a.id);
    expect(String(b.hlc) > String(a.hlc)).toBe(true);
    expect(b.created_at).toBe(a.created_at);
  });
});

describe('the school dashboard', () => {
  it('counts overdue activities, decisions past deadline, mentoring coverage and the risk group', async () => {
    const t = await school();
    const p = t.programme.id;
    await t.ok('records.save', activity(p, { date_to: '2026-10-01' }));
    await t.ok('records.save', activity(p, { date_to: '2026-11-28', timing_text: 'до 28.11.2026' }));
    await t.ok('records.save', activity(p, { date_to: '2026-10-01', status: 'done', completion_mark: 'Выполнено' }));
    const young = await t.ok('records.save', { entity: 'staff', value: { full_name: 'Петрова Анна Сергеевна', young_specialist: true } });
    await t.ok('records.save', { entity: 'staff', value: { full_name: 'Орлов Иван Петрович', newly_arrived: true } });
    const mentor = await t.ok('records.save', { entity: 'staff', value: { full_name: 'Соколова Галина Ивановна', category: 'highest' } });
    await t.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: young.id, reason: 'young', started_on: '2026-09-01' } });
    const ev = await t.ok('records.save', { entity: 'event', value: { title: 'Педсовет', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-10-10' } });
    await t.ok('records.save', { entity: 'decision', value: { event_id: ev.id, text: 'Подготовить анализ ВПР', responsible: 'Соколова Г.И.', deadline: '2026-11-01' } });
    await t.ok('riskGroup.include', {
      pupil: { full_name: 'Козлов Дмитрий', class_name: '7Б', birth_date: '2013-04-02' },
      entry: { categories: ['absenteeism', 'low_achievement'], included_on: '2026-09-15', reason: 'Решение ППк' },
    });
    const d = await t.ok('dashboard.school', { today: '2026-11-25' });
    expect(d.overdueActivities).toHaveLength(1);
    expect(d.dueThisMonth).toHaveLength(1);
    expect(d.activityCounts).toEqual({ total: 3, done: 1, overdue: 1, notDone: 0 });
    expect(d.overdueDecisions.map((x) => x.text)).toEqual(['Подготовить анализ ВПР']);
    expect(d.mentoring).toMatchObject({ needMentor: 2, withMentor: 1 });
    expect(d.mentoring.withoutMentor.map((s) => s.full_name)).toEqual(['Орлов Иван Петрович']);
    expect(d.riskTotal).toBe(1);
    expect(d.riskByCategory.map((r) => r.category).sort()).toEqual(['absenteeism', 'low_achievement']);
    expect(d.recentEvents.map((e) => e.title)).toEqual(['Педсовет']);
  });
});

describe('timing as users write it', () => {
  it.each([
    ['до 19.03.2021', { kind: 'deadline', dateFrom: null, dateTo: '2021-03-19' }],
    ['26.03.2021', { kind: 'date', dateFrom: '2021-03-26', dateTo: '2021-03-26' }],
    ['с 01.09.2021 по 30.11.2021', { kind: 'period', dateFrom: '2021-09-01', dateTo: '2021-11-30' }],
    ['Ежегодно, сентябрь–октябрь', { kind: 'recurrence', dateFrom: null, dateTo: null }],
    ['Один раз в четверть', { kind: 'recurrence', dateFrom: null, dateTo: null }],
    ['Постоянно', { kind: 'permanent', dateFrom: null, dateTo: null }],
    ['В течение года', { kind: 'recurrence', dateFrom: null, dateTo: null }],
    ['ноябрь 2021', { kind: 'month', dateFrom: '2021-11-01', dateTo: '2021-11-30' }],
    ['декабрь 2021 – февраль 2022', { kind: 'period', dateFrom: '2021-12-01', dateTo: '2022-02-28' }],
    ['2020-2023', { kind: 'period', dateFrom: '2020-09-01', dateTo: '2023-08-31' }],
  ])('%s', (text, expected) => {
    expect(parseTiming(text)).toEqual(expected);
  });
});

describe('Russian formatting', () => {
  it('writes dates as dd.mm.yyyy and reads them back, refusing impossible ones', () => {
    expect(formatDate('2021-03-19')).toBe('19.03.2021');
    expect(parseRuDate('19.03.2021')).toBe('2021-03-19');
    expect(parseRuDate('31.02.2021')).toBeNull();
  });
  it('uses the right plural form', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => count(n, ['мероприятие', 'мероприятия', 'мероприятий']))).toEqual([
      '1 мероприятие', '2 мероприятия', '5 мероприятий', '11 мероприятий', '21 мероприятие', '22 мероприятия', '25 мероприятий', '111 мероприятий',
    ]);
  });
});
