/**
 * Assignments (поручения) of the municipality: what each party must do by when. One addressed to schools goes
 * down to them (the registry's audience: all schools, or the schools linked to it) and each school marks it;
 * the marks come back up. «Which school must do which assignment, and is it overdue» is one query
 * (assignmentPairs), read by the assignment's card, the event's card and the municipal summary alike.
 */
import { schoolShortName } from '../../../common/school-name.js';
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { removeWithBin } from '../core/recycle-bin.js';
import type { RemoveResult } from '../../../preload/contract/index.js';
import type { AssignmentView, AssignmentMarkView, AssignmentMarkCode, assignmentSaveInput, memberMarkInput } from '../../../preload/contract/meetings.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRow, writeRow } from '../core/writer.js';
import { AppError, notFound } from '../core/errors.js';
import { schoolLinks, syncSchoolLinks } from '../core/children.js';
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
  JOIN municipality_school s ON (a.all_schools = 1 OR EXISTS (SELECT 1 FROM mun_assignment_school l WHERE l.assignment_id = a.id AND l.school_id = s.id AND l.deleted_at IS NULL))
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
      JOIN municipality_school s ON (a.all_schools = 1 OR EXISTS (SELECT 1 FROM municipal_activity_school l WHERE l.activity_id = a.id AND l.school_id = s.id AND l.deleted_at IS NULL))
      LEFT JOIN municipal_activity_mark m ON m.activity_id = a.id AND m.owner = s.id AND m.deleted_at IS NULL
      WHERE a.deleted_at IS NULL AND a.status <> 'cancelled'
    ) GROUP BY school_id`).all({ day }) as { school_id: string; n: number }[];
  return new Map(rows.map((r) => [r.school_id, Number(r.n)]));
}

/** In the order given: a meeting's assignments by their № (the latest meeting first), never re-sorted by deadline. */
export function listAssignments(ctx: ServiceContext, filter: { eventId?: string; groupId?: string; day?: string } = {}): AssignmentView[] {
  const day = filter.day ?? dayOf(ctx.now());
  const where = [filter.eventId ? 'a.event_id = @event' : '', filter.groupId ? 'a.group_id = @group' : ''].filter(Boolean);
  const rows = ctx.raw.prepare(`SELECT a.*, e.topic AS event_topic, g.title AS group_title FROM mun_assignment a
      LEFT JOIN mun_event e ON e.id = a.event_id AND e.deleted_at IS NULL
      LEFT JOIN mun_group g ON g.id = a.group_id AND g.deleted_at IS NULL
    WHERE a.deleted_at IS NULL${where.length ? ' AND ' + where.join(' AND ') : ''}
    ORDER BY e.date_from DESC, a.event_id, a.position_no, a.created_at`).all({ event: filter.eventId, group: filter.groupId }) as Record<string, unknown>[];
  const pairs = ctx.raw.prepare(`${assignmentPairsSql} ORDER BY s.name`).all({ day }) as Pair[];
  const byAssignment = new Map<string, AssignmentMarkView[]>();
  for (const p of pairs) {
    const list = byAssignment.get(p.assignment_id) ?? [];
    list.push({ school_id: p.school_id, school_name: schoolShortName(p.school_name), status: markCode(p.status), done_on: p.done_on, note: p.note, overdue: Number(p.overdue) });
    byAssignment.set(p.assignment_id, list);
  }
  const links = schoolLinks(ctx, 'mun_assignment_school', 'assignment_id');
  const members = membersWithoutSchool(ctx);
  const memberMarks = new Map((ctx.raw.prepare('SELECT assignment_id, member_id, status, done_on, note FROM mun_assignment_member_mark WHERE deleted_at IS NULL').all() as
    { assignment_id: string; member_id: string; status: string; done_on: string | null; note: string }[]).map((m) => [`${m.assignment_id}/${m.member_id}`, m]));
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
      memberMarks: (a.group_id ? members.get(String(a.group_id)) ?? [] : []).map((m) => {
        const mark = memberMarks.get(`${String(a.id)}/${m.id}`);
        return { member_id: m.id, name: m.name, organisation: m.organisation, status: markCode(mark?.status ?? null), done_on: mark?.done_on ?? null, note: mark?.note ?? '' };
      }),
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
    // An assignment to a group reaches the schools whose staff sit in it: they receive it and mark it, as any other.
    const schools = a.all_schools ? [] : [...new Set([...input.school_ids, ...(a.group_id ? groupSchoolIds(ctx, a.group_id) : [])])];
    syncSchoolLinks(ctx, 'mun_assignment_school', 'assignment_id', row.id, schools);
    return row.id;
  })();
  return listAssignments(ctx).find((x) => x.id === id)!;
}

/** The roster schools of a group's members (a member from the methodical centre or elsewhere has none). */
export function groupSchoolIds(ctx: ServiceContext, groupId: string): string[] {
  return ctx.raw.prepare(`SELECT DISTINCT m.school_id FROM mun_group_member m JOIN municipality_school s ON s.id = m.school_id
    WHERE m.group_id = ? AND m.deleted_at IS NULL AND m.school_id IS NOT NULL`).pluck().all(groupId) as string[];
}

/**
 * After a group's members changed: its assignments go to the schools that joined it and leave the schools that
 * no longer have anyone in it (a school named on the assignment itself is kept unless it was there through the group).
 */
export function followGroupMembers(ctx: ServiceContext, groupId: string, before: string[]): void {
  const now = groupSchoolIds(ctx, groupId);
  const left = new Set(before.filter((s) => !now.includes(s)));
  const links = schoolLinks(ctx, 'mun_assignment_school', 'assignment_id');
  const ids = ctx.raw.prepare('SELECT id FROM mun_assignment WHERE group_id = ? AND deleted_at IS NULL AND all_schools = 0').pluck().all(groupId) as string[];
  for (const id of ids) {
    const had = links.get(id) ?? [];
    syncSchoolLinks(ctx, 'mun_assignment_school', 'assignment_id', id, [...new Set([...had.filter((s) => !left.has(s)), ...now])]);
  }
}

/** Each group's members who are not schools of the roster, by group: «Иванова А.П.», organisation. */
function membersWithoutSchool(ctx: ServiceContext): Map<string, { id: string; name: string; organisation: string }[]> {
  const rows = ctx.raw.prepare(`SELECT id, group_id, surname, first_name, patronymic, organisation FROM mun_group_member
    WHERE deleted_at IS NULL AND (school_id IS NULL OR school_id NOT IN (SELECT id FROM municipality_school)) ORDER BY position_no, surname`).all() as Record<string, string>[];
  const out = new Map<string, { id: string; name: string; organisation: string }[]>();
  for (const r of rows) {
    const list = out.get(r.group_id!) ?? [];
    list.push({ id: r.id!, name: [r.surname, [r.first_name, r.patronymic].filter(Boolean).join(' ')].filter(Boolean).join(' '), organisation: r.organisation ?? '' });
    out.set(r.group_id!, list);
  }
  return out;
}

/** The department marks an assignment to a group for a member who is not a school (the methodical centre). */
export function markMember(ctx: ServiceContext, input: z.output<typeof memberMarkInput>): AssignmentView {
  requireMunicipality(ctx);
  const a = liveRow(ctx, 'mun_assignment', input.assignmentId);
  if (!a) throw notFound('Поручение');
  const member = a.group_id ? liveRow(ctx, 'mun_group_member', input.memberId) : undefined;
  if (!member || member.group_id !== a.group_id) throw new AppError('invalid_input', 'Этот человек не входит в группу, которой дано поручение. Обновите экран.');
  if (input.status === 'done' && !input.done_on) throw new AppError('invalid_input', 'Укажите дату выполнения', { done_on: 'Укажите дату выполнения' });
  const existing = ctx.raw.prepare('SELECT id FROM mun_assignment_member_mark WHERE assignment_id = ? AND member_id = ? AND deleted_at IS NULL').pluck().get(a.id, member.id) as string | undefined;
  writeRow(ctx, 'mun_assignment_member_mark', { assignment_id: a.id, member_id: member.id, status: input.status, done_on: input.done_on, note: input.note }, { id: existing });
  return listAssignments(ctx).find((x) => x.id === a.id)!;
}

export function removeAssignment(ctx: ServiceContext, id: string): RemoveResult {
  requireMunicipality(ctx);
  // To the recycle bin with what the registry's cascade takes, so «Отменить» and «Корзина» bring it back.
  return removeWithBin(ctx, [['mun_assignment', id]]);
}
