/** «Отметить исполненным»: the date of execution (today by default) and the note, in one small step. */
import { Text } from '@mantine/core';
import { FormModal, RecordForm, type FieldSpec } from '../../components/RecordForm';
import { call, CallError } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { entitySchemas, type Row } from '../../../../preload/contract/index';
import { isoDay } from '../../../../common/format';

const FIELDS: FieldSpec[] = [
  { name: 'done_on', label: 'Дата исполнения', kind: 'date', required: true },
  { name: 'note', label: 'Отметка об исполнении', kind: 'textarea', description: 'Необязательно: что именно сделано' },
];

export function MarkDoneModal(props: { row: Row | null; onClose: () => void }) {
  const row = props.row;
  return (
    <FormModal opened={!!row} title="Отметить поручение исполненным" onClose={props.onClose} size="md">
      {(setDirty, close) => row && (
        <>
          <Text size="sm" mb="sm">{String(row.text)}</Text>
          <RecordForm
            schema={entitySchemas.decision}
            fields={FIELDS}
            initial={{ id: row.id, done_on: isoDay(new Date()), note: String(row.note ?? '') }}
            fixed={{ event_id: row.event_id, text: row.text, responsible: row.responsible, deadline: row.deadline }}
            onDirtyChange={setDirty}
            onCancel={close}
            submitLabel="Отметить исполненным"
            save={async (value) => {
              if (!value.done_on) throw new CallError('invalid_input', 'Укажите дату исполнения.', { done_on: 'Укажите дату исполнения' });
              return call('records.save', { entity: 'decision', value });
            }}
            onSaved={() => {
              notifyOk('Поручение отмечено исполненным');
              props.onClose();
            }}
          />
        </>
      )}
    </FormModal>
  );
}
