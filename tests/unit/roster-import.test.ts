/**
 * The roster from an Excel sheet laid out like seed 004's table: a preview of what will change, an error
 * per row and column, all or nothing; and the roster's own Excel export reads back with no changes.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import ExcelJS from 'exceljs';
import { testWorkspace } from '../helpers.js';
import { setMeta, originId } from '../../main/services/core/clock.js';
import { previewRosterImport, applyRosterImport, rosterTable, normaliseName } from '../../main/services/municipality/roster-import.js';
import { listRoster, listPartnerGroups, saveRosterSchool } from '../../main/services/municipality/roster.js';
import { renderXlsx, readXlsxTables } from '../../main/services/reports/xlsx.js';
import type { ServiceContext } from '../../main/services/core/context.js';

/** Seed 004's table, as the municipality typed it (with its «нет выпустников» and «ГИБСШ» typos). */
export const SEED_004: [string, string, string, string, string, string][] = [
  ['Бердюгинская СОШ', '2', '6', '3', 'с', 'н'], ['Гаевская ООШ', '1', '5', '2', 'н/с', 'н'], ['Горкинская СОШ', '2', '6', '3', 'с', 'н'],
  ['Дубская СОШ', '2', '6', '3', 'с', 'н'], ['Зайковская СОШ №1', '2', '7', '4', 'в/с', 'н'], ['Зайковская СОШ №2', '2', '4', '2', 'н', 'н'],
  ['Знаменская СОШ', '2', '4', '3', 'н', 'н'], ['Килачевская СОШ', '2', '5', '6', 'н/с', 'с'], ['Киргинская СОШ', '2', '4', '3', 'н', 'н'],
  ['Кирилловская ООШ', '1', '9', '3', 'в/с', 'н'], ['Ключевская СОШ', '2', '4', '2', 'н', 'н'], ['Ницинская ООШ', '1', '6', '2', 'с', 'н'],
  ['Осинцевская ООШ', '1', '3', '3', 'н', 'н'], ['Пионерская СОШ', '2', '7', 'нет информации', 'в/с', 'нет информации'],
  ['Пьянковская ООШ', '1', '5', '2', 'н/с', 'н'], ['Речкаловская СОШ', '2', '5', '3', 'н/с', 'н'], ['Рудновская ООШ', '1', '9', 'нет информации', 'в/с', 'нет информации'],
  ['Стриганская СОШ', '2', '3', '3', 'н', 'н'], ['Фоминская ООШ', '1', 'нет выпустников', '3', 'нет выпустников', 'н'], ['Харловская СОШ', '2', '6', '4', 'с', 'н'],
  ['Черновская СОШ', '2', '5', 'нет информации', 'н/с', 'нет информации'],
];
const HEADER = ['ОО', 'Кластер', 'Группа качества (ГК)', 'Группа по Индексу социального благополучияшколы (ГИСБШ)',
  'Уровень по ГК             (н - низкий, н/с-ниже среднего, с-средний, в/с-выше среднего, в-высокий)',
  'Уровень по ГИБСШ    (н - низкий, н/с-ниже среднего, с-средний, в/с-выше среднего, в-высокий)'];

export async function seedSheet(rows: (string | number)[][] = SEED_004, header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(['Распределение ОО Ирбитского МО по группам']);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v) => (/^\d+$/.test(String(v)) ? Number(v) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function municipalityCtx(): ServiceContext {
  const { ws } = testWorkspace();
  const ctx = ws.ctx();
  originId(ctx.raw);
  setMeta(ctx.raw, 'role', 'municipality');
  return ctx;
}

let ctx: ServiceContext;
beforeEach(() => {
  ctx = municipalityCtx();
});

describe('roster import', () => {
  it('previews seed 004 as 21 new schools, then writes them with groups and levels', async () => {
    const file = await seedSheet();
    const p = await previewRosterImport(ctx, file);
    expect(p.errors).toEqual([]);
    expect(p.summary).toEqual({ create: 21, update: 0, unchanged: 0 });
    expect(listRoster(ctx)).toHaveLength(0); // a preview writes nothing
    await applyRosterImport(ctx, file);
    const roster = listRoster(ctx);
    expect(roster).toHaveLength(21);
    const f = roster.find((r) => r.name === 'Фоминская ООШ')!;
    expect(f).toMatchObject({ cluster: 1, quality_group: null, quality_level: 'no_graduates', social_group: 3, social_level: 'low' });
    const p2 = roster.find((r) => r.name === 'Пионерская СОШ')!;
    expect(p2).toMatchObject({ quality_group: 7, quality_level: 'above', social_group: null, social_level: 'no_info' });
    expect(roster.find((r) => r.name === 'Килачевская СОШ')).toMatchObject({ quality_level: 'below', social_group: 6, social_level: 'mid' });
  });

  it('shows only what changes on a second import, field by field', async () => {
    await applyRosterImport(ctx, await seedSheet());
    const rows = SEED_004.map((r) => [...r]);
    rows[0]![2] = '7';
    rows[0]![4] = 'в/с';
    const p = await previewRosterImport(ctx, await seedSheet(rows));
    expect(p.summary).toEqual({ create: 0, update: 1, unchanged: 20 });
    const ch = p.changes.find((c) => c.action === 'update')!;
    expect(ch.name).toBe('Бердюгинская СОШ');
    expect(ch.changes).toEqual([
      { field: 'quality_group', label: 'Группа качества (ГК)', from: '6', to: '7' },
      { field: 'quality_level', label: 'Уровень по ГК', from: 'с', to: 'в/с' },
    ]);
  });

  it('reports an error per row and column and writes nothing when any row is wrong', async () => {
    const rows = SEED_004.map((r) => [...r]);
    rows[2]![2] = 'шестая';
    rows[5]![5] = 'плохой';
    rows.push(['Бердюгинская СОШ', '2', '6', '3', 'с', 'н']);
    const file = await seedSheet(rows);
    const p = await previewRosterImport(ctx, file);
    expect(p.errors).toEqual([
      { row: 6, column: 'Группа качества (ГК)', message: '«шестая» — не номер. Укажите число или «нет информации».' },
      { row: 9, column: 'Уровень по ГИСБШ', message: '«плохой» — не уровень. Допустимо: н, н/с, с, в/с, в, «нет информации».' },
      { row: 25, column: 'ОО', message: 'Школа уже указана в строке 4.' },
    ]);
    await expect(applyRosterImport(ctx, file)).rejects.toThrow(/реестр не изменён/);
    expect(listRoster(ctx)).toHaveLength(0);
  });

  it('refuses numbers and texts the roster form would refuse, and writes nothing', async () => {
    const header = ['ОО', 'Кластер', 'ГК', 'ГИСБШ', 'Уровень по ГК', 'Уровень по ГИСБШ', '№ группы', 'Куратор'];
    const rows = [
      ['Гаевская ООШ', 150, 5, 2, 'н/с', 'н', 1, ''],
      ['Горкинская СОШ', 2, 6, 3, 'с', 'н', 0, ''],
      ['Дубская СОШ', 2, 6, 3, 'с', 'н', 2, 'К'.repeat(201)],
    ];
    const file = await seedSheet(rows, header);
    const p = await previewRosterImport(ctx, file);
    expect(p.errors).toEqual([
      { row: 4, column: 'Кластер', message: '«150» — номер должен быть от 0 до 100.' },
      { row: 5, column: 'Партнёрская группа', message: '«0» — номер должен быть от 1 до 999.' },
      { row: 6, column: 'Куратор', message: 'Текст длиннее 200 символов — сократите его.' },
    ]);
    await expect(applyRosterImport(ctx, file)).rejects.toThrow(/реестр не изменён/);
    expect(listRoster(ctx)).toHaveLength(0);
    expect(listPartnerGroups(ctx)).toHaveLength(0);
  });

  it('takes partner groups, resource centres and curators from optional columns', async () => {
    const header = ['Образовательная организация', 'Кластер', 'ГК', 'ГИСБШ', 'Уровень по ГК', 'Уровень по ГИСБШ', 'НОР', 'Пилотная площадка', 'Базовая площадка', '№ группы', 'Ресурсный центр', 'Куратор'];
    const rows = [
      ['МОУ «Пьянковская ООШ»', 1, 5, 2, 'н/с', 'н', 'да', 'да', 'МАОУ «СОШ № 13», ГО Ирбит', 4, '', 'Чащина Татьяна Викторовна'],
      ['МОУ «Зайковская СОШ №1» - ресурсный центр', 2, 7, 4, 'в/с', 'н', '', '', '', 4, '', ''],
      ['МАОУ Зайковская СОШ №2', 2, 4, 2, 'н', 'н', 'да', '', '', 4, 'да', 'Чащина Татьяна Викторовна'],
    ];
    const p = await applyRosterImport(ctx, await seedSheet(rows, header));
    expect(p.newGroups).toEqual([4]);
    expect(p.newCurators).toEqual(['Чащина Татьяна Викторовна']);
    const g = listPartnerGroups(ctx);
    expect(g).toHaveLength(1);
    expect(g[0]!.schools.filter((s) => s.is_resource_centre).map((s) => s.name).sort()).toEqual(['МАОУ Зайковская СОШ №2', 'МОУ «Зайковская СОШ №1»']);
    const pyan = listRoster(ctx).find((r) => r.name.includes('Пьянковская'))!;
    expect(pyan).toMatchObject({ is_nor: 1, is_pilot: 1, base_site: 'МАОУ «СОШ № 13», ГО Ирбит', curator_name: 'Чащина Татьяна Викторовна', partner_group_number: 4 });
    // The same school written differently matches, not duplicates.
    expect(normaliseName('МОУ «Зайковская СОШ № 1»')).toBe(normaliseName('Зайковская СОШ №1'));
  });

  it('reads its own Excel export back with no changes (round trip)', async () => {
    await applyRosterImport(ctx, await seedSheet());
    const first = listRoster(ctx)[0]!;
    saveRosterSchool(ctx, { ...first, is_nor: 1, is_nsu: 1, base_site: 'Базовая школа', roster_note: '' } as never);
    const table = rosterTable(listRoster(ctx));
    const xlsx = await renderXlsx([table], 'Реестр школ', { asTyped: true });
    const back = await readXlsxTables(xlsx);
    expect(back[0]!.header).toEqual(table.columns.map((c) => c.header));
    expect(back[0]!.rows.length).toBe(21);
    const p = await previewRosterImport(ctx, xlsx);
    expect(p.errors).toEqual([]);
    expect(p.summary).toEqual({ create: 0, update: 0, unchanged: 21 });
  });

  it('refuses a file without the roster header', async () => {
    await expect(previewRosterImport(ctx, await seedSheet([['a', 'b']], ['Фамилия', 'Имя']))).rejects.toThrow(/не найдена таблица реестра/);
    await expect(previewRosterImport(ctx, Buffer.from('not a zip'))).rejects.toThrow(/не удалось прочитать/);
  });
});
