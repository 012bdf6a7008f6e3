/** Form fields of the event log's records: the event itself and its decisions (поручения). */
import type { FieldSpec } from '../../components/RecordForm';
import { fieldsOf } from '../../components/registryFields';

const event = fieldsOf('event');
export const EVENT_FIELDS: FieldSpec[] = [
  event('title', { span: 2 }), event('kind'), event('level'), event('format'),
  event('organiser', { placeholder: 'Например: школа, МКУ «ЦРО», ИРО' }), event('date_from'), event('date_to'), event('participants_count'),
  event('participants', { placeholder: 'Например: учителя математики' }), event('outcomes', { multiline: true }),
];

const decision = fieldsOf('decision');
export const DECISION_FIELDS: FieldSpec[] = [
  decision('text', { multiline: true }), decision('responsible', { placeholder: 'ФИО или должность' }), decision('deadline'), decision('done_on'),
  decision('note', { multiline: true }),
];

/** A new decision: what, who and by when; the execution is marked later. */
export const NEW_DECISION_FIELDS = DECISION_FIELDS.slice(0, 3);

export const EVENT_NOUN = ['мероприятие', 'мероприятия', 'мероприятий'] as const;
export const DECISION_NOUN = ['поручение', 'поручения', 'поручений'] as const;
