/**
 * The municipal programme / roadmap: its header, its activities (0020's municipal_activity,
 * which travels down to the schools), the schools each concerns, the municipality's own completion mark and
 * the marks the schools sent back (municipal_activity_mark, owned by each school). Curators' comments on a
 * school are 0020's curator_comment.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import type { Period } from '../../../common/periods.js';
import { byNumber } from '../../../common/numbering.js';
import type { RoadmapView, RoadmapActivityRow, roadmapInput, roadmapActivityInput } from '../../../preload/contract/municipality.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRow, liveRows, writeRow, type Row } from '../core/writer.js';
import { removeWithBin } from '../core/recycle-bin.js';
import { AppError } from '../core/errors.js';
import { syncSchoolLinks } from '../core/children.js';
import { rule, flag, dayOf } from '../../../db/rules.js';
import { roadmapActivityStatus, codeOf } from '../../../common/labels.js';
import { countMarks } from '../../../common/mark-counts.js';

export function currentRoadmap(ctx: ServiceContext): Row | null {
  return liveRows(ctx, 'roadmap', 'year_from DESC, created_at DESC')[0] ?? null;
}

/** The current roadmap and its activities (those touching `period`, when given), each flagged overdue on the day. */
export function getRoadmap(ctx: ServiceContext, todayInput?: string, period?: Period, roadmapId?: string): RoadmapView {
  const day = todayInput ?? dayOf(ctx.now());
  const roadmap = roadmapId ? liveRow(ctx, 'roadmap', roadmapId) ?? null : currentRoadmap(ctx);
  if (!roadmap) return { roadmap: null, activities: [] };
  const acts = ctx.raw.prepare(`SELECT t.*, ${flag(rule.roadmapActivityOverdue('t'))} AS overdue FROM municipal_activity t
    WHERE t.deleted_at IS NULL AND (t.roadmap_id = @roadmap OR t.roadmap_id IS NULL)${period ? ` AND ${rule.activityInPeriod('t')}` : ''}
    ORDER BY t.created_at`).all({ roadmap: roadmap.id, day, ...period }) as Row[];
  const links = ctx.raw.prepare('SELECT activity_id, school_id FROM municipal_activity_school WHERE deleted_at IS NULL').all() as { activity_id: string; school_id: string }[];
  const marks = ctx.raw.prepare(`SELECT m.activity_id, m.owner AS school_id, COALESCE(NULLIF(s.short_name, ''), s.name) AS school_name, m.status, m.completion_mark, m.completed_on
    FROM municipal_activity_mark m JOIN municipality_school s ON s.id = m.owner WHERE m.deleted_at IS NULL ORDER BY school_key(s.name), s.name`).all() as (RoadmapActivityRow['marks'][number] & { activity_id: string })[];
  const schools = ctx.raw.prepare('SELECT id FROM municipality_school').pluck().all() as string[];
  // Every school the activity concerns counts once: by its mark, or as «нет отметки».
  const markCounts = (a: Row, ids: string[]) => {
    const own = new Map(marks.filter((m) => m.activity_id === a.id).map((m) => [m.school_id, m.status]));
    return countMarks((Number(a.all_schools ?? 1) ? schools : ids).map((id) => own.get(id) ?? null));
  };
  const activities: RoadmapActivityRow[] = inPrintedOrder(acts).map((a) => {
    const ids = links.filter((l) => l.activity_id === a.id).map((l) => l.school_id);
    return {
    id: a.id,
    number: String(a.number ?? ''),
    section: String(a.section ?? ''),
    title: String(a.title),
    timing_text: String(a.timing_text ?? ''),
    date_from: (a.date_from as string | null) ?? null,
    date_to: (a.date_to as string | null) ?? null,
    responsible: String(a.responsible ?? ''),
    status: codeOf(roadmapActivityStatus, a.status, 'planned'),
    completion_mark: String(a.completion_mark ?? ''),
    completed_on: (a.completed_on as string | null) ?? null,
    all_schools: Number(a.all_schools ?? 1),
    parent_id: (a.parent_id as string | null) ?? null,
    school_ids: ids,
    overdue: Number(a.overdue),
    marks: marks.filter((m) => m.activity_id === a.id).map(({ activity_id: _a, ...m }) => m),
    markCounts: markCounts(a, ids),
    };
  });
  return { roadmap, activities };
}

/**
 * Rows by «№», each sub-row right under its row (by its own «№» when it has one, «8.1», else as entered); a
 * sub-row whose row is gone or outside the period stands on its own.
 */
function inPrintedOrder(acts: Row[]): Row[] {
  const ids = new Set(acts.map((a) => a.id));
  const top = acts.filter((a) => !a.parent_id || !ids.has(String(a.parent_id))).sort(byNumber);
  const under = (id: string) => acts.filter((a) => a.parent_id === id).sort((x, y) => (x.number && y.number ? byNumber(x, y) : 0));
  return top.flatMap((a) => [a, ...under(a.id)]);
}

export function saveRoadmap(ctx: ServiceContext, input: z.output<typeof roadmapInput>): Row {
  requireMunicipality(ctx);
  return writeRow(ctx, 'roadmap', input);
}

/** Saves an activity and the set of schools it concerns, in one transaction. */
export function saveRoadmapActivity(ctx: ServiceContext, input: Omit<z.output<typeof roadmapActivityInput>, 'parent_id'> & { parent_id?: string | null }): RoadmapActivityRow {
  requireMunicipality(ctx);
  if (input.date_from && input.date_to && input.date_from > input.date_to) {
    throw new AppError('invalid_input', 'Дата окончания раньше даты начала.', { date_to: 'Раньше начала' });
  }
  if (input.parent_id) {
    const parent = ctx.raw.prepare('SELECT id, parent_id FROM municipal_activity WHERE id = ? AND deleted_at IS NULL').get(input.parent_id) as { id: string; parent_id: string | null } | undefined;
    if (!parent) throw new AppError('not_found', 'Пункт, к которому относится подпункт, удалён.', { parent_id: 'Выберите другой пункт' });
    // One level, as in a printed plan: a sub-row under a sub-row would have no row to stand under.
    if (parent.id === input.id || parent.parent_id) throw new AppError('invalid_input', 'Подпункт можно отнести только к пункту с номером, а не к другому подпункту.', { parent_id: 'Выберите пункт' });
    if (input.id && ctx.raw.prepare('SELECT 1 FROM municipal_activity WHERE parent_id = ? AND deleted_at IS NULL').get(input.id)) {
      throw new AppError('invalid_input', 'У этого мероприятия есть свои подпункты: оно не может само стать подпунктом.', { parent_id: 'Уберите' });
    }
  }
  const id = ctx.raw.transaction(() => {
    const { school_ids, ...value } = input;
    const row = writeRow(ctx, 'municipal_activity', value);
    syncSchoolLinks(ctx, 'municipal_activity_school', 'activity_id', row.id, input.all_schools ? [] : school_ids);
    return row.id;
  })();
  return getRoadmap(ctx).activities.find((a) => a.id === id)!;
}

export function removeRoadmapActivity(ctx: ServiceContext, id: string): void {
  requireMunicipality(ctx);
  ctx.raw.transaction(() => {
    const links = ctx.raw.prepare('SELECT id FROM municipal_activity_school WHERE activity_id = ? AND deleted_at IS NULL').pluck().all(id) as string[];
    removeWithBin(ctx, [['municipal_activity', id], ...links.map((l): [string, string] => ['municipal_activity_school', l])]);
  })();
}
