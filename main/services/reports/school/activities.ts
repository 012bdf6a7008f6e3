/** Section 2 of the school справка: the plan of the period and how it was carried out. */
import { formatDate } from '../../../../common/format.js';
import { activityStatus, timingKind } from '../../../../common/labels.js';
import { byNumber } from '../../../../common/numbering.js';
import { rule, flag } from '../../../../db/rules.js';
import type { Block, Cell } from '../model.js';
import { expiredOn, n, periodText, share } from '../text.js';
import { OWNED, s, type R, type Section } from './common.js';
import { programmeLabel } from '../../../../common/programme-title.js';

export function activitiesSection({ q, period, facts, programmes, day }: Section): Block[] {
  const order = new Map(programmes.map((p, i) => [p.id, i]));
  const acts = q(`SELECT t.*, ${flag(rule.activityOverdue('t'))} AS overdue FROM activity t
    WHERE t.deleted_at IS NULL AND ${OWNED} AND ${rule.activityInPlan('t')} AND ${rule.activityInPeriod('t')} ORDER BY t.created_at`).sort(byNumber)
    .sort((a, b) => (order.get(a.programme_id!) ?? 0) - (order.get(b.programme_id!) ?? 0));
  // With several programmes each one's activities follow a line with its name: the numbers (1.1, 1.2 …) repeat.
  const several = programmes.length > 1;
  const rows: Cell[][] = [];
  acts.forEach((a, i) => {
    const p = programmes[order.get(a.programme_id!) ?? -1];
    if (several && p && a.programme_id !== acts[i - 1]?.programme_id) rows.push(['', { text: programmeLabel(p, day), bold: true }, '', '', '']);
    rows.push([
      s(a.number),
      s(a.title),
      s(a.timing_text) || timingKind.labels[s(a.timing_kind) as keyof typeof timingKind.labels] || '',
      s(a.responsible),
      activityMark(a, day),
    ]);
  });
  return [
    { kind: 'heading', text: '2. Выполнение плана мероприятий' },
    { kind: 'paragraph', text: activitiesSummary(acts, period) },
    {
      kind: 'table',
      table: {
        sheet: 'Мероприятия',
        caption: 'Выполнение плана мероприятий программы',
        columns: [
          // wide enough for «2.10» on one line
          { key: 'number', header: '№', width: 7, align: 'center' },
          { key: 'title', header: 'Мероприятие', width: 29 },
          { key: 'timing', header: 'Сроки', width: 17 },
          { key: 'responsible', header: 'Ответственные', width: 20 },
          { key: 'mark', header: 'Отметка о выполнении', width: 27 },
        ],
        rows,
        empty: 'Мероприятий, относящихся к периоду, в плане нет.',
      },
    },
  ];
}

/**
 * The sentence over the table, counted from the table's own rows (the same period rule as the figures): every
 * activity is done, not done or still in work, so the three add up to the total.
 */
export function activitiesSummary(acts: R[], period: { from: string; to: string }): string {
  const total = acts.length;
  const done = acts.filter((a) => a.status === 'done').length;
  const notDone = acts.filter((a) => a.status === 'not_done').length;
  const open = total - done - notDone;
  // The rows the table marks «Срок истёк» (a recurrence done in an earlier period among them).
  const overdue = acts.filter((a) => a.overdue === 1 && a.status !== 'not_done').length;
  if (!total) return `За период ${periodText(period)} мероприятий в плане нет.`;
  return `За период ${periodText(period)} планом предусмотрено ${n(total, 'activity')}: выполнено — ${done} (${share(done, total)}), не выполнено — ${notDone}, ` +
    `в работе — ${open}; срок истёк, отметки о выполнении нет — ${overdue}.`;
}

/** The completion mark as printed: what the school wrote, or what the status says when it wrote nothing. */
function activityMark(a: R, day: string): Cell {
  const mark = s(a.completion_mark);
  const status = activityStatus.labels[s(a.status) as keyof typeof activityStatus.labels] ?? '';
  if (a.status === 'not_done') return { text: mark || status, italic: true };
  if (a.overdue === 1) {
    const on = formatDate(expiredOn(s(a.timing_text), s(a.date_to), day));
    return { text: mark ? `${mark}\nСрок истёк ${on}` : `Срок истёк ${on}, отметки о выполнении нет`, italic: true };
  }
  if (a.status === 'done') return mark || `${status}${a.completed_on ? ' ' + formatDate(s(a.completed_on)) : ''}`;
  return mark || status;
}
