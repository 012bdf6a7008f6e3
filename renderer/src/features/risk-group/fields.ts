/** Field lists of the risk-group and gifted-pupil forms. */
import type { FieldSpec } from '../../components/RecordForm';
import type { FieldSpec as SchemaField, Values as FormValues } from '../../components/RecordForm';
import { riskCategory } from '../../../../common/labels';
import { isoDay } from '../../../../common/format';

export const PUPIL_NOUN = ['обучающийся', 'обучающихся', 'обучающихся'] as const;

export const PUPIL_FIELDS: FieldSpec[] = [
  { name: 'full_name', label: 'ФИО обучающегося', kind: 'text', required: true, span: 2, placeholder: 'Фамилия Имя Отчество' },
  { name: 'class_name', label: 'Класс', kind: 'text', required: true, placeholder: 'Например, 7Б' },
  { name: 'birth_date', label: 'Дата рождения', kind: 'date' },
];

const pupilPart: SchemaField[] = [
  { name: 'h_pupil', label: 'Обучающийся', kind: 'heading' },
  { name: 'full_name', label: 'ФИО обучающегося', kind: 'text', required: true, span: 2, placeholder: 'Фамилия Имя Отчество' },
  { name: 'class_name', label: 'Класс', kind: 'text', required: true, placeholder: 'Например, 7Б' },
  { name: 'birth_date', label: 'Дата рождения', kind: 'date' },
];

export const INCLUDE_RISK_FIELDS: SchemaField[] = [
  ...pupilPart,
  { name: 'h_entry', label: 'Постановка на учёт', kind: 'heading' },
  { name: 'categories', label: 'Категории', kind: 'multiselect', options: riskCategory.options, required: true, span: 2, placeholder: 'Выберите одну или несколько' },
  { name: 'included_on', label: 'Дата постановки', kind: 'date', required: true },
  { name: 'responsible', label: 'Ответственный педагог', kind: 'text', placeholder: 'Например, классный руководитель' },
  { name: 'reason', label: 'Основание постановки', kind: 'textarea', required: true, placeholder: 'Например: пропустил 14 уроков без уважительной причины за сентябрь' },
];

export function includeRiskInitial(): FormValues {
  return { full_name: '', class_name: '', birth_date: null, categories: [], included_on: isoDay(new Date()), responsible: '', reason: '' };
}

export function includeRiskInput(v: FormValues) {
  return {
    pupil: { full_name: v.full_name, birth_date: v.birth_date, class_name: v.class_name },
    entry: { categories: v.categories, included_on: v.included_on, reason: v.reason, responsible: v.responsible },
  };
}

export const ENTRY_FIELDS: FieldSpec[] = [
  { name: 'categories', label: 'Категории', kind: 'multiselect', options: riskCategory.options, required: true, span: 2 },
  { name: 'responsible', label: 'Ответственный педагог', kind: 'text', span: 2 },
  { name: 'reason', label: 'Основание постановки', kind: 'textarea', required: true },
];

export const STATUS_FIELDS = (status: 'included' | 'removed'): SchemaField[] => [
  { name: 'changed_on', label: status === 'removed' ? 'Дата снятия с учёта' : 'Дата возврата в группу риска', kind: 'date', required: true },
  { name: 'reason', label: status === 'removed' ? 'Причина снятия с учёта' : 'Причина возврата', kind: 'textarea', required: true,
    placeholder: status === 'removed' ? 'Например: положительная динамика, пропусков нет два месяца' : 'Например: снова пропуски без уважительной причины' },
];

export const MEASURE_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Мера поддержки', kind: 'text', required: true, span: 2, placeholder: 'Например, индивидуальные консультации по математике' },
  { name: 'date_from', label: 'Начало', kind: 'date' },
  { name: 'date_to', label: 'Окончание', kind: 'date' },
  { name: 'responsible', label: 'Ответственный', kind: 'text', span: 2 },
  { name: 'result', label: 'Результат', kind: 'textarea' },
  { name: 'done', label: 'Выполнено', kind: 'checkbox' },
];

export const GIFTED_FIELDS: FieldSpec[] = [
  { name: 'area', label: 'Направление одарённости', kind: 'text', required: true, placeholder: 'Например, математика' },
  { name: 'included_on', label: 'Дата включения в список', kind: 'date', required: true },
  { name: 'responsible', label: 'Ответственный педагог', kind: 'text', span: 2 },
  { name: 'achievements', label: 'Достижения', kind: 'textarea' },
  { name: 'support_plan', label: 'План поддержки', kind: 'textarea' },
];

export const INCLUDE_GIFTED_FIELDS: SchemaField[] = [
  ...pupilPart,
  { name: 'h_gifted', label: 'Одарённость', kind: 'heading' },
  { name: 'area', label: 'Направление одарённости', kind: 'text', required: true, placeholder: 'Например, математика' },
  { name: 'included_on', label: 'Дата включения в список', kind: 'date', required: true },
  { name: 'responsible', label: 'Ответственный педагог', kind: 'text', span: 2 },
  { name: 'achievements', label: 'Достижения', kind: 'textarea', placeholder: 'Например: призёр муниципального этапа ВсОШ по математике' },
  { name: 'support_plan', label: 'План поддержки', kind: 'textarea', placeholder: 'Например: кружок олимпиадной математики, подготовка к региональному этапу' },
];

export function includeGiftedInitial(): FormValues {
  return { full_name: '', class_name: '', birth_date: null, area: '', included_on: isoDay(new Date()), responsible: '', achievements: '', support_plan: '' };
}

export function includeGiftedInput(v: FormValues) {
  return {
    pupil: { full_name: v.full_name, birth_date: v.birth_date, class_name: v.class_name },
    gifted: { area: v.area, included_on: v.included_on, responsible: v.responsible, achievements: v.achievements, support_plan: v.support_plan },
  };
}
