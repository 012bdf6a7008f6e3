/** «Удалить …?» with what else goes with the record (counted by main); deletes to the recycle bin with «Отменить». */
import { Text } from '@mantine/core';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DeletionPreviewText, useDeletionPreview, useRemoveWithUndo } from '../../components/DeleteButton';
import { notifyError } from '../../app/notify';
import type { EntityName, Row } from '../../../../preload/contract/index';

export interface DeleteTarget {
  entity: EntityName;
  row: Row;
  /** What the user sees: «наставническую пару Иванова → Петрова». */
  what: string;
}

export function ConfirmDelete(props: { target: DeleteTarget | null; onCancel: () => void; onDeleted: () => void }) {
  const t = props.target;
  const preview = useDeletionPreview(t?.entity, t?.row.id);
  const removeWithUndo = useRemoveWithUndo();
  const remove = async () => {
    if (!t) return;
    try {
      await removeWithUndo(t.entity, t.row.id);
      props.onDeleted();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <ConfirmDialog opened={!!t} title="Удалить запись?" onClose={props.onCancel} onConfirm={remove} disabled={preview === null}>
      {t && (
        <>
          <Text>Удалить {t.what}?</Text>
          <DeletionPreviewText preview={preview} />
        </>
      )}
    </ConfirmDialog>
  );
}
