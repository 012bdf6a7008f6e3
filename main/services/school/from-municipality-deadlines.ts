/**
 * The department's deadlines that fall in a month for this school: the roadmap activities and the assignments
 * it received, not yet finished. The home page counts them so that work from the department is not found only
 * by opening «От управления образования».
 */
import type { ServiceContext } from '../core/context.js';
import { getMeta } from '../core/clock.js';
import { shownAtSchoolSql } from '../exchange/audience.js';
import { rule } from '../../../db/rules.js';

export function municipalDeadlines(ctx: ServiceContext, month: { from: string; to: string }): { activities: number; assignments: number } {
  const school = getMeta(ctx.raw, 'owner_id');
  if (!school) return { activities: 0, assignments: 0 };
  const params = { school, ...month };
  const activities = ctx.raw.prepare(`SELECT COUNT(*) FROM municipal_activity a
    LEFT JOIN municipal_activity_mark m ON m.activity_id = a.id AND m.owner = @school AND m.deleted_at IS NULL
    WHERE ${shownAtSchoolSql('municipal_activity', 'a')} AND ${rule.municipalActivityDueIn('a', 'm')}`).pluck().get(params) as number;
  const assignments = ctx.raw.prepare(`SELECT COUNT(*) FROM mun_assignment a
    LEFT JOIN mun_assignment_mark m ON m.assignment_id = a.id AND m.owner = @school AND m.deleted_at IS NULL
    WHERE ${shownAtSchoolSql('mun_assignment', 'a')} AND ${rule.assignmentDueIn('a', 'm')}`).pluck().get(params) as number;
  return { activities, assignments };
}
