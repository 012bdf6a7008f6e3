/** «№» in natural order with the unnumbered last, schools by their distinctive name — in SQLite and on screen alike. */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';
import { naturalKey, compareNatural, schoolSortKey, compareSchools } from '../../common/sort.js';
import { byNumber } from '../../common/numbering.js';

describe('natural order of «№»', () => {
  it('orders 1, 2, 2.1, 10 and puts an unnumbered item last', () => {
    expect(['10', '', '2.1', '2', '1', '1.10', '1.2', null].sort(compareNatural)).toEqual(['1', '1.2', '1.10', '2', '2.1', '10', '', null]);
    expect([{ number: '10' }, { number: '' }, { number: '2.1' }, { number: '2' }].sort(byNumber).map((r) => r.number)).toEqual(['2', '2.1', '10', '']);
    expect(naturalKey('007') === naturalKey('7')).toBe(true);
  });

  it('lists activities by «№» in the same order from the database', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Осинцевская ООШ»' });
    const p = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа', year_from: 2024, year_to: 2027 } });
    for (const number of ['10', '', '2.1', '2', '1']) {
      await t.ok('records.save', { entity: 'activity', value: { programme_id: p.id, number, title: `Мероприятие ${number || 'без номера'}`, timing_kind: 'permanent', timing_text: 'Постоянно' } });
    }
    const list = await t.ok('records.list', { entity: 'activity' });
    expect(list.rows.map((r) => r.number)).toEqual(['1', '2', '2.1', '10', '']);
    const byColumn = await t.ok('records.list', { entity: 'activity', sort: { field: 'number', dir: 'asc' } });
    expect(byColumn.rows.map((r) => r.number)).toEqual(['1', '2', '2.1', '10', '']);
  });
});

describe('schools by their distinctive name', () => {
  it('ignores МБОУ, ООШ, «Средняя школа» and quotes, and orders numbers naturally', () => {
    expect(schoolSortKey('МКОУ «Пьянковская основная общеобразовательная школа»')).toMatch(/^пьянковская/);
    expect(schoolSortKey('МОУ «Гаевская ООШ»')).toMatch(/^гаевская/);
    const names = ['МБОУ «Средняя школа № 13»', 'МОУ «Гаевская ООШ»', 'МБОУ СОШ № 2', 'МКОУ «Ашкадарская ООШ»', 'Муниципальное бюджетное общеобразовательное учреждение «Лицей № 1»'];
    expect([...names].sort(compareSchools)).toEqual([
      'Муниципальное бюджетное общеобразовательное учреждение «Лицей № 1»', 'МБОУ СОШ № 2', 'МБОУ «Средняя школа № 13»', 'МКОУ «Ашкадарская ООШ»', 'МОУ «Гаевская ООШ»',
    ]);
  });

  it('orders the municipality roster the same way', async () => {
    const t = testWorkspace();
    await t.ok('exchange.initMunicipality', { name: 'Управление образования (вымышленное)' });
    for (const name of ['МОУ «Гаевская ООШ»', 'МБОУ «Средняя школа № 13»', 'МКОУ «Ашкадарская ООШ»', 'МБОУ СОШ № 2']) await t.ok('municipality.roster.save', { name });
    const roster = await t.ok('municipality.roster.list', {});
    expect(roster.map((r) => r.name)).toEqual(['МБОУ СОШ № 2', 'МБОУ «Средняя школа № 13»', 'МКОУ «Ашкадарская ООШ»', 'МОУ «Гаевская ООШ»']);
  });
});
