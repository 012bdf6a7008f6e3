/**
 * The quarterly monitoring across schools: one row per school of the roster with its figures for the
 * period (figures.ts — the same numbers as on the school's dashboard and in its справка), the risk group by
 * category (aggregate only) and the schools that need a curator's attention. The figures are as of the end
 * of the period, or today when the period has not ended.
 */
import type { ServiceContext } from '../core/context.js';
import { count, formatDate } from '../../../common/format.js';
import { riskCategory } from '../../../common/labels.js';
import { quarterOf, reportDay } from '../../../common/periods.js';
import type { RosterRow } from '../../../preload/contract/municipality.js';
import { emptyFigures, figuresByOwner, type SchoolFigures } from '../school/figures.js';
import { listRoster } from '../municipality/roster.js';
import { lastBundles } from '../municipality/overview.js';
import type { Block, Cell, Period, ReportDoc, ReportTable } from './model.js';
import { NOUNS, ofN, periodText, share } from './text.js';
import { frame, short, tick, type Progress } from './municipality.js';

interface Totals { total: number; done: number; overdue: number; decisions: number; need: number; withMentor: number; trained: number; risk: number; events: number; received: number }

export async function monitoringReport(ctx: ServiceContext, period: Period, today: string, progress?: Progress): Promise<ReportDoc> {
  const roster = listRoster(ctx);
  const day = reportDay(period, today);
  await progress?.(0, roster.length, 'Сбор данных по школам');
  const req = { day, ...period };
  const figures = figuresByOwner(ctx, req);
  const last = lastBundles(ctx);
  const schools = roster.map((s) => ({ school: s, f: figures.get(s.id) ?? emptyFigures(req), lastAt: last.get(s.id) }));

  const rows: Cell[][] = [];
  const attention: Cell[][] = [];
  const tot: Totals = { total: 0, done: 0, overdue: 0, decisions: 0, need: 0, withMentor: 0, trained: 0, risk: 0, events: 0, received: 0 };
  for (let i = 0; i < schools.length; i++) {
    const { school, f, lastAt } = schools[i]!;
    rows.push(schoolRow(i + 1, school, f, lastAt, tot));
    const why = attentionOf(f, lastAt);
    if (why.length) attention.push([short(school), why.join('; ')]);
    if (i % 25 === 0) {
      await progress?.(i, roster.length, 'Сбор данных по школам');
      await tick();
    }
  }
  rows.push(['', { text: 'Итого', bold: true }, `${tot.received} из ${roster.length}`, `${tot.done} из ${tot.total}`, tot.overdue, tot.decisions,
    tot.need ? `${tot.withMentor} из ${tot.need}` : '—', tot.trained, tot.risk, tot.events]);
  const q = quarterOf(period.from);
  const label = q.from === period.from && q.to === period.to ? `за ${q.label}` : `за период ${periodText(period)}`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: summaryText(tot, roster.length, day) },
    { kind: 'table', table: mainTable(rows, label) },
    { kind: 'table', table: riskTable(schools.map((s) => s.f), day) },
    { kind: 'heading', text: 'Школы, требующие внимания' },
    {
      kind: 'table',
      table: {
        sheet: 'Требуют внимания',
        caption: 'Школы, требующие внимания куратора',
        columns: [{ key: 'school', header: 'ОО', width: 35 }, { key: 'why', header: 'Что требует внимания', width: 65 }],
        rows: attention,
        empty: 'Школ, требующих внимания, нет.',
      },
    },
  ];
  await progress?.(roster.length, roster.length, 'Сбор данных по школам');
  return { ...frame(ctx, today, 'Информационная справка о результатах мониторинга', `о результатах мониторинга реализации программ повышения качества образования ${label}`, blocks), landscape: true };
}

/** A school's row of the main table; adds its figures to the totals. */
function schoolRow(no: number, s: RosterRow, f: SchoolFigures, lastAt: string | undefined, tot: Totals): Cell[] {
  const v = {
    total: f.activities.total, done: f.activities.done, overdue: f.activities.overdue, decisions: f.decisionsOverdue,
    need: f.mentoring.needMentor, withMentor: f.mentoring.withMentor, trained: f.trainedTeachers, risk: f.risk.total, events: f.events,
  };
  (Object.keys(v) as (keyof typeof v)[]).forEach((k) => (tot[k] += v[k]));
  if (lastAt) tot.received++;
  return [no, short(s), lastAt ? formatDate(lastAt) : { text: 'нет данных', italic: true }, `${v.done} из ${v.total}`, v.overdue, v.decisions,
    v.need ? `${v.withMentor} из ${v.need}` : '—', v.trained, v.risk, v.events];
}

function attentionOf(f: SchoolFigures, lastAt: string | undefined): string[] {
  const { needMentor, withMentor } = f.mentoring;
  return [
    !lastAt ? 'данные не поступали' : '',
    f.activities.overdue ? `просрочено ${count(f.activities.overdue, NOUNS.activity)}` : '',
    f.decisionsOverdue ? `просрочено ${count(f.decisionsOverdue, NOUNS.decision)}` : '',
    needMentor > withMentor ? `без наставника ${count(needMentor - withMentor, NOUNS.teacher)}` : '',
    f.risk.damaged ? `данные группы риска повреждены (записей: ${f.risk.damaged}), по категориям не учтены` : '',
  ].filter(Boolean);
}

function summaryText(tot: Totals, schools: number, day: string): string {
  return `Мониторинг проведён по данным, поступившим из общеобразовательных организаций на ${formatDate(day)}: данные представили ${tot.received} ${ofN(schools, 'school')}. ` +
    `${ofN(tot.total, 'activity').replace(/^и/, 'И')} программ, приходящихся на период, выполнено ${tot.done} (${share(tot.done, tot.total)}), просрочено ${tot.overdue}; ` +
    `поручений с истёкшим сроком — ${tot.decisions}. Наставник закреплён за ${tot.withMentor} ${ofN(tot.need, 'teacher')}, молодых и вновь прибывших (${share(tot.withMentor, tot.need)}). ` +
    `Курсы повышения квалификации прошли ${count(tot.trained, NOUNS.teacher)}. В группе риска — ${count(tot.risk, NOUNS.pupil)}; проведено ${count(tot.events, NOUNS.event)}.`;
}

function mainTable(rows: Cell[][], label: string): ReportTable {
  return {
    sheet: 'Мониторинг',
    caption: `Сводные данные мониторинга по школам ${label}`,
    fontSize: 11,
    columns: [
      { key: 'no', header: '№', width: 4, align: 'center' },
      { key: 'school', header: 'ОО', width: 18 },
      { key: 'last', header: 'Данные на', width: 10, align: 'center' },
      { key: 'acts', header: 'Мероприятия программы: выполнено', width: 11, align: 'center' },
      { key: 'overdue', header: 'Просрочено мероприятий', width: 10, align: 'center' },
      { key: 'decisions', header: 'Просрочено поручений', width: 9, align: 'center' },
      { key: 'mentors', header: 'Наставник у молодых и вновь прибывших', width: 11, align: 'center' },
      { key: 'trained', header: 'Прошли КПК, чел.', width: 8, align: 'center' },
      { key: 'risk', header: 'Группа риска, чел.', width: 8, align: 'center' },
      { key: 'events', header: 'Проведено мероприятий', width: 11, align: 'center' },
    ],
    rows,
    empty: 'Реестр школ пуст.',
  };
}

/** Pupils in the risk group on the day by category, and in how many schools: the schools' own figures added up. */
function riskTable(figures: SchoolFigures[], day: string): ReportTable {
  const rows: Cell[][] = [];
  for (const c of riskCategory.codes) {
    const counts = figures.map((f) => f.risk.byCategory[c] ?? 0).filter((n) => n > 0);
    if (counts.length) rows.push([riskCategory.labels[c], counts.length, counts.reduce((a, b) => a + b, 0)]);
  }
  return {
    sheet: 'Группа риска',
    caption: `Численность группы риска по категориям на ${formatDate(day)} (обезличенно)`,
    columns: [
      { key: 'category', header: 'Категория', width: 50 },
      { key: 'schools', header: 'Школ', width: 20, align: 'center' },
      { key: 'pupils', header: 'Обучающихся, чел.', width: 30, align: 'center' },
    ],
    rows,
    empty: 'Обучающихся в группе риска нет.',
  };
}
