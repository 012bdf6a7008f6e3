/** The school's front page: what is overdue, what is due, who lacks a mentor, the risk group at a glance. */
import { sql } from 'kysely';
import type { ServiceContext } from './context.js';
import type { SchoolDashboard, Row } from '../../preload/contract/index.js';
import { isoDay } from '../../common/format.js';

export async function schoolDashboard(ctx: ServiceContext, todayInput?: string): Promise<SchoolDashboard> {
  const today = todayInput ?? isoDay(ctx.now());
  const monthEnd = today.slice(0, 8) + '31';
  const db = ctx.db;

  const open = ['planned', 'in_progress'] as const;
  const overdueActivities = await db.selectFrom('activity').selectAll()
    .where('deleted_at', 'is', null).where('status', 'in', open).where('date_to', '<', today)
    .orderBy('date_to').limit(50).execute();
  const dueThisMonth = await db.selectFrom('activity').selectAll()
    .where('deleted_at', 'is', null).where('status', 'in', open)
    .where('date_to', '>=', today).where('date_to', '<=', monthEnd)
    .orderBy('date_to').limit(50).execute();
  const overdueDecisions = await db.selectFrom('decision').innerJoin('event', 'event.id', 'decision.event_id')
    .selectAll('decision').select(['event.title as event_title', 'event.date_from as event_date'])
    .where('decision.deleted_at', 'is', null).where('event.deleted_at', 'is', null)
    .where('decision.done_on', 'is', null).where('decision.deadline', '<', today)
    .orderBy('decision.deadline').limit(50).execute();

  const needing = await db.selectFrom('staff').selectAll('staff')
    .select((eb) => eb.exists(
      eb.selectFrom('mentoring_pair as p').select('p.id')
        .whereRef('p.mentee_id', '=', 'staff.id').where('p.deleted_at', 'is', null).where('p.started_on', '<=', today)
        .where((w) => w.or([w('p.ended_on', 'is', null), w('p.ended_on', '>=', today)])),
    ).as('has_mentor'))
    .where('deleted_at', 'is', null).where('left_on', 'is', null)
    .where((w) => w.or([w('young_specialist', '=', 1), w('newly_arrived', '=', 1)]))
    .orderBy('full_name').execute();
  const withoutMentor = needing.filter((s) => !s.has_mentor);

  const riskByCategory = await sql<{ category: string; count: number }>`
    SELECT j.value AS category, COUNT(*) AS count
    FROM risk_entry r, json_each(r.categories) j
    WHERE r.deleted_at IS NULL AND r.status = 'included'
    GROUP BY j.value ORDER BY count DESC`.execute(db);
  const riskTotal = await db.selectFrom('risk_entry').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null).where('status', '=', 'included').executeTakeFirstOrThrow();

  const recentEvents = await db.selectFrom('event').selectAll()
    .where('deleted_at', 'is', null).where('date_from', '<=', today)
    .orderBy('date_from', 'desc').limit(8).execute();

  const counts = await db.selectFrom('activity')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END)`.as('done'),
      sql<number>`SUM(CASE WHEN status = 'not_done' THEN 1 ELSE 0 END)`.as('notDone'),
      sql<number>`SUM(CASE WHEN status IN ('planned','in_progress') AND date_to < ${today} THEN 1 ELSE 0 END)`.as('overdue'),
    ])
    .where('deleted_at', 'is', null).executeTakeFirstOrThrow();

  return {
    today,
    overdueActivities: overdueActivities as Row[],
    dueThisMonth: dueThisMonth as Row[],
    overdueDecisions: overdueDecisions as Row[],
    mentoring: { needMentor: needing.length, withMentor: needing.length - withoutMentor.length, withoutMentor: withoutMentor as unknown as Row[] },
    riskByCategory: riskByCategory.rows,
    riskTotal: Number(riskTotal.n),
    recentEvents: recentEvents as Row[],
    activityCounts: { total: Number(counts.total), done: Number(counts.done ?? 0), overdue: Number(counts.overdue ?? 0), notDone: Number(counts.notDone ?? 0) },
  };
}
