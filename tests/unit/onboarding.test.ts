/**
 * A school starts from what it already has: its programme in Word (seeds 000, 001, 004 rebuilt as .docx in
 * tests/fixtures/programmes.ts) and its staff and class lists in Excel and Windows-1251 CSV, imported through
 * the command line; re-import changes nothing, a changed document updates what changed, bad files get words.
 */
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { testWorkspace, tempDir } from '../helpers.js';
import { runCli } from '../../main/cli/index.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { seed000, seed001, seed004, SEED_000, SEED_001, SEED_004 } from '../fixtures/programmes.js';
import { previewProgramme, applyProgramme } from '../../main/services/school/onboarding/programme-import.js';

const now = () => new Date('2026-11-25T10:00:00Z');

async function opora(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function schoolFile() {
  const dir = tempDir('opora-onboarding-');
  const t = testWorkspace(now, dir);
  await t.ok('workspace.createSchool', { name: 'МОУ «Пьянковская ООШ»', short_name: 'Пьянковская ООШ' });
  const db = t.ws.dbPath('main');
  await t.ws.close();
  return { dir, db };
}

function rows(db: string, sql: string, ...args: unknown[]) {
  const w = openWorkspaceFile(db, now);
  try {
    return w.ctx.raw.prepare(sql).all(...args) as Record<string, unknown>[];
  } finally {
    w.close();
  }
}

const put = (dir: string, name: string, bytes: Uint8Array | Buffer) => { const p = join(dir, name); writeFileSync(p, bytes); return p; };
const clean = (s: string) => s.replace(/[.;]$/, '');

describe('a programme from Word', () => {
  it('seed 000: goal, every task, problem, direction with its measures and indicator lands; again — nothing changes; a changed task updates', async () => {
    const { dir, db } = await schoolFile();
    const file = put(dir, 'programme-000.docx', await seed000());
    const r = await opora('import-programme', '--db', db, file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [p] = rows(db, 'SELECT * FROM programme WHERE deleted_at IS NULL');
    expect(p!.title).toBe(SEED_000.title);
    expect([p!.year_from, p!.year_to, p!.approval_number, p!.approval_date]).toEqual([2020, 2023, '45-од', '2021-03-15']);
    expect(p!.goal).toBe(SEED_000.goal);
    expect(rows(db, 'SELECT text FROM programme_task WHERE deleted_at IS NULL ORDER BY position').map((x) => x.text)).toEqual(SEED_000.tasks);
    expect(rows(db, 'SELECT description FROM programme_problem WHERE deleted_at IS NULL ORDER BY created_at').map((x) => x.description)).toEqual(SEED_000.problems);
    const acts = rows(db, 'SELECT a.title, d.title AS direction FROM activity a JOIN direction d ON d.id = a.direction_id WHERE a.deleted_at IS NULL ORDER BY a.created_at');
    expect(acts.map((a) => [a.direction, a.title])).toEqual(SEED_000.directions.flatMap(([d, list]) => list.map((a) => [d, clean(a)])));
    expect(rows(db, 'SELECT COUNT(*) AS n FROM direction WHERE deleted_at IS NULL')[0]!.n).toBe(5);
    const values = rows(db, 'SELECT i.title, v.period, v.target FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id ORDER BY i.title, v.period');
    expect(values).toContainEqual({ title: 'Доля учителей с высшей категорией', period: '2023', target: 18 });
    expect(values).toHaveLength(6);

    const again = await opora('import-programme', '--db', db, '--json', file);
    const res = JSON.parse(again.out) as { created: number; updated: number; unchanged: number };
    expect([res.created, res.updated]).toEqual([0, 0]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM programme WHERE deleted_at IS NULL')[0]!.n).toBe(1);

    const v2 = put(dir, 'programme-000-v2.docx', await seed000({ changedTask: 'Повышение эффективности финансирования образования за счёт грантов' }));
    const dry = await opora('import-programme', '--db', db, '--dry-run', v2);
    expect(dry.out).toMatch(/\[изменится\] 7\. Повышение эффективности финансирования образования за счёт грантов/);
    const upd = JSON.parse((await opora('import-programme', '--db', db, '--json', v2)).out) as typeof res;
    expect([upd.created, upd.updated]).toEqual([0, 1]);
    expect(rows(db, 'SELECT text FROM programme_task WHERE position = 7')[0]!.text).toBe('Повышение эффективности финансирования образования за счёт грантов');
    expect(rows(db, 'SELECT COUNT(*) AS n FROM programme_task WHERE deleted_at IS NULL')[0]!.n).toBe(10);
  });

  it('seed 001: a plan table with a two-line header, split over pages, a continued row, an empty row — all 14 rows with timings', async () => {
    const { dir, db } = await schoolFile();
    const file = put(dir, 'programme-001.docx', await seed001());
    expect((await opora('import-programme', '--db', db, file)).code).toBe(0);
    const acts = rows(db, 'SELECT number, title, timing_text, timing_kind, responsible, date_from FROM activity WHERE deleted_at IS NULL ORDER BY created_at');
    expect(acts.map((a) => [a.number ?? '', a.title, a.timing_text, a.responsible])).toEqual(SEED_001.plan.map(([n, t, s, o]) => [n, t, s, o]));
    expect(acts.find((a) => a.number === '2')).toMatchObject({ timing_kind: 'month', date_from: '2020-09-01' });
    expect(acts.find((a) => a.number === '6')!.timing_kind).toBe('permanent');
    expect(rows(db, 'SELECT text FROM programme_task ORDER BY position').map((x) => x.text)).toEqual(SEED_001.tasks);
    expect(rows(db, 'SELECT description FROM programme_problem ORDER BY created_at').map((x) => x.description)).toEqual(SEED_001.problems);
    const [p] = rows(db, 'SELECT * FROM programme');
    expect(p).toMatchObject({ title: SEED_001.title, year_from: 2020, year_to: 2021 });
    expect(String(p!.goal)).toMatch(/^повышение эффективности и качества образования/);

    const v2 = put(dir, 'programme-001-v2.docx', await seed001({ changedTiming: 'Ежегодно, октябрь', extraRow: ['14', 'Семинар для молодых педагогов', 'Ноябрь 2020', 'Методкабинет'] }));
    const upd = JSON.parse((await opora('import-programme', '--db', db, '--json', v2)).out) as { created: number; updated: number };
    expect([upd.created, upd.updated]).toEqual([1, 1]);
    expect(rows(db, "SELECT timing_text FROM activity WHERE number = '5'")[0]!.timing_text).toBe('Ежегодно, октябрь');
    expect(rows(db, 'SELECT COUNT(*) AS n FROM activity WHERE deleted_at IS NULL')[0]!.n).toBe(15);
  });

  it('seed 004: approval, measures, a plan with direction rows, local acts; tables of other things shown as they stand, and can be moved', async () => {
    const t = testWorkspace(now);
    await t.ok('workspace.createSchool', { name: 'МОУ «Пьянковская ООШ»', short_name: 'Пьянковская ООШ' });
    const ctx = t.ws.ctx();
    const bytes = await seed004();
    const p = previewProgramme(ctx, 'programme-004.docx', bytes);
    expect(p.head).toMatchObject({ title: 'Программа повышения качества образования МОУ «Пьянковская ООШ» на 2020-2023 гг', approval_number: '12', approval_date: '2020-01-21', year_from: 2020, year_to: 2023 });
    const unknown = p.blocks.filter((b) => b.section === 'unknown');
    // Nothing dropped: the school table is shown row by row, as in the document.
    expect(unknown.flatMap((b) => b.rows.map((r) => r.source))).toContain('Пьянковская ООШ | 1 | 5 | н/с');
    const prose = unknown.find((b) => b.rows.some((r) => /идентификации школ/.test(r.text)))!;
    const r = applyProgramme(ctx, 'programme-004.docx', bytes, { [prose.id]: 'activity' });
    expect(r.created).toBe(SEED_004.measures.length + SEED_004.plan.length + SEED_004.acts.length + 2 + 1);
    const acts = ctx.raw.prepare('SELECT a.number, a.title, a.completion_mark, a.status, d.title AS direction FROM activity a LEFT JOIN direction d ON d.id = a.direction_id ORDER BY a.created_at').all() as Record<string, unknown>[];
    for (const [dir, n, title, , , mark] of SEED_004.plan) expect(acts).toContainEqual(expect.objectContaining({ number: n, title, direction: dir, completion_mark: mark }));
    expect(acts.find((a) => a.number === '1.1')!.status).toBe('done');
    for (const m of SEED_004.measures) expect(acts.map((a) => a.title)).toContain(m);
    expect(acts.some((a) => /идентификации школ/.test(String(a.title)))).toBe(true);
    const acts2 = ctx.raw.prepare('SELECT title, adopted_on FROM local_act ORDER BY created_at').all();
    expect(acts2).toEqual(SEED_004.acts.map(([title, d]) => ({ title: `${title} (приказ от ${d})`, adopted_on: `${d!.slice(6)}-${d!.slice(3, 5)}-${d!.slice(0, 2)}` })));
    expect(applyProgramme(ctx, 'programme-004.docx', bytes, { [prose.id]: 'activity' }).created).toBe(0);
  });
});

async function staffSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Кадры');
  ws.addRow(['Список педагогических работников на 01.09.2026']);
  ws.addRow(['Фамилия', 'Имя', 'Отчество', 'Должность', 'Преподаваемые предметы', 'Квалификационная категория', 'Образование', 'Педагогический стаж', 'Дата рождения']);
  ws.addRow(['Иванова', 'Мария', 'Петровна', 'Учитель', 'Русский язык, литература', 'Высшая', 'Высшее педагогическое', 24, new Date(Date.UTC(1975, 2, 3))]);
  ws.addRow(['Сидоров', 'Олег', 'Иванович', 'Учитель', 'Математика', 'первая', 'Высшее', '12 лет', 30000]);
  ws.addRow(['Кузнецова', 'Анна', 'Сергеевна', 'Педагог-психолог', '', 'б/к', 'Высшее', 1, '05.06.2001']);
  ws.addRow([]);
  ws.addRow(['Иванова', 'Мария', 'Петровна', 'Учитель', 'Русский язык', 'Высшая', '', 24, '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CLASS_LIST = ['ФИО обучающегося;Дата рождения;Класс;Пол', 'Алексеев Артём Игоревич;14.02.2014;6 А;м', 'Белова Дарья Сергеевна;2014-07-30;6 "А";ж',
  'Васильев Кирилл Олегович;03/11/2013;6А;м', 'Григорьева Ева Андреевна;;6А;ж', 'Белова Дарья Сергеевна;30.07.2014;6А;ж', ';01.01.2014;6А;м'].join('\r\n');

describe('staff and pupils from Excel and CSV', () => {
  it('a staff list in .xlsx: names joined, categories, experience, a duplicate shown; the mapping remembered; again — nothing changes', async () => {
    const { dir, db } = await schoolFile();
    const file = put(dir, 'кадры.xlsx', await staffSheet());
    const dry = await opora('import-list', '--db', db, '--kind', 'staff', '--dry-run', file);
    expect(dry.out).toMatch(/Строка 7 повторяет строку 3/);
    expect(dry.out).toMatch(/новых 3, изменится 0, без изменений 0, повторов 1, с ошибками 0/);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM staff')[0]!.n).toBe(0);
    expect((await opora('import-list', '--db', db, '--kind', 'staff', file)).code).toBe(0);
    const staff = rows(db, 'SELECT full_name, position, subjects, category, experience_years FROM staff ORDER BY full_name');
    expect(staff).toEqual([
      { full_name: 'Иванова Мария Петровна', position: 'Учитель', subjects: 'Русский язык, литература', category: 'highest', experience_years: 24 },
      { full_name: 'Кузнецова Анна Сергеевна', position: 'Педагог-психолог', subjects: '', category: 'none', experience_years: 1 },
      { full_name: 'Сидоров Олег Иванович', position: 'Учитель', subjects: 'Математика', category: 'first', experience_years: 12 },
    ]);
    const again = JSON.parse((await opora('import-list', '--db', db, '--kind', 'staff', '--json', file)).out) as { created: number; updated: number; unchanged: number };
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 3]);
    expect(rows(db, "SELECT value FROM meta WHERE key = 'import_mapping.staff'")[0]!.value).toMatch(/"должность":"position"/);
  });

  it('a class list in Windows-1251 CSV with «;»: dates in any form, names and birth dates sealed, errors by line number only', async () => {
    const { dir, db } = await schoolFile();
    const bytes = new Uint8Array([...CLASS_LIST].map((ch) => { const c = ch.charCodeAt(0); return c < 128 ? c : c === 0x401 ? 0xa8 : c === 0x451 ? 0xb8 : c - 0x410 + 0xc0; }));
    const file = put(dir, '6а.csv', bytes);
    const r = await opora('import-list', '--db', db, '--kind', 'pupils', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Строка 6 повторяет строку 3/);
    expect(r.out).toMatch(/Строка 7: нет фамилии и имени/);
    expect(r.out + r.err).not.toMatch(/Алексеев|Белова|Васильев|Григорьева/);
    expect(r.out).toMatch(/новых 4/);
    const raw = rows(db, 'SELECT full_name, birth_date, class_name FROM pupil ORDER BY created_at');
    expect(raw).toHaveLength(4);
    expect(JSON.stringify(raw)).not.toMatch(/Алексеев|2014-02-14/);
    expect(raw.map((x) => x.class_name)).toEqual(['6А', '6А', '6А', '6А']);
    const w = openWorkspaceFile(db, now);
    const { revealRows } = await import('../../main/services/privacy/vault.js');
    const open = revealRows(w.ctx.raw, w.ctx.raw.prepare('SELECT full_name, birth_date FROM pupil ORDER BY created_at').all() as Record<string, unknown>[]);
    w.close();
    expect(open).toEqual([
      { full_name: 'Алексеев Артём Игоревич', birth_date: '2014-02-14' }, { full_name: 'Белова Дарья Сергеевна', birth_date: '2014-07-30' },
      { full_name: 'Васильев Кирилл Олегович', birth_date: '2013-11-03' }, { full_name: 'Григорьева Ева Андреевна', birth_date: null },
    ]);
    const again = JSON.parse((await opora('import-list', '--db', db, '--kind', 'pupils', '--json', file)).out) as { created: number; unchanged: number };
    expect([again.created, again.unchanged]).toEqual([0, 4]);
  });
});

describe('bad files get words', () => {
  it('a .doc saved as .docx, a damaged file, a workbook given as a programme, a table of something else, a huge file: a Russian reason, nothing saved', async () => {
    const { dir, db } = await schoolFile();
    const ole = new Uint8Array(4096); ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const cases: [string[], RegExp][] = [
      [['import-programme', put(dir, 'старая.docx', ole)], /старого формата Word или Excel.*сохраните как \.docx/],
      [['import-programme', put(dir, 'битая.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))], /повреждён/],
      [['import-programme', put(dir, 'кадры.docx', await staffSheet())], /программа — из документа Word/],
      [['import-list', '--kind', 'staff', put(dir, 'программа.xlsx', await seed001())], /программа — из документа Word|не найден столбец с фамилиями/],
      [['import-list', '--kind', 'pupils', put(dir, 'другое.csv', new TextEncoder().encode('Школа;Кластер\nДубская СОШ;2\n'))], /не найден столбец с фамилиями/],
      [['import-programme', put(dir, 'огромная.docx', new Uint8Array(50 * 1024 * 1024))], /слишком большой/],
    ];
    for (const [argv, message] of cases) {
      const [cmd, ...rest] = argv;
      const r = await opora(cmd!, '--db', db, ...rest);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err).toMatch(message);
    }
    expect(rows(db, 'SELECT (SELECT COUNT(*) FROM programme) + (SELECT COUNT(*) FROM staff) + (SELECT COUNT(*) FROM pupil) AS n')[0]!.n).toBe(0);
  });
});
