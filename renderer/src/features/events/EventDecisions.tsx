/** The decisions (поручения) taken at one event, with their follow-up. */
import { useState } from 'react';
import { Table, Group, Button, Text, Title, ActionIcon, Tooltip, Alert, Stack } from '@mantine/core';
import { IconPlus, IconPencil, IconTrash, IconCheck } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { useRemoveWithUndo } from '../../components/DeleteButton';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import type { Row } from '../../../../preload/contract/index';
import { DecisionFormModal } from './DecisionFormModal';
import { MarkDoneModal } from './MarkDoneModal';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DecisionStatus, Deadline } from './DecisionStatus';

export function EventDecisions({ eventId }: { eventId: string }) {
  const removeWithUndo = useRemoveWithUndo();
  const { value, error } = useCall('records.list', { entity: 'decision', filters: { event_id: eventId }, sort: { field: 'deadline', dir: 'asc' }, limit: 500 });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [marking, setMarking] = useState<Row | null>(null);
  const [removing, setRemoving] = useState<Row | null>(null);
  const rows = value?.rows ?? [];
  return (
    <Stack gap="xs" data-testid="event-decisions">
      <Group justify="space-between">
        <Title order={4}>Поручения</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Добавить поручение</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {value && rows.length === 0 && <Text size="sm" c="dimmed">Поручений нет. Если на мероприятии что-то поручили, добавьте это с ответственным и сроком — программа напомнит о просроченных.</Text>}
      {rows.length > 0 && (
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Поручение</Table.Th>
              <Table.Th w={150}>Ответственный</Table.Th>
              <Table.Th w={100}>Срок</Table.Th>
              <Table.Th w={190}>Исполнение</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-row-id={r.id} bg={r.overdue === 1 ? 'red.0' : undefined}>
                <Table.Td className="cell-wrap">{String(r.text)}</Table.Td>
                <Table.Td className="cell-wrap">{String(r.responsible)}</Table.Td>
                <Table.Td><Deadline row={r} /></Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <DecisionStatus row={r} />
                    {r.note ? <Text size="xs" c="dimmed" className="cell-wrap">{String(r.note)}</Text> : null}
                    {!r.done_on && (
                      <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCheck size={12} />} onClick={() => setMarking(r)}>
                        Отметить исполненным
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label="Изменить">
                      <ActionIcon variant="subtle" aria-label="Изменить поручение" onClick={() => setEditing(r)}><IconPencil size={16} /></ActionIcon>
                    </Tooltip>
                    <Tooltip label="Удалить">
                      <ActionIcon variant="subtle" color="red" aria-label="Удалить поручение" onClick={() => setRemoving(r)}><IconTrash size={16} /></ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DecisionFormModal opened={editing !== null} eventId={eventId} row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <MarkDoneModal row={marking} onClose={() => setMarking(null)} />
      <ConfirmDialog
        opened={!!removing}
        title="Удалить поручение?"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await removeWithUndo('decision', removing!.id);
          setRemoving(null);
        }}
      >
        Поручение «{String(removing?.text ?? '')}» будет удалено.
      </ConfirmDialog>
    </Stack>
  );
}
