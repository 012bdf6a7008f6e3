/**
 * A school with two programmes — the old one finished (archived), the new one current — sent to the department
 * through the real export → import path (issue 19, item 3). The department's school card shows both and its
 * overdue total is what its rows show; the finished programme's open activities are overdue nowhere; the school
 * справка names every programme whose activities its table lists; the selector's titles tell the two apart.
 * And the department's side of item 6: the schools' marks on a roadmap activity and an assignment, counted with
 * words («выполнено 1, нет отметки 1»).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makePair, roadmapActivity, type Pair } from './exchange-fixtures.js';
import { saveRecord, listRecords } from '../../main/services/records/records.js';
import { schoolDashboard } from '../../main/services/school/dashboard.js';
import { municipalityDashboard, schoolDrillDown } from '../../main/services/municipality/overview.js';
import { buildReportDoc } from '../../main/services/reports/index.js';
import { tablesOf, cellText, type ReportDoc } from '../../main/services/reports/model.js';
import { rule, flag } from '../../db/rules.js';
import { byCurrent, programmeLabel, programmeOption } from '../../common/programme-title.js';
import { enrollSchool } from '../../main/services/exchange/index.js';
import { getRoadmap } from '../../main/services/municipality/roadmap.js';
import { saveAssignment, listAssignments } from '../../main/services/municipality/assignments.js';
import { assignmentSaveInput } from '../../preload/contract/meetings.js';
import { markMunicipalActivity } from '../../main/services/exchange/municipal.js';
import { markAssignment } from '../../main/services/school/from-municipality-work.js';
import { markCountsText } from '../../common/mark-counts.js';
import type { ServiceContext } from '../../main/services/core/context.js';
import { updateSchoolProfile } from '../../main/services/core/school-profile.js';

const TODAY = '2026-11-25';
const TITLE = 'Программа повышения качества образования';
let pair: Pair;

async function twoProgrammes(s: ServiceContext) {
  // The old programme: finished on 31.08.2025 with three activities left open (two of them past their date).
  const old = await saveRecord(s, 'programme', { title: TITLE, year_from: 2023, year_to: 2025, archived_on: '2025-08-31' });
  const act = (programme_id: string, number: string, title: string, v: Record<string, unknown>) =>
    saveRecord(s, 'activity', { programme_id, number, title, timing_kind: 'deadline', responsible: 'Заместитель директора по УВР', ...v });
  await act(old.id, '1.1', 'Диагностика профессиональных дефицитов', { timing_text: 'до 01.05.2025', date_to: '2025-05-01', status: 'in_progress' });
  await act(old.id, '1.2', 'Мониторинг адаптации пятиклассников', { timing_text: 'до 01.10.2026', date_to: '2026-10-01', status: 'planned' });
  await act(old.id, '1.3', 'Семинар по формирующему оцениванию', { timing_text: 'до 15.12.2026', date_to: '2026-12-15', status: 'planned' });
  // The new one, current: one activity overdue, one due later, one done.
  const cur = await saveRecord(s, 'programme', { title: TITLE, year_from: 2025, year_to: 2030 });
  await act(cur.id, '1.1', 'Анализ результатов ВПР по математике', { timing_text: 'до 01.11.2026', date_to: '2026-11-01', status: 'in_progress' });
  await act(cur.id, '1.2', 'Открытые уроки молодых педагогов', { timing_text: 'до 20.12.2026', date_to: '2026-12-20', status: 'planned' });
  await act(cur.id, '1.3', 'Педсовет по итогам четверти', { timing_text: 'до 05.11.2026', date_to: '2026-11-05', status: 'done', completion_mark: 'Проведён 03.11.2026' });
  return { old, cur };
}

beforeAll(async () => {
  pair = makePair({ demo: null });
  updateSchoolProfile(pair.school.ctx, { director: 'Петрова Анна Ивановна' } as never);
  await twoProgrammes(pair.school.ctx);
  expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');
});
afterAll(() => pair?.close());

const report = async (ctx: ServiceContext, period: { from: string; to: string }, atMunicipality: boolean) =>
  (await buildReportDoc(ctx, { kind: 'school', format: 'docx', ...period, today: TODAY, ...(atMunicipality ? { schoolId: pair.schoolId } : {}) })).doc;
const paragraphs = (doc: ReportDoc) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('a finished programme next to the current one', () => {
  it('the finished programme travels to the department with its date', () => {
    const rows = pair.muni.ctx.raw.prepare('SELECT year_from, archived_on FROM programme WHERE owner = ? ORDER BY year_from').all(pair.schoolId);
    expect(rows).toEqual([{ year_from: 2023, archived_on: '2025-08-31' }, { year_from: 2025, archived_on: null }]);
  });

  it('its open activities are overdue nowhere: not by the rule, not on the school dashboard, not in the list', async () => {
    const raw = pair.school.ctx.raw;
    const overdueOn = (day: string) => Object.fromEntries((raw.prepare(`SELECT p.year_from || ' ' || t.number AS k, ${flag(rule.activityOverdue('t'))} AS v
      FROM activity t JOIN programme p ON p.id = t.programme_id WHERE t.deleted_at IS NULL`).all({ day }) as { k: string; v: number }[]).map((r) => [r.k, r.v]));
    // Before it was finished its late activity was overdue; after, only the current programme's is.
    expect(overdueOn('2025-06-01')['2023 1.1']).toBe(1);
    expect(overdueOn(TODAY)).toEqual({ '2023 1.1': 0, '2023 1.2': 0, '2023 1.3': 0, '2025 1.1': 1, '2025 1.2': 0, '2025 1.3': 0 });
    const d = await schoolDashboard(pair.school.ctx, TODAY);
    expect(d.activityCounts).toEqual({ total: 6, done: 1, notDone: 0, overdue: 1 });
    expect(d.programmes).toBe(2);
    expect(d.overdueActivities.map((a) => a.title)).toEqual(['Анализ результатов ВПР по математике']);
    // «Срок в этом месяце» is not a finished programme's business either.
    expect(d.dueThisMonth.map((a) => a.title)).toEqual([]);
    const listed = listRecords(pair.school.ctx, { entity: 'activity', search: '', filters: { overdue: 1 }, offset: 0, limit: 100, includeDeleted: false });
    expect(listed.rows.map((r) => r.title)).toEqual(['Анализ результатов ВПР по математике']);
  });

  it('the department’s card shows both programmes, the current first, and its overdue total is what its rows show', () => {
    const card = schoolDrillDown(pair.muni.ctx, pair.schoolId, TODAY);
    expect(card.programmes.map((p) => programmeLabel(p, TODAY))).toEqual([
      `${TITLE} (2025–2030)`, `${TITLE} (2023–2025), завершена 31.08.2025`,
    ]);
    expect(card.programme?.year_from).toBe(2025);
    expect(card.activities.map((a) => `${a.programme_id === card.programmes[0]!.id ? 'новая' : 'старая'} ${a.number}`)).toEqual([
      'новая 1.1', 'новая 1.2', 'новая 1.3', 'старая 1.1', 'старая 1.2', 'старая 1.3',
    ]);
    expect(card.row.activitiesTotal).toBe(card.activities.length);
    expect(card.row.activitiesDone).toBe(card.activities.filter((a) => a.status === 'done').length);
    expect(card.row.activitiesOverdue).toBe(card.activities.filter((a) => a.overdue === 1).length);
    expect(card.row.activitiesOverdue).toBe(1);
    const row = municipalityDashboard(pair.muni.ctx, TODAY).rows.find((r) => r.schoolId === pair.schoolId)!;
    expect(row.activitiesOverdue).toBe(1);
  });

  for (const where of ['school', 'municipality'] as const) {
    it(`the справка built at the ${where} names every programme its table lists`, async () => {
      const ctx = where === 'school' ? pair.school.ctx : pair.muni.ctx;
      // The school year: the old programme's two activities of the autumn are in it, so both programmes are covered.
      const year = await report(ctx, { from: '2026-09-01', to: '2027-08-31' }, where === 'municipality');
      const text = paragraphs(year).join('\n');
      expect(year.blocks.find((b) => b.kind === 'heading')).toEqual({ kind: 'heading', text: '1. Цели и задачи программ' });
      expect(text).toContain(`Справка охватывает 2 программы школы: «${TITLE} (2025–2030)»; «${TITLE} (2023–2025), завершена 31.08.2025».`);
      expect(text).toMatch(/планом предусмотрено 5 \S+: выполнено — 1 \([^)]*\), не выполнено — 0, в работе — 4; срок истёк, отметки о выполнении нет — 1\./);
      const acts = tablesOf(year).find((t) => t.sheet === 'Мероприятия')!;
      expect(acts.rows.map((r) => [cellText(r[0]!), cellText(r[1]!)].filter(Boolean).join(' '))).toEqual([
        `${TITLE} (2025–2030)`, '1.1 Анализ результатов ВПР по математике', '1.2 Открытые уроки молодых педагогов', '1.3 Педсовет по итогам четверти',
        `${TITLE} (2023–2025), завершена 31.08.2025`, '1.2 Мониторинг адаптации пятиклассников', '1.3 Семинар по формирующему оцениванию',
      ]);
      // The finished programme's late activity is not printed as overdue.
      expect(cellText(acts.rows[5]![4]!)).toBe('Запланировано');

      // November: only the current programme has activities in it, and only it is named.
      const november = await report(ctx, { from: '2026-11-01', to: '2026-11-30' }, where === 'municipality');
      const nov = paragraphs(november).join('\n');
      expect(nov).toContain(`В школе реализуется «${TITLE}» (2025–2030 годы).`);
      expect(nov).not.toContain('2023–2025');
      expect(tablesOf(november).find((t) => t.sheet === 'Мероприятия')!.rows.map((r) => cellText(r[1]!))).toEqual([
        'Анализ результатов ВПР по математике', 'Педсовет по итогам четверти',
      ]);
    });
  }

  it('the selector tells the two apart and puts the current one first', () => {
    const list = listRecords(pair.school.ctx, { entity: 'programme', search: '', filters: {}, offset: 0, limit: 50, includeDeleted: false }).rows;
    const labels = byCurrent(list, TODAY).map((p) => programmeOption(p, TODAY));
    expect(labels).toEqual([`2025–2030 — ${TITLE}`, `2023–2025, завершена 31.08.2025 — ${TITLE}`]);
    expect(new Set(labels).size).toBe(2);
  });
});

describe('the schools’ marks at the department, in words', () => {
  it('a roadmap activity and an assignment count done, in progress and no mark over the schools they concern', () => {
    const other = enrollSchool(pair.muni.ctx, 'МКОУ «Вторая СОШ» (вымышленная)');
    const actId = roadmapActivity(pair.muni.ctx, { number: '2', title: 'Методический день', timing_text: 'до 10.12.2026', date_to: '2026-12-10' });
    const asg = saveAssignment(pair.muni.ctx, assignmentSaveInput.parse({ assignment: { text: 'Представить план работы с группой риска', due_on: '2026-11-30', all_schools: 1 }, school_ids: [] }));
    for (const p of pair.exportMuni(pair.schoolId)) expect(pair.importToSchool(p).status).toBe('accepted');
    markMunicipalActivity(pair.school.ctx, { activityId: actId, status: 'done', completion_mark: 'Проведён 20.11.2026', completed_on: '2026-11-20' });
    markAssignment(pair.school.ctx, { assignmentId: asg.id, status: 'in_progress', done_on: null, note: '' });
    expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted');

    const a = getRoadmap(pair.muni.ctx, TODAY).activities.find((x) => x.id === actId)!;
    expect(a.markCounts).toEqual({ done: 1, in_progress: 0, not_done: 0, none: 1 });
    expect(markCountsText(a.markCounts)).toBe('выполнено 1, нет отметки 1');
    const view = listAssignments(pair.muni.ctx, { day: TODAY }).find((x) => x.id === asg.id)!;
    expect(markCountsText(view.markCounts)).toBe('выполняется 1, нет отметки 1');
    expect(other.schoolId).not.toBe(pair.schoolId);
  });

  it('the school’s home page counts the department’s deadlines of the month it has not finished', async () => {
    // The assignment (30.11, in progress) is due this month; the roadmap day (10.12) is not, and is done anyway.
    const d = await schoolDashboard(pair.school.ctx, TODAY);
    expect(d.municipalDueThisMonth).toEqual({ activities: 0, assignments: 1 });
    const dec = await schoolDashboard(pair.school.ctx, '2026-12-01');
    expect(dec.municipalDueThisMonth).toEqual({ activities: 0, assignments: 0 });
  });
});
