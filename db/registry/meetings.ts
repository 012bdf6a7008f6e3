/**
 * The municipality's own work (issue 10): its event journal (совещания, семинары, методические дни …) with
 * participants, agenda, conclusions and proposals; assignments (поручения) that go down to the schools they
 * concern and come back marked; groups of people (рабочая группа, РМО …); and the register of the documents it
 * issues with their requisites. Parents before children.
 *
 * What reaches a school is decided by each table's `audience`, never by a query of its own: an event and its
 * agenda go to the schools on its participant list, a conclusion to every participant or only to the schools
 * it names, an assignment to all schools or to those it names. Rows that travel down refer to rows that stay
 * (a group, a document) by bare id, since those rows never exist at the school.
 */
import { eventFormat, eventKind, eventLevel } from '../../common/labels.js';
import { ORGANISER_BODIES, PARTICIPATION, PROPOSAL_ADDRESSEES, ASSIGNMENT_MARK, GROUP_KINDS, DOCUMENT_KINDS } from '../../common/meeting-labels.js';
import { f, fileFields } from './fields.js';
import { table, type TableSpec } from './types.js';
import type { Field, TextField } from './fields.js';
import { datesInOrder } from '../../common/dates.js';

const mun = <const N extends string, const F extends Record<string, Field>>(e: Omit<TableSpec<N, F>, 'side'>) =>
  table<N, F>({ side: 'municipality', ...e });

export { ORGANISER_BODIES, PARTICIPATION, PROPOSAL_ADDRESSEES, ASSIGNMENT_MARK, GROUP_KINDS, DOCUMENT_KINDS, MEETING_SECTIONS } from '../../common/meeting-labels.js';

const v = <T extends Record<string, string>>(labels: T) => ({ codes: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]], labels });

/** Three columns of a person's name, as documents need them (common/person-name.ts prints them). */
const nameFields = <P extends string, R extends boolean>(prefix: P, label: string, required: R) => ({
  [`${prefix}surname`]: required ? f.req(`${label}: фамилия`, 100) : f.opt(`${label}: фамилия`, 100),
  [`${prefix}first_name`]: f.opt(`${label}: имя или инициал`, 100),
  [`${prefix}patronymic`]: f.opt(`${label}: отчество или инициал`, 100),
}) as { [K in `${P}surname`]: TextField<R> } & { [K in `${P}first_name` | `${P}patronymic`]: TextField<false> };

export const MEETING_TABLES = [
  mun({
    name: 'mun_event', title: 'Мероприятие управления образования', travel: 'down',
    audience: { links: ['mun_event_school', 'event_id'] },
    fields: {
      kind: f.vocab('Вид', eventKind, 'meeting'), level: f.vocab('Уровень', eventLevel, 'municipal'), format: f.vocab('Формат', eventFormat, 'in_person'),
      date_from: f.date('Дата'), date_to: f.optDate('Дата окончания'), organiser_body: f.vocab('Организует', v(ORGANISER_BODIES), 'department'),
      organiser: f.opt('Организатор', 500), topic: f.req('Тема', 2000), place: f.opt('Место проведения', 500), summary: f.opt('Как прошло', 20000),
      roadmap_activity_id: f.optUuid('Мероприятие дорожной карты'),
    },
    checks: [{ test: (r) => datesInOrder(r.date_from, r.date_to), message: 'Дата окончания раньше даты начала', path: 'date_to' }],
    // Its assignments go with it; a group it created and documents about it stay (they outlive the meeting).
    children: [['mun_event_school', 'event_id'], ['mun_event_person', 'event_id'], ['mun_event_attachment', 'event_id'], ['mun_agenda_item', 'event_id'], ['mun_conclusion', 'event_id'], ['mun_proposal', 'event_id'], ['mun_assignment', 'event_id']],
  }),
  mun({
    // Each school's participation goes down to that school alone: it learns it was invited, not who else was.
    name: 'mun_event_school', title: 'Школа — участник мероприятия', travel: 'down', perSchool: 'school_id',
    fields: {
      event_id: f.uuid('Мероприятие'), school_id: f.uuid('Школа'), status: f.vocab('Участие', v(PARTICIPATION), 'invited'), note: f.opt('Примечание', 1000),
    },
  }),
  mun({
    name: 'mun_event_person', title: 'Участник мероприятия', travel: 'stays',
    fields: {
      event_id: f.ref('mun_event', 'Мероприятие'), ...nameFields('', 'Участник', true),
      position: f.opt('Должность', 300), organisation: f.opt('Организация', 500),
    },
  }),
  mun({
    // Files of the meeting (protocol, presentation, photos): the department's own papers, kept at the department.
    name: 'mun_event_attachment', title: 'Файл мероприятия', travel: 'stays',
    files: true,
    fields: fileFields('mun_event', 'Мероприятие'),
  }),
  mun({
    name: 'mun_agenda_item', title: 'Вопрос повестки', travel: 'down',
    audience: { parent: ['event_id', 'mun_event'] },
    fields: { event_id: f.uuid('Мероприятие'), position_no: f.position('№ вопроса'), title: f.req('Вопрос', 2000), speaker: f.opt('Докладчик', 500), note: f.opt('Примечание', 2000) },
  }),
  mun({
    name: 'mun_conclusion', title: 'Вывод', travel: 'down',
    audience: { parent: ['event_id', 'mun_event'], all: 'all_participants', links: ['mun_conclusion_school', 'conclusion_id'] },
    fields: {
      event_id: f.uuid('Мероприятие'), position_no: f.position('№ вывода'), text: f.req('Вывод', 5000),
      factors: f.opt('Факторы риска', 2000), deficits: f.opt('Управленческие и профессиональные дефициты', 2000), all_participants: f.flag('Касается всех участников', 1),
    },
    children: [['mun_conclusion_school', 'conclusion_id']],
  }),
  mun({
    name: 'mun_conclusion_school', title: 'Школа, которой касается вывод', travel: 'down', perSchool: 'school_id',
    fields: { conclusion_id: f.uuid('Вывод'), school_id: f.uuid('Школа') },
  }),
  mun({
    // A working group goes down to the schools it has members from, with those schools' own members only.
    name: 'mun_group', title: 'Группа', travel: 'down',
    audience: { links: ['mun_group_member', 'group_id'] },
    fields: {
      kind: f.vocab('Вид группы', v(GROUP_KINDS), 'working'), title: f.req('Название', 500),
      event_id: f.optUuid('Создана на мероприятии'), document_id: f.optUuid('Создана приказом'),
      date_from: f.optDate('Действует с'), date_to: f.optDate('Действует по'), note: f.opt('Примечание', 2000),
    },
    checks: [{ test: (r) => datesInOrder(r.date_from, r.date_to), message: 'Дата окончания раньше даты начала', path: 'date_to' }],
    children: [['mun_group_member', 'group_id']],
  }),
  mun({
    name: 'mun_group_member', title: 'Член группы', travel: 'down', perSchool: 'school_id',
    fields: {
      group_id: f.ref('mun_group', 'Группа'), position_no: f.position('№'), ...nameFields('', 'Член группы', true),
      position: f.opt('Должность', 300), organisation: f.opt('Организация', 500), school_id: f.optUuid('Школа из реестра'),
      role_note: f.opt('Роль в группе', 500), leader: f.flag('Руководитель группы'),
    },
  }),
  mun({
    // To the participants it is addressed to: «Всем школам» or by name; one to the centre or a person stays.
    name: 'mun_proposal', title: 'Предложение', travel: 'down',
    audience: { parent: ['event_id', 'mun_event'], allWhen: ['addressee', 'all_schools'], links: ['mun_proposal_school', 'proposal_id'] },
    fields: {
      event_id: f.ref('mun_event', 'Мероприятие'), position_no: f.position('№ предложения'), text: f.req('Предложение', 5000),
      addressee: f.vocab('Кому', v(PROPOSAL_ADDRESSEES), 'all_schools'), addressee_text: f.opt('Адресат (кто именно)', 500),
      // The group may be one the school is not in (it never gets that row): the link stays at the department.
      group_id: { ...f.optRef('mun_group', 'Группа'), local: true },
    },
    children: [['mun_proposal_school', 'proposal_id']],
  }),
  mun({
    name: 'mun_proposal_school', title: 'Школа, которой адресовано предложение', travel: 'down', perSchool: 'school_id',
    fields: { proposal_id: f.ref('mun_proposal', 'Предложение'), school_id: f.uuid('Школа') },
  }),
  mun({
    name: 'mun_document', title: 'Документ', travel: 'stays',
    fields: {
      kind: f.vocab('Вид документа', v(DOCUMENT_KINDS), 'spravka'), issuer: f.vocab('Кто издаёт', v(ORGANISER_BODIES), 'department'),
      number: f.opt('Регистрационный номер', 50), doc_date: f.optDate('Дата документа'), place: f.opt('Место составления', 200),
      title: f.req('Заголовок к тексту', 2000), addressees: f.opt('Адресат', 2000),
      ...nameFields('signer_', 'Подписывает', false), signer_position: f.opt('Должность подписывающего', 300),
      ...nameFields('executor_', 'Исполнитель', false), executor_phone: f.opt('Телефон исполнителя', 100),
      reply_number: f.opt('В ответ на № ', 50), reply_date: f.optDate('В ответ на письмо от'),
      attachments: f.opt('Приложения', 5000), agreed: f.opt('Согласовано', 5000),
      event_id: f.optUuid('Мероприятие'), roadmap_id: f.optUuid('Дорожная карта'), approves_id: f.optUuid('Утверждаемый документ'),
      preamble: f.opt('Преамбула («В соответствии с …»)', 5000), points: f.opt('Пункты приказа', 20000), closing: f.opt('Заключение (свободный текст)', 20000),
      // The roadmap справка's period: its dates choose the activities, its words («декабрь – май») are what is printed.
      period_from: f.optDate('Период с'), period_to: f.optDate('Период по'), period_text: f.opt('Период словами', 200),
      sections: f.opt('Разделы', 500, { managed: true }), short: f.flag('Краткая версия'),
      // How a methodologist writes the справка (issue 20): the generated opening may go, the agenda follows her lead-in.
      intro_auto: f.flag('Вступительная фраза о дате и теме', 1), agenda_lead: f.opt('Слова перед повесткой', 500),
      agenda_numbered: f.flag('Повестка нумерованным списком', 1), full_names: f.flag('Члены групп полными именами', 0),
      snapshot: f.managed(f.opt('Напечатанный документ', 5_000_000)), printed_at: f.managed(f.optDate('Напечатан')),
    },
  }),
  mun({
    name: 'mun_assignment', title: 'Поручение', travel: 'down',
    audience: { all: 'all_schools', links: ['mun_assignment_school', 'assignment_id'] },
    fields: {
      event_id: f.optUuid('Мероприятие'), proposal_id: f.optUuid('Предложение'), document_id: f.optUuid('Документ'), group_id: f.optUuid('Группа'),
      position_no: f.position('№ поручения'), text: f.req('Поручение', 5000), responsible: f.opt('Ответственный', 1000),
      due_on: f.optDate('Срок (в срок до)'), all_schools: f.flag('Всем школам', 0),
    },
    children: [['mun_assignment_school', 'assignment_id'], ['mun_assignment_member_mark', 'assignment_id']],
  }),
  mun({
    // A group member who is not a school (the methodical centre): the department marks the assignment for it.
    name: 'mun_assignment_member_mark', title: 'Отметка управления об исполнении членом группы', travel: 'stays',
    fields: {
      assignment_id: f.ref('mun_assignment', 'Поручение'), member_id: f.uuid('Член группы'),
      status: f.vocab('Исполнение', v(ASSIGNMENT_MARK), 'in_progress'), done_on: f.optDate('Дата'), note: f.opt('Примечание', 5000),
    },
  }),
  mun({
    name: 'mun_assignment_school', title: 'Школа, которой адресовано поручение', travel: 'down', perSchool: 'school_id',
    fields: { assignment_id: f.uuid('Поручение'), school_id: f.uuid('Школа') },
  }),
  table({
    // The school's word on an assignment: one record per assignment, so two computers of one school edit the same one.
    name: 'mun_assignment_mark', title: 'Отметка школы о поручении', side: 'school', travel: 'up',
    derivedId: { prefix: 'opora-assignment-mark', columns: ['assignment_id'] },
    markOf: ['assignment_id', 'mun_assignment'],
    fields: {
      assignment_id: f.uuid('Поручение'), status: f.vocab('Исполнение', v(ASSIGNMENT_MARK), 'in_progress'),
      done_on: f.optDate('Дата'), note: f.opt('Примечание', 5000),
    },
  }),
] as const;
