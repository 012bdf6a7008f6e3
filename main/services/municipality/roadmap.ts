/**
 * The municipal programme / roadmap (seeds 001, 002): its header, its activities (0020's municipal_activity,
 * which travels down to the schools), the schools each concerns, the municipality's own completion mark and
 * the marks the schools sent back (municipal_activity_mark, owned by each school). Curators' comments on a
 * school are 0020's curator_comment.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { isoDay } from '../../../common/format.js';
import type { RoadmapView, RoadmapActivityRow, roadmapInput, roadmapActivityInput } from '../../../preload/contract/municipality.js';
import { listMun, requireMunicipality, tombstoneMun, writeMun, type Row } from './store.js';
import { stampNew } from '../records.js';
import { AppError } from '../errors.js';
import { byNumber } from '../reports/school.js';
import { getMeta } from '../clock.js';
import { activityStatus, codeOf } from '../../../common/labels.js';

export function currentRoadmap(ctx: ServiceContext): Row | null {
  return listMun(ctx, 'roadmap', 'year_from DESC, created_at DESC')[0] ?? null;
}

export function getRoadmap(ctx: ServiceContext, todayInput?: string): RoadmapView {
  const today = todayInput ?? isoDay(ctx.now());
  const roadmap = currentRoadmap(ctx);
  if (!roadmap) return { roadmap: null, activities: [] };
  const acts = ctx.raw.prepare(`SELECT * FROM municipal_activity WHERE deleted_at IS NULL AND (roadmap_id = ? OR roadmap_id IS NULL) ORDER BY created_at`).all(roadmap.id) as Row[];
  const links = ctx.raw.prepare('SELECT activity_id, school_id FROM municipal_activity_school WHERE deleted_at IS NULL').all() as { activity_id: string; school_id: string }[];
  const marks = ctx.raw.prepare(`SELECT m.activity_id, m.owner AS school_id, COALESCE(NULLIF(s.short_name, ''), s.name) AS school_name, m.status, m.completion_mark, m.completed_on
    FROM municipal_activity_mark m JOIN municipality_school s ON s.id = m.owner WHERE m.deleted_at IS NULL ORDER BY s.name`).all() as (RoadmapActivityRow['marks'][number] & { activity_id: string })[];
  const activities: RoadmapActivityRow[] = acts.sort(byNumber).map((a) => ({
    id: a.id,
    number: String(a.number ?? ''),
    section: String(a.section ?? ''),
    title: String(a.title),
    timing_text: String(a.timing_text ?? ''),
    date_from: (a.date_from as string | null) ?? null,
    date_to: (a.date_to as string | null) ?? null,
    responsible: String(a.responsible ?? ''),
    status: codeOf(activityStatus, a.status, 'planned'),
    completion_mark: String(a.completion_mark ?? ''),
    completed_on: (a.completed_on as string | null) ?? null,
    all_schools: Number(a.all_schools ?? 1),
    school_ids: links.filter((l) => l.activity_id === a.id).map((l) => l.school_id),
    overdue: (a.status === 'planned' || a.status === 'in_progress') && a.date_to && String(a.date_to) < today ? 1 : 0,
    marks: marks.filter((m) => m.activity_id === a.id).map(({ activity_id: _a, ...m }) => m),
  }));
  return { roadmap, activities };
}

export function saveRoadmap(ctx: ServiceContext, input: z.output<typeof roadmapInput>): Row {
  requireMunicipality(ctx);
  return writeMun(ctx, 'roadmap', input);
}

/** Saves an activity and the set of schools it concerns, in one transaction. */
export function saveRoadmapActivity(ctx: ServiceContext, input: z.output<typeof roadmapActivityInput>): RoadmapActivityRow {
  requireMunicipality(ctx);
  if (input.date_from && input.date_to && input.date_from > input.date_to) {
    throw new AppError('invalid_input', 'Дата окончания раньше даты начала.', { date_to: 'Раньше начала' });
  }
  const id = ctx.raw.transaction(() => {
    const { school_ids, ...value } = input;
    const row = writeMun(ctx, 'municipal_activity', value);
    const existing = ctx.raw.prepare('SELECT id, school_id FROM municipal_activity_school WHERE activity_id = ? AND deleted_at IS NULL').all(row.id) as { id: string; school_id: string }[];
    const want = new Set(input.all_schools ? [] : school_ids);
    for (const e of existing) if (!want.has(e.school_id)) tombstoneMun(ctx, 'municipal_activity_school', e.id);
    const have = new Set(existing.map((e) => e.school_id));
    for (const s of want) if (!have.has(s)) writeMun(ctx, 'municipal_activity_school', { activity_id: row.id, school_id: s });
    return row.id;
  })();
  return getRoadmap(ctx).activities.find((a) => a.id === id)!;
}

export function removeRoadmapActivity(ctx: ServiceContext, id: string): void {
  requireMunicipality(ctx);
  ctx.raw.transaction(() => {
    tombstoneMun(ctx, 'municipal_activity', id);
    for (const l of ctx.raw.prepare('SELECT id FROM municipal_activity_school WHERE activity_id = ? AND deleted_at IS NULL').pluck().all(id) as string[]) {
      tombstoneMun(ctx, 'municipal_activity_school', l);
    }
  })();
}

/** A curator's comment on a school (or on one of its records), kept with the school's merged data. */
export function addCuratorComment(ctx: ServiceContext, input: { schoolId: string; text: string; author: string; targetTable?: string; targetId?: string; writtenOn?: string }): Row {
  requireMunicipality(ctx);
  if (!ctx.raw.prepare('SELECT 1 FROM municipality_school WHERE id = ?').get(input.schoolId)) throw new AppError('not_found', 'Школа не найдена.');
  const row = {
    id: randomUUID(),
    ...stampNew(ctx),
    school_id: input.schoolId,
    target_table: input.targetTable ?? 'school',
    target_id: input.targetId ?? input.schoolId,
    text: input.text,
    author: input.author || getMeta(ctx.raw, 'report.executor') || '',
    written_on: input.writtenOn ?? isoDay(ctx.now()),
  };
  const cols = Object.keys(row);
  ctx.raw.prepare(`INSERT INTO curator_comment (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
  return row as unknown as Row;
}
