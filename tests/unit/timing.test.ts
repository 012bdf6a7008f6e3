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
