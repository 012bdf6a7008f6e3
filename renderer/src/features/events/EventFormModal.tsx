/** Create or edit one event of the log. */
import { FormModal, RecordForm, emptyValues, rowToValues } from '../../components/RecordForm';
import { notifyOk } from '../../app/notify';
import type { Row } from '../../../../preload/contract/index';
import { EVENT_FIELDS } from './fields';

export function EventFormModal(props: { opened: boolean; row: Row | null; onClose: () => void; onSaved?: (row: Row) => void }) {
  const initial = props.row
    ? rowToValues(EVENT_FIELDS, props.row)
    : { ...emptyValues(EVENT_FIELDS), level: 'school', format: 'in_person' };
  return (
    <FormModal opened={props.opened} title={props.row ? 'Изменить мероприятие' : 'Новое мероприятие'} onClose={props.onClose}>
      {(setDirty, close) => (
        <RecordForm
          entity="event"
          fields={EVENT_FIELDS}
          initial={initial}
          onDirtyChange={setDirty}
          onCancel={close}
          submitLabel={props.row ? 'Сохранить' : 'Добавить мероприятие'}
          onSaved={(row) => {
            notifyOk(props.row ? 'Мероприятие сохранено' : 'Мероприятие добавлено в журнал');
            props.onClose();
            props.onSaved?.(row);
          }}
        />
      )}
    </FormModal>
  );
}
