/** Section 1 of the school справка: the programme's goal, tasks, the school's risk profile and directions. */
import { formatDate } from '../../../../common/format.js';
import type { Block } from '../model.js';
import type { Period } from '../model.js';
import { OWNED, lowerFirst, s, type Query, type R, type Section } from './common.js';

/** The programme the period falls in, else the latest one. */
export function programmeOf(q: Query, p: Period): R | null {
  return q(`SELECT t.* FROM programme t WHERE t.deleted_at IS NULL AND ${OWNED} AND t.year_from <= @toYear AND t.year_to >= @fromYear
      ORDER BY t.year_from DESC LIMIT 1`, { toYear: Number(p.to.slice(0, 4)), fromYear: Number(p.from.slice(0, 4)) })[0]
    ?? q(`SELECT t.* FROM programme t WHERE t.deleted_at IS NULL AND ${OWNED} ORDER BY t.year_from DESC LIMIT 1`)[0]
    ?? null;
}

export function programmeSection({ q, programme }: Section): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: '1. Цели и задачи программы' }];
  if (!programme) {
    blocks.push({ kind: 'paragraph', text: 'Программа повышения качества образования в «Опору» не внесена.', italic: true });
    return blocks;
  }
  const approval = programme.approval_date || programme.approval_number
    ? `, утверждена приказом${programme.approval_date ? ` от ${formatDate(s(programme.approval_date))}` : ''}${programme.approval_number ? ` № ${s(programme.approval_number)}` : ''}`
    : '';
  const years = s(programme.title).includes(s(programme.year_from)) ? '' : ` (${s(programme.year_from)}–${s(programme.year_to)} годы)`;
  blocks.push({ kind: 'paragraph', text: `В школе реализуется «${s(programme.title)}»${years}${approval}.` });
  if (programme.goal) blocks.push({ kind: 'paragraph', text: `Стратегическая цель — ${lowerFirst(s(programme.goal)).replace(/\.?$/, '.')}` });
  const id = { programme: programme.id };
  const tasks = q(`SELECT t.text FROM programme_task t WHERE t.deleted_at IS NULL AND ${OWNED} AND t.programme_id = @programme ORDER BY t.position, t.created_at`, id);
  if (tasks.length) {
    blocks.push({ kind: 'paragraph', text: 'Задачи:' });
    blocks.push({ kind: 'list', numbered: true, items: tasks.map((t) => s(t.text)) });
  }
  const problems = q(`SELECT t.kind, t.description, f.title AS factor FROM programme_problem t LEFT JOIN risk_factor f ON f.id = t.risk_factor_id
    WHERE t.deleted_at IS NULL AND ${OWNED} AND t.programme_id = @programme ORDER BY t.kind, f.title`, id);
  if (problems.length) {
    blocks.push({ kind: 'paragraph', text: 'Выявленные причины низких образовательных результатов (рисковый профиль школы):' });
    for (const [kind, label] of [['internal', 'Внутренние'], ['external', 'Внешние']] as const) {
      const items = problems.filter((x) => x.kind === kind).map((x) => [s(x.factor), s(x.description)].filter(Boolean).join(': '));
      if (items.length) blocks.push({ kind: 'paragraph', text: `${label}: ${items.map(lowerFirst).join('; ')}.` });
    }
  }
  const directions = q(`SELECT t.title FROM direction t WHERE t.deleted_at IS NULL AND ${OWNED} AND t.programme_id = @programme ORDER BY t.position`, id);
  if (directions.length) {
    blocks.push({ kind: 'paragraph', text: 'Работа ведётся по направлениям:' });
    blocks.push({ kind: 'list', items: directions.map((d) => s(d.title)) });
  }
  return blocks;
}
