/**
 * Reports that add up: every report kind is built as a real file from seed-like data — a school plan with
 * activities timed «В течение 2020 г. и последующий период», «в течение учебного года», «ежемесячно» and with
 * no deadline, as the schools' programmes have them, and a roadmap with the same — read back, and each summary
 * sentence's numbers are checked against the rows of its own table. The text is checked for what a reader sees
 * as a misprint: «.;», «..», doubled quotes, a number parted from its «%» by an ordinary space.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { makePair, type Pair } from './exchange-fixtures.js';
import { saveRecord } from '../../main/services/records/records.js';
import { updateSchoolProfile } from '../../main/services/core/school-profile.js';
import { saveRoadmap, saveRoadmapActivity } from '../../main/services/municipality/roadmap.js';
import { buildReport, type ReportRequest } from '../../main/services/reports/index.js';
import { readXlsxTables } from '../../main/services/reports/xlsx.js';
import type { ServiceContext } from '../../main/services/core/context.js';
import { readDocx, type DocxTable, type ParsedDocx } from './report-reader.js';

const TODAY = '2026-11-25';
const PERIOD = { from: '2026-09-01', to: TODAY };
/** The seed's open-ended and undated timings, as the schools write them. */
const SEED_TIMINGS: [string, string, string | null, string][] = [
  ['5.1', 'В течение 2020 г. и последующий период', '2020-01-01', 'done'],
  ['5.2', 'В течение 2020 г. и последующий период', '2020-01-01', 'in_progress'],
  ['5.3', 'В течение 2020 г. и последующий период', '2020-01-01', 'planned'],
  ['5.4', 'в течение учебного года', null, 'planned'],
  ['5.5', 'ежемесячно', null, 'done'],
  ['5.6', 'Без срока', null, 'not_done'],
];
const LONG = 'Организация методического сопровождения педагогов, имеющих профессиональные дефициты, через систему индивидуальных образовательных маршрутов, ' +
  'взаимопосещение уроков, участие в работе школьных и районных методических объединений, а также через курсы повышения квалификации на платформе ' +
  'https://edu.irro.ru/courses/functional-literacy-2026-2027/registration-form и диагностику профессиональных затруднений.';

let pair: Pair;
const statusOf = new Map<string, string>();

async function seedSchool(s: ServiceContext) {
  // The profile asks for the director before the first справка (saved-documents.test.ts): the user filled it in.
  updateSchoolProfile(s, { director: 'петрова анна ивановна' } as never);
  const programme = s.raw.prepare('SELECT id FROM programme WHERE deleted_at IS NULL LIMIT 1').pluck().get() as string;
  for (const [number, timing_text, date_from, status] of SEED_TIMINGS) {
    await saveRecord(s, 'activity', {
      programme_id: programme, number, title: `Мероприятие ${number} ""Учитель года""`, timing_kind: date_from ? 'permanent' : 'recurrence', timing_text,
      date_from, date_to: null, responsible: 'Заместитель директора по УВР.', status,
      completion_mark: status === 'done' ? 'Проведено, информация на сайте..' : '', completed_on: status === 'done' ? '2026-10-10' : null,
    });
  }
  await saveRecord(s, 'activity', { programme_id: programme, number: '5.7', title: LONG, timing_kind: 'recurrence', timing_text: 'Ежемесячно', status: 'in_progress', responsible: 'Руководитель ШМО' });
  for (const r of s.raw.prepare('SELECT number, status FROM activity WHERE deleted_at IS NULL').all() as { number: string; status: string }[]) statusOf.set(r.number, r.status);
}

async function seedRoadmap(m: ServiceContext) {
  const rm = saveRoadmap(m, { title: '«Дорожная карта» по поддержке школ с низкими результатами', year_from: 2025, year_to: 2027, goals: '', tasks: '' } as never);
  const acts: [string, string, string | null, string | null, string][] = [
    ['1', 'В течение 2020 г. и последующий период', '2020-01-01', null, 'in_progress'],
    ['2', 'в течение учебного года', null, null, 'planned'],
    ['3', 'ежемесячно', null, null, 'done'],
    ['4', '', null, null, 'planned'],
    ['5.', 'до 01.10.2026', null, '2026-10-01', 'planned'],
    ['6', 'октябрь 2026', '2026-10-01', '2026-10-31', 'not_done'],
  ];
  for (const [number, timing_text, date_from, date_to, status] of acts) {
    saveRoadmapActivity(m, {
      roadmap_id: rm.id as string, number, title: `Мероприятие дорожной карты ${number}`, timing_text, date_from, date_to, responsible: 'Управление образования',
      status, completion_mark: status === 'done' ? 'Выполнено.' : '', completed_on: status === 'done' ? '2026-10-15' : null, all_schools: 1, school_ids: [],
    } as never);
  }
}

beforeAll(async () => {
  pair = makePair({ demo: 'small', seed: 7 });
  await seedSchool(pair.school.ctx);
  expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');
  await seedRoadmap(pair.muni.ctx);
}, 120_000);
afterAll(() => pair?.close());

// ───── reading a report back ─────

const NBSP = '\u00A0';
const req = (r: Omit<ReportRequest, 'today'>): ReportRequest => ({ today: TODAY, ...r }) as ReportRequest;
const grab = (text: string, re: RegExp): number[] => {
  const m = re.exec(text);
  if (!m) throw new Error(`not found: ${re}\n${text}`);
  return m.slice(1).map((x) => Number(x ?? 0));
};
const para = (d: ParsedDocx, start: RegExp) => {
  const p = d.paragraphs.find((x) => start.test(x));
  if (!p) throw new Error(`no paragraph ${start}\n${d.paragraphs.join('\n')}`);
  return p;
};
const table = (d: ParsedDocx, first: string): DocxTable => {
  const t = d.tables.find((x) => x.rows[0]!.cells[0] === first || x.rows[0]!.cells.includes(first));
  if (!t) throw new Error(`no table with «${first}»`);
  return t;
};
const body = (t: DocxTable) => t.rows.filter((r) => !r.header).map((r) => r.cells);
const col = (t: DocxTable, header: string) => t.rows[0]!.cells.indexOf(header);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}${NBSP}%`;

/** What Russian typography forbids anywhere in a report's text. */
function expectTypeset(text: string) {
  expect(text).not.toMatch(/\.;/);
  expect(text).not.toMatch(/(^|[^.])\.\.(?!\.)/m);
  expect(text).not.toMatch(/""|«"|"»/);
  expect(text).not.toMatch(/\d[ \t]%/);
}

async function docx(ctx: ServiceContext, r: Omit<ReportRequest, 'today'>) {
  const f = await buildReport(ctx, req({ ...r, format: 'docx' } as Omit<ReportRequest, 'today'>));
  return { file: f, d: await readDocx(f.data) };
}

describe('the school справка adds up', () => {
  let d: ParsedDocx;
  let fileName: string;
  let data: Buffer;
  beforeAll(async () => {
    const r = await docx(pair.school.ctx, { kind: 'school', ...PERIOD } as never);
    d = r.d;
    fileName = r.file.fileName;
    data = r.file.data;
  });

  it('lists every activity of the period, the open-ended and undated ones among them, and its sentence counts those rows', () => {
    const t = table(d, 'Мероприятие');
    const rows = body(t);
    const numbers = rows.map((r) => r[0]!);
    for (const [n] of SEED_TIMINGS) expect(numbers).toContain(n);
    expect(numbers).toContain('5.7');
    const statuses = numbers.map((n) => statusOf.get(n));
    const done = statuses.filter((s) => s === 'done').length;
    const notDone = statuses.filter((s) => s === 'not_done').length;
    const text = para(d, /^За период .* планом предусмотрено/);
    const [total, sDone, sNotDone, sOpen, overdue] = grab(text, /предусмотрено (\d+) \S+: выполнено — (\d+) \([^)]*\), не выполнено — (\d+), в работе — (\d+); срок истёк, отметки о выполнении нет — (\d+)\./);
    expect([total, sDone, sNotDone, sOpen]).toEqual([rows.length, done, notDone, rows.length - done - notDone]);
    expect(text).toContain(`(${pct(done, rows.length)})`);
    expect(overdue).toBe(rows.filter((r) => /^Срок истёк/m.test(r[4]!)).length);
  });

  it('counts the risk group, the mentoring pairs, the courses and the events from their tables', () => {
    const risk = table(d, 'Категория');
    const totals = body(risk).find((r) => r[0] === 'Всего обучающихся')!.slice(1).map(Number);
    const [end, included, removed] = grab(para(d, /в группе риска состоит/), /состоит (\d+) \S+; за период включено (\d+), снято с учёта (\d+)\./);
    expect([included, removed, end]).toEqual([totals[1], totals[2], totals[3]]);

    const pairs = body(table(d, 'Наставляемый'));
    const mentoring = para(d, /^В школе работает/);
    expect(grab(mentoring, /наставнических пар за период — (\d+)\./)).toEqual([pairs.length]);
    // «за 3 из 3 педагогов», never «из 3 педагога».
    expect(mentoring).toMatch(/закреплён за \d+ из (1 педагога|\d*[02-9] педагогов|\d*1\d педагогов),/);

    const courses = table(d, 'Программа курсов');
    const [trained, count, hours] = grab(para(d, /^Курсы повышения квалификации/), /прошли (\d+) \S+ \((\d+) \S+, всего (\d+) \S+\)\./);
    expect(trained).toBe(new Set(body(courses).map((r) => r[col(courses, 'Педагог')])).size);
    expect(count).toBe(body(courses).length);
    expect(hours).toBe(sum(body(courses).map((r) => Number(r[col(courses, 'Часов')]))));

    const events = table(d, 'Вид, уровень, форма');
    const eventsText = para(d, /^За период проведено и посещено/);
    expect(grab(eventsText, /посещено (\d+) /)[0]).toBe(body(events).length);
    expect(grab(eventsText, /участников — (\d+)\./)[0]).toBe(sum(body(events).map((r) => Number(/(\d+) чел\./.exec(r[col(events, 'Участники')]!)?.[1] ?? 0))));
    for (const [level, word] of [['школьного', 'школьный'], ['муниципального', 'муниципальный'], ['регионального', 'региональный']]) {
      const k = /(\d+)/.exec(new RegExp(`${level} уровня — (\\d+)`).exec(eventsText)?.[1] ?? '0')![1];
      expect(Number(k)).toBe(body(events).filter((r) => r[col(events, 'Вид, уровень, форма')]!.includes(`${word} уровень`)).length);
    }
    const decisions = para(d, /^По итогам мероприятий дано/);
    const late = /просроченных поручений нет/.test(decisions) ? 0 : grab(decisions, /срок исполнения истёк у (\d+)\./)[0];
    expect(late).toBe(d.tables.some((t) => t.rows[0]!.cells[0] === 'Поручение') ? body(table(d, 'Поручение')).length : 0);
  });

  it('is typeset: no «.;», «..» or doubled quotes, «%» held to its number, sections numbered in order, signed by the director', () => {
    expectTypeset(d.allText);
    const sections = d.paragraphs.filter((p) => /^\d+\. [А-ЯЁ]/.test(p) && p.length < 80 && !/\.$/.test(p)).map((p) => Number(p.split('.')[0]));
    expect(sections).toEqual(sections.map((_, i) => i + 1));
    const sign = d.paragraphs.find((p) => p.startsWith('Директор\t'))!;
    expect(sign).toMatch(/^Директор\tА\.И\.[ \u00A0]Петрова$/);
    expect(fileName).toMatch(/^Справка_о_реализации_программы_МКОУ_«Энская_ООШ»_\(вымышленная\)_01\.09\.2026-25\.11\.2026\.docx$/);
  });

  it('laid out by LibreOffice, with the roadmap справка, breaks no table header or «Сроки» inside a word, and ends with the director\'s signature', async () => {
    const dir = tempDir('opora-pdf-');
    const roadmap = await docx(pair.muni.ctx, { kind: 'roadmap', ...PERIOD } as never);
    writeFileSync(join(dir, 'spravka.docx'), data);
    writeFileSync(join(dir, 'roadmap.docx'), roadmap.file.data);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir,
      join(dir, 'spravka.docx'), join(dir, 'roadmap.docx')], { stdio: 'pipe', timeout: 200_000 });
    const clean = (w: string) => w.replace(/[.,;:()«»]/g, '');
    for (const [name, doc] of [['spravka', d], ['roadmap', roadmap.d]] as const) {
      const text = execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
      const printed = new Set(text.split(/\s+/).map(clean));
      const words = new Set<string>();
      for (const t of doc.tables) {
        for (const w of t.rows[0]!.cells.join(' ').split(/[\s/]+/)) words.add(clean(w));
        const timing = t.rows[0]!.cells.indexOf('Сроки');
        if (timing >= 0) for (const r of t.rows.slice(1)) for (const w of r.cells[timing]!.split(/\s+/)) words.add(clean(w));
      }
      // Words only: a date range may wrap after its dash.
      expect([...words].filter((w) => w.length > 3 && /^[а-яё]+$/i.test(w) && !printed.has(w))).toEqual([]);
      if (name === 'spravka') {
        // The signature is the last thing on the last page: «Директор» at the left, «А.И. Петрова» at the right.
        expect(text).toContain('Директор');
        expect(text).toMatch(/А\.И\.\s?Петрова\s*$/);
      }
    }
  }, 240_000);

  it('keeps dates as dates in Excel, shown dd.mm.yyyy', async () => {
    const f = await buildReport(pair.school.ctx, req({ kind: 'school', format: 'xlsx', ...PERIOD } as never));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Мероприятия журнала')!;
    const dates = ws.getColumn(2).values.slice(2).length;
    const typed = [] as ExcelJS.Cell[];
    ws.getColumn(2).eachCell((c, row) => { if (row > 1 && c.value instanceof Date) typed.push(c); });
    expect(dates).toBeGreaterThan(0);
    expect(typed.length).toBeGreaterThan(0);
    for (const c of typed) expect(c.numFmt).toBe('dd.mm.yyyy');
    // Ranges («01.10.2026–03.10.2026») stay text; every single day is a date.
    ws.getColumn(2).eachCell((c, row) => { if (row > 1 && typeof c.value === 'string') expect(c.value).toMatch(/–/); });
    const sheets = await readXlsxTables(f.data);
    const acts = sheets.find((s) => s.name === 'Мероприятия')!;
    const text = sheets.flatMap((x) => [...x.header, ...x.rows.flat()]).filter((v) => typeof v === 'string').join('\n');
    expect(acts.rows.length).toBe(body(table(d, 'Мероприятие')).length);
    expectTypeset(text);
  });
});

describe('the municipality\'s reports add up', () => {
  it('roadmap: the sentence counts the table\'s rows and says «все выполнены» only when they are', async () => {
    const { d, file } = await docx(pair.muni.ctx, { kind: 'roadmap', ...PERIOD } as never);
    const t = table(d, 'Мероприятие');
    const rows = body(t);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5.', '6']);
    const text = para(d, /дорожной карты выполнено/);
    expect(grab(text, /^Из (\d+) \S+ дорожной карты выполнено (\d+) \([^)]*\), в работе — (\d+), не выполнено — (\d+)/)).toEqual([6, 1, 4, 1]);
    expect(text).toContain(`(${pct(1, 6)})`);
    expect(text).not.toMatch(/все мероприятия периода выполнены/);
    expect(text).toMatch(/не выполнены или срок истёк: 5, 6\./);
    expectTypeset(d.allText);
    // The roadmap's own quotes are not doubled by the heading's.
    expect(d.allText).toContain('муниципальной «дорожной карты» по поддержке школ');
    // No head's name in the settings: a line to sign by hand, not a position hanging alone.
    expect(d.paragraphs).toContain('Начальник управления образования\t____________________');
    expect(file.fileName).toMatch(/^Справка_об_итогах_дорожной_карты_Управление_образования_Энского_района_\(вымышленное\)_01\.09\.2026-25\.11\.2026\.docx$/);
  });

  it('monitoring: the summary is the sum of the schools\' rows, and the school\'s row is its справка\'s sentence', async () => {
    const { d } = await docx(pair.muni.ctx, { kind: 'monitoring', ...PERIOD } as never);
    const t = table(d, 'ОО');
    const rows = body(t).filter((r) => r[1] !== 'Итого');
    const ofPair = (s: string) => (s === '—' ? [0, 0] : s.split(' из ').map(Number));
    const acts = rows.map((r) => ofPair(r[3]!));
    const text = para(d, /^Мониторинг проведён/);
    const [received, schools] = grab(text, /данные представили (\d+) из (\d+) /);
    expect([received, schools]).toEqual([rows.filter((r) => r[2] !== 'нет данных').length, rows.length]);
    const [total, done, overdue, decisions] = grab(text, /Из (\d+) \S+ программ, приходящихся на период, выполнено (\d+) \([^)]*\), просрочено (\d+); поручений с истёкшим сроком — (\d+)\./);
    expect([total, done]).toEqual([sum(acts.map((a) => a[1]!)), sum(acts.map((a) => a[0]!))]);
    expect(overdue).toBe(sum(rows.map((r) => Number(r[4]))));
    expect(decisions).toBe(sum(rows.map((r) => Number(r[5]))));
    const mentors = rows.map((r) => ofPair(r[6]!));
    expect(grab(text, /Наставник закреплён за (\d+) из (\d+) /)).toEqual([sum(mentors.map((m) => m[0]!)), sum(mentors.map((m) => m[1]!))]);
    expect(grab(text, /прошли (\d+) /)[0]).toBe(sum(rows.map((r) => Number(r[7]))));
    expect(grab(text, /В группе риска — (\d+) \S+; проведено (\d+) /)).toEqual([sum(rows.map((r) => Number(r[8]))), sum(rows.map((r) => Number(r[9])))]);
    expectTypeset(d.allText);

    // The same school, the same period: its справка (built at the municipality from its bundle) says the same.
    const school = await docx(pair.muni.ctx, { kind: 'school', schoolId: pair.schoolId, ...PERIOD } as never);
    const [sTotal, sDone] = grab(para(school.d, /планом предусмотрено/), /предусмотрено (\d+) \S+: выполнено — (\d+)/);
    const row = rows.find((r) => r[2] !== 'нет данных')!;
    expect(ofPair(row[3]!)).toEqual([sDone, sTotal]);
    expect(school.d.allText).toContain('5.1');
    expectTypeset(school.d.allText);
  });

  it('schools by groups: the count of schools is the table\'s rows', async () => {
    const { d } = await docx(pair.muni.ctx, { kind: 'schools' } as never);
    const t = table(d, 'Кластер');
    const [n] = grab(para(d, /^В реестре — /), /^В реестре — (\d+) /);
    expect(n).toBe(body(t).length);
    const low = body(t).filter((r) => ['н', 'н/с'].includes(r[col(t, 'Уровень по ГК')]!)).length;
    expect(grab(para(d, /^В реестре — /), /относятся (\d+) /)[0]).toBe(low);
    expectTypeset(d.allText);
  });
});
