/**
 * The school's side of the municipality's own work: the events it was invited to (with their agenda and the
 * conclusions that concern it) and the assignments addressed to it, each with the school's mark. What the
 * school shows is the registry's audience over what it received (shownAtSchoolSql), so a conclusion or an
 * assignment it was taken off disappears here too. The marks travel up in the next bundle.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import type { SchoolFromMunicipalityWork, SchoolAssignment, SchoolEvent, SchoolGroup, assignmentMarkInput } from '../../../preload/contract/meetings.js';
import { fullName } from '../../../common/person-name.js';
import { getMeta } from '../core/clock.js';
import { getRole } from '../core/school-profile.js';
import { AppError, notFound } from '../core/errors.js';
import { writeRow } from '../core/writer.js';
import { expectedId } from '../exchange/ids.js';
import { tableSpec } from '../../../db/registry/index.js';
import { shownAtSchoolSql } from '../exchange/audience.js';
import { rule, flag, dayOf } from '../../../db/rules.js';
import { ASSIGNMENT_MARK, PARTICIPATION } from '../../../db/registry/meetings.js';

function requireSchool(ctx: ServiceContext): string {
  if (getRole(ctx) !== 'school') throw new AppError('not_school', 'Поручения управления образования отмечает школа.');
  return getMeta(ctx.raw, 'owner_id')!;
}

export function municipalWork(ctx: ServiceContext): SchoolFromMunicipalityWork {
  const me = requireSchool(ctx);
  const day = dayOf(ctx.now());
  const events = ctx.raw.prepare(`SELECT e.id, e.kind, e.level, e.format, e.date_from, e.date_to, e.topic, e.place, e.organiser, p.status, p.note
    FROM mun_event e JOIN mun_event_school p ON p.event_id = e.id AND p.school_id = @school AND p.deleted_at IS NULL
    WHERE ${shownAtSchoolSql('mun_event', 'e')} ORDER BY e.date_from DESC`).all({ school: me }) as (Omit<SchoolEvent, 'agenda' | 'conclusions'>)[];
  const agenda = ctx.raw.prepare(`SELECT t.title, t.speaker FROM mun_agenda_item t WHERE t.event_id = @event AND ${shownAtSchoolSql('mun_agenda_item', 't')} ORDER BY t.position_no`);
  const conclusions = ctx.raw.prepare(`SELECT t.position_no, t.text, t.factors FROM mun_conclusion t WHERE t.event_id = @event AND ${shownAtSchoolSql('mun_conclusion', 't')} ORDER BY t.position_no`);
  const proposals = ctx.raw.prepare(`SELECT t.position_no, t.text, t.addressee, t.addressee_text FROM mun_proposal t WHERE t.event_id = @event AND ${shownAtSchoolSql('mun_proposal', 't')} ORDER BY t.position_no`);
  // In the order the department numbered them: a meeting's assignments by their №, the latest meeting first.
  const assignments = ctx.raw.prepare(`SELECT a.id, a.position_no, a.text, a.responsible, a.due_on, a.event_id, e.kind AS event_kind, e.date_from AS event_date, e.topic AS event_topic,
      m.status, m.done_on, m.note, ${flag(rule.assignmentOverdue('a', 'm'))} AS overdue
    FROM mun_assignment a
    LEFT JOIN mun_event e ON e.id = a.event_id AND e.deleted_at IS NULL
    LEFT JOIN mun_assignment_mark m ON m.assignment_id = a.id AND m.owner = @school AND m.deleted_at IS NULL
    WHERE ${shownAtSchoolSql('mun_assignment', 'a')} ORDER BY e.date_from IS NULL, e.date_from DESC, a.event_id, a.position_no, a.created_at`).all({ school: me, day }) as Record<string, unknown>[];
  const groups = ctx.raw.prepare(`SELECT g.id, g.kind, g.title, g.date_from, g.date_to FROM mun_group g WHERE ${shownAtSchoolSql('mun_group', 'g')} ORDER BY g.title`).all({ school: me }) as Omit<SchoolGroup, 'members'>[];
  const members = ctx.raw.prepare(`SELECT surname, first_name, patronymic, position, role_note, leader FROM mun_group_member
    WHERE group_id = ? AND school_id = ? AND deleted_at IS NULL ORDER BY leader DESC, position_no, surname`);
  return {
    events: events.map((e) => ({
      ...e, status: e.status in PARTICIPATION ? e.status : 'invited',
      agenda: agenda.all({ event: e.id, school: me }) as SchoolEvent['agenda'],
      conclusions: conclusions.all({ event: e.id, school: me }) as SchoolEvent['conclusions'],
      proposals: proposals.all({ event: e.id, school: me }) as SchoolEvent['proposals'],
    })),
    groups: groups.map((g) => ({
      ...g,
      members: (members.all(g.id, me) as { surname: string; first_name: string; patronymic: string; position: string; role_note: string; leader: number }[])
        .map((m) => ({ name: fullName({ surname: m.surname, name: m.first_name, patronymic: m.patronymic }), position: m.position, role_note: m.role_note, leader: m.leader })),
    })),
    assignments: assignments.map((a): SchoolAssignment => ({
      id: String(a.id), position_no: Number(a.position_no), text: String(a.text), responsible: String(a.responsible), due_on: (a.due_on as string | null) ?? null, overdue: Number(a.overdue),
      event: a.event_id && a.event_topic ? { id: String(a.event_id), kind: String(a.event_kind), date_from: String(a.event_date), topic: String(a.event_topic) } : null,
      mark: a.status && String(a.status) in ASSIGNMENT_MARK
        ? { status: a.status as keyof typeof ASSIGNMENT_MARK, done_on: (a.done_on as string | null) ?? null, note: String(a.note ?? '') }
        : null,
    })),
  };
}

/** The school's mark on an assignment: one record per assignment (derived id), travels up in the next bundle. */
export function markAssignment(ctx: ServiceContext, input: z.output<typeof assignmentMarkInput>): { id: string } {
  const me = requireSchool(ctx);
  const shown = ctx.raw.prepare(`SELECT 1 FROM mun_assignment a WHERE a.id = @id AND ${shownAtSchoolSql('mun_assignment', 'a')}`).get({ id: input.assignmentId, school: me });
  if (!shown) throw notFound('Поручение управления образования');
  return {
    id: writeRow(ctx, 'mun_assignment_mark', { assignment_id: input.assignmentId, status: input.status, done_on: input.done_on, note: input.note },
      { id: expectedId(tableSpec('mun_assignment_mark').derivedId, me, () => input.assignmentId)!, upsert: true }).id,
  };
}
