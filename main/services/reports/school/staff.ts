/** Section 3 of the school справка: mentoring, refresher courses (КПК) and professional deficits. */
import { formatDate } from '../../../../common/format.js';
import { mentoringReason } from '../../../../common/labels.js';
import { rule } from '../../../../db/rules.js';
import type { Block } from '../model.js';
import { n, ofN, share } from '../text.js';
import { OWNED, dateRange, s, type Section } from './common.js';

export function staffSection(c: Section): Block[] {
  return [{ kind: 'heading', text: '3. Наставничество и профессиональное развитие педагогов' }, ...mentoringBlocks(c), ...courseBlocks(c), ...deficitBlocks(c)];
}

function mentoringBlocks({ q, facts }: Section): Block[] {
  const pairs = q(`SELECT t.*, m.full_name AS mentor_name, e.full_name AS mentee_name FROM mentoring_pair t
    LEFT JOIN staff m ON m.id = t.mentor_id LEFT JOIN staff e ON e.id = t.mentee_id
    WHERE t.deleted_at IS NULL AND ${OWNED} AND ${rule.pairInPeriod('t')} ORDER BY e.full_name`);
  const { staff } = facts;
  const { needMentor, withMentor } = facts.mentoring;
  return [
    {
      kind: 'paragraph',
      text: `В школе работает ${n(staff.working, 'teacher')}, из них молодых специалистов — ${staff.young}, вновь прибывших — ${staff.newlyArrived}. ` +
        (needMentor ? `Наставник закреплён за ${withMentor} ${ofN(needMentor, 'teacher')}, которым он положен (${share(withMentor, needMentor)})` : 'Молодых специалистов и вновь прибывших педагогов, которым положен наставник, нет') +
        `; наставнических пар за период — ${pairs.length}.`,
    },
    {
      kind: 'table',
      table: {
        sheet: 'Наставничество',
        caption: 'Наставнические пары',
        columns: [
          { key: 'mentee', header: 'Наставляемый', width: 22 },
          { key: 'mentor', header: 'Наставник', width: 22 },
          { key: 'reason', header: 'Основание', width: 18 },
          { key: 'subject', header: 'Предмет', width: 18 },
          { key: 'period', header: 'Сроки', width: 16 },
        ],
        rows: pairs.map((x) => [s(x.mentee_name), s(x.mentor_name), mentoringReason.labels[s(x.reason) as keyof typeof mentoringReason.labels] ?? s(x.reason), s(x.subject),
          x.ended_on ? dateRange(x.started_on, x.ended_on) : `с ${formatDate(s(x.started_on))}`]),
        empty: 'Наставнических пар в период не было.',
      },
    },
  ];
}

function courseBlocks({ q }: Section): Block[] {
  const courses = q(`SELECT t.*, st.full_name AS staff_name FROM course t LEFT JOIN staff st ON st.id = t.staff_id
    WHERE t.deleted_at IS NULL AND ${OWNED} AND ${rule.courseInPeriod('t')} ORDER BY t.date_from, st.full_name`);
  const hours = courses.reduce((a, c) => a + (Number(c.hours) || 0), 0);
  // Counted from the table's rows, by the same rule as the school's figures: a teacher with two courses once.
  const trained = new Set(courses.map((c) => c.staff_id).filter(Boolean)).size;
  return [
    { kind: 'paragraph', text: `Курсы повышения квалификации за период прошли ${n(trained, 'teacher')} (${n(courses.length, 'course')}, всего ${n(hours, 'hour')}).` },
    {
      kind: 'table',
      table: {
        sheet: 'Курсы',
        caption: 'Повышение квалификации педагогов',
        columns: [
          { key: 'staff', header: 'Педагог', width: 22 },
          { key: 'title', header: 'Программа курсов', width: 38 },
          { key: 'provider', header: 'Организатор', width: 18 },
          { key: 'hours', header: 'Часов', width: 8, align: 'center' },
          { key: 'dates', header: 'Сроки', width: 14 },
        ],
        rows: courses.map((c) => [s(c.staff_name), s(c.title), s(c.provider), c.hours === null ? '' : Number(c.hours), dateRange(c.date_from, c.date_to)]),
        empty: 'Курсов повышения квалификации в период не было.',
      },
    },
  ];
}

function deficitBlocks({ q }: Section): Block[] {
  const deficits = q(`SELECT d.title, COUNT(*) AS found, SUM(CASE WHEN t.resolved_on IS NOT NULL AND t.resolved_on <= @to THEN 1 ELSE 0 END) AS resolved
    FROM staff_deficit t JOIN deficit d ON d.id = t.deficit_id WHERE t.deleted_at IS NULL AND ${OWNED} AND (t.identified_on IS NULL OR t.identified_on <= @to)
    GROUP BY d.title ORDER BY found DESC, d.title`);
  if (!deficits.length) return [];
  return [{
    kind: 'table',
    table: {
      sheet: 'Дефициты',
      caption: 'Профессиональные дефициты педагогов',
      columns: [
        { key: 'title', header: 'Профессиональный дефицит', width: 60 },
        { key: 'found', header: 'Выявлен у педагогов', width: 20, align: 'center' },
        { key: 'resolved', header: 'Устранён', width: 20, align: 'center' },
      ],
      rows: deficits.map((d) => [s(d.title), Number(d.found), Number(d.resolved ?? 0)]),
    },
  }];
}
