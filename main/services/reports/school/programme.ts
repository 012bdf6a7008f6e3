/** Section 1 of the school справка: the programme's goal, tasks, the school's risk profile and directions. */
import { formatDate, count } from '../../../../common/format.js';
import type { Block } from '../model.js';
import type { Period } from '../model.js';
import { OWNED, lowerFirst, s, type Query, type R, type Section } from './common.js';
import { rule } from '../../../../db/rules.js';
import { byCurrent, programmeLabel, programmeState } from '../../../../common/programme-title.js';

/**
 * The programmes the справка covers: those whose years touch the period and those with activities of the plan
 * in it (section 2 lists every such activity, so section 1 names every programme they belong to), the current
 * one first. None of them: the latest programme, so that section 1 still says what the school works by.
 */
export function programmesOf(q: Query, p: Period, day: string): R[] {
  const covered = q(`SELECT t.* FROM programme t WHERE t.deleted_at IS NULL AND ${OWNED} AND (
      (t.year_from <= @toYear AND t.year_to >= @fromYear)
      OR EXISTS (SELECT 1 FROM activity a WHERE a.programme_id = t.id AND a.deleted_at IS NULL AND a.owner = t.owner AND ${rule.activityInPlan('a')} AND ${rule.activityInPeriod('a')}))`,
  { toYear: Number(p.to.slice(0, 4)), fromYear: Number(p.from.slice(0, 4)) });
  if (covered.length) return byCurrent(covered, day);
  return q(`SELECT t.* FROM programme t WHERE t.deleted_at IS NULL AND ${OWNED} ORDER BY t.year_from DESC LIMIT 1`);
}

export function programmeSection({ q, programmes, day }: Section): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: '1. Цели и задачи программы' }];
  if (!programmes.length) {
    blocks.push({ kind: 'paragraph', text: 'Программа повышения качества образования в «Опору» не внесена.', italic: true });
    return blocks;
  }
  if (programmes.length > 1) {
    blocks[0] = { kind: 'heading', text: '1. Цели и задачи программ' };
    const all = programmes.length === 2 ? 'обеих' : 'всех';
    blocks.push({ kind: 'paragraph', text: `Справка охватывает ${count(programmes.length, ['программу', 'программы', 'программ'])} школы: ${programmes.map((p) => `«${programmeLabel(p, day)}»`).join('; ')}. Мероприятия ${all} программ приведены в разделе о выполнении плана мероприятий.` });
  }
  for (const programme of programmes) blocks.push(...oneProgramme(q, programme, day, programmes.length > 1));
  return blocks;
}

function oneProgramme(q: Query, programme: R, day: string, several: boolean): Block[] {
  const blocks: Block[] = [];
  const approval = programme.approval_date || programme.approval_number
    ? `, утверждена приказом${programme.approval_date ? ` от ${formatDate(s(programme.approval_date))}` : ''}${programme.approval_number ? ` № ${s(programme.approval_number)}` : ''}`
    : '';
  const years = s(programme.title).includes(s(programme.year_from)) ? '' : ` (${s(programme.year_from)}–${s(programme.year_to)} годы)`;
  const state = programmeState(programme, day);
  blocks.push(several
    ? { kind: 'paragraph', text: `«${s(programme.title)}»${years}${approval}${state ? `; ${state}` : ''}.`, bold: true, keepNext: true }
    : { kind: 'paragraph', text: `${state ? 'В школе реализовывалась' : 'В школе реализуется'} «${s(programme.title)}»${years}${approval}${state ? `; ${state}` : ''}.` });
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
