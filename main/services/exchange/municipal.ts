/**
 * What travels down and the marks that come back up: municipal roadmap activities, a school's classification
 * and the curator's comments (owned by the municipality), and the school's completion marks on municipal
 * activities (owned by the school, one record per activity with an id derived from both, so two computers
 * of one school marking the same activity edit the same record and a conflict shows instead of a duplicate).
 */
import { schoolShortName } from '../../../common/school-name.js';
import { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { getMeta } from '../core/clock.js';
import { getRole } from '../core/school-profile.js';
import { writeRow } from '../core/writer.js';
import { requireMunicipality, getSchool } from '../core/municipality-profile.js';
import { activityStatus } from '../../../common/labels.js';
import { isRealDate } from '../../../common/format.js';
import { UUID_RE } from './container.js';
import { markId } from './ids.js';
import { dayOf } from '../../../db/rules.js';
import { displayFingerprint } from '../core/crypto.js';

const optDate = z.string().refine(isRealDate, { message: 'Неверная дата' }).nullable().default(null);

export const classificationInput = z.object({
  cluster: z.string().trim().max(200).default(''),
  quality_group: z.string().trim().max(200).default(''),
  partner_group: z.string().trim().max(200).default(''),
  curator: z.string().trim().max(300).default(''),
});

export const markInput = z.object({
  activityId: z.string().regex(UUID_RE),
  status: z.enum(activityStatus.codes).default('planned'),
  completion_mark: z.string().trim().max(10000).default(''),
  completed_on: optDate,
});


/** Municipality: the classification of one school (one record per school, id = the school's id). */
export function setSchoolClassification(ctx: ServiceContext, schoolId: string, input: z.input<typeof classificationInput>): void {
  requireMunicipality(ctx);
  if (!getSchool(ctx, schoolId)) throw notFound('Школа');
  const fields = classificationInput.parse(input);
  writeRow(ctx, 'school_classification', { ...fields, school_id: schoolId }, { id: schoolId, upsert: true });
}

/** Municipality: a curator's comment on one of the school's activities. */
export function addCuratorComment(ctx: ServiceContext, input: { schoolId: string; targetId: string; text: string; author?: string; targetTable?: string; writtenOn?: string }): string {
  requireMunicipality(ctx);
  if (!getSchool(ctx, input.schoolId)) throw notFound('Школа');
  const text = input.text.trim();
  if (!text) throw new AppError('invalid_input', 'Напишите текст комментария.');
  return writeRow(ctx, 'curator_comment', {
    school_id: input.schoolId, target_table: input.targetTable ?? 'activity', target_id: input.targetId, text: text.slice(0, 10000),
    author: (input.author ?? '').slice(0, 300), written_on: input.writtenOn ?? dayOf(ctx.now()),
  }).id;
}

export { markId };

/** School: its completion mark on a municipal activity; travels up in the next bundle. */
export function markMunicipalActivity(ctx: ServiceContext, input: z.input<typeof markInput>): string {
  if (getRole(ctx) !== 'school') throw new AppError('not_school', 'Отметки о выполнении муниципальных мероприятий ставит школа.');
  const v = markInput.parse(input);
  if (v.status === 'done' && !v.completion_mark) throw new AppError('invalid_input', 'Для выполненного мероприятия заполните отметку о выполнении.', { completion_mark: 'Заполните отметку' });
  const act = ctx.raw.prepare('SELECT 1 FROM municipal_activity WHERE id = ? AND deleted_at IS NULL').get(v.activityId);
  if (!act) throw notFound('Мероприятие муниципальной дорожной карты');
  const schoolId = getMeta(ctx.raw, 'owner_id')!;
  return writeRow(ctx, 'municipal_activity_mark', {
    activity_id: v.activityId, status: v.status, completion_mark: v.completion_mark, completed_on: v.completed_on,
  }, { id: markId(schoolId, v.activityId), upsert: true }).id;
}

export interface MunicipalActivityView {
  id: string; number: string; section: string; title: string; timing_text: string; date_from: string | null; date_to: string | null; responsible: string;
  /** School side: this school's mark; municipality side: marks of all schools. */
  marks: { school_id: string; status: string; completion_mark: string; completed_on: string | null }[];
  comments: { id: string; school_id: string; text: string; author: string; written_on: string }[];
}

export function listMunicipalActivities(ctx: ServiceContext): MunicipalActivityView[] {
  const acts = ctx.raw.prepare('SELECT id, number, section, title, timing_text, date_from, date_to, responsible FROM municipal_activity WHERE deleted_at IS NULL ORDER BY number, title, id').all() as Omit<MunicipalActivityView, 'marks' | 'comments'>[];
  const marks = ctx.raw.prepare('SELECT owner AS school_id, status, completion_mark, completed_on FROM municipal_activity_mark WHERE activity_id = ? AND deleted_at IS NULL ORDER BY owner');
  const comments = ctx.raw.prepare("SELECT id, school_id, text, author, written_on FROM curator_comment WHERE target_table = 'municipal_activity' AND target_id = ? AND deleted_at IS NULL ORDER BY written_on, id");
  return acts.map((a) => ({ ...a, marks: marks.all(a.id) as MunicipalActivityView['marks'], comments: comments.all(a.id) as MunicipalActivityView['comments'] }));
}

export function schoolClassification(ctx: ServiceContext, schoolId?: string) {
  const id = schoolId ?? getMeta(ctx.raw, 'owner_id');
  return (ctx.raw.prepare('SELECT school_id, cluster, quality_group, partner_group, curator FROM school_classification WHERE school_id = ? AND deleted_at IS NULL').get(id) as
    | { school_id: string; cluster: string; quality_group: string; partner_group: string; curator: string }
    | undefined) ?? null;
}

export function curatorComments(ctx: ServiceContext, schoolId?: string) {
  const id = schoolId ?? getMeta(ctx.raw, 'owner_id');
  return ctx.raw.prepare('SELECT id, target_table, target_id, text, author, written_on FROM curator_comment WHERE school_id = ? AND deleted_at IS NULL ORDER BY written_on, id').all(id) as
    { id: string; target_table: string; target_id: string; text: string; author: string; written_on: string }[];
}

export function rosterView(ctx: ServiceContext) {
  const rows = ctx.raw.prepare(`SELECT s.id, s.name, s.short_name, s.status, s.fingerprint, s.enrolled_at, s.secret_hash IS NOT NULL AS invited_file, s.encrypt_public IS NOT NULL AS has_key,
      (SELECT MAX(first_at) FROM (SELECT MIN(i.at) AS first_at FROM exchange_import i WHERE i.issuer_id = s.id AND i.status = 'accepted' GROUP BY i.sha256)) AS last_import
    FROM municipality_school s ORDER BY s.name, s.id`).all() as { id: string; name: string; short_name: string; status: string; fingerprint: string | null; enrolled_at: string | null; last_import: string | null; invited_file: number; has_key: number }[];
  return rows.map(({ invited_file, has_key, ...r }) => ({
    ...r, label: schoolShortName(r.name, r.short_name), fingerprintDisplay: r.fingerprint ? displayFingerprint(r.fingerprint) : '',
    // What «Все школы» writes for (export.ts buildBundles): a pinned key, or an enrollment file issued and not yet answered.
    receives: (r.status === 'enrolled' && has_key === 1) || (r.status === 'invited' && invited_file === 1),
  }));
}
