/**
 * The body of the справка about the municipal roadmap (seed 002): goals and tasks, «За … проведена работа по
 * следующим направлениям:», the table as the plan is written (its own «№», sub-rows under their row with no
 * number made up, «Сроки» and «Ответственные» only when the plan has them), the schools' marks, and the closing
 * paragraph. The closing is the methodologist's text; the summary computed from the data stands there only
 * while she has written none, and is offered to her (roadmapSummary) to start from.
 */
import type { ServiceContext } from '../core/context.js';
import { formatDate } from '../../../common/format.js';
import { roadmapActivityStatus, activityStatus } from '../../../common/labels.js';
import { listRoster } from '../municipality/roster.js';
import { getRoadmap } from '../municipality/roadmap.js';
import type { RoadmapActivityRow } from '../../../preload/contract/municipality.js';
import type { Block, Cell, Period, ReportColumn } from './model.js';
import { expiredOn, periodText, share, ofN } from './text.js';
import { paragraphs } from './documents/requisites.js';
import { roadmapOf } from '../municipality/documents.js';

/** What the user adds to the roadmap справка before printing; all optional. */
export interface RoadmapOptions {
  /** The closing text, one paragraph per line: printed instead of the computed summary. */
  conclusions?: string;
  /** Адресат block («Руководителям МОУ», «Ирбитского МО»). */
  addressees?: string[];
  /** Registration number and date from the document register ('' / null: lines to fill in). */
  number?: string;
  date?: string | null;
  /** The period in words («прошедший учебный год (декабрь – май)»), printed instead of its dates. */
  periodText?: string;
  /** The roadmap the справка is about (the current one when not given). */
  roadmapId?: string;
}

const statusLabel = (s: string) => roadmapActivityStatus.labels[s as keyof typeof roadmapActivityStatus.labels] ?? '';

/** «№» as the plan has it. Only a plan with no numbers at all is numbered here, and then its rows, not sub-rows. */
function numbersOf(acts: RoadmapActivityRow[]): Map<string, string> {
  const numbered = acts.some((a) => a.number.trim());
  let n = 0;
  return new Map(acts.map((a) => [a.id, numbered ? a.number.trim() : a.parent_id ? '' : String(++n)]));
}

/**
 * The summary computed from the data, for the closing paragraph — counted from the table's rows: done, partly
 * done, in work, not done (and cancelled) add up to the rows; «все мероприятия периода выполнены» only when they
 * all are.
 */
export function summaryOf(acts: RoadmapActivityRow[]): string {
  if (!acts.length) return '';
  const no = numbersOf(acts);
  const by = (st: string) => acts.filter((a) => a.status === st);
  const done = by('done').length, partly = by('partly'), notDone = by('not_done').length, cancelled = by('cancelled').length;
  const open = acts.length - done - partly.length - notDone - cancelled;
  const failed = acts.filter((a) => a.status === 'not_done' || (a.overdue && a.status !== 'cancelled'));
  const bare = (a: RoadmapActivityRow) => `«${a.title.replace(/^\s*[-–—•]\s*/, '')}»`;
  const name = (a: RoadmapActivityRow) => (no.get(a.id) || (a.parent_id && no.get(a.parent_id) ? `${no.get(a.parent_id)} (${bare(a)})` : bare(a))).replace(/\.+$/, '');
  const counts = `${ofN(acts.length, 'activity').replace(/^и/, 'И')} дорожной карты выполнено ${done} (${share(done, acts.length)})` +
    (partly.length ? `, выполнено частично — ${partly.length}` : '') + `, в работе — ${open}, не выполнено — ${notDone}` +
    (cancelled ? `, отменено — ${cancelled}` : '');
  const partlyText = partly.length ? `; выполнены частично: ${partly.map(name).join(', ')}` : '';
  if (failed.length) return `${counts}${partlyText}; не выполнены или срок истёк: ${failed.map(name).join(', ')}. Причины и меры отражены в отметках о выполнении.`;
  return `${counts}${partlyText}${done && done === acts.length - cancelled ? '; все мероприятия периода выполнены.' : '.'}`;
}

/** The computed summary of the current roadmap over a period, offered to the methodologist as a closing to edit. */
export function roadmapSummary(ctx: ServiceContext, period: Period, today: string, roadmapId?: string): string {
  return summaryOf(getRoadmap(ctx, today, period, roadmapId).activities);
}

/** Longer than 80 lines on purpose: the справка's blocks follow the printed document top to bottom. */
export function roadmapBody(ctx: ServiceContext, period: Period, today: string, opts: RoadmapOptions = {}): { blocks: Block[]; title: string; count: number } {
  const view = getRoadmap(ctx, today, period, opts.roadmapId);
  const roster = listRoster(ctx);
  const blocks: Block[] = [];
  const rm = view.roadmap;
  const when = opts.periodText?.trim() || `период ${periodText(period)}`;
  const lines = (t: unknown) => String(t ?? '').split('\n').map((x) => x.replace(/^\s*(\d+[.)]|[-–—•])\s*/, '').trim()).filter(Boolean);
  if (rm && lines(rm.goals).length) {
    blocks.push({ kind: 'paragraph', italic: true, text: `Основными целями работы со школами с низкими образовательными результатами и школами, функционирующими в неблагоприятных социальных условиях, на ${when} стали:` });
    blocks.push({ kind: 'list', numbered: true, items: lines(rm.goals) });
  }
  if (rm && lines(rm.tasks).length) {
    blocks.push({ kind: 'paragraph', bold: true, text: 'Задачи:' });
    blocks.push({ kind: 'list', numbered: true, items: lines(rm.tasks) });
  }
  const acts = view.activities;
  const no = numbersOf(acts);
  const parentNo = (a: RoadmapActivityRow) => no.get(a.id) || (a.parent_id ? no.get(a.parent_id) ?? '' : '');
  /** The schools an activity concerns, and any other school that marked it anyway. */
  const concerned = (a: RoadmapActivityRow) => new Set([...(a.all_schools ? roster.map((r) => r.id) : a.school_ids), ...a.marks.map((m) => m.school_id)]).size;
  blocks.push({ kind: 'paragraph', text: `За ${when} со школами проведена работа по следующим направлениям:` });
  const withTiming = acts.some((a) => a.timing_text.trim());
  const withResponsible = acts.some((a) => a.responsible.trim());
  const rows: Cell[][] = [];
  const marksRows: Cell[][] = [];
  for (const a of acts) {
    const done = a.marks.filter((m) => m.status === 'done').length;
    const notDone = a.marks.filter((m) => m.status === 'not_done');
    const own = a.completion_mark || (a.overdue ? `Срок истёк ${formatDate(expiredOn(a.timing_text, a.date_to ?? '', today))}, отметки о выполнении нет` : statusLabel(a.status));
    // The status «Выполнено частично» stands with the text the methodologist wrote, so a reader sees both.
    const mark = a.status === 'partly' && a.completion_mark && !/частично/i.test(a.completion_mark) ? `${statusLabel('partly')}. ${a.completion_mark}` : own;
    const summary = a.marks.length
      ? `Отметки школ: выполнено — ${done} из ${concerned(a)}${notDone.length ? `; не выполнено — ${notDone.length} (${notDone.map((m) => m.school_name).join(', ')})` : ''}.`
      : '';
    const text = [mark, summary].filter(Boolean).join('\n');
    rows.push([no.get(a.id) ?? '', a.title, ...(withTiming ? [a.timing_text] : []), ...(withResponsible ? [a.responsible] : []),
      a.status === 'not_done' || a.overdue ? { text, italic: true } : text]);
    for (const m of a.marks) {
      marksRows.push([parentNo(a), m.school_name,
        m.status === 'not_done' ? { text: m.completion_mark || 'Не выполнено', italic: true } : m.completion_mark || (activityStatus.labels[m.status as keyof typeof activityStatus.labels] ?? '')]);
    }
  }
  // Columns the plan leaves empty are left out; their width goes to the activity and its mark.
  const spare = (withTiming ? 0 : 15) + (withResponsible ? 0 : 20);
  const columns: ReportColumn[] = [
    { key: 'number', header: '№ п/п', width: 7, align: 'center' },
    { key: 'title', header: 'Мероприятие', width: 27 + spare / 2 },
    ...(withTiming ? [{ key: 'timing', header: 'Сроки', width: 15 }] : []),
    ...(withResponsible ? [{ key: 'responsible', header: 'Ответственные', width: 20 }] : []),
    { key: 'mark', header: 'Отметка о выполнении', width: 31 + spare / 2 },
  ];
  blocks.push({
    kind: 'table',
    table: { sheet: 'Дорожная карта', caption: 'Выполнение мероприятий муниципальной дорожной карты', columns, rows, empty: 'Мероприятий дорожной карты, относящихся к периоду, нет.' },
  });
  if (marksRows.length) {
    blocks.push({ kind: 'paragraph', text: 'Отметки о выполнении, представленные общеобразовательными организациями:' });
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Отметки школ',
        caption: 'Отметки школ о выполнении мероприятий дорожной карты',
        fontSize: 11,
        columns: [
          { key: 'number', header: '№ мероприятия', width: 15, align: 'center' },
          { key: 'school', header: 'Образовательная организация', width: 33 },
          { key: 'mark', header: 'Отметка о выполнении', width: 52 },
        ],
        rows: marksRows,
      },
    });
  }
  const closing = paragraphs(opts.conclusions ?? '');
  if (closing.length) blocks.push(...closing);
  else if (acts.length) blocks.push({ kind: 'paragraph', text: summaryOf(acts) });
  const over = opts.periodText?.trim() ? `за ${opts.periodText.trim()}` : `за период ${periodText(period)}`;
  const title = rm
    ? `об итогах реализации ${roadmapOf(String(rm.title))} ${over}`
    : `об итогах реализации муниципальной дорожной карты ${over}`;
  return { blocks, title, count: acts.length };
}
