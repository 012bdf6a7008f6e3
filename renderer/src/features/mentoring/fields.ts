/** Field specs of the mentoring registry's forms, and the small label helpers its lists share. */
import type { FieldSpec } from '../../components/RecordForm';
import type { Row } from '../../../../preload/contract/index';
import { staffCategory, mentoringReason, planStatus } from '../../../../common/labels';
import { formatDate } from '../../../../common/format';
import { NOUNS as COMMON_NOUNS } from '../../../../common/nouns';

/** How a staff member is named in pickers: dismissed people are marked so nobody picks them by mistake. */
export const staffLabel = (r: Row) => `${r.full_name}${r.position ? ` — ${r.position}` : ''}${r.left_on ? ' (уволен)' : ''}`;
export const deficitLabel = (r: Row) => `${r.title}${r.area ? ` (${r.area})` : ''}`;

const staffRef = (name: string, label: string): FieldSpec => ({ name, label, kind: 'ref', entity: 'staff', labelOf: staffLabel, required: true });

export const STAFF_FIELDS: FieldSpec[] = [
  { name: 'full_name', label: 'ФИО', kind: 'text', required: true, span: 2, placeholder: 'Иванова Анна Сергеевна' },
  { name: 'position', label: 'Должность', kind: 'text', placeholder: 'Учитель математики' },
  { name: 'subjects', label: 'Предметы', kind: 'text', placeholder: 'Математика, информатика' },
  { name: 'category', label: 'Квалификационная категория', kind: 'select', options: staffCategory.options, required: true },
  { name: 'experience_years', label: 'Педагогический стаж, лет', kind: 'number', min: 0, max: 70 },
  { name: 'education', label: 'Образование (учебное заведение, специальность)', kind: 'text', span: 2 },
  { name: 'pedagogical_education', label: 'Есть педагогическое образование', kind: 'checkbox', span: 2 },
  { name: 'young_specialist', label: 'Молодой специалист', kind: 'checkbox' },
  { name: 'newly_arrived', label: 'Вновь прибывший педагог', kind: 'checkbox' },
  { name: 'hired_on', label: 'Дата приёма', kind: 'date' },
  { name: 'left_on', label: 'Дата увольнения', kind: 'date' },
];
export const NEW_STAFF = { category: 'none', pedagogical_education: true };

export const PAIR_FIELDS: FieldSpec[] = [
  staffRef('mentor_id', 'Наставник'),
  staffRef('mentee_id', 'Наставляемый'),
  { name: 'reason', label: 'Основание', kind: 'select', options: mentoringReason.options, required: true },
  { name: 'subject', label: 'Предмет', kind: 'text', placeholder: 'Математика' },
  { name: 'started_on', label: 'Начало', kind: 'date', required: true },
  { name: 'ended_on', label: 'Окончание', kind: 'date' },
  { name: 'plan', label: 'План работы пары', kind: 'textarea' },
  { name: 'outcome', label: 'Результат', kind: 'textarea' },
];

export const STAFF_DEFICIT_FIELDS: FieldSpec[] = [
  staffRef('staff_id', 'Педагог'),
  { name: 'deficit_id', label: 'Дефицит (из каталога)', kind: 'ref', entity: 'deficit', labelOf: deficitLabel, required: true, span: 2 },
  { name: 'identified_on', label: 'Дата выявления', kind: 'date' },
  { name: 'method', label: 'Как выявлен', kind: 'text', placeholder: 'Диагностика ИРО, посещение уроков' },
  { name: 'resolved_on', label: 'Дата устранения', kind: 'date' },
  { name: 'note', label: 'Примечание', kind: 'textarea' },
];

export const DEFICIT_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Дефицит', kind: 'text', required: true, span: 2, placeholder: 'Предметные дефициты: история' },
  { name: 'area', label: 'Область', kind: 'text', span: 2, placeholder: 'Предметные, Методические, Оценочные…' },
];

export const COURSE_FIELDS: FieldSpec[] = [
  staffRef('staff_id', 'Педагог'),
  { name: 'title', label: 'Название курса', kind: 'text', required: true, span: 2, placeholder: 'Формирование функциональной грамотности' },
  { name: 'provider', label: 'Организатор', kind: 'text', placeholder: 'ИРО' },
  { name: 'hours', label: 'Часов', kind: 'number', min: 1, max: 2000 },
  { name: 'date_from', label: 'Начало', kind: 'date' },
  { name: 'date_to', label: 'Окончание', kind: 'date' },
  { name: 'certificate', label: 'Удостоверение (номер)', kind: 'text' },
];

export const PLAN_FIELDS: FieldSpec[] = [
  staffRef('staff_id', 'Педагог'),
  { name: 'title', label: 'Название плана', kind: 'text', required: true, span: 2 },
  { name: 'date_from', label: 'Начало', kind: 'date' },
  { name: 'date_to', label: 'Окончание', kind: 'date' },
  { name: 'status', label: 'Статус', kind: 'select', options: planStatus.options, required: true },
  { name: 'goals', label: 'Цели и шаги', kind: 'textarea' },
  { name: 'result', label: 'Результат', kind: 'textarea' },
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
