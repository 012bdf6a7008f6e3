/**
 * The timing parser over every timing string of the seeds (issue 11, item 7), with the control dates each one
 * has in a 2020–2023 programme, and the overdue rule that follows from them on a real database.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTiming, recurrenceOf, lastDuePeriod, controlDates } from '../../common/timing.js';
import { testWorkspace } from '../helpers.js';

const FROM = '2020-09-01';
const TO = '2023-08-31';

/**
 * Column «Сроки исполнения» of the plan in seed 001 (the only seed plan with a timing column; 000, 002 and 004
 * give dates inside the text). Control dates: the last day of each period from 01.09.2020 to 31.08.2023.
 */
const SEED_TIMINGS: [string, { kind: string; dateFrom: string | null; dateTo: string | null }, string[]][] = [
  ['Один раз в четверть', { kind: 'recurrence', dateFrom: null, dateTo: null }, [
    '2020-10-31', '2020-12-31', '2021-03-31', '2021-08-31', '2021-10-31', '2021-12-31', '2022-03-31', '2022-08-31',
    '2022-10-31', '2022-12-31', '2023-03-31', '2023-08-31']],
  ['Сентябрь 2020 года', { kind: 'month', dateFrom: '2020-09-01', dateTo: '2020-09-30' }, []],
  ['Ежегодно', { kind: 'recurrence', dateFrom: null, dateTo: null }, ['2021-08-31', '2022-08-31', '2023-08-31']],
  ['Ежегодно сентябрь-октябрь', { kind: 'recurrence', dateFrom: null, dateTo: null }, ['2020-10-31', '2021-10-31', '2022-10-31']],
  ['Постоянно', { kind: 'permanent', dateFrom: null, dateTo: null }, []],
  ['В течение 2020 г. и последующий период', { kind: 'permanent', dateFrom: '2020-01-01', dateTo: null }, []],
  ['В течение года', { kind: 'recurrence', dateFrom: null, dateTo: null }, ['2021-08-31', '2022-08-31', '2023-08-31']],
];

type Parsed = { kind: string; dateFrom: string | null; dateTo: string | null };
const period = (dateFrom: string, dateTo: string): Parsed => ({ kind: 'period', dateFrom, dateTo });
const NONE: Parsed = { kind: 'none', dateFrom: null, dateTo: null };

/**
 * Timings written in the text of the other seeds (the plan in 000 has sub-activities with no timing at all, 002's
 * plan has none either, 004 dates what was done inside its sentences) and in issue 19, read as a person reads
 * them: the control date is the day written, the end of a range written with its month or year once, the end of
 * the half-year of a school year.
 */
const AS_WRITTEN: [string, Parsed, string?][] = [
  ['до 15 сентября 2020 г.', { kind: 'deadline', dateFrom: null, dateTo: '2020-09-15' }],
  ['до 15.09.2020', { kind: 'deadline', dateFrom: null, dateTo: '2020-09-15' }],
  ['в срок до 1 сент. 2020 г.', { kind: 'deadline', dateFrom: null, dateTo: '2020-09-01' }],
  ['не позднее 15.09.20', { kind: 'deadline', dateFrom: null, dateTo: '2020-09-15' }],
  ['1 полугодие 2020-2021 учебного года', period('2020-09-01', '2020-12-31')],
  ['2 полугодие 2020-2021 учебного года', period('2021-01-01', '2021-05-31')],
  ['I полугодие 2020/2021 уч. г.', period('2020-09-01', '2020-12-31')],
  ['в течение первого полугодия 2020-2021 учебного года', period('2020-09-01', '2020-12-31')],
  ['1 полугодие 2021 года', period('2021-01-01', '2021-06-30')],
  ['III четверть 2020-2021 учебного года', period('2021-01-01', '2021-03-31')],
  ['без срока', NONE],
  ['Без срока', NONE],
  ['бессрочно', NONE],
  ['', NONE],
  ['—', NONE],
  ['по согласованию с ИРО', NONE],
  // seed 000: «формирование муниципальной программы завершилось 15.03.2021 г.»
  ['15.03.2021 г.', { kind: 'date', dateFrom: '2021-03-15', dateTo: '2021-03-15' }, '15.03.2021 г.'],
  // seed 004, what was done and when, as the school wrote it
  ['С января по июнь 2020г.', period('2020-01-01', '2020-06-30'), 'С января по июнь 2020г.'],
  ['С июля по октябрь 2020г.', period('2020-07-01', '2020-10-31'), 'С июля по октябрь 2020г.'],
  ['июнь 2020г.', { kind: 'month', dateFrom: '2020-06-01', dateTo: '2020-06-30' }, 'июнь 2020г.'],
  ['25.02.2020', { kind: 'date', dateFrom: '2020-02-25', dateTo: '2020-02-25' }, '25.02.2020'],
  ['04-05.06.2020', period('2020-06-04', '2020-06-05'), '04-05.06.2020'],
  ['17.03.-03.04.2020', period('2020-03-17', '2020-04-03'), '17.03.-03.04.2020'],
  ['14-17.04.2020', period('2020-04-14', '2020-04-17'), '14-17.04.2020'],
  ['27-30.04.2020', period('2020-04-27', '2020-04-30'), '27-30.04.2020'],
  ['25.08. – 14.09.2020г', period('2020-08-25', '2020-09-14'), '25.08. – 14.09.2020г'],
  ['от 11.09.2020г.', { kind: 'date', dateFrom: '2020-09-11', dateTo: '2020-09-11' }, 'от 11.09.2020г.'],
  ['(18.09.2020г)', { kind: 'date', dateFrom: '2020-09-18', dateTo: '2020-09-18' }, '(18.09.2020г)'],
  // months of a school year, as the municipality's roadmap writes them
  ['Сентябрь–октябрь 2026/2027 уч. г.', period('2026-09-01', '2026-10-31')],
  ['Март–апрель 2026/2027 уч. г.', period('2027-03-01', '2027-04-30')],
  ['Декабрь–январь 2020-2021 учебного года', period('2020-12-01', '2021-01-31')],
  ['май 2020/21 уч. г.', { kind: 'month', dateFrom: '2021-05-01', dateTo: '2021-05-31' }],
  ['С января 2020 по июнь 2021', period('2020-01-01', '2021-06-30')],
  // written out in other ways
  ['с 1 по 15 сентября 2020 г.', period('2020-09-01', '2020-09-15')],
  ['с 30 сентября по 2 октября 2020 г.', period('2020-09-30', '2020-10-02')],
  ['с 28 декабря 2020 г. по 10 января 2021 г.', period('2020-12-28', '2021-01-10')],
  ['с 01.09.2020 по 15.09.2020', period('2020-09-01', '2020-09-15')],
];

/** How DOMAIN.md and the issue write the same things. */
const WRITTEN_OTHERWISE: [string, string[]][] = [
  ['Ежегодно, сентябрь–октябрь', ['2020-10-31', '2021-10-31', '2022-10-31']],
  ['Ежеквартально', ['2020-09-30', '2020-12-31', '2021-03-31']],
  ['Ежемесячно', ['2020-09-30', '2020-10-31', '2020-11-30']],
];

describe('timing strings of the seeds', () => {
  it.each(SEED_TIMINGS)('%s', (text, parsed, dates) => {
    expect(parseTiming(text)).toEqual(parsed);
    expect(controlDates(text, FROM, TO)).toEqual(dates);
  });

  it.each(AS_WRITTEN)('«%s» as written', (text, parsed) => {
    expect(parseTiming(text)).toEqual(parsed);
    expect(controlDates(text, FROM, TO)).toEqual([]);
  });

  it('seed 002: «(декабрь - май)» in a programme that starts in 2020 runs to the end of May 2021', () => {
    expect(parseTiming('декабрь - май', 2020)).toEqual(period('2020-12-01', '2021-05-31'));
  });

  it.each(WRITTEN_OTHERWISE)('%s', (text, first) => {
    expect(controlDates(text, FROM, TO).slice(0, 3)).toEqual(first);
  });

  it('«В течение 2020 г. и последующий период» is open-ended and «по мере необходимости» has no control date', () => {
    expect(lastDuePeriod('В течение 2020 г. и последующий период', '2021-01-01')).toBeNull();
    expect(recurrenceOf('По мере необходимости')).toBeNull();
    expect(lastDuePeriod('Ежегодно, сентябрь–октябрь', '2021-01-01')).toEqual({ from: '2020-09-01', to: '2020-10-31' });
    expect(lastDuePeriod('Ежегодно, сентябрь–октябрь', '2020-10-31')).toEqual({ from: '2019-09-01', to: '2019-10-31' });
  });

  // The seeds live beside the repository on the development machine; where they are, every timing cell is covered.
  const seeds = process.env.OPORA_SEEDS ?? '/work/shared/seeds';
  it.runIf(existsSync(seeds))('the timings quoted from the seeds are in them as quoted', () => {
    const all = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8')).join('\n');
    for (const [, , quoted] of AS_WRITTEN) if (quoted) expect(all, quoted).toContain(quoted);
  });

  it.runIf(existsSync(seeds))('covers every cell of a «Сроки» column in the seeds', () => {
    const known = new Set(SEED_TIMINGS.map(([t]) => t));
    for (const file of readdirSync(seeds)) {
      const rows = readFileSync(join(seeds, file), 'utf8').split(/\r?\n/).map((l) => l.split('\t'));
      const header = rows.find((r) => r.some((c) => /^Сроки/.test(c.trim())));
      if (!header) continue;
      const col = header.findIndex((c) => /^Сроки/.test(c.trim()));
      for (const r of rows.slice(rows.indexOf(header) + 1)) {
        const cell = r[col]?.trim();
        if (cell && r.length === header.length) expect(known, `${file}: «${cell}»`).toContain(cell);
      }
    }
  });
});

describe('overdue recurrences on a real database', () => {
  it('a recurrence is overdue at the end of each period with nothing done in it; an open-ended one never', async () => {
    let now = new Date('2020-09-01T10:00:00');
    const t = testWorkspace(() => now);
    await t.ok('workspace.createSchool', { name: 'МКОУ «Осинцевская ООШ»' });
    const p = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа', year_from: 2020, year_to: 2023 } });
    const ids: Record<string, string> = {};
    for (const text of ['В течение 2020 г. и последующий период', 'Ежегодно, сентябрь–октябрь', 'Один раз в четверть', 'Ежегодно']) {
      const parsed = parseTiming(text);
      ids[text] = (await t.ok('records.save', { entity: 'activity', value: {
        programme_id: p.id, title: text, timing_text: text, timing_kind: parsed.kind, date_from: parsed.dateFrom, date_to: parsed.dateTo,
      } })).id;
    }
    const overdue = async () => (await t.ok('records.list', { entity: 'activity', filters: { overdue: 1 } })).rows.map((r) => r.timing_text).sort();

    now = new Date('2021-01-01T10:00:00');
    expect(await overdue()).toEqual(['Ежегодно, сентябрь–октябрь', 'Один раз в четверть']);

    // Done in the II term: not overdue at its end; the III term ends with nothing new — overdue again.
    await t.ok('records.save', { entity: 'activity', value: {
      id: ids['Один раз в четверть']!, programme_id: p.id, title: 'Один раз в четверть', timing_text: 'Один раз в четверть', timing_kind: 'recurrence',
      status: 'done', completion_mark: 'Мониторинг проведён', completed_on: '2020-12-20',
    } });
    expect(await overdue()).toEqual(['Ежегодно, сентябрь–октябрь']);
    now = new Date('2021-04-02T10:00:00');
    expect(await overdue()).toEqual(['Ежегодно, сентябрь–октябрь', 'Один раз в четверть']);
    now = new Date('2021-09-01T10:00:00');
    expect(await overdue()).toContain('Ежегодно');
    expect(await overdue()).not.toContain('В течение 2020 г. и последующий период');
  });
});

describe('activities without a deadline and with a written one on a real database', () => {
  it('«без срока» and no timing at all are never overdue; «до 15 сентября 2020 г.» is overdue from 16.09.2020, not at the end of September', async () => {
    let now = new Date('2020-09-15T10:00:00');
    const t = testWorkspace(() => now);
    await t.ok('workspace.createSchool', { name: 'МКОУ «Осинцевская ООШ»' });
    const p = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа', year_from: 2020, year_to: 2023 } });
    for (const text of ['без срока', 'до 15 сентября 2020 г.', '1 полугодие 2020-2021 учебного года']) {
      const parsed = parseTiming(text, 2020);
      await t.ok('records.save', { entity: 'activity', value: {
        programme_id: p.id, title: text, timing_text: text, timing_kind: parsed.kind, date_from: parsed.dateFrom, date_to: parsed.dateTo,
      } });
    }
    // Seed 000's sub-activities («- Изучение адаптированной программы;») have no timing at all: saved as they are.
    const sub = await t.ok('records.save', { entity: 'activity', value: { programme_id: p.id, title: 'Изучение адаптированной программы' } });
    expect([sub.timing_kind, sub.timing_text, sub.date_from, sub.date_to]).toEqual(['none', '', null, null]);
    const overdue = async () => (await t.ok('records.list', { entity: 'activity', filters: { overdue: 1 } })).rows.map((r) => r.timing_text).sort();
    expect(await overdue()).toEqual([]);
    now = new Date('2020-09-16T10:00:00');
    expect(await overdue()).toEqual(['до 15 сентября 2020 г.']);
    now = new Date('2021-01-01T10:00:00');
    expect(await overdue()).toEqual(['1 полугодие 2020-2021 учебного года', 'до 15 сентября 2020 г.']);
    now = new Date('2030-01-01T10:00:00');
    expect(await overdue()).not.toContain('без срока');
    const none = (await t.ok('records.list', { entity: 'activity', filters: { timing_kind: 'none' } })).rows;
    expect(none.map((r) => [r.timing_text, r.date_from, r.date_to]).sort()).toEqual([['', null, null], ['без срока', null, null]]);
  });
});
