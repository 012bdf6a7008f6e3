/** A form in a modal for one record of the registry: new or edit, with «Удалить» when editing. */
import { useRef, useState, type ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { FormModal, RecordForm, emptyValues, rowToValues, type FieldSpec } from '../../components/RecordForm';
import { notifyOk } from '../../app/notify';
import type { EntityName, Row } from '../../../../preload/contract/index';
import { ConfirmDelete, type DeleteTarget } from './ConfirmDelete';

type Values = Record<string, unknown>;

/** What to open: an existing row, or a new record with some values filled in. */
export type Editing = { row: Row } | { initial?: Values } | null;

export interface EditModalProps {
  entity: EntityName;
  editing: Editing;
  fields: FieldSpec[];
  titleNew: string;
  titleEdit: string;
  /** Values that are not fields (e.g. staff_id when opened from a staff card). */
  fixed?: Values;
  onClose: () => void;
  /** How the delete confirmation names the record. */
  deleteWhat?: (row: Row) => string;
  savedMessage?: string;
  /** After a save, with the saved row (e.g. to show a pair the current filter would hide). */
  onSaved?: (row: Row) => void;
  /** Something under the fields; `patch` sets form values (e.g. a catalogue entry just added). */
  extra?: (patch: (v: Values) => void) => ReactNode;
}

export function EditModal(props: EditModalProps) {
  const e = props.editing;
  const row = e && 'row' in e ? e.row : null;
  const [confirm, setConfirm] = useState<DeleteTarget | null>(null);
  const [seed, setSeed] = useState<{ key: number; values: Values } | null>(null);
  const latest = useRef<Values>({});
  const base = row ? rowToValues(props.fields, row) : { ...emptyValues(props.fields), ...(e && 'initial' in e ? e.initial : {}) };
  const initial = seed?.values ?? base;
  const close = () => {
    setSeed(null);
    latest.current = {};
    props.onClose();
  };
  return (
    <>
      <FormModal opened={!!e} title={row ? props.titleEdit : props.titleNew} onClose={close}>
        {(setDirty, tryClose) => (
          <RecordForm
            key={seed?.key ?? 0}
            entity={props.entity}
            fields={props.fields}
            initial={initial}
            fixed={props.fixed}
            onDirtyChange={(d) => setDirty(d || !!seed)}
            onFieldChange={(_n, _v, values) => { latest.current = values; }}
            onCancel={tryClose}
            onSaved={(saved) => {
              notifyOk(props.savedMessage ?? 'Сохранено');
              props.onSaved?.(saved);
              close();
            }}
            extra={
              (props.extra || (row && props.deleteWhat)) && (
                <Group justify="space-between" align="flex-start">
                  <div>{props.extra?.((v) => setSeed((s) => ({ key: (s?.key ?? 0) + 1, values: { ...initial, ...latest.current, ...v } })))}</div>
                  {row && props.deleteWhat && (
                    <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />}
                      onClick={() => setConfirm({ entity: props.entity, row, what: props.deleteWhat!(row) })}>
                      Удалить
                    </Button>
                  )}
                </Group>
              )
            }
          />
        )}
      </FormModal>
      <ConfirmDelete target={confirm} onCancel={() => setConfirm(null)} onDeleted={() => { setConfirm(null); close(); }} />
    </>
  );
}
