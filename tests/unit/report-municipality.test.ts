/**
 * The municipality's reports, dashboard and command line over a demo municipality whose schools' data
 * arrived through the real export → import path. Each .docx is read back and checked (paragraphs, table
 * rows and cells, page setup, fonts); each Excel export is read back with the same rows.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { runCli } from '../../main/cli/index.js';
import { generateMunicipalityDemo } from '../../main/services/municipality/demo.js';
import { municipalityDashboard, schoolDrillDown, municipalityCharts } from '../../main/services/municipality/overview.js';
import { listRoster } from '../../main/services/municipality/roster.js';
import { buildReport } from '../../main/services/reports/index.js';
import { getReportSettings, saveReportSettings, roadmapReport, schoolsReport } from '../../main/services/reports/municipality.js';
import { renderDocx } from '../../main/services/reports/docx.js';
import { parsePersonName } from '../../common/person-name.js';
import { startReportJob, reportProgress, reportResult } from '../../main/services/reports/jobs.js';
import { readXlsxTables } from '../../main/services/reports/xlsx.js';
import { tablesOf, cellText } from '../../main/services/reports/model.js';
import type { ReportKind } from '../../preload/contract/index.js';
import { readDocx } from './report-reader.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const TODAY = '2026-11-25';
let dir: string;
let dbPath: string;
let w: OpenWorkspace;

beforeAll(async () => {
  dir = tempDir('opora-mun-');
  dbPath = join(dir, 'municipality.sqlite');
  w = openWorkspaceFile(dbPath, NOW);
  const res = await generateMunicipalityDemo(w.ctx, { schools: 12, seed: 3 });
  expect(res).toMatchObject({ schools: 12, imported: 11 });
}, 60_000);
afterAll(() => w?.close());

const period = { from: '2025-09-01', to: '2026-08-31' };

describe('demo municipality through the real exchange', () => {
  it('has merged school records owned by each school, pupils without names', () => {
    const owners = w.ctx.raw.prepare("SELECT COUNT(DISTINCT owner) FROM activity").pluck().get() as number;
    expect(owners).toBe(11);
    const named = w.ctx.raw.prepare("SELECT COUNT(*) FROM pupil WHERE full_name <> '' AND full_name IS NOT NULL").pluck().get() as number;
    expect(named).toBe(0);
    expect(w.ctx.raw.prepare("SELECT COUNT(*) FROM exchange_import WHERE status = 'accepted'").pluck().get()).toBe(22);
    expect(w.ctx.raw.prepare('SELECT COUNT(*) FROM municipal_activity_mark').pluck().get()).toBeGreaterThan(20);
  });

  it('shows one dashboard row per school with figures and what needs attention', () => {
    const d = municipalityDashboard(w.ctx, TODAY);
    expect(d.rows).toHaveLength(12);
    expect(d.term.label).toBe('II четверть 2026/2027 учебного года');
    const missing = d.rows.filter((r) => r.lastBundleAt === null);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.attention).toContain('noBundle');
    for (const r of d.rows.filter((x) => x.lastBundleAt)) {
      expect(r.activitiesTotal).toBeGreaterThan(0);
      expect(r.riskTotal).toBe(Object.values(r.riskByCategory).reduce((a, b) => a + b, 0) > 0 ? r.riskTotal : 0);
      if (r.activitiesOverdue > 0) expect(r.attention).toContain('overdue');
      if (r.bundleAgeDays! > 45) expect(r.attention).toContain('bundleOld');
    }
    expect(d.rows.some((r) => r.attention.includes('bundleOld'))).toBe(true);
    const one = d.rows.find((r) => r.lastBundleAt)!;
    const drill = schoolDrillDown(w.ctx, one.schoolId, TODAY);
    expect(drill.activities.length).toBe(one.activitiesTotal);
    expect(drill.bundles.length).toBe(2);
    const charts = municipalityCharts(w.ctx, { today: TODAY });
    expect(charts.indicatorSeries.length).toBeGreaterThan(1);
    expect(charts.riskOverTime).toHaveLength(8);
    expect(charts.completionBySchool).toHaveLength(11);
  });
});

describe('municipality reports (docx)', () => {
  it('roadmap: requisites, the activity table with the schools’ marks, signature', async () => {
    const f = await buildReport(w.ctx, { kind: 'roadmap', format: 'docx', ...period, today: TODAY });
    const d = await readDocx(f.data);
    expect(d.sectPr).toMatchObject({ pgW: 11906, pgH: 16838, left: 1134, right: 567, top: 1134, bottom: 1134, titlePg: true });
    expect([...d.runFonts]).toEqual(['Times New Roman']);
    expect(d.paragraphs.slice(0, 3)).toEqual(['Администрация Ирбитского муниципального образования', 'Управление образования Ирбитского муниципального образования', 'Информационная справка']);
    // The roadmap's title «Муниципальная дорожная карта по …» in the genitive, not quoted after the same words.
    expect(d.paragraphs[5]).toMatch(/^об итогах реализации муниципальной дорожной карты по организации .+ за период с 01\.09\.2025 по 31\.08\.2026$/);
    const [acts, marks] = d.tables;
    expect(acts!.rows[0]!.cells).toEqual(['№ п/п', 'Мероприятие', 'Сроки', 'Ответственные', 'Отметка о выполнении']);
    // The demo's registered справка about the roadmap gives its closing: the computed summary is not printed over it.
    expect(d.paragraphs.some((p) => p.includes('Работа будет продолжена'))).toBe(true);
    expect(d.paragraphs.some((p) => /дорожной карты выполнено \d/.test(p))).toBe(false);
    // Ten rows and the three sub-rows of «1.9» (seed 002's «8.»), which keep no number of their own.
    expect(acts!.rows.length - 1).toBe(13);
    expect(acts!.rows.slice(1).map((r) => r.cells[0]).slice(-5)).toEqual(['1.9', '', '', '', '1.10']);
    expect(acts!.rows.find((r) => r.cells[0] === '1.3')!.cells[4]).toMatch(/^Взаимодействие между школами с НОР в этом учебном году не организовано\.\nОтметки школ: выполнено — \d+ из \d+/);
    expect(marks!.rows[0]!.cells).toEqual(['№ мероприятия', 'Образовательная организация', 'Отметка о выполнении']);
    const markCount = w.ctx.raw.prepare(`SELECT COUNT(*) FROM municipal_activity_mark m JOIN municipal_activity a ON a.id = m.activity_id
      WHERE m.deleted_at IS NULL AND a.date_from <= ? AND a.date_to >= ?`).pluck().get(period.to, period.from) as number;
    expect(marks!.rows.length - 1).toBe(markCount);
    expect(marks!.rows.every((r, i) => i === 0 || r.cantSplit)).toBe(true);
    expect(d.paragraphs.some((p) => p === 'Начальник Управления образования\tГ.Н.\u00a0Морозова')).toBe(true);
  });

  it('schools by groups: the table of seed 004, partner groups and resource centres, coordination group', async () => {
    const f = await buildReport(w.ctx, { kind: 'schools', format: 'docx', today: TODAY });
    const d = await readDocx(f.data);
    const t = d.tables[0]!;
    expect(t.rows[0]!.cells).toEqual(['ОО', 'Кластер', 'Группа качества (ГК)', 'Группа по индексу социального благополучия школы (ГИСБШ)', 'Уровень по ГК', 'Уровень по ГИСБШ']);
    expect(t.rows.length - 1).toBe(12);
    expect(t.rows.find((r) => r.cells[0] === 'Бердюгинская СОШ')!.cells).toEqual(['Бердюгинская СОШ', '2', '6', '3', 'с', 'н']);
    expect(t.rows.slice(1).map((r) => r.cells[0])).toEqual([...t.rows.slice(1).map((r) => r.cells[0])].sort((a, b) => a!.localeCompare(b!, 'ru')));
    const groups = d.tables[1]!;
    expect(groups.rows[0]!.cells).toEqual(['№ группы', 'Образовательные организации']);
    expect(groups.rows[1]!.cells[1]).toMatch(/ — ресурсный центр/);
    expect(d.paragraphs).toContain('Муниципальная координационная группа');
    expect(d.allText).toMatch(/МОУ «Гаевская ООШ» — пилотная площадка; базовая площадка — МАОУ «Средняя общеобразовательная школа № 13», ГО Ирбит\./);
  });

  it('signs «Н.Г. Гвоздкова» however the head\'s name is typed (it used to print «Г. Н.Г.»)', async () => {
    const before = getReportSettings(w.ctx);
    try {
      for (const typed of ['Н.Г. Гвоздкова', 'Гвоздкова Н. Г.', 'гвоздкова наталья геннадьевна']) {
        saveReportSettings(w.ctx, { ...before, headName: typed });
        const d = await readDocx((await buildReport(w.ctx, { kind: 'schools', format: 'docx', today: TODAY })).data);
        expect(d.paragraphs).toContain(`${before.headPosition}\tН.Г.\u00a0Гвоздкова`);
      }
      saveReportSettings(w.ctx, { ...before, headName: 'Приказ  о назначении ожидается' });
      const d = await readDocx((await buildReport(w.ctx, { kind: 'schools', format: 'docx', today: TODAY })).data);
      expect(d.paragraphs).toContain(`${before.headPosition}\tПриказ о назначении ожидается`);
    } finally {
      saveReportSettings(w.ctx, before);
    }
  });

  it('roadmap with the conclusions and the addressees the user adds, the number and date from the register', async () => {
    const doc = await roadmapReport(w.ctx, period, TODAY, undefined, {
      conclusions: 'Не все направления работы охвачены в полном объёме.\nРабота будет продолжена.', addressees: ['Руководителям МОУ', 'Ирбитского МО'], number: '01-12/9', date: null,
    });
    const d = await readDocx(await renderDocx(doc));
    const at = (t: string) => d.paragraphs.indexOf(t);
    expect(at('____________\t№ 01-12/9')).toBeGreaterThan(0);
    expect(at('Руководителям МОУ')).toBeGreaterThan(at('____________\t№ 01-12/9'));
    expect(at('Ирбитского МО')).toBe(at('Руководителям МОУ') + 1);
    expect(d.paragraphs[at('Ирбитского МО') + 1]).toMatch(/^об итогах реализации муниципальной дорожной карты/);
    const sign = d.paragraphs.findIndex((p) => p.startsWith('Начальник Управления образования\t'));
    // Her closing is the closing: the computed summary is offered in the editor, not printed over it.
    expect(at('Не все направления работы охвачены в полном объёме.')).toBeGreaterThan(d.paragraphs.findIndex((p) => p.startsWith('За период')));
    expect(d.paragraphs.some((p) => /дорожной карты выполнено/.test(p))).toBe(false);
    expect(at('Работа будет продолжена.')).toBe(sign - 1);
  });

  it('schools by groups lists the working groups passed to it, members in a table, leader first', async () => {
    const members = [
      { name: parsePersonName('Иванова Ольга Петровна'), text: '', position: 'учитель', organisation: 'МОУ «Киргинская СОШ»', role: '', leader: false },
      { name: parsePersonName('Т.В. Чащина'), text: '', position: 'методист', organisation: 'МКУ «ЦРО»', role: '', leader: true },
    ];
    const groups = [
      { title: 'Объективность ВПР', kindLabel: 'Рабочая группа', period: { from: '2026-10-15', to: null }, members },
      { title: 'Учителя математики', kindLabel: 'Творческая группа', period: { from: null, to: null }, members: [] },
    ];
    const d = await readDocx(await renderDocx(await schoolsReport(w.ctx, TODAY, undefined, groups)));
    const at = (t: string) => d.paragraphs.indexOf(t);
    expect(at('Рабочие группы')).toBeGreaterThan(at('Муниципальная координационная группа'));
    expect(at('Рабочая группа «Объективность ВПР»')).toBeGreaterThan(at('Рабочие группы'));
    expect(at('Творческая группа «Учителя математики»')).toBeGreaterThan(at('Рабочая группа «Объективность ВПР»'));
    const t = d.tables.at(-1)!;
    expect(t.rows.map((r) => r.cells[1])).toEqual(['Фамилия И.О.', 'Чащина\u00a0Т.В.', 'Иванова\u00a0О.П.']);
    expect(d.allText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('monitoring: a landscape page, one row per school and a totals row that adds up', async () => {
    const f = await buildReport(w.ctx, { kind: 'monitoring', format: 'docx', from: '2026-07-01', to: '2026-09-30', today: TODAY });
    const d = await readDocx(f.data);
    expect(d.sectPr).toMatchObject({ pgW: 16838, pgH: 11906, orient: 'landscape' });
    expect(d.paragraphs[5]).toBe('о результатах мониторинга реализации программ повышения качества образования за III квартал 2026 года');
    const t = d.tables[0]!;
    expect(t.rows[0]!.header).toBe(true);
    expect(t.rows.length).toBe(1 + 12 + 1);
    const body = t.rows.slice(1, -1);
    const total = t.rows.at(-1)!.cells;
    expect(total[1]).toBe('Итого');
    for (const col of [4, 5, 7, 8, 9]) expect(Number(total[col])).toBe(body.reduce((a, r) => a + Number(r.cells[col]), 0));
    expect(total[2]).toBe('11 из 12');
    expect(body.filter((r) => r.cells[2] === 'нет данных')).toHaveLength(1);
  });

  it('school справка from the municipality’s merged data: aggregate risk figures only', async () => {
    const school = listRoster(w.ctx).find((r) => r.short_name === 'Гаевская ООШ')!;
    const f = await buildReport(w.ctx, { kind: 'school', format: 'docx', schoolId: school.id, ...period, today: TODAY });
    const d = await readDocx(f.data);
    expect(d.paragraphs[1]).toBe('МОУ «Гаевская ООШ»');
    const acts = d.tables[0]!;
    const n = w.ctx.raw.prepare(`SELECT COUNT(*) FROM activity WHERE owner = ? AND deleted_at IS NULL AND status <> 'cancelled'
      AND COALESCE(date_from, date_to) <= ? AND COALESCE(date_to, date_from) >= ?`).pluck().get(school.id, period.to, period.from) as number;
    expect(acts.rows.length - 1).toBe(n);
    const risk = d.tables.find((t) => t.rows[0]!.cells[0] === 'Категория')!;
    const inGroup = w.ctx.raw.prepare('SELECT COUNT(*) FROM risk_entry WHERE owner = ? AND deleted_at IS NULL AND included_on <= ? AND (removed_on IS NULL OR removed_on > ?)').pluck().get(school.id, period.to, period.to);
    expect(Number(risk.rows.at(-1)!.cells[4])).toBe(inGroup);
  });
});

describe('Excel exports round-trip', () => {
  for (const kind of ['school', 'roadmap', 'schools', 'monitoring'] as ReportKind[]) {
    it(`${kind}: same sheets, headers and rows as the report's tables`, async () => {
      const schoolId = kind === 'school' ? listRoster(w.ctx).find((r) => r.status === 'enrolled')!.id : undefined;
      const req = { kind, schoolId, ...period, today: TODAY };
      const x = await buildReport(w.ctx, { ...req, format: 'xlsx' });
      const tables = tablesOf(x.doc);
      expect(tables.length).toBeGreaterThan(0);
      const sheets = await readXlsxTables(x.data);
      // Excel keeps 31 characters of a sheet's name (a working group's title is longer).
      expect(sheets.map((s) => s.name)).toEqual(tables.map((t) => t.sheet.trim().slice(0, 31)));
      const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v));
      tables.forEach((t, i) => {
        expect(sheets[i]!.header).toEqual(t.columns.map((c) => c.header));
        expect(sheets[i]!.rows.map((r) => t.columns.map((_, k) => norm(r[k])))).toEqual(t.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : cellText(c)))));
      });
    });
  }
});

describe('report jobs and the command line', () => {
  it('runs a report as a job with progress, then hands the file over once', async () => {
    const job = startReportJob(w.ctx, { kind: 'monitoring', format: 'docx', today: TODAY });
    expect(job.finished).toBe(false);
    let p = reportProgress(job.id);
    for (let i = 0; i < 200 && !p.finished; i++) {
      await new Promise((r) => setTimeout(r, 20));
      p = reportProgress(job.id);
    }
    expect(p).toMatchObject({ finished: true, error: null });
    expect(p.fileName).toBe('Мониторинг_по_школам_Управление_образования_Ирбитского_муниципального_образования_01.10.2026-31.12.2026.docx');
    const file = reportResult(job.id);
    const d = await readDocx(Buffer.from(file.bytes));
    expect(d.tables[0]!.rows.length).toBe(14);
    expect(() => reportResult(job.id)).toThrow(/не найдено/);
  });

  it('opora report writes .docx and .xlsx, and refuses bad parameters with code 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: NOW };
    const docx = join(dir, 'roadmap.docx');
    expect(await runCli(['report', '--db', dbPath, '--kind', 'roadmap', '--out', docx, '--from', '2025-09-01', '--to', '2026-08-31'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Отчёт сохранён: .*roadmap\.docx/);
    expect((await readDocx(readFileSync(docx))).tables[0]!.rows.length).toBe(14);
    const xlsx = join(dir, 'schools.xlsx');
    expect(await runCli(['report', '--db', dbPath, '--kind', 'schools', '--out', xlsx], io)).toBe(0);
    expect((await readXlsxTables(readFileSync(xlsx)))[0]!.rows).toHaveLength(12);
    const sid = listRoster(w.ctx)[0]!.id;
    expect(await runCli(['report', '--db', dbPath, '--kind', 'school', '--school', sid, '--out', join(dir, 's.docx')], io)).toBe(0);
    expect(await runCli(['report', '--db', dbPath, '--kind', 'school', '--out', join(dir, 's2.docx')], io)).toBe(1);
    expect(err.at(-1)).toMatch(/Выберите школу/);
    expect(await runCli(['report', '--db', dbPath, '--kind', 'weekly', '--out', join(dir, 'x.docx')], io)).toBe(2);
    expect(await runCli(['report', '--db', dbPath, '--kind', 'schools', '--out', join(dir, 'x.pdf')], io)).toBe(2);
    expect(await runCli(['report', '--db', dbPath, '--kind', 'roadmap', '--from', '2026-13-01', '--out', join(dir, 'x.docx')], io)).toBe(2);
  });
});

describe('the demo’s register holds the roadmap справка and the приказ approving it (issue 20)', () => {
  it('prints the приказ with the справка and its table in «Приложение 1»', async () => {
    const { printDocument } = await import('../../main/services/reports/documents/print.js');
    const order = w.ctx.raw.prepare("SELECT id FROM mun_document WHERE kind = 'order' AND roadmap_id IS NOT NULL AND deleted_at IS NULL").pluck().get() as string;
    const printed = await printDocument(w.ctx, order);
    if (process.env.SHOTS_DIR) writeFileSync(join(process.env.SHOTS_DIR, 'demo-order.docx'), printed.bytes);
    const o = await readDocx(printed.bytes);
    const at = (p: string) => o.paragraphs.findIndex((x) => x.includes(p));
    for (const p of ['П Р И К А З', '18.06.2026\t№ 412', 'от 26.08.2025 № 374 «Об утверждении муниципальной дорожной карты по организации методической поддержки', 'п р и к а з ы в а ю:', 'Утвердить информационную справку', 'Приложение 1', 'от 18.06.2026 № 412', 'Информационная справка об итогах реализации', 'За прошедший учебный год (сентябрь – май)', 'Работа будет продолжена']) {
      expect(at(p), p).toBeGreaterThan(-1);
    }
    expect(at('п р и к а з ы в а ю:')).toBeLessThan(at('Приложение 1'));
    const t = o.tables[0]!;
    const nine = t.rows.findIndex((r) => r.cells[0] === '1.9');
    expect(t.rows[nine]!.cells.at(-1)).toMatch(/^Выполнено частично\. Кураторы/);
    expect(t.rows.slice(nine + 1, nine + 4).map((r) => [r.cells[0], r.cells[1]])).toEqual([
      ['', '- взаимодействие педагогов школ с НОР по отдельным учебным предметам'], ['', '- управленческих команд школ с НОР'], ['', '- педагоги школ с НОР и педагоги школы-куратора']]);
    expect(o.allText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('the reports take what the register holds (issue 10)', () => {
  it('roadmap: the conclusions, addressees, number and date of the register’s справка about the roadmap', async () => {
    const { saveDocument, removeDocument } = await import('../../main/services/municipality/documents.js');
    const { currentRoadmap } = await import('../../main/services/municipality/roadmap.js');
    const { documentSaveInput } = await import('../../preload/contract/meetings.js');
    // The demo's own справка about the roadmap and its приказ out of the way: this test registers its own.
    for (const k of ['order', 'spravka']) removeDocument(w.ctx, w.ctx.raw.prepare(`SELECT id FROM mun_document WHERE kind = ? AND roadmap_id IS NOT NULL AND deleted_at IS NULL`).pluck().get(k) as string);
    const plain = await readDocx((await buildReport(w.ctx, { kind: 'roadmap', format: 'docx', ...period, today: TODAY })).data);
    expect(plain.allText).not.toContain('Вывод из реестра документов.');
    // No closing written: the summary computed from the data stands in its place.
    expect(plain.paragraphs.some((p) => /дорожной карты выполнено \d/.test(p))).toBe(true);
    const rm = currentRoadmap(w.ctx)!;
    const save = (document: Record<string, unknown>) => saveDocument(w.ctx, documentSaveInput.parse({ document: { kind: 'spravka', title: 'об итогах реализации дорожной карты', roadmap_id: rm.id, ...document }, sections: null })).document.id as string;
    // A draft and a registered one: the registered one wins, whichever is newer.
    const registered = save({ number: '01-12/77', doc_date: '2026-11-20', addressees: 'Руководителям МОУ\nИрбитского МО', closing: 'Вывод из реестра документов.\nРабота будет продолжена.' });
    const draft = save({ number: '', doc_date: null, addressees: 'Черновик', closing: 'Текст черновика.' });
    const d = await readDocx((await buildReport(w.ctx, { kind: 'roadmap', format: 'docx', ...period, today: TODAY })).data);
    const at = (t: string) => d.paragraphs.indexOf(t);
    expect(at('20.11.2026\t№ 01-12/77')).toBeGreaterThan(0);
    expect(at('Руководителям МОУ')).toBeGreaterThan(at('20.11.2026\t№ 01-12/77'));
    expect(at('Ирбитского МО')).toBe(at('Руководителям МОУ') + 1);
    expect(at('Вывод из реестра документов.')).toBeGreaterThan(d.paragraphs.findIndex((p) => p.startsWith('За период')));
    expect(d.allText).not.toContain('Текст черновика.');
    // Only the draft left: its text, and its empty date a line to fill in, not today.
    removeDocument(w.ctx, registered);
    const onlyDraft = await readDocx((await buildReport(w.ctx, { kind: 'roadmap', format: 'docx', ...period, today: TODAY })).data);
    expect(onlyDraft.allText).toContain('Текст черновика.');
    expect(onlyDraft.paragraphs.some((p) => p.startsWith('____________\t№'))).toBe(true);
    removeDocument(w.ctx, draft);
  });

  it('schools by groups: the register’s groups in force, the demo’s working group with its leader first; an ended group is left out', async () => {
    const { saveGroup, removeGroup } = await import('../../main/services/municipality/groups.js');
    const { groupSaveInput } = await import('../../preload/contract/meetings.js');
    const ended = saveGroup(w.ctx, groupSaveInput.parse({ group: { kind: 'creative', title: 'Прошлогодняя творческая группа', date_from: '2025-09-01', date_to: '2026-05-31' }, members: [{ surname: 'Иванова', first_name: 'О.', patronymic: 'П.' }] }));
    const d = await readDocx((await buildReport(w.ctx, { kind: 'schools', format: 'docx', today: TODAY })).data);
    const at = (t: string) => d.paragraphs.indexOf(t);
    expect(at('Рабочая группа «Сопровождение школ с низкими образовательными результатами»')).toBeGreaterThan(at('Муниципальная координационная группа'));
    expect(d.allText).not.toContain('Прошлогодняя творческая группа');
    const t = d.tables.at(-1)!;
    expect(t.rows.slice(1).map((r) => r.cells[1])[0]).toBe('Сорокина\u00a0В.А.');
    expect(t.rows).toHaveLength(8);
    // A member from a school of the roster is shown with the school's name.
    expect(t.rows[2]!.cells[3]).not.toBe('');
    removeGroup(w.ctx, ended.id);
  });
});
