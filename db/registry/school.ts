/**
 * The school's synced tables, parents before children (the exchange merges in this order). Each entry is
 * the one place that says what a column holds, how it travels, what goes with a row on deletion and how the
 * table is listed.
 */
import {
  activityStatus, timingKind, problemKind, indicatorKind, staffCategory, mentoringReason, planStatus,
  riskCategory, riskStatus, eventKind, eventLevel, eventFormat, supportTarget, consentForm,
} from '../../common/labels.js';
import { f, fileFields } from './fields.js';
import { datesInOrder } from '../../common/dates.js';
import { rule, flag } from '../rules.js';
import { table, type RowCheck, type TableSpec } from './types.js';
import type { Field } from './fields.js';

const range = (from: string, to: string, message = 'Дата окончания раньше даты начала'): RowCheck =>
  ({ test: (v) => datesInOrder(v[from], v[to]), message, path: to });

/** Whether a mentoring pair goes on, has not started yet or is over, on @day. */
const PAIR_STATE = `(CASE WHEN ${rule.pairCurrent('t')} THEN 'current' WHEN ${rule.pairUpcoming('t')} THEN 'upcoming' ELSE 'ended' END)`;

/** 1, 2, 2.1, 10, an unnumbered item last (natural_key: common/sort.ts, registered in db/open.ts). */
const NUMBER_SORT = ['natural_key(t.number)'];

const school = <const N extends string, const F extends Record<string, Field>>(e: Omit<TableSpec<N, F>, 'side' | 'travel'>) =>
  table<N, F>({ side: 'school', travel: 'up', ...e });

export const SCHOOL_TABLES = [
  school({
    name: 'school_profile', title: 'Профиль школы', derivedId: 'owner',
    fields: {
      name: f.req('Полное наименование', 500), short_name: f.opt('Краткое наименование', 200), municipality: f.opt('Муниципалитет', 300),
      address: f.opt('Адрес', 500), director: f.opt('Директор (ФИО)', 200, { hint: 'Подписывает справки: без его ФИО справка не формируется.' }), deputy: f.opt('Заместитель директора по УВР (ФИО)', 200), phone: f.opt('Телефон', 100),
      email: f.opt('Электронная почта', 200), pupils_count: f.optInt('Число обучающихся', 0, 10000), is_nor: f.flag('Школа с низкими образовательными результатами (НОР)'), is_nsu: f.flag('Функционирует в неблагоприятных социальных условиях (НСУ)'),
    },
    list: { search: ['t.name'], filters: {}, sorts: { name: 't.name' }, defaultSort: 't.name' },
  }),
  school({
    name: 'risk_factor', title: 'Фактор риска',
    fields: { title: f.req('Фактор риска', 500), kind: f.vocab('Вид', problemKind, 'internal'), builtin: f.managed(f.flag('Из каталога')) },
    list: { search: ['t.title'], filters: { kind: 't.kind', builtin: 't.builtin' }, sorts: { title: 't.title', kind: 't.kind' }, defaultSort: 't.title' },
  }),
  school({
    name: 'programme', title: 'Программа',
    fields: {
      title: f.req('Название программы', 1000), year_from: f.int('Год начала', 2000, 2100), year_to: f.int('Год окончания', 2000, 2100),
      approval_number: f.opt('Номер приказа об утверждении', 100), approval_date: f.optDate('Дата приказа'), goal: f.opt('Стратегическая цель'),
      archived_on: f.optDate('Программа завершена', { hint: 'С этого дня её мероприятия не считаются просроченными; она остаётся в списке программ.', since: 86 }),
    },
    checks: [{ test: (v) => Number(v.year_to) >= Number(v.year_from), message: 'Год окончания раньше года начала', path: 'year_to' }],
    children: [['programme_task', 'programme_id'], ['programme_problem', 'programme_id'], ['direction', 'programme_id'],
      ['activity', 'programme_id'], ['indicator', 'programme_id'], ['local_act', 'programme_id']],
    list: { search: ['t.title', 't.goal'], filters: {}, sorts: { title: 't.title', year_from: 't.year_from' }, defaultSort: 't.year_from DESC' },
  }),
  school({
    name: 'programme_task', title: 'Задача программы',
    fields: { programme_id: f.ref('programme', 'Программа'), position: f.position('Порядковый номер'), text: f.req('Задача', 2000) },
    list: { search: ['t.text'], filters: { programme_id: 't.programme_id' }, sorts: { position: 't.position' }, defaultSort: 't.position, t.created_at' },
  }),
  school({
    name: 'programme_problem', title: 'Причина низких результатов',
    fields: {
      programme_id: f.ref('programme', 'Программа'), risk_factor_id: f.optRef('risk_factor', 'Фактор риска из каталога'),
      kind: f.vocab('Вид причины', problemKind, 'internal'), description: f.opt('Описание (как проявляется в школе)'),
    },
    checks: [{ test: (v) => !!v.risk_factor_id || !!v.description, message: 'Выберите фактор риска из каталога или опишите причину', path: 'description' }],
    list: {
      extra: 'f.title AS factor_title', joins: 'LEFT JOIN risk_factor f ON f.id = t.risk_factor_id',
      search: ['t.description', 'f.title'], filters: { programme_id: 't.programme_id', kind: 't.kind' }, sorts: { kind: 't.kind', factor_title: 'f.title' }, defaultSort: 't.kind, t.created_at',
    },
  }),
  school({
    name: 'direction', title: 'Направление программы',
    fields: { programme_id: f.ref('programme', 'Программа'), position: f.position('Порядковый номер'), title: f.req('Направление', 500) },
    list: { search: ['t.title'], filters: { programme_id: 't.programme_id' }, sorts: { position: 't.position', title: 't.title' }, defaultSort: 't.position, t.created_at' },
  }),
  school({
    name: 'activity', title: 'Мероприятие программы',
    fields: {
      programme_id: f.ref('programme', 'Программа'), direction_id: f.optRef('direction', 'Направление'), number: f.opt('№', 20),
      title: f.req('Мероприятие', 2000), timing_kind: f.vocab('Вид срока', timingKind, 'none'), timing_text: f.opt('Сроки (как в программе)', 300, { hint: 'Даты начала и окончания подставятся сами — проверьте их. Нет срока — оставьте пустым.' }),
      date_from: f.optDate('Начало'), date_to: f.optDate('Окончание (для контроля сроков)'), responsible: f.opt('Ответственные', 1000),
      status: f.vocab('Статус', activityStatus, 'planned'), completion_mark: f.opt('Отметка о выполнении', 10000, { hint: 'Что сделано — или почему не выполнено.' }), completed_on: f.optDate('Дата выполнения'),
    },
    checks: [range('date_from', 'date_to'),
      { test: (v) => v.status !== 'done' || String(v.completion_mark ?? '').length > 0, message: 'Для выполненного мероприятия заполните отметку о выполнении', path: 'completion_mark' }],
    children: [['event_activity', 'activity_id']],
    list: {
      extra: `d.title AS direction_title, ${flag(rule.activityOverdue('t'))} AS overdue`,
      joins: 'LEFT JOIN direction d ON d.id = t.direction_id',
      search: ['t.title', 't.number', 't.responsible', 't.completion_mark', 't.timing_text', 'd.title'],
      filters: { programme_id: 't.programme_id', direction_id: 't.direction_id', status: 't.status', timing_kind: 't.timing_kind', overdue: flag(rule.activityOverdue('t')) },
      // `direction`: in the programme's order of directions (those without one last), then by number — the grouped plan.
      sorts: { number: NUMBER_SORT, title: 't.title', date_to: 't.date_to', status: 't.status', direction_title: 'd.title', direction: ['d.position IS NULL', 'd.position', 'd.title', ...NUMBER_SORT] },
      defaultSort: NUMBER_SORT.join(', ') + ', t.created_at',
    },
  }),
  school({
    name: 'indicator', title: 'Показатель',
    fields: {
      programme_id: f.ref('programme', 'Программа'), title: f.req('Показатель', 1000), kind: f.vocab('Вид показателя', indicatorKind, 'other'),
      unit: f.opt('Единица измерения', 50), higher_is_better: f.flag('Чем больше, тем лучше', 1),
    },
    children: [['indicator_value', 'indicator_id']],
    list: { search: ['t.title'], filters: { programme_id: 't.programme_id', kind: 't.kind' }, sorts: { title: 't.title', kind: 't.kind' }, defaultSort: 't.kind, t.title' },
  }),
  school({
    name: 'indicator_value', title: 'Значение показателя',
    fields: {
      indicator_id: f.ref('indicator', 'Показатель'), period: f.req('Период (год или четверть)', 100),
      baseline: f.optReal('Базовое значение'), target: f.optReal('Целевое значение'), actual: f.optReal('Фактическое значение'),
    },
    list: { search: ['t.period'], filters: { indicator_id: 't.indicator_id' }, sorts: { period: 't.period' }, defaultSort: 't.period' },
  }),
  school({
    name: 'local_act', title: 'Локальный акт',
    fields: {
      programme_id: f.optRef('programme', 'Программа'), title: f.req('Название акта', 1000), kind: f.opt('Вид акта', 100),
      adopted_on: f.optDate('Дата принятия'), order_number: f.opt('Номер приказа', 100), note: f.opt('Примечание'),
    },
    list: { search: ['t.title', 't.kind', 't.order_number'], filters: { programme_id: 't.programme_id' }, sorts: { title: 't.title', adopted_on: 't.adopted_on' }, defaultSort: 't.adopted_on DESC' },
  }),
  school({
    name: 'staff', title: 'Сотрудник',
    fields: {
      full_name: f.req('ФИО', 300), position: f.opt('Должность', 300), subjects: f.opt('Предметы', 500),
      category: f.vocab('Квалификационная категория', staffCategory, 'none'), pedagogical_education: f.flag('Есть педагогическое образование', 1),
      education: f.opt('Образование (учебное заведение, специальность)', 500), experience_years: f.optInt('Педагогический стаж, лет', 0, 70), young_specialist: f.flag('Молодой специалист'),
      newly_arrived: f.flag('Вновь прибывший педагог'), hired_on: f.optDate('Дата приёма'), left_on: f.optDate('Дата увольнения'),
    },
    checks: [range('hired_on', 'left_on', 'Дата увольнения раньше даты приёма')],
    children: [['staff_deficit', 'staff_id'], ['course', 'staff_id'], ['development_plan', 'staff_id'],
      ['mentoring_pair', 'mentor_id'], ['mentoring_pair', 'mentee_id']],
    list: {
      extra: `(SELECT COUNT(*) FROM mentoring_pair p WHERE p.mentee_id = t.id AND p.deleted_at IS NULL AND ${rule.pairCurrent('p')}) AS has_mentor,
        (SELECT COUNT(*) FROM staff_deficit s WHERE s.staff_id = t.id AND s.deleted_at IS NULL AND s.resolved_on IS NULL) AS open_deficits,
        ${flag(rule.staffNeedsMentor('t'))} AS needs_mentor, ${flag(rule.staffMentorDue('t'))} AS mentor_due,
        ${flag(rule.staffNotLeft('t'))} AS not_left`,
      search: ['t.full_name', 't.position', 't.subjects'],
      filters: {
        category: 't.category', young_specialist: 't.young_specialist', newly_arrived: 't.newly_arrived',
        newcomer: flag(rule.staffNewcomer('t')), working: flag(rule.staffNotLeft('t')), needs_mentor: flag(rule.staffNeedsMentor('t')),
        mentor_due: flag(rule.staffMentorDue('t')),
      },
      sorts: { full_name: 't.full_name', position: 't.position', experience_years: 't.experience_years', category: 't.category' },
      defaultSort: 't.full_name',
    },
  }),
  school({
    name: 'deficit', title: 'Профессиональный дефицит',
    fields: { title: f.req('Дефицит', 500), area: f.opt('Область', 200), builtin: f.managed(f.flag('Из каталога')) },
    children: [['staff_deficit', 'deficit_id']],
    list: { search: ['t.title', 't.area'], filters: { builtin: 't.builtin' }, sorts: { title: 't.title', area: 't.area' }, defaultSort: 't.area, t.title' },
  }),
  school({
    name: 'staff_deficit', title: 'Дефицит педагога',
    fields: {
      staff_id: f.ref('staff', 'Сотрудник', { pick: 'Выберите педагога' }), deficit_id: f.ref('deficit', 'Дефицит (из каталога)', { pick: 'Выберите дефицит из каталога' }),
      identified_on: f.optDate('Дата выявления'), method: f.opt('Как выявлен', 500), note: f.opt('Примечание'), resolved_on: f.optDate('Дата устранения'),
    },
    checks: [range('identified_on', 'resolved_on', 'Дата устранения раньше даты выявления')],
    list: {
      extra: 'd.title AS deficit_title, d.area AS deficit_area, s.full_name AS staff_name',
      joins: 'LEFT JOIN deficit d ON d.id = t.deficit_id LEFT JOIN staff s ON s.id = t.staff_id',
      search: ['d.title', 'd.area', 's.full_name', 't.note', 't.method'],
      filters: { staff_id: 't.staff_id', deficit_id: 't.deficit_id', resolved: '(CASE WHEN t.resolved_on IS NULL THEN 0 ELSE 1 END)' },
      sorts: { deficit_title: 'd.title', staff_name: 's.full_name', identified_on: 't.identified_on' }, defaultSort: 's.full_name, d.title',
    },
  }),
  school({
    name: 'mentoring_pair', title: 'Наставническая пара',
    fields: {
      mentor_id: f.ref('staff', 'Наставник', { pick: 'Выберите наставника' }), mentee_id: f.ref('staff', 'Наставляемый', { pick: 'Выберите наставляемого' }),
      reason: f.vocab('Основание', mentoringReason), subject: f.opt('Предмет', 300), started_on: f.date('Начало'), ended_on: f.optDate('Окончание'),
      plan: f.opt('План работы пары'), outcome: f.opt('Результат'),
    },
    checks: [{ test: (v) => v.mentor_id !== v.mentee_id, message: 'Наставник и наставляемый должны быть разными людьми', path: 'mentee_id' }, range('started_on', 'ended_on')],
    list: {
      extra: `m.full_name AS mentor_name, e.full_name AS mentee_name, ${flag(rule.pairCurrent('t'))} AS current, ${PAIR_STATE} AS state`,
      joins: 'LEFT JOIN staff m ON m.id = t.mentor_id LEFT JOIN staff e ON e.id = t.mentee_id',
      search: ['m.full_name', 'e.full_name', 't.subject', 't.outcome'],
      filters: {
        reason: 't.reason', mentor_id: 't.mentor_id', mentee_id: 't.mentee_id',
        /** Pairs where the staff member is either the mentor or the mentee. */
        staff_id: '? IN (t.mentor_id, t.mentee_id)',
        current: flag(rule.pairCurrent('t')),
        state: PAIR_STATE,
      },
      sorts: { mentor_name: 'm.full_name', mentee_name: 'e.full_name', started_on: 't.started_on', reason: 't.reason' },
      defaultSort: 't.started_on DESC',
    },
  }),
  school({
    name: 'course', title: 'Курсы повышения квалификации',
    fields: {
      staff_id: f.ref('staff', 'Сотрудник', { pick: 'Выберите педагога' }), title: f.req('Название курса', 1000), provider: f.opt('Организатор', 300),
      hours: f.optInt('Часов', 1, 2000), date_from: f.optDate('Начало'), date_to: f.optDate('Окончание'), certificate: f.opt('Удостоверение (номер)', 200),
    },
    checks: [range('date_from', 'date_to')],
    list: {
      extra: 's.full_name AS staff_name', joins: 'LEFT JOIN staff s ON s.id = t.staff_id',
      search: ['t.title', 't.provider', 's.full_name'], filters: { staff_id: 't.staff_id' },
      sorts: { title: 't.title', date_from: 't.date_from', staff_name: 's.full_name', hours: 't.hours' }, defaultSort: 't.date_from DESC',
    },
  }),
  school({
    name: 'development_plan', title: 'Индивидуальный образовательный маршрут',
    fields: {
      staff_id: f.ref('staff', 'Сотрудник', { pick: 'Выберите педагога' }), title: f.req('Название плана', 500), date_from: f.optDate('Начало'),
      date_to: f.optDate('Окончание'), goals: f.opt('Цели и шаги'), status: f.vocab('Статус', planStatus, 'active'), result: f.opt('Результат'),
    },
    checks: [range('date_from', 'date_to')],
    list: {
      extra: 's.full_name AS staff_name', joins: 'LEFT JOIN staff s ON s.id = t.staff_id',
      search: ['t.title', 't.goals', 's.full_name'], filters: { staff_id: 't.staff_id', status: 't.status' },
      sorts: { title: 't.title', date_from: 't.date_from', staff_name: 's.full_name' }, defaultSort: 't.date_from DESC',
    },
  }),
  school({
    name: 'pupil', title: 'Обучающийся',
    fields: {
      full_name: f.req('ФИО обучающегося', 300, { personal: true }), birth_date: f.optDate('Дата рождения', { personal: true }), class_name: f.req('Класс', 20, { local: true }),
    },
    children: [['risk_entry', 'pupil_id'], ['gifted_pupil', 'pupil_id']],
    list: { search: ['t.full_name', 't.class_name'], filters: { class_name: 't.class_name' }, sorts: { full_name: 't.full_name', class_name: 't.class_name' }, defaultSort: 't.full_name' },
  }),
  school({
    name: 'risk_entry', title: 'Запись группы риска',
    fields: {
      pupil_id: f.ref('pupil', 'Обучающийся'), categories: f.codes('Категории', riskCategory, 1, 'Выберите хотя бы одну категорию'),
      included_on: f.date('Дата постановки'), reason: f.req('Основание постановки', 2000, { local: true }), responsible: f.opt('Ответственный педагог', 300, { local: true }),
      status: f.managed(f.vocab('Статус', riskStatus, 'included')), removed_on: f.managed(f.optDate('Дата снятия')),
      removal_reason: f.managed(f.opt('Причина снятия', 2000, { local: true })),
      // Health data (152-ФЗ, special category): only with a consent on file (rule.consentOnFile), never leaves the school.
      health_details: f.opt('Сведения о здоровье', 4000, { personal: true, hint: 'Только при согласии законного представителя на обработку' }),
    },
    children: [['risk_status_change', 'entry_id'], ['support_measure', 'target_id'], ['consent', 'entry_id']],
    list: {
      // pupil_code: the number of «обучающийся № N», the code the exchange says instead of the name; «№ 5» in the search finds it (records.ts).
      extra: `p.full_name AS pupil_name, p.class_name AS class_name, p.birth_date AS birth_date, ${rule.pupilNumber('p')} AS pupil_code`,
      joins: 'LEFT JOIN pupil p ON p.id = t.pupil_id',
      search: ['p.full_name', 'p.class_name', 't.reason', 't.responsible'],
      filters: { status: 't.status', class_name: 'p.class_name', pupil_id: 't.pupil_id', pupil_code: rule.pupilNumber('p'),
        // CASE, not AND: SQLite guarantees its order, so one row with bad JSON cannot fail the whole list.
        category: 'CASE WHEN json_valid(t.categories) THEN EXISTS (SELECT 1 FROM json_each(t.categories) j WHERE j.value = ?) ELSE 0 END' },
      sorts: { pupil_name: 'p.full_name', class_name: 'p.class_name', included_on: 't.included_on', status: 't.status' },
      defaultSort: 'p.full_name',
    },
  }),
  school({
    name: 'risk_status_change', title: 'Изменение статуса в группе риска',
    fields: { entry_id: f.ref('risk_entry', 'Запись группы риска'), status: f.vocab('Статус', riskStatus), changed_on: f.date('Дата'), reason: f.opt('Причина', 2000, { local: true }) },
    list: { search: ['t.reason'], filters: { entry_id: 't.entry_id' }, sorts: { changed_on: 't.changed_on' }, defaultSort: 't.changed_on, t.created_at' },
  }),
  table({
    // The consent stays with the school, as the signed paper does: the municipality needs no parent's name.
    name: 'consent', title: 'Согласие на обработку сведений о здоровье', side: 'school', travel: 'stays',
    fields: {
      entry_id: f.ref('risk_entry', 'Запись группы риска'),
      given_by: f.req('Законный представитель (ФИО)', 300, { personal: true }),
      form: f.vocab('Форма согласия', consentForm, 'written'),
      given_on: f.date('Дата согласия'),
      scope: f.req('Объём согласия', 2000, { local: true, hint: 'Какие сведения и для чего: например, «сведения об ОВЗ для организации психолого-педагогической помощи»' }),
      withdrawn_on: f.optDate('Дата отзыва'),
    },
    checks: [range('given_on', 'withdrawn_on', 'Дата отзыва раньше даты согласия')],
    list: {
      search: ['t.scope'], filters: { entry_id: 't.entry_id' }, sorts: { given_on: 't.given_on' }, defaultSort: 't.given_on DESC',
    },
  }),
  school({
    name: 'gifted_pupil', title: 'Одарённый обучающийся',
    fields: {
      pupil_id: f.ref('pupil', 'Обучающийся'), area: f.req('Направление одарённости', 300, { local: true }), included_on: f.date('Дата включения в список'),
      responsible: f.opt('Ответственный педагог', 300, { local: true }), achievements: f.opt('Достижения', 10000, { local: true }),
      support_plan: f.opt('План поддержки', 10000, { local: true }),
    },
    children: [['support_measure', 'target_id']],
    list: {
      extra: `p.full_name AS pupil_name, p.class_name AS class_name, ${rule.pupilNumber('p')} AS pupil_code`,
      joins: 'LEFT JOIN pupil p ON p.id = t.pupil_id',
      search: ['p.full_name', 't.area', 't.achievements'], filters: { class_name: 'p.class_name', pupil_id: 't.pupil_id', pupil_code: rule.pupilNumber('p') },
      sorts: { pupil_name: 'p.full_name', class_name: 'p.class_name', area: 't.area', included_on: 't.included_on' }, defaultSort: 'p.full_name',
    },
  }),
  school({
    name: 'support_measure', title: 'Мера поддержки',
    fields: {
      target_kind: f.vocab('К чему относится', supportTarget), target_id: f.uuid('Обучающийся', { refBy: { column: 'target_kind', tables: { risk: 'risk_entry', gifted: 'gifted_pupil' } } }), title: f.req('Мера поддержки', 1000, { local: true }),
      date_from: f.optDate('Начало'), date_to: f.optDate('Окончание'), responsible: f.opt('Ответственный', 300, { local: true }),
      result: f.opt('Результат', 10000, { local: true }), done: f.flag('Выполнено'),
    },
    checks: [range('date_from', 'date_to')],
    list: {
      search: ['t.title', 't.responsible', 't.result'], filters: { target_kind: 't.target_kind', target_id: 't.target_id', done: 't.done' },
      sorts: { date_from: 't.date_from', title: 't.title' }, defaultSort: 't.date_from, t.created_at',
    },
  }),
  school({
    name: 'event', title: 'Мероприятие журнала',
    fields: {
      title: f.req('Название', 1000, { hint: 'Например: Семинар «Объективность оценивания ВПР»' }), kind: f.vocab('Вид', eventKind), level: f.vocab('Уровень', eventLevel), format: f.vocab('Формат', eventFormat),
      date_from: f.date('Дата'), date_to: f.optDate('Дата окончания (если несколько дней)'), organiser: f.opt('Организатор', 500),
      participants_count: f.optInt('Число участников', 0, 100000), participants: f.opt('Кто участвовал', 2000), outcomes: f.opt('Итоги', 10000, { hint: 'Что решили, что получилось, где размещены материалы' }),
    },
    checks: [range('date_from', 'date_to')],
    children: [['event_activity', 'event_id'], ['decision', 'event_id'], ['attachment', 'event_id']],
    list: {
      extra: `(SELECT COUNT(*) FROM decision x WHERE x.event_id = t.id AND x.deleted_at IS NULL AND x.done_on IS NULL) AS open_decisions,
        (SELECT COUNT(*) FROM attachment a WHERE a.event_id = t.id AND a.deleted_at IS NULL) AS attachments`,
      search: ['t.title', 't.organiser', 't.participants', 't.outcomes'],
      filters: { kind: 't.kind', level: 't.level', format: 't.format', year: "strftime('%Y', t.date_from)" },
      sorts: { date_from: 't.date_from', title: 't.title', kind: 't.kind', level: 't.level' },
      defaultSort: 't.date_from DESC',
    },
  }),
  school({
    name: 'event_activity', title: 'Связь мероприятия журнала с программой',
    fields: { event_id: f.ref('event', 'Мероприятие журнала'), activity_id: f.ref('activity', 'Мероприятие программы') },
    list: {
      extra: 'a.title AS activity_title, a.number AS activity_number', joins: 'LEFT JOIN activity a ON a.id = t.activity_id',
      search: ['a.title'], filters: { event_id: 't.event_id', activity_id: 't.activity_id' }, sorts: { activity_number: 'a.number' }, defaultSort: 'a.number',
    },
  }),
  school({
    name: 'decision', title: 'Поручение',
    fields: {
      event_id: f.ref('event', 'Мероприятие журнала'), text: f.req('Поручение', 2000), responsible: f.req('Ответственный', 300),
      deadline: f.optDate('Срок'), done_on: f.optDate('Дата исполнения'), note: f.opt('Отметка об исполнении', 10000, { hint: 'Что сделано; если не исполнено — почему' }),
    },
    list: {
      extra: `e.title AS event_title, e.date_from AS event_date, ${flag(rule.decisionOverdue('t'))} AS overdue`,
      joins: 'LEFT JOIN event e ON e.id = t.event_id',
      search: ['t.text', 't.responsible', 'e.title'],
      filters: { event_id: 't.event_id', overdue: flag(rule.decisionOverdue('t')), open: flag(rule.decisionOpen('t')) },
      sorts: { deadline: 't.deadline', responsible: 't.responsible', event_date: 'e.date_from', done_on: 't.done_on' }, defaultSort: 't.deadline',
    },
  }),
  school({
    name: 'attachment', title: 'Приложенный файл',
    files: true,
    // The record travels with the journal; the file's bytes only when the school chose to pass it on (share),
    // since a protocol may name pupils and what leaves the school is pseudonymous unless the user decides otherwise.
    fields: { ...fileFields('event', 'Мероприятие журнала'), share: f.managed(f.flag('Передать в управление образования', 0)) },
  }),
] as const;
