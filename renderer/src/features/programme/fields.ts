import type { FieldSpec } from '../../components/RecordForm';
import { fieldsOf } from '../../components/registryFields';
import type { Row } from '../../../../preload/contract/index';

const programme = fieldsOf('programme');
export const PROGRAMME_FIELDS: FieldSpec[] = [
  programme('title', { multiline: true }), programme('year_from'), programme('year_to'),
  programme('approval_number'), programme('approval_date'), programme('goal', { multiline: true }), programme('archived_on', { span: 2 }),
];

const activity = fieldsOf('activity');
export const activityFields = (programmeId: string): FieldSpec[] => [
  activity('number', { placeholder: '1.3' }),
  activity('direction_id', { filters: { programme_id: programmeId }, labelOf: (r: Row) => String(r.title) }),
  activity('title', { multiline: true }),
  activity('timing_text', { placeholder: 'до 15 сентября 2020 г., «Один раз в четверть», «без срока»' }),
  activity('timing_kind'),
  activity('date_from'),
  activity('date_to'),
  activity('responsible', { span: 2 }),
  activity('status'),
  activity('completed_on'),
  activity('completion_mark', { multiline: true }),
];

const task = fieldsOf('programme_task');
export const TASK_FIELDS: FieldSpec[] = [task('position'), task('text', { multiline: true })];

const direction = fieldsOf('direction');
export const DIRECTION_FIELDS: FieldSpec[] = [direction('position'), direction('title', { multiline: true })];

const problem = fieldsOf('programme_problem');
export const problemFields: FieldSpec[] = [
  problem('risk_factor_id', { labelOf: (r: Row) => String(r.title), span: 2 }),
  problem('kind'),
  problem('description', { multiline: true }),
];

const factor = fieldsOf('risk_factor');
export const RISK_FACTOR_FIELDS: FieldSpec[] = [factor('title', { multiline: true }), factor('kind')];

const indicator = fieldsOf('indicator');
export const INDICATOR_FIELDS: FieldSpec[] = [
  indicator('title', { multiline: true }), indicator('kind'), indicator('unit', { placeholder: '%, балл' }), indicator('higher_is_better'),
];

const value = fieldsOf('indicator_value');
export const INDICATOR_VALUE_FIELDS: FieldSpec[] = [
  value('period', { placeholder: '2024 или 2024/25, 2 четверть' }), value('baseline'), value('target'), value('actual'),
];

const act = fieldsOf('local_act');
export const LOCAL_ACT_FIELDS: FieldSpec[] = [
  act('title', { multiline: true }), act('kind', { placeholder: 'Положение, Регламент, Порядок' }), act('adopted_on'), act('order_number'), act('note', { multiline: true }),
];
