/**
 * Inputs and outputs of the municipality's own work (issue 10): the event journal, groups, assignments and the
 * document register, and the school's side of what came down (assignments it marks). The fields and their
 * Russian messages come from the table registry (db/registry/meetings.ts); a record saved with its children
 * (a meeting with its agenda and conclusions, a group with its members) is one input, saved in one transaction.
 */
import { z } from 'zod';
import { id, optText, optDate } from './fields.js';
import { formSchema, type FormShape } from './from-registry.js';
import { MEETING_TABLES, MEETING_SECTIONS, PARTICIPATION, ASSIGNMENT_MARK, type GROUP_KINDS, type DOCUMENT_KINDS, type PROPOSAL_ADDRESSEES } from '../../db/registry/meetings.js';
import type { TableSpec } from '../../db/registry/index.js';
import type { Row } from './types.js';
import type { MarkCounts } from '../../common/mark-counts.js';

type Spec = (typeof MEETING_TABLES)[number];
type SpecOf<N extends Spec['name']> = Extract<Spec, { name: N }>;
const spec = <N extends Spec['name']>(name: N) => MEETING_TABLES.find((t) => t.name === name) as SpecOf<N>;

/** A child's form without the column that points at its parent: the parent's save sets it. */
function childSchema<N extends Spec['name'], K extends keyof SpecOf<N>['fields'] & string>(name: N, parentColumn: K): z.ZodObject<FormShape<Omit<SpecOf<N>['fields'], K>>> {
  const s = spec(name) as unknown as TableSpec;
  const { [parentColumn]: _omit, ...fields } = s.fields;
  // The shape's type is the registry's minus one key; formSchema cannot see that through the spread.
  return formSchema({ ...s, fields }) as never;
}

const schoolIds = z.array(id).max(2000).default([]);

export const eventSaveInput = z.strictObject({
  event: formSchema(spec('mun_event')),
  schools: z.array(z.strictObject({
    school_id: id,
    status: z.enum(Object.keys(PARTICIPATION) as [keyof typeof PARTICIPATION], { message: 'Выберите, участвовала ли школа' }).default('invited'),
    note: optText('Примечание', 1000),
  })).max(2000).default([]),
  persons: z.array(childSchema('mun_event_person', 'event_id')).max(500).default([]),
  agenda: z.array(childSchema('mun_agenda_item', 'event_id')).max(200).default([]),
  conclusions: z.array(z.strictObject({ item: childSchema('mun_conclusion', 'event_id'), school_ids: schoolIds })).max(200).default([]),
  proposals: z.array(z.strictObject({ item: childSchema('mun_proposal', 'event_id'), school_ids: schoolIds })).max(200).default([]),
}).refine((v) => new Set(v.schools.map((s) => s.school_id)).size === v.schools.length, { message: 'Школа указана в списке участников дважды', path: ['schools'] });

export const eventListInput = z.strictObject({
  search: z.string().max(200).default(''),
  kind: z.string().max(40).nullable().default(null),
  from: z.string().max(10).nullable().default(null),
  to: z.string().max(10).nullable().default(null),
});

export const groupSaveInput = z.strictObject({
  group: formSchema(spec('mun_group')),
  members: z.array(childSchema('mun_group_member', 'group_id')).max(500).default([]),
}).refine((v) => v.members.filter((m) => m.leader).length <= 1, { message: 'Руководитель группы может быть только один', path: ['members'] });

export const assignmentSaveInput = z.strictObject({
  assignment: formSchema(spec('mun_assignment')),
  school_ids: schoolIds,
}).refine((v) => v.assignment.all_schools === 1 || v.school_ids.length > 0 || !!v.assignment.group_id || !!v.assignment.responsible,
  { message: 'Укажите, кому адресовано поручение: всем школам, отдельным школам, группе или ответственному', path: ['school_ids'] });

export const documentSaveInput = z.strictObject({
  document: formSchema(spec('mun_document')),
  sections: z.array(z.enum(Object.keys(MEETING_SECTIONS) as [keyof typeof MEETING_SECTIONS])).max(10).nullable().default(null),
});

export const documentPrintInput = z.strictObject({
  id,
  /** Print again from today's data (a new snapshot) instead of the document as it was registered. */
  refresh: z.boolean().default(false),
});

export const assignmentMarkInput = z.strictObject({
  assignmentId: id,
  status: z.enum(Object.keys(ASSIGNMENT_MARK) as [keyof typeof ASSIGNMENT_MARK], { message: 'Выберите, выполнено ли поручение' }),
  done_on: optDate('Дата'),
  note: optText('Примечание', 5000),
}).refine((v) => v.status !== 'done' || !!v.done_on, { message: 'Укажите дату выполнения', path: ['done_on'] })
  .refine((v) => v.status !== 'not_done' || v.note.length > 0, { message: 'Напишите, почему поручение не выполнено', path: ['note'] });

/** The department's mark for a group member who is not a school (the methodical centre). */
export const memberMarkInput = z.strictObject({
  assignmentId: id,
  memberId: id,
  status: z.enum(Object.keys(ASSIGNMENT_MARK) as [keyof typeof ASSIGNMENT_MARK], { message: 'Выберите, выполнено ли поручение' }),
  done_on: z.string().nullable().default(null).refine((s) => s === null || /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'В поле «Дата» не дата — введите её как ДД.ММ.ГГГГ' }),
  note: optText('Примечание', 5000),
});

// ───── outputs ─────

export type ParticipationCode = keyof typeof PARTICIPATION;
export type AssignmentMarkCode = keyof typeof ASSIGNMENT_MARK;
export type GroupKind = keyof typeof GROUP_KINDS;
export type DocumentKindCode = keyof typeof DOCUMENT_KINDS;
export type ProposalAddressee = keyof typeof PROPOSAL_ADDRESSEES;

export interface EventListRow {
  id: string; kind: string; level: string; format: string; date_from: string; date_to: string | null; topic: string; organiser: string;
  organiser_body: string; invited: number; present: number; absent: number; conclusions: number; assignments: number; overdue: number;
  /** Files attached to the meeting (protocol, presentation …). */
  files: number;
}

export interface AssignmentMarkView { school_id: string; school_name: string; status: AssignmentMarkCode | null; done_on: string | null; note: string; overdue: number }

export interface AssignmentView {
  id: string; event_id: string | null; proposal_id: string | null; group_id: string | null; document_id: string | null;
  position_no: number; text: string; responsible: string; due_on: string | null; all_schools: number; school_ids: string[];
  event_topic: string | null; group_title: string | null;
  /** One line per school the assignment concerns, with its mark (or none yet) and whether it is overdue. */
  marks: AssignmentMarkView[];
  overdue: number; done: number; concerned: number;
  /** The schools it concerns by their mark: done, in progress, not done, no mark yet. */
  markCounts: MarkCounts;
  /** An assignment to a group: its members who are not schools, marked at the department. */
  memberMarks: { member_id: string; name: string; organisation: string; status: AssignmentMarkCode | null; done_on: string | null; note: string }[];
}

export interface GroupView {
  id: string; kind: GroupKind; title: string; event_id: string | null; document_id: string | null; date_from: string | null; date_to: string | null; note: string;
  members: (Row & { surname: string; first_name: string; patronymic: string; position: string; organisation: string; school_id: string | null; role_note: string; leader: number; position_no: number })[];
  event_topic: string | null;
}

export interface EventCard {
  event: Row;
  schools: { id: string; school_id: string; name: string; status: ParticipationCode; note: string }[];
  persons: Row[];
  agenda: Row[];
  conclusions: { item: Row; school_ids: string[] }[];
  proposals: { item: Row; school_ids: string[] }[];
  groups: GroupView[];
  assignments: AssignmentView[];
  documents: { id: string; kind: DocumentKindCode; number: string; doc_date: string | null; title: string }[];
}

export interface DocumentListRow {
  id: string; kind: DocumentKindCode; issuer: string; number: string; doc_date: string | null; title: string;
  event_id: string | null; event_topic: string | null; roadmap_id: string | null; approves_id: string | null; printed_at: string | null;
}

export interface DocumentCard { document: Row; sections: (keyof typeof MEETING_SECTIONS)[] }
/** A new document's fields before it is saved (no id yet). */
export interface DocumentBlank { document: Record<string, string | number | null>; sections: (keyof typeof MEETING_SECTIONS)[] }

/** The school's side: an assignment sent down to it, with the meeting's conclusions that concern it. */
export interface SchoolAssignment {
  id: string; position_no: number; text: string; responsible: string; due_on: string | null; overdue: number;
  event: { id: string; kind: string; date_from: string; topic: string } | null;
  mark: { status: AssignmentMarkCode; done_on: string | null; note: string } | null;
}
export interface SchoolEvent {
  id: string; kind: string; level: string; format: string; date_from: string; date_to: string | null; topic: string; place: string; organiser: string;
  status: ParticipationCode; note: string;
  agenda: { title: string; speaker: string }[];
  conclusions: { position_no: number; text: string; factors: string }[];
  /** Proposals addressed to every school or to this one by name. */
  proposals: { position_no: number; text: string; addressee: string; addressee_text: string }[];
}
/** A group the school has members in, with those members only (the others stay at the department). */
export interface SchoolGroup {
  id: string; kind: string; title: string; date_from: string | null; date_to: string | null;
  members: { name: string; position: string; role_note: string; leader: number }[];
}
export interface SchoolFromMunicipalityWork { events: SchoolEvent[]; assignments: SchoolAssignment[]; groups: SchoolGroup[] }
