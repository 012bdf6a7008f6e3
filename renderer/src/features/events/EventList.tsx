/** The event log as a paged table with filters by kind, level, format and year. */
import { useMemo, useState } from 'react';
import { Select, Badge, Group, Text, Button, Tooltip } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { label } from '../../components/Labels';
import { useCall } from '../../app/data';
import { eventKind, eventLevel, eventFormat } from '../../../../common/labels';
import { count } from '../../../../common/format';
import { eventDates } from './format';
import { EVENT_NOUN } from './fields';

const COLUMNS: Column[] = [
  { key: 'date_from', title: 'Дата', sort: 'date_from', width: 110, render: (r) => <Text size="sm">{eventDates(r)}</Text> },
  {
    key: 'title', title: 'Название', sort: 'title',
    render: (r) => (
      <>
        <Text size="sm" fw={500}>{String(r.title)}</Text>
        {r.organiser ? <Text size="xs" c="dimmed">Организатор: {String(r.organiser)}</Text> : null}
      </>
    ),
  },
  { key: 'kind', title: 'Вид', width: 140, render: (r) => label(eventKind, r.kind) },
  { key: 'level', title: 'Уровень', width: 130, render: (r) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{label(eventLevel, r.level)}</Text> },
  { key: 'format', title: 'Формат', width: 120, render: (r) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{label(eventFormat, r.format)}</Text> },
  { key: 'participants_count', title: 'Участников', width: 100, render: (r) => (r.participants_count == null ? '—' : String(r.participants_count)) },
  {
    key: 'open_decisions', title: 'Поручения', width: 130,
    render: (r) => (Number(r.open_decisions) > 0
      ? <Tooltip label="Поручения, которые ещё не отмечены исполненными"><Badge color="orange" variant="light" style={{ textTransform: 'none' }}>{count(Number(r.open_decisions), ['открытое', 'открытых', 'открытых'])}</Badge></Tooltip>
      : null),
  },
  {
    key: 'attachments', title: 'Файлы', width: 70,
    render: (r) => (Number(r.attachments) > 0
      ? <Group gap={2} wrap="nowrap" aria-label={`Файлов: ${r.attachments}`}><IconPaperclip size={14} /><Text size="sm">{String(r.attachments)}</Text></Group>
      : null),
  },
];

type Filters = { kind: string | null; level: string | null; format: string | null; year: string | null };
const NO_FILTERS: Filters = { kind: null, level: null, format: null, year: null };

function useYears(): string[] {
  const first = useCall('records.list', { entity: 'event', sort: { field: 'date_from', dir: 'asc' }, limit: 1 }).value?.rows[0];
  const last = useCall('records.list', { entity: 'event', sort: { field: 'date_from', dir: 'desc' }, limit: 1 }).value?.rows[0];
  return useMemo(() => {
    if (!first || !last) return [];
    const from = Number(String(first.date_from).slice(0, 4));
    const to = Number(String(last.date_from).slice(0, 4));
    const years: string[] = [];
    for (let y = to; y >= from; y--) years.push(String(y));
    return years;
  }, [first, last]);
}

export function EventList({ onOpen }: { onOpen: (id: string) => void }) {
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const years = useYears();
  const filters = useMemo(() => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null)) as Record<string, string>, [f]);
  const set = (k: keyof Filters) => (v: string | null) => setF((p) => ({ ...p, [k]: v }));
  const any = Object.keys(filters).length > 0;
  return (
    <RecordTable
      entity="event"
      testId="event-list"
      columns={COLUMNS}
      filters={filters}
      defaultSort={{ field: 'date_from', dir: 'desc' }}
      noun={EVENT_NOUN}
      searchPlaceholder="Поиск: название, организатор, итоги"
      onOpen={(r) => onOpen(r.id)}
      empty={any ? 'Ничего не найдено. Измените поиск или сбросьте фильтры.' : 'В журнале пока нет мероприятий. Нажмите «Добавить мероприятие».'}
      toolbar={
        <>
          <Select aria-label="Вид" placeholder="Все виды" data={eventKind.options} value={f.kind} onChange={set('kind')} clearable w={200} comboboxProps={{ withinPortal: true }} />
          <Select aria-label="Уровень" placeholder="Все уровни" data={eventLevel.options} value={f.level} onChange={set('level')} clearable w={160} />
          <Select aria-label="Формат" placeholder="Любой формат" data={eventFormat.options} value={f.format} onChange={set('format')} clearable w={160} />
          <Select aria-label="Год" placeholder="Все годы" data={years} value={f.year} onChange={set('year')} clearable w={120} />
          {any && <Button variant="subtle" onClick={() => setF(NO_FILTERS)}>Сбросить фильтры</Button>}
        </>
      }
    />
  );
}
