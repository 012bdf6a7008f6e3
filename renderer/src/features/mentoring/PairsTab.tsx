/** Mentoring pairs: mentor → mentee, why, what subject, when, the plan and the outcome. */
import { useState } from 'react';
import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { label } from '../../components/Labels';
import type { Row } from '../../../../preload/contract/index';
import { mentoringReason } from '../../../../common/labels';
import { EditModal, type Editing } from './EditModal';
import { PAIR_FIELDS, NOUNS, period } from './fields';

export const pairWhat = (r: Row) => `наставническую пару «${r.mentor_name ?? '?'} → ${r.mentee_name ?? '?'}»`;

/** The server's state of a pair on today's day: «идёт», «не началась» or «завершена». */
export const PAIR_STATE: Record<string, { label: string; color: string }> = {
  current: { label: 'идёт', color: 'teal' },
  upcoming: { label: 'ещё не началась', color: 'blue' },
  ended: { label: 'завершена', color: 'gray' },
};

function PairState({ row }: { row: Row }) {
  const st = PAIR_STATE[String(row.state)] ?? PAIR_STATE.ended!;
  return <Badge size="xs" variant="light" color={st.color}>{st.label}</Badge>;
}

export const PAIR_COLUMNS: Column[] = [
  { key: 'mentor_name', title: 'Наставник', sort: 'mentor_name' },
  { key: 'mentee_name', title: 'Наставляемый', sort: 'mentee_name' },
  { key: 'reason', title: 'Основание', sort: 'reason', render: (r) => label(mentoringReason, r.reason) },
  { key: 'subject', title: 'Предмет' },
  { key: 'started_on', title: 'Период', sort: 'started_on', render: (r) => <>{period(r.started_on, r.ended_on)}{' '}<PairState row={r} /></> },
  { key: 'outcome', title: 'Результат', render: (r) => <Text size="sm" lineClamp={2}>{r.outcome}</Text> },
];

const STATES = [
  { value: 'current', label: 'Текущие пары' },
  { value: 'upcoming', label: 'Ещё не начались' },
  { value: 'ended', label: 'Завершённые пары' },
  { value: 'all', label: 'Все пары' },
];

export function PairsTab() {
  const [state, setState] = useState('current');
  const [reason, setReason] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const filters: Record<string, string | number> = {};
  if (state !== 'all') filters.state = state;
  if (reason) filters.reason = reason;
  return (
    <>
      <RecordTable
        entity="mentoring_pair"
        testId="pairs-table"
        columns={PAIR_COLUMNS}
        filters={filters}
        noun={NOUNS.pair}
        defaultSort={{ field: 'mentee_name', dir: 'asc' }}
        searchPlaceholder="Поиск по ФИО, предмету, результату"
        onOpen={(row) => setEditing({ row })}
        toolbar={
          <>
            <Select aria-label="Какие пары показать" data={STATES} value={state} onChange={(v) => setState(v ?? 'current')} allowDeselect={false} w={220} />
            {state === 'current' && <Text size="xs" c="dimmed" maw={220}>Завершённые и ещё не начавшиеся пары скрыты — они в «Все пары».</Text>}
            <Select aria-label="Основание" placeholder="Любое основание" data={mentoringReason.options} value={reason} onChange={setReason} clearable w={300} />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} ml="auto">Добавить пару</Button>
          </>
        }
      />
      <EditModal
        entity="mentoring_pair"
        editing={editing}
        fields={PAIR_FIELDS}
        titleNew="Новая наставническая пара"
        titleEdit="Наставническая пара"
        savedMessage="Наставническая пара сохранена"
        deleteWhat={pairWhat}
        onClose={() => setEditing(null)}
        // A pair saved as ended would vanish from «Текущие пары» the moment it is saved: show all instead.
        onSaved={(row) => { if (state === 'current' && row.ended_on) setState('all'); }}
      />
    </>
  );
}
