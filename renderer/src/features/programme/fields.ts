import type { FieldSpec } from '../../components/RecordForm';
import { activityStatus, timingKind, indicatorKind, problemKind } from '../../../../common/labels';
import type { Row } from '../../../../preload/contract/index';

export const PROGRAMME_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Название программы', kind: 'textarea', required: true },
  { name: 'year_from', label: 'Год начала', kind: 'number', required: true, min: 2000, max: 2100 },
  { name: 'year_to', label: 'Год окончания', kind: 'number', required: true, min: 2000, max: 2100 },
  { name: 'approval_number', label: 'Номер приказа об утверждении', kind: 'text' },
  { name: 'approval_date', label: 'Дата приказа', kind: 'date' },
  { name: 'goal', label: 'Стратегическая цель', kind: 'textarea' },
];

export const activityFields = (programmeId: string): FieldSpec[] => [
  { name: 'number', label: '№', kind: 'text', placeholder: '1.3' },
  { name: 'direction_id', label: 'Направление', kind: 'ref', entity: 'direction', filters: { programme_id: programmeId }, labelOf: (r: Row) => String(r.title), clearable: true },
  { name: 'title', label: 'Мероприятие', kind: 'textarea', required: true },
  { name: 'timing_text', label: 'Сроки (как в программе)', kind: 'text', required: true, placeholder: 'до 19.03.2021, «Один раз в четверть», «Ежегодно, сентябрь–октябрь»', description: 'Даты начала и окончания подставятся сами — проверьте их.' },
  { name: 'timing_kind', label: 'Вид срока', kind: 'select', options: timingKind.options, required: true },
  { name: 'date_from', label: 'Начало', kind: 'date' },
  { name: 'date_to', label: 'Окончание (для контроля сроков)', kind: 'date' },
  { name: 'responsible', label: 'Ответственные', kind: 'text', span: 2 },
  { name: 'status', label: 'Статус', kind: 'select', options: activityStatus.options, required: true },
  { name: 'completed_on', label: 'Дата выполнения', kind: 'date' },
  { name: 'completion_mark', label: 'Отметка о выполнении', kind: 'textarea', description: 'Что сделано — или почему не выполнено.' },
];

export const TASK_FIELDS: FieldSpec[] = [
  { name: 'position', label: 'Порядковый номер', kind: 'number', min: 0, max: 999 },
  { name: 'text', label: 'Задача', kind: 'textarea', required: true },
];

export const DIRECTION_FIELDS: FieldSpec[] = [
  { name: 'position', label: 'Порядковый номер', kind: 'number', min: 0, max: 999 },
  { name: 'title', label: 'Направление', kind: 'textarea', required: true },
];

export const problemFields: FieldSpec[] = [
  { name: 'risk_factor_id', label: 'Фактор риска из каталога', kind: 'ref', entity: 'risk_factor', labelOf: (r: Row) => String(r.title), clearable: true, span: 2 },
  { name: 'kind', label: 'Вид причины', kind: 'select', options: problemKind.options, required: true },
  { name: 'description', label: 'Описание (как проявляется в школе)', kind: 'textarea' },
];

export const RISK_FACTOR_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Фактор риска', kind: 'textarea', required: true },
  { name: 'kind', label: 'Вид', kind: 'select', options: problemKind.options, required: true },
];

export const INDICATOR_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Показатель', kind: 'textarea', required: true },
  { name: 'kind', label: 'Вид', kind: 'select', options: indicatorKind.options, required: true },
  { name: 'unit', label: 'Единица измерения', kind: 'text', placeholder: '%, балл' },
  { name: 'higher_is_better', label: 'Чем больше, тем лучше', kind: 'checkbox' },
];

export const INDICATOR_VALUE_FIELDS: FieldSpec[] = [
  { name: 'period', label: 'Период (год или четверть)', kind: 'text', required: true, placeholder: '2024 или 2024/25, 2 четверть' },
  { name: 'baseline', label: 'Базовое значение', kind: 'number', decimal: true },
  { name: 'target', label: 'Целевое значение', kind: 'number', decimal: true },
  { name: 'actual', label: 'Фактическое значение', kind: 'number', decimal: true },
];

export const LOCAL_ACT_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Название акта', kind: 'textarea', required: true },
  { name: 'kind', label: 'Вид акта', kind: 'text', placeholder: 'Положение, Регламент, Порядок' },
  { name: 'adopted_on', label: 'Дата принятия', kind: 'date' },
  { name: 'order_number', label: 'Номер приказа', kind: 'text' },
  { name: 'note', label: 'Примечание', kind: 'textarea' },
];
