/**
 * Editable fields of every record kind, as the user fills them in a form. The same schemas validate in
 * the renderer (to show messages next to fields) and in main (because a renderer is never trusted).
 * Bookkeeping columns (owner, origin, hlc, timestamps) are never accepted from outside.
 */
import { z } from 'zod';
import { id, text, optText, date, optDate, flag, optInt, optNumber, oneOf, rangeOk } from './fields.js';
import {
  activityStatus, timingKind, problemKind, indicatorKind, staffCategory, mentoringReason, planStatus,
  riskCategory, riskStatus, eventKind, eventLevel, eventFormat, supportTarget,
} from '../../common/labels.js';

const withId = { id: id.optional() };
const rangeMsg = (path: string) => ({ message: 'Дата окончания раньше даты начала', path: [path] });
/** A reference the user picks from a list: an empty choice says what to pick, not «неверный идентификатор». */
const pick = (message: string) => z.string({ message }).uuid({ message });

export const entitySchemas = {
  school_profile: z.object({
    ...withId,
    name: text('Полное наименование', 500),
    short_name: optText('Краткое наименование', 200),
    municipality: optText('Муниципалитет', 300),
    address: optText('Адрес', 500),
    director: optText('Директор', 200),
    deputy: optText('Заместитель по УВР', 200),
    phone: optText('Телефон', 100),
    email: optText('Эл. почта', 200),
    pupils_count: optInt('Число обучающихся', 0, 10000),
    is_nor: flag.default(0),
    is_nsu: flag.default(0),
  }),
  risk_factor: z.object({
    ...withId,
    title: text('Фактор риска', 500),
    kind: oneOf('Вид', problemKind.codes).default('internal'),
  }),
  programme: z.object({
    ...withId,
    title: text('Название программы', 1000),
    year_from: z.number({ message: 'Укажите год начала' }).int().min(2000, { message: 'Год начала — не раньше 2000' }).max(2100, { message: 'Год начала — не позже 2100' }),
    year_to: z.number({ message: 'Укажите год окончания' }).int().min(2000, { message: 'Год окончания — не раньше 2000' }).max(2100, { message: 'Год окончания — не позже 2100' }),
    approval_number: optText('Номер приказа', 100),
    approval_date: optDate('Дата приказа'),
    goal: optText('Стратегическая цель'),
  }).refine((v) => v.year_to >= v.year_from, { message: 'Год окончания раньше года начала', path: ['year_to'] }),
  programme_task: z.object({ ...withId, programme_id: id, position: z.number().int().min(0).default(0), text: text('Задача', 2000) }),
  programme_problem: z.object({
    ...withId,
    programme_id: id,
    risk_factor_id: id.nullable().default(null),
    kind: oneOf('Вид причины', problemKind.codes).default('internal'),
    description: optText('Описание'),
  }).refine((v) => v.risk_factor_id || v.description, { message: 'Выберите фактор риска из каталога или опишите причину', path: ['description'] }),
  direction: z.object({ ...withId, programme_id: id, position: z.number().int().min(0).default(0), title: text('Направление', 500) }),
  activity: z.object({
    ...withId,
    programme_id: id,
    direction_id: id.nullable().default(null),
    number: optText('№', 20),
    title: text('Мероприятие', 2000),
    timing_kind: oneOf('Вид срока', timingKind.codes),
    timing_text: text('Сроки', 300),
    date_from: optDate('Начало'),
    date_to: optDate('Окончание'),
    responsible: optText('Ответственные', 1000),
    status: oneOf('Статус', activityStatus.codes).default('planned'),
    completion_mark: optText('Отметка о выполнении'),
    completed_on: optDate('Дата выполнения'),
  }).refine((v) => rangeOk(v.date_from, v.date_to), rangeMsg('date_to'))
    .refine((v) => v.status !== 'done' || v.completion_mark.length > 0, {
      message: 'Для выполненного мероприятия заполните отметку о выполнении', path: ['completion_mark'],
    }),
  indicator: z.object({
    ...withId,
    programme_id: id,
    title: text('Показатель', 1000),
    kind: oneOf('Вид показателя', indicatorKind.codes).default('other'),
    unit: optText('Единица', 50),
    higher_is_better: flag.default(1),
  }),
  indicator_value: z.object({
    ...withId,
    indicator_id: id,
    period: text('Период', 100),
    baseline: optNumber('Базовое значение'),
    target: optNumber('Целевое значение'),
    actual: optNumber('Фактическое значение'),
  }),
  local_act: z.object({
    ...withId,
    programme_id: id.nullable().default(null),
    title: text('Название акта', 1000),
    kind: optText('Вид акта', 100),
    adopted_on: optDate('Дата принятия'),
    order_number: optText('Номер приказа', 100),
    note: optText('Примечание'),
  }),
  staff: z.object({
    ...withId,
    full_name: text('ФИО', 300),
    position: optText('Должность', 300),
    subjects: optText('Предметы', 500),
    category: oneOf('Квалификационная категория', staffCategory.codes).default('none'),
    pedagogical_education: flag.default(1),
    education: optText('Образование', 500),
    experience_years: optInt('Педагогический стаж, лет', 0, 70),
    young_specialist: flag.default(0),
    newly_arrived: flag.default(0),
    hired_on: optDate('Дата приёма'),
    left_on: optDate('Дата увольнения'),
  }).refine((v) => rangeOk(v.hired_on, v.left_on), { message: 'Дата увольнения раньше даты приёма', path: ['left_on'] }),
  deficit: z.object({ ...withId, title: text('Дефицит', 500), area: optText('Область', 200) }),
  staff_deficit: z.object({
    ...withId,
    staff_id: pick('Выберите педагога'),
    deficit_id: pick('Выберите дефицит из каталога'),
    identified_on: optDate('Дата выявления'),
    method: optText('Как выявлен', 500),
    note: optText('Примечание'),
    resolved_on: optDate('Дата устранения'),
  }).refine((v) => rangeOk(v.identified_on, v.resolved_on), { message: 'Дата устранения раньше даты выявления', path: ['resolved_on'] }),
  mentoring_pair: z.object({
    ...withId,
    mentor_id: pick('Выберите наставника'),
    mentee_id: pick('Выберите наставляемого'),
    reason: oneOf('Основание', mentoringReason.codes),
    subject: optText('Предмет', 300),
    started_on: date('Начало'),
    ended_on: optDate('Окончание'),
    plan: optText('План работы'),
    outcome: optText('Результат'),
  }).refine((v) => v.mentor_id !== v.mentee_id, { message: 'Наставник и наставляемый должны быть разными людьми', path: ['mentee_id'] })
    .refine((v) => rangeOk(v.started_on, v.ended_on), rangeMsg('ended_on')),
  course: z.object({
    ...withId,
    staff_id: pick('Выберите педагога'),
    title: text('Название курса', 1000),
    provider: optText('Организатор', 300),
    hours: optInt('Часов', 1, 2000),
    date_from: optDate('Начало'),
    date_to: optDate('Окончание'),
    certificate: optText('Удостоверение', 200),
  }).refine((v) => rangeOk(v.date_from, v.date_to), rangeMsg('date_to')),
  development_plan: z.object({
    ...withId,
    staff_id: pick('Выберите педагога'),
    title: text('Название плана', 500),
    date_from: optDate('Начало'),
    date_to: optDate('Окончание'),
    goals: optText('Цели и шаги'),
    status: oneOf('Статус', planStatus.codes).default('active'),
    result: optText('Результат'),
  }).refine((v) => rangeOk(v.date_from, v.date_to), rangeMsg('date_to')),
  pupil: z.object({
    ...withId,
    full_name: text('ФИО обучающегося', 300),
    birth_date: optDate('Дата рождения'),
    class_name: text('Класс', 20),
  }),
  risk_entry: z.object({
    ...withId,
    pupil_id: id,
    categories: z.array(oneOf('Категория', riskCategory.codes)).min(1, { message: 'Выберите хотя бы одну категорию' }),
    included_on: date('Дата постановки'),
    reason: text('Основание постановки', 2000),
    responsible: optText('Ответственный', 300),
  }),
  risk_status_change: z.object({
    ...withId,
    entry_id: id,
    status: oneOf('Статус', riskStatus.codes),
    changed_on: date('Дата'),
    reason: optText('Причина', 2000),
  }),
  gifted_pupil: z.object({
    ...withId,
    pupil_id: id,
    area: text('Направление одарённости', 300),
    included_on: date('Дата включения'),
    responsible: optText('Ответственный', 300),
    achievements: optText('Достижения'),
    support_plan: optText('План поддержки'),
  }),
  support_measure: z.object({
    ...withId,
    target_kind: oneOf('К чему относится', supportTarget.codes),
    target_id: id,
    title: text('Мера поддержки', 1000),
    date_from: optDate('Начало'),
    date_to: optDate('Окончание'),
    responsible: optText('Ответственный', 300),
    result: optText('Результат'),
    done: flag.default(0),
  }).refine((v) => rangeOk(v.date_from, v.date_to), rangeMsg('date_to')),
  event: z.object({
    ...withId,
    title: text('Название', 1000),
    kind: oneOf('Вид', eventKind.codes),
    level: oneOf('Уровень', eventLevel.codes),
    format: oneOf('Формат', eventFormat.codes),
    date_from: date('Дата'),
    date_to: optDate('Дата окончания'),
    organiser: optText('Организатор', 500),
    participants_count: optInt('Число участников', 0, 100000),
    participants: optText('Участники', 2000),
    outcomes: optText('Итоги'),
  }).refine((v) => rangeOk(v.date_from, v.date_to), rangeMsg('date_to')),
  event_activity: z.object({ ...withId, event_id: id, activity_id: id }),
  decision: z.object({
    ...withId,
    event_id: id,
    text: text('Поручение', 2000),
    responsible: text('Ответственный', 300),
    deadline: optDate('Срок'),
    done_on: optDate('Дата исполнения'),
    note: optText('Отметка об исполнении'),
  }),
} satisfies Record<string, z.ZodType>;

export type EntityName = keyof typeof entitySchemas;
export const ENTITY_NAMES = Object.keys(entitySchemas) as [EntityName, ...EntityName[]];
export type EntityInput<E extends EntityName> = z.input<(typeof entitySchemas)[E]>;
export type EntityValue<E extends EntityName> = z.output<(typeof entitySchemas)[E]>;
