/** The card of one event: its details, the programme activities it served, decisions and files. */
import { useState } from 'react';
import { Drawer, Stack, Group, Button, Text, Title, Badge, Divider, SimpleGrid, Loader, Center, Alert } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { useRemoveWithUndo } from '../../components/DeleteButton';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { label } from '../../components/Labels';
import { eventKind, eventLevel, eventFormat } from '../../../../common/labels';
import { count } from '../../../../common/format';
import type { Row } from '../../../../preload/contract/index';
import { EventFormModal } from './EventFormModal';
import { EventActivities } from './EventActivities';
import { EventDecisions } from './EventDecisions';
import { Attachments } from '../../components/Attachments';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { eventDates } from './format';

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{name}</Text>
      <Text size="sm" className="cell-wrap">{children || '—'}</Text>
    </div>
  );
}

function removalText(row: Row, decisions: number, files: number) {
  const parts = [
    decisions ? count(decisions, ['поручением', 'поручениями', 'поручениями']) : '',
    files ? count(files, ['файлом', 'файлами', 'файлами']) : '',
  ].filter(Boolean);
  return `Мероприятие «${String(row.title)}» будет удалено из журнала${parts.length ? ' вместе с ' + parts.join(' и ') : ''}. Связи с мероприятиями программы тоже будут сняты.`;
}

function CardBody({ row, onClosed }: { row: Row; onClosed: () => void }) {
  const removeWithUndo = useRemoveWithUndo();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { value: decisions } = useCall('records.list', { entity: 'decision', filters: { event_id: row.id }, limit: 1 });
  const { value: files } = useCall('attachments.list', { eventId: row.id });
  return (
    <Stack gap="md" data-testid="event-card">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light">{label(eventKind, row.kind)}</Badge>
          <Badge variant="light" color="grape">{label(eventLevel, row.level)} уровень</Badge>
          <Badge variant="light" color="gray">{label(eventFormat, row.format)}</Badge>
        </Group>
        <Title order={3}>{String(row.title)}</Title>
        <Text fw={500}>{eventDates(row)}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Fact name="Организатор">{String(row.organiser ?? '')}</Fact>
        <Fact name="Участники">
          {[row.participants_count != null ? `${row.participants_count} чел.` : '', String(row.participants ?? '')].filter(Boolean).join(' — ')}
        </Fact>
      </SimpleGrid>
      <Fact name="Итоги">{String(row.outcomes ?? '')}</Fact>
      <Group>
        <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>Изменить</Button>
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setRemoving(true)}>Удалить мероприятие</Button>
      </Group>
      <Divider />
      <EventDecisions eventId={row.id} />
      <Divider />
      <EventActivities eventId={row.id} />
      <Divider />
      <Attachments eventId={row.id} shareable note="В управление образования уходит только то, что отмечено «Передать»." />
      <EventFormModal opened={editing} row={row} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={removing}
        title="Удалить мероприятие?"
        onClose={() => setRemoving(false)}
        onConfirm={async () => {
          await removeWithUndo('event', row.id);
          setRemoving(false);
          onClosed();
        }}
      >
        {removalText(row, decisions?.total ?? 0, files?.length ?? 0)}
      </ConfirmDialog>
    </Stack>
  );
}

export function EventCard({ eventId, onClose }: { eventId: string | null; onClose: () => void }) {
  const { value, error } = useCall('records.get', eventId ? { entity: 'event', id: eventId } : null);
  const row = value && value.id === eventId ? value : null;
  return (
    <Drawer opened={!!eventId} onClose={onClose} position="right" size="xl" title={<Text fw={600}>Карточка мероприятия</Text>} closeButtonProps={{ 'aria-label': 'Закрыть карточку' }}>
      {eventId && error && <Alert color="red">{error}</Alert>}
      {eventId && !row && !error && <Center py="xl"><Loader /></Center>}
      {row && <CardBody key={row.id} row={row} onClosed={onClose} />}
    </Drawer>
  );
}
