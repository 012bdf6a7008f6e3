/** Field specs of the mentoring registry's forms, and the small label helpers its lists share. */
import type { FieldSpec } from '../../components/RecordForm';
import type { Row } from '../../../../preload/contract/index';
import { fieldsOf } from '../../components/registryFields';
import { formatDate } from '../../../../common/format';
import { NOUNS as COMMON_NOUNS } from '../../../../common/nouns';

/** How a staff member is named in pickers: dismissed people are marked so nobody picks them by mistake. */
export const staffLabel = (r: Row) => `${r.full_name}${r.position ? ` — ${r.position}` : ''}${r.left_on ? ' (уволен)' : ''}`;
export const deficitLabel = (r: Row) => `${r.title}${r.area ? ` (${r.area})` : ''}`;

const staff = fieldsOf('staff');
export const STAFF_FIELDS: FieldSpec[] = [
  staff('full_name', { span: 2, placeholder: 'Иванова Анна Сергеевна' }),
  staff('position', { placeholder: 'Учитель математики' }),
  staff('subjects', { placeholder: 'Математика, информатика' }),
  staff('category'), staff('experience_years'), staff('education', { span: 2 }), staff('pedagogical_education', { span: 2 }),
  staff('young_specialist'), staff('newly_arrived'), staff('hired_on'), staff('left_on'),
];
export const NEW_STAFF = { category: 'none', pedagogical_education: true };

const pair = fieldsOf('mentoring_pair');
export const PAIR_FIELDS: FieldSpec[] = [
  pair('mentor_id', { labelOf: staffLabel }), pair('mentee_id', { labelOf: staffLabel }), pair('reason'),
  pair('subject', { placeholder: 'Математика' }), pair('started_on'), pair('ended_on'),
  pair('plan', { multiline: true }), pair('outcome', { multiline: true }),
];

const staffDeficit = fieldsOf('staff_deficit');
export const STAFF_DEFICIT_FIELDS: FieldSpec[] = [
  staffDeficit('staff_id', { labelOf: staffLabel }), staffDeficit('deficit_id', { labelOf: deficitLabel, span: 2 }),
  staffDeficit('identified_on'), staffDeficit('method', { placeholder: 'Диагностика ИРО, посещение уроков' }),
  staffDeficit('resolved_on'), staffDeficit('note', { multiline: true }),
];

const deficit = fieldsOf('deficit');
export const DEFICIT_FIELDS: FieldSpec[] = [
  deficit('title', { span: 2, placeholder: 'Предметные дефициты: история' }),
  deficit('area', { span: 2, placeholder: 'Предметные, Методические, Оценочные…' }),
];

const course = fieldsOf('course');
export const COURSE_FIELDS: FieldSpec[] = [
  course('staff_id', { labelOf: staffLabel }), course('title', { span: 2, placeholder: 'Формирование функциональной грамотности' }),
  course('provider', { placeholder: 'ИРО' }), course('hours'), course('date_from'), course('date_to'), course('certificate'),
];

const plan = fieldsOf('development_plan');
export const PLAN_FIELDS: FieldSpec[] = [
  plan('staff_id', { labelOf: staffLabel }), plan('title', { span: 2 }), plan('date_from'), plan('date_to'), plan('status'),
  plan('goals', { multiline: true }), plan('result', { multiline: true }),
];
export const NEW_PLAN = { title: 'Индивидуальный образовательный маршрут', status: 'active' };

/** Removes a field (e.g. staff_id when the form is opened from that person's card). */
export const without = (fields: FieldSpec[], name: string) => fields.filter((f) => f.name !== name);

/** «01.09.2024 – 31.05.2025», «с 01.09.2024», or empty. */
export function period(from: unknown, to: unknown): string {
  const a = formatDate(from as string | null);
  const b = formatDate(to as string | null);
  if (a && b) return `${a} – ${b}`;
  if (a) return `с ${a}`;
  if (b) return `по ${b}`;
  return '';
}

export const NOUNS = { ...COMMON_NOUNS, staff: COMMON_NOUNS.teacher };
