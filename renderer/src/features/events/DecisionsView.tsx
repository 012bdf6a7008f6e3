/** «Поручения»: every decision across events, to follow up what is due or overdue. */
import { useState } from 'react';
import { SegmentedControl, Text, Button, Stack } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { formatDate } from '../../../../common/format';
import type { Row } from '../../../../preload/contract/index';
import { DecisionStatus, Deadline } from './DecisionStatus';
import { MarkDoneModal } from './MarkDoneModal';
import { DECISION_NOUN } from './fields';

type Show = 'open' | 'overdue' | 'done' | 'all';
const FILTERS: Record<Show, Record<string, number>> = { open: { open: 1 }, overdue: { overdue: 1 }, done: { open: 0 }, all: {} };
const EMPTY: Record<Show, string> = {
  open: 'Все поручения исполнены.',
  overdue: 'Просроченных поручений нет.',
  done: 'Исполненных поручений пока нет.',
  all: 'Поручений пока нет. Их добавляют в карточке мероприятия.',
};

export function DecisionsView({ onOpenEvent }: { onOpenEvent: (eventId: string) => void }) {
  const [show, setShow] = useState<Show>('open');
  const [marking, setMarking] = useState<Row | null>(null);
  const columns: Column[] = [
    { key: 'deadline', title: 'Срок', sort: 'deadline', width: 110, render: (r) => <Deadline row={r} /> },
    { key: 'text', title: 'Поручение', render: (r) => String(r.text) },
    { key: 'responsible', title: 'Ответственный', sort: 'responsible', width: 170 },
    {
      key: 'event_title', title: 'Мероприятие', sort: 'event_date', width: 260,
      render: (r) => (
        <>
          <Text size="sm">{String(r.event_title ?? '')}</Text>
          <Text size="xs" c="dimmed">{formatDate(r.event_date as string | null)}</Text>
        </>
      ),
    },
    {
      key: 'status', title: 'Исполнение', width: 220,
      render: (r) => (
        <Stack gap={4} align="flex-start">
          <DecisionStatus row={r} />
          {r.note ? <Text size="xs" c="dimmed">{String(r.note)}</Text> : null}
          {!r.done_on && (
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={12} />}
              onClick={(e) => {
                e.stopPropagation();
                setMarking(r);
              }}
            >
              Отметить исполненным
            </Button>
          )}
        </Stack>
      ),
    },
  ];
  return (
    <>
      <RecordTable
        key={show}
        entity="decision"
        testId="decision-list"
        columns={columns}
        filters={FILTERS[show]}
        defaultSort={{ field: 'deadline', dir: show === 'done' ? 'desc' : 'asc' }}
        noun={DECISION_NOUN}
        searchPlaceholder="Поиск по тексту, ответственному, мероприятию"
        onOpen={(r) => onOpenEvent(String(r.event_id))}
        empty={EMPTY[show]}
        toolbar={
          <SegmentedControl
            value={show}
            onChange={(v) => setShow(v as Show)}
            data={[
              { value: 'open', label: 'Неисполненные' },
              { value: 'overdue', label: 'Просроченные' },
              { value: 'done', label: 'Исполненные' },
              { value: 'all', label: 'Все' },
            ]}
          />
        }
      />
      <MarkDoneModal row={marking} onClose={() => setMarking(null)} />
    </>
  );
}
