/** Delete with a confirmation that says what else goes with the record. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { ConfirmDialog } from './ConfirmDialog';
import { IconTrash } from '@tabler/icons-react';
import { call } from '../app/api';
import { useAction } from '../app/useAction';
import { notifyOk } from '../app/notify';
import type { EntityName } from '../../../preload/contract/index';
import { count } from '../../../common/format';

export function DeleteButton(props: { entity: EntityName; id: string; onDone: () => void; warning?: string; label?: string }) {
  const [asking, setAsking] = useState(false);
  const { run: act } = useAction();
  const run = () => act(async () => {
    const r = await call('records.remove', { entity: props.entity, id: props.id });
    notifyOk(r.removed > 1 ? `Удалено: ${count(r.removed, ['запись', 'записи', 'записей'])} (вместе со связанными)` : 'Запись удалена');
    setAsking(false);
    props.onDone();
  });
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setAsking(true)}>{props.label ?? 'Удалить'}</Button>
      <ConfirmDialog opened={asking} title="Удалить запись?" onClose={() => setAsking(false)} onConfirm={run}>
        {props.warning ?? 'Запись будет удалена вместе со связанными с ней записями.'}
      </ConfirmDialog>
    </>
  );
}
