/** A tab with a list of one child kind of the programme and its add/edit/delete form. */
import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { RecordForm, FormModal, emptyValues, rowToValues, type FieldSpec } from '../../components/RecordForm';
import { DeleteButton } from '../../components/DeleteButton';
import type { EntityName } from '../../../../preload/contract/index';
import { useEditor } from './useEditor';
import { useCall } from '../../app/data';

export function SimpleListTab(props: {
  entity: EntityName;
  columns: Column[];
  fields: FieldSpec[];
  filters?: Record<string, string | number | null>;
  fixed?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
  addLabel: string;
  titleNew: string;
  titleEdit: string;
  noun: readonly [string, string, string];
  testId?: string;
  /** A numbered list (tasks, directions): a new item gets the number after the last, not 0. */
  numbered?: boolean;
}) {
  const ed = useEditor();
  const { value: last } = useCall('records.list', { entity: props.entity, filters: props.filters ?? {}, sort: props.numbered ? { field: 'position', dir: 'desc' } : undefined, limit: 1 });
  const next = props.numbered ? { position: Number(last?.rows[0]?.position ?? 0) + 1 } : {};
  return (
    <>
      <RecordTable
        entity={props.entity}
        columns={props.columns}
        filters={props.filters}
        onOpen={ed.openRow}
        noun={props.noun}
        testId={props.testId}
        toolbar={<Button leftSection={<IconPlus size={16} />} onClick={ed.openNew}>{props.addLabel}</Button>}
      />
      <FormModal opened={!!ed.editing} title={ed.isNew ? props.titleNew : props.titleEdit} onClose={ed.close}>
        {(setDirty, close) => (
          <RecordForm
            entity={props.entity}
            fields={props.fields}
            initial={ed.row ? rowToValues(props.fields, ed.row) : { ...emptyValues(props.fields), ...next, ...props.defaults }}
            fixed={props.fixed}
            onDirtyChange={setDirty}
            onSaved={ed.close}
            onCancel={close}
            extra={ed.row ? <Group><DeleteButton entity={props.entity} id={ed.row.id} onDone={ed.close} /></Group> : undefined}
          />
        )}
      </FormModal>
    </>
  );
}
