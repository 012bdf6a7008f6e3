/** Delete with a confirmation that says what else goes with the record. */
import { useState } from 'react';
import { Button, Modal, Text, Group } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { call } from '../app/api';
import { useAction } from '../app/useAction';
import { notifyOk } from '../app/notify';
import type { EntityName } from '../../../preload/contract/index';
import { count } from '../../../common/format';

export function DeleteButton(props: { entity: EntityName; id: string; onDone: () => void; warning?: string; label?: string }) {
  const [asking, setAsking] = useState(false);
  const { busy, run: act } = useAction();
  const run = () => act(async () => {
    const r = await call('records.remove', { entity: props.entity, id: props.id });
    notifyOk(r.removed > 1 ? `Удалено: ${count(r.removed, ['запись', 'записи', 'записей'])} (вместе со связанными)` : 'Запись удалена');
    setAsking(false);
    props.onDone();
  });
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setAsking(true)}>{props.label ?? 'Удалить'}</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={<Text fw={600}>Удалить запись?</Text>} centered zIndex={400}>
        <Text mb="md">{props.warning ?? 'Запись будет удалена вместе со связанными с ней записями.'}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)}>Отмена</Button>
          <Button color="red" loading={busy} onClick={() => void run()}>Удалить</Button>
        </Group>
      </Modal>
    </>
  );
}
