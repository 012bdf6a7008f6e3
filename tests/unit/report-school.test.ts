/**
 * The school's справка built from a demo school: the document itself is read back and checked — page
 * setup and fonts to ГОСТ Р 7.0.97-2025, the requisites, the activity table with a repeated header, the
 * risk group in aggregate only — and its Excel export round-trips with the same rows.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { testWorkspace } from '../helpers.js';
import { revealRows } from '../../main/services/privacy/vault.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { schoolReport } from '../../main/services/reports/school.js';
import { renderDocx } from '../../main/services/reports/docx.js';
import { renderXlsx, readXlsxTables } from '../../main/services/reports/xlsx.js';
import { tablesOf, cellText, type ReportDoc } from '../../main/services/reports/model.js';
import { readDocx, type ParsedDocx } from './report-reader.js';
import type { ServiceContext } from '../../main/services/core/context.js';

const period = { from: '2025-09-01', to: '2026-08-31' };
let ctx: ServiceContext;
let doc: ReportDoc;
let parsed: ParsedDocx;
let buf: Buffer;

beforeAll(async () => {
  const { ws } = testWorkspace();
  ctx = ws.ctx();
  generateDemo(ctx, { size: 'small', seed: 7 });
  doc = schoolReport({ raw: ctx.raw, today: '2026-11-25' }, period).doc;
  buf = await renderDocx(doc);
  parsed = await readDocx(buf);
});

describe('school справка (docx)', () => {
  it('prints only the sections asked for, numbered as printed, and is much shorter', async () => {
    const short = schoolReport({ raw: ctx.raw, today: '2026-11-25' }, period, ['risk', 'indicators']).doc;
    const headings = short.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text).filter((t) => /^\d+\. /.test(t));
    expect(headings).toEqual(['1. Работа с обучающимися группы риска', '2. Показатели и их динамика']);
    expect(tablesOf(short).some((t) => t.columns.some((c) => c.header === 'Мероприятие'))).toBe(false);
    expect((await renderDocx(short)).length).toBeLessThan(buf.length);
  });

  it('is A4 portrait with ГОСТ margins and page numbers from page 2', () => {
    expect(parsed.sectPr).toMatchObject({ pgW: 11906, pgH: 16838, top: 1134, bottom: 1134, left: 1134, right: 567, titlePg: true });
    // The first page's header is empty; the others carry a centred PAGE field.
    expect(parsed.headerByType.first).toBeDefined();
    expect(parsed.headerByType.first).not.toMatch(/PAGE/);
    expect(parsed.headerByType.default).toMatch(/PAGE/);
    expect(parsed.headerByType.default).toMatch(/<w:jc w:val="center"\/>/);
  });

  it('sets Times New Roman 14 as the document font, and only it', () => {
    expect(parsed.defaultFont).toBe('Times New Roman');
    expect(parsed.defaultSize).toBe(14);
    expect([...parsed.runFonts]).toEqual(['Times New Roman']);
    for (const t of parsed.tables) for (const size of t.fontSizes) expect(size).toBeGreaterThanOrEqual(10);
  });

  it('prints the requisites: organisation, kind, date and number, place, heading', () => {
    const p = parsed.paragraphs;
    expect(p[0]).toBe('Ирбитское муниципальное образование');
    expect(p[1]).toBe('МКОУ «Пьянковская основная общеобразовательная школа»');
    expect(p[2]).toBe('Информационная справка');
    expect(parsed.xml).toMatch(/<w:caps\/>/);
    expect(p[3]).toBe('25.11.2026\t№ ________');
    expect(p[4]).toBe('д. Пьянкова');
    expect(p[5]).toBe('о реализации программы повышения качества образования за период с 01.09.2025 по 31.08.2026');
    expect(parsed.coreTitle).toBe('Информационная справка о реализации программы повышения качества образования');
  });

  it('has the goal, the tasks and every section', () => {
    const text = parsed.paragraphs.join('\n');
    expect(text).toMatch(/^Стратегическая цель — создание условий/m);
    expect(text).toMatch(/^1\. Повысить предметную и методическую компетентность педагогов\.$/m);
    for (const h of ['1. Цели и задачи программы', '2. Выполнение плана мероприятий', '3. Наставничество и профессиональное развитие педагогов',
      '4. Работа с обучающимися группы риска', '5. Проведённые мероприятия', '6. Показатели и их динамика']) expect(parsed.paragraphs).toContain(h);
    expect(parsed.paragraphs.some((x) => x.startsWith('Директор\t'))).toBe(true);
  });

  it('has the activity table «№ | Мероприятие | Сроки | Ответственные | Отметка о выполнении» with every activity of the period', () => {
    const t = parsed.tables[0]!;
    expect(t.rows[0]!.cells).toEqual(['№', 'Мероприятие', 'Сроки', 'Ответственные', 'Отметка о выполнении']);
    expect(t.rows[0]!.header).toBe(true);
    expect(t.rows.slice(1).every((r) => !r.header)).toBe(true);
    const expected = ctx.raw.prepare(`SELECT COUNT(*) FROM activity WHERE deleted_at IS NULL AND status <> 'cancelled'
      AND COALESCE(date_from, date_to) <= ? AND COALESCE(date_to, date_from) >= ?`).pluck().get(period.to, period.from) as number;
    expect(t.rows.length - 1).toBe(expected);
    const numbers = t.rows.slice(1).map((r) => r.cells[0]);
    expect(numbers.every((x) => /^\d+\.\d+$/.test(x!))).toBe(true);
    // A not-done activity keeps the school's own words.
    expect(t.rows.some((r) => /^Не (выполнено|проведено)/.test(r.cells[4]!))).toBe(true);
    // Widths add up to the text width (180 mm) and no cell is empty where the school wrote something.
    expect(t.gridCols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10205);
    expect(t.gridCols.reduce((a, b) => a + b, 0)).toBeGreaterThan(10150);
  });

  it('repeats the header row of every table and keeps short rows on one page', () => {
    for (const t of parsed.tables) {
      expect(t.rows[0]!.header).toBe(true);
      expect(t.rows.slice(1).every((r) => r.cantSplit)).toBe(true);
    }
  });

  it('gives the risk group in aggregate only — no pupil name, birth date or class anywhere', () => {
    const risk = parsed.tables.find((t) => t.rows[0]!.cells[0] === 'Категория')!;
    expect(risk.rows[0]!.cells).toEqual(['Категория', 'На 31.08.2025', 'Включено за период', 'Снято с учёта за период', 'На 31.08.2026']);
    const total = risk.rows[risk.rows.length - 1]!;
    expect(total.cells[0]).toBe('Всего обучающихся');
    const inGroup = ctx.raw.prepare(`SELECT COUNT(*) FROM risk_entry WHERE deleted_at IS NULL AND included_on <= ? AND (removed_on IS NULL OR removed_on > ?)`).pluck().get(period.to, period.to) as number;
    expect(Number(total.cells[4])).toBe(inGroup);
    const pupils = revealRows(ctx.raw, ctx.raw.prepare('SELECT full_name, birth_date FROM pupil').all() as { full_name: string; birth_date: string }[]);
    expect(pupils.length).toBeGreaterThan(10);
    for (const p of pupils) {
      expect(parsed.allText).not.toContain(p.full_name);
      expect(parsed.allText).not.toContain(p.birth_date.split('-').reverse().join('.'));
    }
  });

  it('shows indicators with their dynamics', () => {
    const t = parsed.tables.find((x) => x.rows[0]!.cells[0] === 'Показатель')!;
    expect(t.rows[0]!.cells.slice(0, 3)).toEqual(['Показатель', 'Ед. изм.', 'Базовое значение']);
    expect(t.rows[0]!.cells.at(-1)).toBe('Динамика к базовому');
    expect(t.rows.length - 1).toBe(6);
    expect(t.rows.slice(1).filter((r) => /(улучшение|ухудшение|без изменений)/.test(r.cells.at(-1)!)).length).toBeGreaterThan(3);
  });

  it('limits the report to the period', async () => {
    const empty = schoolReport({ raw: ctx.raw, today: '2026-11-25' }, { from: '2010-01-01', to: '2010-01-31' }).doc;
    const p = await readDocx(await renderDocx(empty));
    expect(p.paragraphs).toContain('Мероприятий, относящихся к периоду, в плане нет.');
    expect(p.paragraphs).toContain('Мероприятий за период в журнал не внесено.');
  });
});

describe('school справка (Excel)', () => {
  it('round-trips every table: same sheets, Russian headers and rows', async () => {
    const tables = tablesOf(doc);
    const sheets = await readXlsxTables(await renderXlsx(tables));
    expect(sheets.map((s) => s.name)).toEqual(tables.map((t) => t.sheet));
    tables.forEach((t, i) => {
      const s = sheets[i]!;
      expect(s.header).toEqual(t.columns.map((c) => c.header));
      const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v));
      expect(s.rows.map((r) => t.columns.map((_, k) => norm(r[k])))).toEqual(t.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : cellText(c)))));
    });
  });
});
