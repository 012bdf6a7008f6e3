/** Field lists of the risk-group and gifted-pupil forms. */
import type { FieldSpec } from '../../components/RecordForm';
import type { FieldSpec as SchemaField, Values as FormValues } from '../../components/RecordForm';
import { fieldsOf } from '../../components/registryFields';
import { isoDay } from '../../../../common/format';

export const PUPIL_NOUN = ['обучающийся', 'обучающихся', 'обучающихся'] as const;

const pupil = fieldsOf('pupil');
export const PUPIL_FIELDS: FieldSpec[] = [
  pupil('full_name', { span: 2, placeholder: 'Фамилия Имя Отчество' }), pupil('class_name', { placeholder: 'Например, 7Б' }), pupil('birth_date'),
];

const pupilPart: SchemaField[] = [{ name: 'h_pupil', label: 'Обучающийся', kind: 'heading' }, ...PUPIL_FIELDS];
const entry = fieldsOf('risk_entry');

export const INCLUDE_RISK_FIELDS: SchemaField[] = [
  ...pupilPart,
  { name: 'h_entry', label: 'Постановка на учёт', kind: 'heading' },
  entry('categories', { span: 2, placeholder: 'Выберите одну или несколько' }),
  entry('included_on'),
  entry('responsible', { placeholder: 'Например, классный руководитель' }),
  entry('reason', { multiline: true, placeholder: 'Например: пропустил 14 уроков без уважительной причины за сентябрь' }),
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

export const ENTRY_FIELDS: FieldSpec[] = [entry('categories', { span: 2 }), entry('responsible', { span: 2 }), entry('reason', { multiline: true }), entry('health_details', { multiline: true })];

export const STATUS_FIELDS = (status: 'included' | 'removed'): SchemaField[] => [
  { name: 'changed_on', label: status === 'removed' ? 'Дата снятия с учёта' : 'Дата возврата в группу риска', kind: 'date', required: true },
  { name: 'reason', label: status === 'removed' ? 'Причина снятия с учёта' : 'Причина возврата', kind: 'textarea', required: true,
    placeholder: status === 'removed' ? 'Например: положительная динамика, пропусков нет два месяца' : 'Например: снова пропуски без уважительной причины' },
];

const measure = fieldsOf('support_measure');
export const MEASURE_FIELDS: FieldSpec[] = [
  measure('title', { span: 2, placeholder: 'Например, индивидуальные консультации по математике' }), measure('date_from'), measure('date_to'),
  measure('responsible', { span: 2 }), measure('result', { multiline: true }), measure('done'),
];

const gifted = fieldsOf('gifted_pupil');
export const GIFTED_FIELDS: FieldSpec[] = [
  gifted('area', { placeholder: 'Например, математика' }), gifted('included_on'), gifted('responsible', { span: 2 }),
  gifted('achievements', { multiline: true }), gifted('support_plan', { multiline: true }),
];

export const INCLUDE_GIFTED_FIELDS: SchemaField[] = [
  ...pupilPart,
  { name: 'h_gifted', label: 'Одарённость', kind: 'heading' },
  gifted('area', { placeholder: 'Например, математика' }), gifted('included_on'), gifted('responsible', { span: 2 }),
  gifted('achievements', { multiline: true, placeholder: 'Например: призёр муниципального этапа ВсОШ по математике' }),
  gifted('support_plan', { multiline: true, placeholder: 'Например: кружок олимпиадной математики, подготовка к региональному этапу' }),
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
