/** The municipality's event journal: search, filter by kind and period, a card per meeting (MeetingEditor). */
import { useState } from 'react';
import { Stack, Group, Button, TextInput, Select, Table, Text, Badge, Alert } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCall } from '../../../app/data';
import { formatDate, count } from '../../../../../common/format';
import { eventKind, eventFormat } from '../../../../../common/labels';
import { isoOrNull } from '../../../components/TypedDateInput';
import { DateField } from '../../../components/DocumentFields';
import { MeetingEditor } from './MeetingEditor';

export function MeetingsTab() {
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const list = useCall('municipality.events.list', { search, kind, from: isoOrNull(from), to: isoOrNull(to) });
  if (open) return <MeetingEditor eventId={open === 'new' ? null : open} onBack={() => setOpen(null)} onSaved={(id) => setOpen(id)} />;
  const filtered = !!(search || kind || from || to);
  return (
    <Stack data-testid="meetings-tab">
      {/* Top-aligned: a date filter's message under it must not lift its neighbours. */}
      <Group align="flex-start">
        <TextInput label="Поиск" placeholder="Тема, организатор, выводы" leftSection={<IconSearch size={14} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={300} />
        <Select label="Вид" placeholder="Все виды" clearable data={eventKind.options} value={kind} onChange={setKind} w={220} />
        <DateField label="С" value={from} onChange={setFrom} />
        <DateField label="По" value={to} onChange={setTo} />
        <Button ml="auto" mt={25} leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')} data-testid="meeting-new">Новое мероприятие</Button>
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {list.value && list.value.length === 0 && (
        <Text c="dimmed">{filtered ? 'Ничего не найдено. Фильтры выше скрывают остальные мероприятия — очистите их.' : 'Журнал пуст. Добавьте первое мероприятие: совещание, видеоконференцию с руководителями, семинар или методический день.'}</Text>
      )}
      {(list.value ?? []).length > 0 && (
        <Table fz="sm" withTableBorder striped highlightOnHover data-testid="meetings-table">
          <Table.Thead><Table.Tr><Table.Th w={120}>Дата</Table.Th><Table.Th w={170}>Вид</Table.Th><Table.Th>Тема</Table.Th><Table.Th w={150}>Школы</Table.Th><Table.Th w={90}>Выводы</Table.Th><Table.Th w={150}>Поручения</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(list.value ?? []).map((e) => (
              <Table.Tr key={e.id} className="row-click" onClick={() => setOpen(e.id)} data-testid="meeting-row">
                <Table.Td>{formatDate(e.date_from)}{e.date_to && e.date_to !== e.date_from ? ` — ${formatDate(e.date_to)}` : ''}</Table.Td>
                <Table.Td>{eventKind.labels[e.kind as keyof typeof eventKind.labels] ?? 'Другое'}<Text size="xs" c="dimmed">{eventFormat.labels[e.format as keyof typeof eventFormat.labels] ?? ''}</Text></Table.Td>
                <Table.Td className="cell-wrap">{e.topic}{e.files ? <Text size="xs" c="dimmed">{count(e.files, ['файл', 'файла', 'файлов'])}</Text> : null}</Table.Td>
                <Table.Td>{e.invited ? `${e.present} из ${e.invited}` : '—'}{e.absent ? <Text size="xs" c="red">не участвовали: {e.absent}</Text> : null}</Table.Td>
                <Table.Td>{e.conclusions}</Table.Td>
                <Table.Td>{e.assignments}{e.overdue ? <Badge ml={6} color="red" variant="filled" tt="none">не в срок: {e.overdue}</Badge> : null}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
