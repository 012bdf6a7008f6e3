/**
 * The one «Удалить …?» dialog: says what happens, runs the action with a busy button, refreshes the lists
 * afterwards and shows a refusal as a notification. `useConfirm` is the same dialog for cards that ask about
 * several different things.
 */
import { useState, type ReactNode } from 'react';
import { Modal, Text, Group, Button, Stack } from '@mantine/core';
import { useDataVersion } from '../app/data';
import { notifyError } from '../app/notify';

export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  children: ReactNode;
  /** The red button's label. */
  action?: string;
  disabled?: boolean;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  // A refusal from main becomes the Russian notification here, once, for every caller.
  const run = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      bump();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>{props.title}</Text>} centered zIndex={500}>
      <Stack gap="sm">
        {typeof props.children === 'string' ? <Text>{props.children}</Text> : props.children}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={props.onClose}>Отмена</Button>
          <Button color="red" loading={busy} disabled={props.disabled} onClick={() => void run()}>{props.action ?? 'Удалить'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export interface ConfirmRequest {
  title: string;
  text: ReactNode;
  action: string;
  run: () => Promise<void> | void;
}

/** `confirm({...})` opens the dialog; it closes itself after the action ran. Render `node` once. */
export function useConfirm() {
  const [ask, setAsk] = useState<ConfirmRequest | null>(null);
  const node = (
    <ConfirmDialog
      opened={!!ask}
      title={ask?.title ?? ''}
      action={ask?.action}
      onClose={() => setAsk(null)}
      onConfirm={async () => {
        try {
          await ask?.run();
        } finally {
          setAsk(null);
        }
      }}
    >
      {ask?.text}
    </ConfirmDialog>
  );
  return { confirm: setAsk, node };
}
