/**
 * The municipality's synced tables, and the one table a school writes about them (its completion marks).
 * Parents before children. The roster itself (municipality_school) is not synced: it holds keys and is the
 * municipality's alone.
 */
import { activityStatus, roadmapActivityStatus } from '../../common/labels.js';
import { f } from './fields.js';
import { table, type TableSpec } from './types.js';
import type { Field } from './fields.js';

const mun = <const N extends string, const F extends Record<string, Field>>(e: Omit<TableSpec<N, F>, 'side'>) =>
  table<N, F>({ side: 'municipality', ...e });

/** What a curator's comment may be about. */
export const COMMENT_TARGETS = ['school', 'activity', 'municipal_activity'] as const;
export const COORDINATION_ROLES = ['head', 'deputy', 'secretary', 'member'] as const;

export const MUNICIPALITY_TABLES = [
  mun({
    name: 'partner_group', title: 'Партнёрская группа', travel: 'stays',
    fields: { number: f.int('Номер группы', 1, 999), title: f.opt('Название', 300), territory: f.opt('Территория', 300), note: f.opt('Примечание', 2000) },
  }),
  mun({
    name: 'curator', title: 'Куратор', travel: 'stays',
    fields: {
      // A curator may be an organisation or a school («школа-куратор») with no person named.
      full_name: f.opt('ФИО куратора', 200), position: f.opt('Должность', 300), organisation: f.opt('Организация', 500),
      phone: f.opt('Телефон', 100), email: f.opt('Эл. почта', 200), note: f.opt('Примечание', 2000),
    },
    checks: [{ test: (v) => !!String(v.full_name ?? '').trim() || !!String(v.organisation ?? '').trim(), message: 'Укажите ФИО куратора или организацию (школу-куратора)', path: 'full_name' }],
  }),
  mun({
    name: 'coordination_member', title: 'Член координационной группы', travel: 'stays',
    fields: {
      position_no: f.position('Порядковый номер'), full_name: f.req('ФИО', 200), position: f.opt('Должность', 300),
      organisation: f.opt('Организация', 500), role: f.vocab('Роль', COORDINATION_ROLES, 'member'),
    },
  }),
  mun({
    name: 'roadmap', title: 'Дорожная карта', travel: 'stays',
    fields: {
      title: f.req('Название дорожной карты', 1000), year_from: f.int('Год начала', 2000, 2100), year_to: f.int('Год окончания', 2000, 2100),
      approval_number: f.opt('Номер приказа', 100), approval_date: f.optDate('Дата приказа'), goals: f.opt('Цели'), tasks: f.opt('Задачи'),
    },
    checks: [{ test: (v) => Number(v.year_to) >= Number(v.year_from), message: 'Год окончания раньше года начала', path: 'year_to' }],
  }),
  mun({
    // Travels down to schools, where no roadmap row exists: roadmap_id is an id, not a reference there.
    name: 'municipal_activity', title: 'Мероприятие дорожной карты', travel: 'down',
    audience: { all: 'all_schools', links: ['municipal_activity_school', 'activity_id'] },
    fields: {
      number: f.opt('№', 20), section: f.opt('Раздел', 500), title: f.req('Мероприятие', 2000), timing_text: f.opt('Сроки', 300),
      date_from: f.optDate('Начало'), date_to: f.optDate('Окончание'), responsible: f.opt('Ответственные', 1000),
      roadmap_id: f.optUuid('Дорожная карта'), status: f.vocab('Статус', roadmapActivityStatus, 'planned', { codesSince: { partly: 92 } }),
      // A sub-row of a numbered row (seed 002: the three lines under «8.»): printed under it, with no number of its own.
      parent_id: f.optUuid('Подпункт мероприятия', { since: 92 }),
      completion_mark: f.opt('Отметка о выполнении'), completed_on: f.optDate('Дата выполнения'), all_schools: f.flag('Для всех школ', 1),
    },
    children: [['municipal_activity_school', 'activity_id']],
  }),
  mun({
    name: 'municipal_activity_school', title: 'Школа мероприятия дорожной карты', travel: 'stays',
    fields: { activity_id: f.ref('municipal_activity', 'Мероприятие дорожной карты'), school_id: f.uuid('Школа') },
  }),
  mun({
    name: 'school_classification', title: 'Классификация школы', travel: 'down', perSchool: 'school_id',
    fields: {
      school_id: f.uuid('Школа'), cluster: f.opt('Кластер', 200), quality_group: f.opt('Группа качества', 200),
      partner_group: f.opt('Партнёрская группа', 200), curator: f.opt('Куратор', 300),
    },
  }),
  mun({
    name: 'curator_comment', title: 'Комментарий куратора', travel: 'down', perSchool: 'school_id',
    fields: {
      school_id: f.uuid('Школа'), target_table: f.vocab('К чему относится', COMMENT_TARGETS, 'activity'), target_id: f.uuid('Запись'),
      text: f.req('Комментарий', 10000), author: f.opt('Автор', 300), written_on: f.date('Дата'),
    },
  }),
  table({
    // Written by the school, one per municipal activity, so two computers of one school edit the same record.
    name: 'municipal_activity_mark', title: 'Отметка школы о выполнении', side: 'school', travel: 'up',
    derivedId: { prefix: 'opora-mark', columns: ['activity_id'] },
    markOf: ['activity_id', 'municipal_activity'],
    fields: {
      activity_id: f.uuid('Мероприятие дорожной карты'), status: f.vocab('Статус', activityStatus, 'planned'),
      completion_mark: f.opt('Отметка о выполнении'), completed_on: f.optDate('Дата выполнения'),
    },
  }),
] as const;
