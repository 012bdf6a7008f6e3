/**
 * One school, four places that print its figures: the school's dashboard, the municipality's summary and
 * school card (after the school's bundle is imported there), the school справка (at the school and at the
 * municipality) and the quarterly monitoring. Every figure is checked against the value worked out by hand
 * below, and so against the others. Real SQLite files, the real export → import path; report models, not
 * .docx files.
 *
 * The school is built so that the windows the screens use (all activities, events of the term, courses
 * of the school year) and the reports' period (the school year) hold the same records, and it has the
 * cases where the copies of a rule used to disagree: a mentoring pair that starts next month, a cancelled
 * activity, a teacher hired next month, a teacher who has left, a pupil removed from the risk group and
 * returned, a course planned for the next school year.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makePair, type Pair } from './exchange-fixtures.js';
import { saveRecord } from '../../main/services/records/records.js';
import { updateSchoolProfile } from '../../main/services/core/school-profile.js';
import { includePupil, changeStatus, riskGroupSummary } from '../../main/services/school/risk-group.js';
import { schoolDashboard } from '../../main/services/school/dashboard.js';
import { municipalityDashboard, schoolDrillDown } from '../../main/services/municipality/overview.js';
import { buildReportDoc } from '../../main/services/reports/index.js';
import { tablesOf, cellText, type ReportDoc } from '../../main/services/reports/model.js';
import type { ServiceContext } from '../../main/services/core/context.js';

const TODAY = '2026-11-25';
const YEAR = { from: '2026-09-01', to: '2027-08-31' };

/** What the hand-made school below must show on 25.11.2026. */
const EXPECTED = {
  activities: { total: 5, done: 2, notDone: 1, overdue: 1 },
  decisionsOverdue: 1,
  staff: { working: 5, young: 2, arrived: 1 },
  mentoring: { need: 3, withMentor: 1 },
  trained: 2,
  risk: { total: 3, byCategory: { absenteeism: 1, low_achievement: 1, difficult_situation: 1, disability: 1 } as Record<string, number> },
  events: 3,
};

let pair: Pair;
let schoolId: string;

async function buildSchool(s: ServiceContext) {
  updateSchoolProfile(s, { director: 'Петрова Анна Ивановна' } as never);
  const programme = await saveRecord(s, 'programme', { title: 'Программа повышения качества образования на 2024–2027 годы', year_from: 2024, year_to: 2027, goal: 'Повышение качества образования' });
  const act = (number: string, title: string, v: Record<string, unknown>) =>
    saveRecord(s, 'activity', { programme_id: programme.id, number, title, timing_kind: 'deadline', responsible: 'Заместитель директора по УВР', ...v });
  await act('1.1', 'Анализ результатов ВПР по математике', { timing_text: 'до 15.10.2026', date_to: '2026-10-15', status: 'done', completion_mark: 'Анализ рассмотрен на педсовете 14.10.2026' });
  await act('1.2', 'Методический семинар по читательской грамотности', { timing_text: 'до 01.11.2026', date_to: '2026-11-01', status: 'in_progress' });
  await act('1.3', 'Открытые уроки молодых педагогов', { timing_text: 'до 20.12.2026', date_to: '2026-12-20', status: 'planned' });
  await act('1.4', 'Участие в КДР по русскому языку', { timing_kind: 'date', timing_text: '30.10.2026', date_from: '2026-10-30', date_to: '2026-10-30', status: 'not_done', completion_mark: 'Не проведено: КДР перенесены региональным центром' });
  // Cancelled: not part of the plan any more, counted nowhere.
  await act('1.5', 'Выездной семинар в ИРО', { timing_text: 'до 01.10.2026', date_to: '2026-10-01', status: 'cancelled' });
  await act('2.1', 'Консультации для обучающихся группы риска', { timing_kind: 'permanent', timing_text: 'Постоянно', status: 'done', completion_mark: 'Проводятся еженедельно' });

  const staff = (full_name: string, v: Record<string, unknown> = {}) => saveRecord(s, 'staff', { full_name, position: 'учитель', ...v });
  const sokolova = await staff('Соколова Галина Ивановна', { category: 'highest', hired_on: '2005-09-01', subjects: 'Математика' });
  const orlova = await staff('Орлова Наталья Викторовна', { category: 'first', hired_on: '2010-09-01', subjects: 'Русский язык' });
  const petrova = await staff('Петрова Анна Сергеевна', { young_specialist: 1, hired_on: '2026-08-25', subjects: 'Математика' });
  const sidorov = await staff('Сидоров Иван Петрович', { young_specialist: 1, hired_on: '2026-09-01', subjects: 'Русский язык' });
  const kuznetsov = await staff('Кузнецов Олег Петрович', { newly_arrived: 1, hired_on: '2026-09-01', subjects: 'История' });
  const belova = await staff('Белова Мария Ивановна', { young_specialist: 1, hired_on: '2024-09-01', left_on: '2026-06-30' });
  // Hired from next month: not working yet, so not yet someone who needs a mentor.
  await staff('Зайцев Артём Андреевич', { newly_arrived: 1, hired_on: '2026-12-01', subjects: 'Физика' });
  const pairOf = (mentor: { id: string }, mentee: { id: string }, v: Record<string, unknown>) =>
    saveRecord(s, 'mentoring_pair', { mentor_id: mentor.id, mentee_id: mentee.id, reason: 'young', ...v });
  await pairOf(sokolova, petrova, { started_on: '2026-09-01', subject: 'Математика' });
  // Starts next month: Сидоров has no mentor yet.
  await pairOf(orlova, sidorov, { started_on: '2026-12-10', subject: 'Русский язык' });
  await pairOf(sokolova, belova, { started_on: '2024-09-01', ended_on: '2026-06-30' });

  const course = (who: { id: string }, title: string, date_from: string, date_to: string, hours: number) =>
    saveRecord(s, 'course', { staff_id: who.id, title, provider: 'ИРО', hours, date_from, date_to });
  await course(petrova, 'Наставничество в образовательной организации', '2026-10-05', '2026-10-16', 36);
  await course(sokolova, 'Формирование функциональной грамотности', '2026-11-02', '2026-11-20', 72);
  await course(kuznetsov, 'Современный урок истории', '2025-03-03', '2025-03-14', 36); // last school year
  await course(orlova, 'Подготовка к ОГЭ по русскому языку', '2027-09-13', '2027-09-24', 36); // next school year

  const event = (title: string, v: Record<string, unknown>) => saveRecord(s, 'event', { title, kind: 'seminar', level: 'school', format: 'in_person', ...v });
  const council = await event('Педагогический совет «Итоги ВПР»', { kind: 'teachers_council', date_from: '2026-11-10', participants_count: 14 });
  const seminar = await event('Муниципальный семинар «Наставничество: практики»', { level: 'municipal', date_from: '2026-11-18', participants_count: 3 });
  await event('Родительское собрание 7 классов', { kind: 'parent_meeting', date_from: '2026-12-08' });
  const decision = (ev: { id: string }, text: string, v: Record<string, unknown>) => saveRecord(s, 'decision', { event_id: ev.id, text, responsible: 'Соколова Г. И.', ...v });
  await decision(council, 'Подготовить анализ ошибок ВПР по математике', { deadline: '2026-11-20' });
  await decision(council, 'Провести заседание ШМО', { deadline: '2026-11-17', done_on: '2026-11-16' });
  await decision(seminar, 'Представить план наставничества', { deadline: '2026-12-05' });

  const pupil = (full_name: string, class_name: string, birth_date: string, categories: string[], included_on: string) =>
    includePupil(s, { full_name, class_name, birth_date } as never, { categories, included_on, reason: 'Решение ППк', responsible: 'Орлова Н. В.' } as never).entryId;
  // Removed in December and returned in February: in the group after the return, not in the gap.
  const morozov = pupil('Морозов Кирилл Андреевич', '7Б', '2013-04-12', ['absenteeism'], '2025-10-01');
  changeStatus(s, { entryId: morozov, status: 'removed', changed_on: '2025-12-01', reason: 'Пропусков нет' });
  changeStatus(s, { entryId: morozov, status: 'included', changed_on: '2026-02-01', reason: 'Снова пропуски' });
  pupil('Лебедева Алина Сергеевна', '6А', '2014-02-03', ['low_achievement', 'difficult_situation'], '2026-09-15');
  const volkov = pupil('Волков Денис Игоревич', '8А', '2012-07-21', ['deviant'], '2025-11-10');
  changeStatus(s, { entryId: volkov, status: 'removed', changed_on: '2026-05-20', reason: 'Положительная динамика' });
  pupil('Никитина Софья Олеговна', '5А', '2015-01-30', ['disability'], '2026-10-01');
}

beforeAll(async () => {
  pair = makePair({ demo: null });
  schoolId = pair.schoolId;
  await buildSchool(pair.school.ctx);
  expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');
});
afterAll(() => pair?.close());

// ───── reading the figures back from each place ─────

const paragraphs = (doc: ReportDoc) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
const grab = (text: string, re: RegExp): number[] => {
  const m = re.exec(text);
  if (!m) throw new Error(`not found: ${re}\n${text}`);
  return m.slice(1).map(Number);
};

/** The figures the school справка prints, from its model. */
function spravkaFigures(doc: ReportDoc) {
  const text = paragraphs(doc);
  const [total, done, notDone, overdue] = grab(text, /планом предусмотрено (\d+) \S+: выполнено — (\d+) \([^)]*\), не выполнено — (\d+), в работе — \d+; срок истёк, отметки о выполнении нет — (\d+)\./);
  const [working, young, arrived] = grab(text, /В школе работает (\d+) \S+, из них молодых специалистов — (\d+), вновь прибывших — (\d+)\./);
  const [withMentor, need] = grab(text, /Наставник закреплён за (\d+) из (\d+) /);
  const [trained] = grab(text, /Курсы повышения квалификации за период прошли (\d+) /);
  const [events] = grab(text, /За период проведено и посещено (\d+) /);
  const decisionsOverdue = /просроченных поручений нет/.test(text) ? 0 : grab(text, /срок исполнения истёк у (\d+)\./)[0]!;
  const risk = tablesOf(doc).find((t) => t.sheet === 'Группа риска')!;
  const byLabel = Object.fromEntries(risk.rows.map((r) => [cellText(r[0]!), Number(cellText(r[4]!))]));
  return { activities: { total, done, notDone, overdue }, decisionsOverdue, staff: { working, young, arrived }, mentoring: { need, withMentor }, trained, events, riskTotal: byLabel['Всего обучающихся'], riskByLabel: byLabel };
}

const LABELS: Record<string, string> = {
  absenteeism: 'Пропуски занятий', low_achievement: 'Слабая успеваемость', difficult_situation: 'Трудная жизненная ситуация', disability: 'ОВЗ / инвалидность', deviant: 'Девиантное поведение',
};
const labelled = (byCategory: Record<string, number>) => Object.fromEntries(Object.entries(byCategory).map(([c, n]) => [LABELS[c]!, n]));

/** The school's row of the monitoring report and the risk group by category, from its model. */
function monitoringFigures(doc: ReportDoc, name: string) {
  const [main, cats] = tablesOf(doc);
  const row = main!.rows.find((r) => cellText(r[1]!) === name)!.map(cellText);
  const [done, total] = row[3]!.split(' из ').map(Number);
  const [withMentor, need] = row[6] === '—' ? [0, 0] : row[6]!.split(' из ').map(Number);
  return {
    activities: { total, done, overdue: Number(row[4]) }, decisionsOverdue: Number(row[5]), mentoring: { need, withMentor },
    trained: Number(row[7]), riskTotal: Number(row[8]), events: Number(row[9]),
    riskByLabel: Object.fromEntries(cats!.rows.map((r) => [cellText(r[0]!), Number(cellText(r[2]!))])),
  };
}

const report = async (ctx: ServiceContext, kind: 'school' | 'monitoring', period: { from: string; to: string }, withSchool: boolean) =>
  (await buildReportDoc(ctx, { kind, format: 'docx', ...period, today: TODAY, ...(withSchool ? { schoolId } : {}) })).doc;

describe('one school’s figures are the same everywhere', () => {
  it('on the school dashboard', async () => {
    const d = await schoolDashboard(pair.school.ctx, TODAY);
    expect(d.activityCounts).toEqual(EXPECTED.activities);
    expect(d.decisionsOverdue).toBe(EXPECTED.decisionsOverdue);
    expect(d.overdueDecisions.map((x) => x.text)).toEqual(['Подготовить анализ ошибок ВПР по математике']);
    expect(d.overdueActivities.map((x) => x.number)).toEqual(['1.2']);
    expect({ need: d.mentoring.needMentor, withMentor: d.mentoring.withMentor }).toEqual(EXPECTED.mentoring);
    expect(d.mentoring.withoutMentor.map((x) => x.full_name)).toEqual(['Кузнецов Олег Петрович', 'Сидоров Иван Петрович']);
    expect(d.riskTotal).toBe(EXPECTED.risk.total);
    expect(Object.fromEntries(d.riskByCategory.map((r) => [r.category, r.count]))).toEqual(EXPECTED.risk.byCategory);
    // The risk-group page's strip shows the same figure for today; Волков was taken off the register in May.
    const strip = riskGroupSummary(pair.school.ctx);
    expect(strip).toMatchObject({ included: EXPECTED.risk.total, removed: 1 });
    expect(Object.fromEntries(strip.byCategory.map((r) => [r.category, r.count]))).toEqual(EXPECTED.risk.byCategory);
  });

  it('in the municipal summary and the school card, after the bundle is imported', () => {
    const row = municipalityDashboard(pair.muni.ctx, TODAY).rows.find((r) => r.schoolId === schoolId)!;
    expect(row).toMatchObject({
      activitiesTotal: EXPECTED.activities.total, activitiesDone: EXPECTED.activities.done, activitiesOverdue: EXPECTED.activities.overdue,
      decisionsOverdue: EXPECTED.decisionsOverdue, needMentor: EXPECTED.mentoring.need, withMentor: EXPECTED.mentoring.withMentor,
      trainedThisYear: EXPECTED.trained, riskTotal: EXPECTED.risk.total, eventsThisTerm: EXPECTED.events,
    });
    expect(row.riskByCategory).toEqual(EXPECTED.risk.byCategory);
    expect(row.attention).toEqual(expect.arrayContaining(['overdue', 'decisions', 'mentors']));
    const card = schoolDrillDown(pair.muni.ctx, schoolId, TODAY);
    expect(card.row).toEqual(row);
    expect(card.staff).toEqual({ total: EXPECTED.staff.working, young: EXPECTED.staff.young, arrived: EXPECTED.staff.arrived, withMentor: EXPECTED.mentoring.withMentor, needMentor: EXPECTED.mentoring.need });
    // «Курсы в этом учебном году»: the two of 2026/2027, not last year's, not next year's.
    expect(card.courses.map((c) => c.title).sort()).toEqual(['Наставничество в образовательной организации', 'Формирование функциональной грамотности']);
    expect(Object.fromEntries(card.riskByCategory.map((r) => [r.category, r.count]))).toEqual(EXPECTED.risk.byCategory);
    expect(card.activities.filter((a) => a.overdue).map((a) => a.number)).toEqual(['1.2']);
  });

  for (const where of ['school', 'municipality'] as const) {
    it(`in the school справка built at the ${where}`, async () => {
      const ctx = where === 'school' ? pair.school.ctx : pair.muni.ctx;
      const doc = await report(ctx, 'school', YEAR, where === 'municipality');
      const f = spravkaFigures(doc);
      expect(f.activities).toEqual(EXPECTED.activities);
      expect(f.decisionsOverdue).toBe(EXPECTED.decisionsOverdue);
      expect(f.staff).toEqual(EXPECTED.staff);
      expect(f.mentoring).toEqual(EXPECTED.mentoring);
      expect(f.trained).toBe(EXPECTED.trained);
      expect(f.events).toBe(EXPECTED.events);
      expect(f.riskTotal).toBe(EXPECTED.risk.total);
      // Categories with no pupil at either end and no change in the period are left out of the table.
      expect(f.riskByLabel).toEqual({ ...labelled(EXPECTED.risk.byCategory), 'Всего обучающихся': EXPECTED.risk.total });
      // The activity table lists the plan of the period without the cancelled one, the overdue one marked.
      const acts = tablesOf(doc).find((t) => t.sheet === 'Мероприятия')!;
      expect(acts.rows.map((r) => cellText(r[0]!))).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1']);
      expect(cellText(acts.rows[1]![4]!)).toBe('Срок истёк 01.11.2026, отметки о выполнении нет');
      expect(tablesOf(doc).find((t) => t.sheet === 'Просроченные поручения')!.rows.map((r) => cellText(r[0]!))).toEqual(['Подготовить анализ ошибок ВПР по математике']);
    });
  }

  it('in the monitoring report', async () => {
    const name = municipalityDashboard(pair.muni.ctx, TODAY).rows.find((r) => r.schoolId === schoolId)!.name;
    const f = monitoringFigures(await report(pair.muni.ctx, 'monitoring', YEAR, false), name);
    expect(f.activities).toEqual({ total: EXPECTED.activities.total, done: EXPECTED.activities.done, overdue: EXPECTED.activities.overdue });
    expect(f.decisionsOverdue).toBe(EXPECTED.decisionsOverdue);
    expect(f.mentoring).toEqual(EXPECTED.mentoring);
    expect(f.trained).toBe(EXPECTED.trained);
    expect(f.riskTotal).toBe(EXPECTED.risk.total);
    expect(f.events).toBe(EXPECTED.events);
    expect(f.riskByLabel).toEqual(labelled(EXPECTED.risk.byCategory));
  });
});

describe('the risk group on a past day, from the status history', () => {
  // Морозов was off the register from 01.12.2025 to 01.02.2026; Волков was in it from 10.11.2025 to 20.05.2026;
  // Лебедева and Никитина came in September and October 2026.
  const cases: { day: string; total: number; byCategory: Record<string, number> }[] = [
    { day: '2026-01-15', total: 1, byCategory: { deviant: 1 } },
    { day: '2026-03-01', total: 2, byCategory: { absenteeism: 1, deviant: 1 } },
  ];
  for (const c of cases) {
    it(`is the same on ${c.day} on the dashboards and in both reports`, async () => {
      const d = await schoolDashboard(pair.school.ctx, c.day);
      expect(d.riskTotal).toBe(c.total);
      expect(Object.fromEntries(d.riskByCategory.map((r) => [r.category, r.count]))).toEqual(c.byCategory);
      const row = municipalityDashboard(pair.muni.ctx, c.day).rows.find((r) => r.schoolId === schoolId)!;
      expect(row.riskTotal).toBe(c.total);
      expect(row.riskByCategory).toEqual(c.byCategory);
      const spravka = spravkaFigures(await report(pair.muni.ctx, 'school', { from: '2025-09-01', to: c.day }, true));
      expect(spravka.riskTotal).toBe(c.total);
      const name = row.name;
      const mon = monitoringFigures(await report(pair.muni.ctx, 'monitoring', { from: '2025-10-01', to: c.day }, false), name);
      expect(mon.riskTotal).toBe(c.total);
      expect(mon.riskByLabel).toEqual(labelled(c.byCategory));
    });
  }
});
