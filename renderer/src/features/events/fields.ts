/** Form fields of the event log's records: the event itself and its decisions (поручения). */
import type { FieldSpec } from '../../components/RecordForm';
import { eventKind, eventLevel, eventFormat } from '../../../../common/labels';

export const EVENT_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Название', kind: 'text', required: true, span: 2, description: 'Например: Семинар «Объективность оценивания ВПР»' },
  { name: 'kind', label: 'Вид', kind: 'select', options: eventKind.options, required: true },
  { name: 'level', label: 'Уровень', kind: 'select', options: eventLevel.options, required: true },
  { name: 'format', label: 'Формат', kind: 'select', options: eventFormat.options, required: true },
  { name: 'organiser', label: 'Организатор', kind: 'text', placeholder: 'Например: школа, МКУ «ЦРО», ИРО' },
  { name: 'date_from', label: 'Дата', kind: 'date', required: true },
  { name: 'date_to', label: 'Дата окончания (если несколько дней)', kind: 'date' },
  { name: 'participants_count', label: 'Число участников', kind: 'number', min: 0, max: 100000 },
  { name: 'participants', label: 'Кто участвовал', kind: 'text', placeholder: 'Например: учителя математики' },
  { name: 'outcomes', label: 'Итоги', kind: 'textarea', description: 'Что решили, что получилось, где размещены материалы' },
];

export const DECISION_FIELDS: FieldSpec[] = [
  { name: 'text', label: 'Поручение', kind: 'textarea', required: true },
  { name: 'responsible', label: 'Ответственный', kind: 'text', required: true, placeholder: 'ФИО или должность' },
  { name: 'deadline', label: 'Срок', kind: 'date' },
  { name: 'done_on', label: 'Дата исполнения', kind: 'date' },
  { name: 'note', label: 'Отметка об исполнении', kind: 'textarea', description: 'Что сделано; если не исполнено — почему' },
];

/** A new decision: what, who and by when; the execution is marked later. */
export const NEW_DECISION_FIELDS = DECISION_FIELDS.slice(0, 3);

export const EVENT_NOUN = ['мероприятие', 'мероприятия', 'мероприятий'] as const;
export const DECISION_NOUN = ['поручение', 'поручения', 'поручений'] as const;
