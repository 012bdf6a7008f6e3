/**
 * The school's view of what its municipality sent down: its classification, the roadmap activities the
 * school is asked to mark, and the curator's comments. The marks go back up in the school's next bundle.
 */
import type { ServiceContext } from '../core/context.js';
import type { CallParsed, FromMunicipality } from '../../../preload/contract/index.js';
import { listMunicipalActivities, schoolClassification, curatorComments, markMunicipalActivity } from '../exchange/municipal.js';
import { getMeta } from '../core/clock.js';
import { getRole } from '../core/school-profile.js';
import { AppError } from '../core/errors.js';
import { rule, flag, dayOf } from '../../../db/rules.js';
import { activityStatus, codeOf } from '../../../common/labels.js';

/** A school's workspace only: the contract declares it so, and dispatch refuses a municipality's. */
export function fromMunicipality(ctx: ServiceContext): FromMunicipality {
  const me = getMeta(ctx.raw, 'owner_id');
  const c = schoolClassification(ctx);
  const activityTitle = ctx.raw.prepare('SELECT number, title FROM activity WHERE id = ?');
  const overdue = new Map((ctx.raw.prepare(`SELECT a.id, ${flag(rule.municipalActivityOverdue('a', 'm'))} AS overdue FROM municipal_activity a
    LEFT JOIN municipal_activity_mark m ON m.activity_id = a.id AND m.owner = @me AND m.deleted_at IS NULL
    WHERE a.deleted_at IS NULL`).all({ me, day: dayOf(ctx.now()) }) as { id: string; overdue: number }[]).map((r) => [r.id, r.overdue]));
  return {
    classification: c ? { cluster: c.cluster, quality_group: c.quality_group, partner_group: c.partner_group, curator: c.curator } : null,
    activities: listMunicipalActivities(ctx).map((a) => {
      const mark = a.marks.find((m) => m.school_id === me) ?? null;
      return {
        id: a.id, number: a.number, section: a.section, title: a.title, timing_text: a.timing_text, date_from: a.date_from, date_to: a.date_to, responsible: a.responsible,
        overdue: overdue.get(a.id) ?? 0,
        mark: mark ? { status: codeOf(activityStatus, mark.status, 'planned'), completion_mark: mark.completion_mark, completed_on: mark.completed_on } : null,
        comments: a.comments.filter((x) => x.school_id === me).map(({ id, text, author, written_on }) => ({ id, text, author, written_on })),
      };
    }),
    comments: curatorComments(ctx)
      .filter((x) => x.target_table === 'activity')
      .map((x) => {
        const act = activityTitle.get(x.target_id) as { number: string; title: string } | undefined;
        return { id: x.id, text: x.text, author: x.author, written_on: x.written_on, activity_id: x.target_id, activity_number: act?.number ?? null, activity_title: act?.title ?? null };
      }),
  };
}

export function markFromMunicipality(ctx: ServiceContext, input: CallParsed<'fromMunicipality.mark'>): { id: string } {
  return { id: markMunicipalActivity(ctx, input) };
}
