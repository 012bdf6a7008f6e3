/**
 * Deleting a record: the confirmation says beforehand what else goes with it (records.removePreview — the
 * cascade main applies, counted by main), the delete goes to the recycle bin, and the notification after it
 * offers «Отменить», which restores the whole group.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from './ConfirmDialog';
import { call } from '../app/api';
import { useAction } from '../app/useAction';
import { useDataVersion } from '../app/data';
import { notifyError, notifyOk } from '../app/notify';
import type { DeletionPreview, EntityName, RemoveResult } from '../../../preload/contract/index';
import { count } from '../../../common/format';

/** What a delete will take with it, from main; null while it is being counted. */
export function useDeletionPreview(entity: EntityName | undefined, id: string | undefined): DeletionPreview | null {
  const [p, setP] = useState<DeletionPreview | null>(null);
  useEffect(() => {
    setP(null);
    if (!entity || !id) return;
    let live = true;
    call('records.removePreview', { entity, id }).then((v) => live && setP(v), () => live && setP({ total: 1, others: [], personalErased: false }));
    return () => { live = false; };
  }, [entity, id]);
  return p;
}

/** «Вместе с ней удалятся: …» and the note about personal data, under the question. */
export function DeletionPreviewText({ preview }: { preview: DeletionPreview | null }) {
  if (!preview) return <Loader size="xs" />;
  return (
    <Stack gap={4}>
      {preview.others.length > 0 && (
        <Text c="red.8" data-testid="delete-dependents">
          Вместе с ней будут удалены связанные записи ({preview.total - 1}): {preview.others.map((o) => `${o.kind.toLowerCase()} — ${o.count}`).join('; ')}.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Удалённое попадёт в «Корзину», откуда его можно восстановить{preview.personalErased ? '; ФИО и дата рождения обучающегося будут стёрты сразу и не восстановятся' : ''}.
      </Text>
    </Stack>
  );
}

/** The notification after a delete that went to the bin, with «Отменить» (restores the whole group). */
export function useUndoNotice() {
  const { bump } = useDataVersion();
  return (r: RemoveResult): void => {
    const key = `deleted-${r.deletionId}`;
    const undo = async () => {
      notifications.hide(key);
      try {
        await call('recycleBin.restore', { id: r.deletionId });
        notifyOk('Удаление отменено: запись восстановлена');
        bump();
      } catch (e) {
        notifyError(e);
      }
    };
    notifications.show({
      id: key, color: 'teal', autoClose: 10000,
      message: (
        // Text above the button: the message is as narrow as the navigation it sits under (App.tsx).
        <Stack gap={6} align="flex-start">
          <Text size="sm">{r.removed > 1 ? `Удалено: ${count(r.removed, ['запись', 'записи', 'записей'])} (вместе со связанными). Они в «Корзине».` : 'Запись удалена. Она в «Корзине».'}</Text>
          <Button size="xs" variant="light" onClick={() => void undo()} data-testid="undo-delete">Отменить</Button>
        </Stack>
      ),
    });
  };
}

/** Deletes through records.remove and shows the notification with «Отменить». */
export function useRemoveWithUndo() {
  const notice = useUndoNotice();
  return async (entity: EntityName, id: string): Promise<void> => notice(await call('records.remove', { entity, id }));
}

export function DeleteButton(props: { entity: EntityName; id: string; onDone: () => void; warning?: ReactNode; label?: string }) {
  const [asking, setAsking] = useState(false);
  const { run: act } = useAction();
  const remove = useRemoveWithUndo();
  const preview = useDeletionPreview(asking ? props.entity : undefined, props.id);
  const run = () => act(async () => {
    await remove(props.entity, props.id);
    setAsking(false);
    props.onDone();
  });
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setAsking(true)}>{props.label ?? 'Удалить'}</Button>
      <ConfirmDialog opened={asking} title="Удалить запись?" onClose={() => setAsking(false)} onConfirm={run} disabled={!preview}>
        <Stack gap="xs">
          {props.warning && <Text>{props.warning}</Text>}
          <DeletionPreviewText preview={preview} />
        </Stack>
      </ConfirmDialog>
    </>
  );
}
