/** Create or edit one decision (поручение) of an event. */
import { FormModal, RecordForm, emptyValues, rowToValues } from '../../components/RecordForm';
import { notifyOk } from '../../app/notify';
import type { Row } from '../../../../preload/contract/index';
import { DECISION_FIELDS, NEW_DECISION_FIELDS } from './fields';

export function DecisionFormModal(props: { opened: boolean; eventId: string; row: Row | null; onClose: () => void }) {
  const fields = props.row ? DECISION_FIELDS : NEW_DECISION_FIELDS;
  const initial = props.row ? rowToValues(fields, props.row) : emptyValues(fields);
  return (
    <FormModal opened={props.opened} title={props.row ? 'Изменить поручение' : 'Новое поручение'} onClose={props.onClose} size="lg">
      {(setDirty, close) => (
        <RecordForm
          entity="decision"
          fields={fields}
          initial={initial}
          fixed={{ event_id: props.eventId }}
          onDirtyChange={setDirty}
          onCancel={close}
          submitLabel={props.row ? 'Сохранить' : 'Добавить поручение'}
          onSaved={() => {
            notifyOk(props.row ? 'Поручение сохранено' : 'Поручение добавлено');
            props.onClose();
          }}
        />
      )}
    </FormModal>
  );
}
