/** A confirmation before a deletion, saying what goes with it. */
import { useState, type ReactNode } from 'react';
import { Modal, Text, Group, Button } from '@mantine/core';

export function ConfirmDelete(props: { opened: boolean; title: string; children: ReactNode; onConfirm: () => Promise<void>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>{props.title}</Text>} centered zIndex={400}>
      <Text mb="md">{props.children}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>Отмена</Button>
        <Button
          color="red"
          loading={busy}
          onClick={() => {
            setBusy(true);
            void props.onConfirm().finally(() => setBusy(false));
          }}
        >
          Удалить
        </Button>
      </Group>
    </Modal>
  );
}
