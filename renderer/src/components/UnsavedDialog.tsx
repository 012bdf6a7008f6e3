/** «Несохранённые изменения»: the question UnsavedGuard asks before a form with changes is left. */
import { Button, Group, Modal, Text } from '@mantine/core';

export function UnsavedDialog({ opened, onStay, onLeave }: { opened: boolean; onStay: () => void; onLeave: () => void }) {
  return (
    <Modal opened={opened} onClose={onStay} closeOnEscape={false} title={<Text fw={600}>Несохранённые изменения</Text>} centered zIndex={600}>
      <Text mb="md">В форме есть несохранённые изменения. Уйти без сохранения?</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onStay} data-autofocus>Остаться и сохранить</Button>
        <Button color="red" onClick={onLeave}>Уйти без сохранения</Button>
      </Group>
    </Modal>
  );
}
