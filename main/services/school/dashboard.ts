/**
 * The school's front page: what is overdue, what is due, who lacks a mentor, the risk group at a glance.
 * The counts are the school's figures (figures.ts); the lists beside them use the same rules (rules.ts),
 * bound to the day through kyselyRule.
 */
import type { ServiceContext } from '../core/context.js';
import type { SchoolDashboard, Row } from '../../../preload/contract/index.js';
import { schoolFigures } from './figures.js';
import { rule, dayOf } from '../../../db/rules.js';
import { kyselyRule } from '../core/kysely-rule.js';
import { ownerId } from '../core/writer.js';
import { municipalDeadlines } from './from-municipality-deadlines.js';

export async function schoolDashboard(ctx: ServiceContext, todayInput?: string): Promise<SchoolDashboard> {
  const day = todayInput ?? dayOf(ctx.now());
  const monthEnd = day.slice(0, 8) + '31';
  const owner = ownerId(ctx);
  const f = schoolFigures(ctx, owner, { day });
  const db = ctx.db;
  const r = (fragment: string) => kyselyRule(fragment, { day });

  const overdueActivities = await db.selectFrom('activity').selectAll()
    .where('deleted_at', 'is', null).where('owner', '=', owner).where(r(rule.activityOverdue('activity')))
    .orderBy('date_to').limit(50).execute();
  const dueThisMonth = await db.selectFrom('activity').selectAll()
    .where('deleted_at', 'is', null).where('owner', '=', owner).where(r(rule.activityOpen('activity'))).where(r(rule.programmeLive('activity')))
    .where('date_to', '>=', day).where('date_to', '<=', monthEnd)
    .orderBy('date_to').limit(50).execute();
  const overdueDecisions = await db.selectFrom('decision').innerJoin('event', 'event.id', 'decision.event_id')
    .selectAll('decision').select(['event.title as event_title', 'event.date_from as event_date'])
    .where('decision.deleted_at', 'is', null).where('event.deleted_at', 'is', null).where('decision.owner', '=', owner)
    .where(r(rule.decisionOverdue('decision')))
    .orderBy('decision.deadline').limit(50).execute();
  const withoutMentor = await db.selectFrom('staff').selectAll()
    .where('deleted_at', 'is', null).where('owner', '=', owner).where(r(rule.staffNeedsMentor('staff')))
    .orderBy('full_name').execute();
  const recentEvents = await db.selectFrom('event').selectAll()
    .where('deleted_at', 'is', null).where('owner', '=', owner).where('date_from', '<=', day)
    .orderBy('date_from', 'desc').limit(8).execute();

  return {
    today: day,
    overdueActivities: overdueActivities as Row[],
    dueThisMonth: dueThisMonth as Row[],
    overdueDecisions: overdueDecisions as Row[],
    decisionsOverdue: f.decisionsOverdue,
    mentoring: { needMentor: f.mentoring.needMentor, withMentor: f.mentoring.withMentor, withoutMentor: withoutMentor as unknown as Row[] },
    riskByCategory: Object.entries(f.risk.byCategory).map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
    riskTotal: f.risk.total,
    recentEvents: recentEvents as Row[],
    activityCounts: f.activities,
    programmes: (await db.selectFrom('programme').select((e) => e.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).where('owner', '=', owner).executeTakeFirst())?.n ?? 0,
    municipalDueThisMonth: municipalDeadlines(ctx, { from: day.slice(0, 8) + '01', to: monthEnd }),
  };
}
