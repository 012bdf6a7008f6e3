/** Section 5 of the school справка: the events of the journal in the period and the decisions (поручения) taken at them. */
import { formatDate } from '../../../../common/format.js';
import { eventFormat, eventKind, eventLevel } from '../../../../common/labels.js';
import { rule } from '../../../../db/rules.js';
import type { Block } from '../model.js';
import { n } from '../text.js';
import { OWNED, dateRange, s, type Section } from './common.js';

const LEVEL_GENITIVE: Record<string, string> = { school: 'школьного', municipal: 'муниципального', regional: 'регионального', federal: 'федерального' };

export function eventsSection(c: Section): Block[] {
  return [{ kind: 'heading', text: '5. Проведённые мероприятия' }, ...eventBlocks(c), ...decisionBlocks(c)];
}

function eventBlocks({ q }: Section): Block[] {
  const events = q(`SELECT t.* FROM event t WHERE t.deleted_at IS NULL AND ${OWNED} AND ${rule.eventInPeriod('t')} ORDER BY t.date_from, t.title`);
  const byLevel = eventLevel.codes.map((c) => [LEVEL_GENITIVE[c] ?? eventLevel.labels[c].toLowerCase(), events.filter((e) => e.level === c).length] as const).filter(([, k]) => k > 0);
  const kindOf = (e: (typeof events)[number]) => [
    eventKind.labels[s(e.kind) as keyof typeof eventKind.labels],
    eventLevel.labels[s(e.level) as keyof typeof eventLevel.labels]?.toLowerCase() + ' уровень',
    eventFormat.labels[s(e.format) as keyof typeof eventFormat.labels]?.toLowerCase(),
  ].filter(Boolean).join(', ');
  return [
    {
      kind: 'paragraph',
      text: `За период проведено и посещено ${n(events.length, 'event')}${byLevel.length ? ': ' + byLevel.map(([l, k]) => `${l} уровня — ${k}`).join(', ') : ''}; ` +
        `участников — ${events.reduce((a, e) => a + (Number(e.participants_count) || 0), 0)}.`,
    },
    {
      kind: 'table',
      table: {
        sheet: 'Мероприятия журнала',
        caption: 'Мероприятия за период',
        fontSize: 11,
        columns: [
          { key: 'no', header: '№', width: 5, align: 'center' },
          { key: 'date', header: 'Дата', width: 12 },
          { key: 'title', header: 'Мероприятие', width: 23 },
          { key: 'kind', header: 'Вид, уровень, форма', width: 20 },
          { key: 'participants', header: 'Участники', width: 17 },
          { key: 'outcomes', header: 'Результаты', width: 23 },
        ],
        rows: events.map((e, i) => [
          i + 1,
          dateRange(e.date_from, e.date_to),
          s(e.title),
          kindOf(e),
          [e.participants_count !== null ? `${e.participants_count} чел.` : '', s(e.participants)].filter(Boolean).join('\n'),
          s(e.outcomes),
        ]),
        empty: 'Мероприятий за период в журнал не внесено.',
      },
    },
  ];
}

/** The decisions of the period's events (and those still open from earlier ones), and the overdue ones on the day. */
function decisionBlocks({ q }: Section): Block[] {
  const decisions = q(`SELECT t.done_on FROM decision t JOIN event e ON e.id = t.event_id
    WHERE t.deleted_at IS NULL AND e.deleted_at IS NULL AND ${OWNED} AND e.date_from <= @to AND (t.done_on IS NULL OR t.done_on >= @from OR e.date_from >= @from)`);
  const overdue = q(`SELECT t.*, e.title AS event_title, e.date_from AS event_date FROM decision t JOIN event e ON e.id = t.event_id
    WHERE t.deleted_at IS NULL AND e.deleted_at IS NULL AND ${OWNED} AND ${rule.decisionOverdue('t')} ORDER BY t.deadline, t.created_at`);
  // The sentence counts the table's rows: the same overdue rule as the school's figures.
  const late = overdue.length;
  const blocks: Block[] = [{
    kind: 'paragraph',
    text: `По итогам мероприятий дано ${n(decisions.length, 'decision')}, исполнено ${decisions.filter((d) => d.done_on).length}` +
      (late ? `; срок исполнения истёк у ${late}.` : '; просроченных поручений нет.'),
  }];
  if (overdue.length) {
    blocks.push({
      kind: 'table',
      table: {
        sheet: 'Просроченные поручения',
        caption: 'Поручения с истёкшим сроком исполнения',
        columns: [
          { key: 'text', header: 'Поручение', width: 40 },
          { key: 'event', header: 'Мероприятие', width: 26 },
          { key: 'responsible', header: 'Ответственный', width: 18 },
          { key: 'deadline', header: 'Срок', width: 14, align: 'center' },
        ],
        rows: overdue.map((d) => [s(d.text), `${s(d.event_title)} (${formatDate(s(d.event_date))})`, s(d.responsible), formatDate(s(d.deadline))]),
      },
    });
  }
  return blocks;
}
