/**
 * Assignments (поручения) of the municipality: what each party must do by when. One addressed to schools goes
 * down to them (the registry's audience: all schools, or the schools linked to it) and each school marks it;
 * the marks come back up. «Which school must do which assignment, and is it overdue» is one query
 * (assignmentPairs), read by the assignment's card, the event's card and the municipal summary alike.
 */
import { schoolShortName } from '../../../common/school-name.js';
import type { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { removeWithBin } from '../recycle-bin.js';
import type { RemoveResult } from '../../../preload/contract/index.js';
import type { AssignmentView, AssignmentMarkView, AssignmentMarkCode, assignmentSaveInput } from '../../../preload/contract/meetings.js';
import { requireMunicipality } from '../municipality-core.js';
import { liveRow, writeRow } from '../writer.js';
import { notFound } from '../errors.js';
import { schoolLinks, syncSchoolLinks } from '../children.js';
import { rule, flag, dayOf } from '../../../db/rules.js';
import { ASSIGNMENT_MARK } from '../../../db/registry/meetings.js';
import { countMarks } from '../../../common/mark-counts.js';

/**
 * Every (assignment, school) pair the assignment concerns, with the school's mark and whether it is overdue on
 * @day. Over alias a (mun_assignment), s (municipality_school), m (the school's mark).
 */
export const assignmentPairsSql = `SELECT a.id AS assignment_id, s.id AS school_id, COALESCE(NULLIF(s.short_name, ''), s.name) AS school_name,
    m.status, m.done_on, COALESCE(m.note, '') AS note, ${flag(rule.assignmentOverdue('a', 'm'))} AS overdue
  FROM mun_assignment a
  JOIN municipality_school s ON (a.all_schools = 1 OR s.id IN (SELECT l.school_id FROM mun_assignment_school l WHERE l.assignment_id = a.id AND l.deleted_at IS NULL))
  LEFT JOIN mun_assignment_mark m ON m.assignment_id = a.id AND m.owner = s.id AND m.deleted_at IS NULL
  WHERE a.deleted_at IS NULL`;

type Pair = { assignment_id: string; school_id: string; school_name: string; status: string | null; done_on: string | null; note: string; overdue: number };

const markCode = (s: string | null): AssignmentMarkCode | null => (s && s in ASSIGNMENT_MARK ? (s as AssignmentMarkCode) : null);

/**
 * What the municipality asked of each school and the school has not done in time, on the day: its assignments
 * and the roadmap activities addressed to it (all schools, or linked), past their deadline with no «done» mark.
 */
export function municipalOverdueBySchool(ctx: ServiceContext, day: string): Map<string, number> {
  const rows = ctx.raw.prepare(`SELECT school_id, SUM(n) AS n FROM (
      SELECT school_id, overdue AS n FROM (${assignmentPairsSql})
      UNION ALL
      SELECT s.id AS school_id, ${flag(rule.municipalActivityOverdue('a', 'm'))} AS n
      FROM municipal_activity a
      JOIN municipality_school s ON (a.all_schools = 1 OR s.id IN (SELECT l.school_id FROM municipal_activity_school l WHERE l.activity_id = a.id AND l.deleted_at IS NULL))
      LEFT JOIN municipal_activity_mark m ON m.activity_id = a.id AND m.owner = s.id AND m.deleted_at IS NULL
      WHERE a.deleted_at IS NULL AND a.status <> 'cancelled'
    ) GROUP BY school_id`).all({ day }) as { school_id: string; n: number }[];
  return new Map(rows.map((r) => [r.school_id, Number(r.n)]));
}

export function listAssignments(ctx: ServiceContext, filter: { eventId?: string; groupId?: string; day?: string } = {}): AssignmentView[] {
  const day = filter.day ?? dayOf(ctx.now());
  const where = [filter.eventId ? 'a.event_id = @event' : '', filter.groupId ? 'a.group_id = @group' : ''].filter(Boolean);
  const rows = ctx.raw.prepare(`SELECT a.*, e.topic AS event_topic, g.title AS group_title FROM mun_assignment a
      LEFT JOIN mun_event e ON e.id = a.event_id AND e.deleted_at IS NULL
      LEFT JOIN mun_group g ON g.id = a.group_id AND g.deleted_at IS NULL
    WHERE a.deleted_at IS NULL${where.length ? ' AND ' + where.join(' AND ') : ''}
    ORDER BY a.due_on IS NULL, a.due_on, a.position_no, a.created_at`).all({ event: filter.eventId, group: filter.groupId }) as Record<string, unknown>[];
  const pairs = ctx.raw.prepare(`${assignmentPairsSql} ORDER BY s.name`).all({ day }) as Pair[];
  const byAssignment = new Map<string, AssignmentMarkView[]>();
  for (const p of pairs) {
    const list = byAssignment.get(p.assignment_id) ?? [];
    list.push({ school_id: p.school_id, school_name: schoolShortName(p.school_name), status: markCode(p.status), done_on: p.done_on, note: p.note, overdue: Number(p.overdue) });
    byAssignment.set(p.assignment_id, list);
  }
  const links = schoolLinks(ctx, 'mun_assignment_school', 'assignment_id');
  return rows.map((a) => {
    const marks = byAssignment.get(String(a.id)) ?? [];
    return {
      id: String(a.id), event_id: (a.event_id as string | null) ?? null, proposal_id: (a.proposal_id as string | null) ?? null,
      group_id: (a.group_id as string | null) ?? null, document_id: (a.document_id as string | null) ?? null,
      position_no: Number(a.position_no), text: String(a.text), responsible: String(a.responsible), due_on: (a.due_on as string | null) ?? null,
      all_schools: Number(a.all_schools), school_ids: links.get(String(a.id)) ?? [],
      event_topic: (a.event_topic as string | null) ?? null, group_title: (a.group_title as string | null) ?? null,
      marks, overdue: marks.filter((m) => m.overdue).length, done: marks.filter((m) => m.status === 'done').length, concerned: marks.length,
      markCounts: countMarks(marks.map((m) => m.status)),
    };
  });
}

export function saveAssignment(ctx: ServiceContext, input: z.output<typeof assignmentSaveInput>): AssignmentView {
  requireMunicipality(ctx);
  const id = ctx.raw.transaction(() => {
    const a = input.assignment;
    for (const [col, table, what] of [['event_id', 'mun_event', 'Мероприятие'], ['group_id', 'mun_group', 'Группа'], ['proposal_id', 'mun_proposal', 'Предложение'], ['document_id', 'mun_document', 'Документ']] as const) {
      const v = a[col];
      if (v && !liveRow(ctx, table, v)) throw notFound(what);
    }
    const row = writeRow(ctx, 'mun_assignment', a);
    syncSchoolLinks(ctx, 'mun_assignment_school', 'assignment_id', row.id, a.all_schools ? [] : input.school_ids);
    return row.id;
  })();
  return listAssignments(ctx).find((x) => x.id === id)!;
}

export function removeAssignment(ctx: ServiceContext, id: string): RemoveResult {
  requireMunicipality(ctx);
  // To the recycle bin with what the registry's cascade takes, so «Отменить» and «Корзина» bring it back.
  return removeWithBin(ctx, [['mun_assignment', id]]);
}
