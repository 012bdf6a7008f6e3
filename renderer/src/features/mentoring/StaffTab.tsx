/** The staff list: who works at the school, who is young or newly arrived, and whether they have a mentor. */
import { ListImportButton } from '../../components/ListImport';
import { useState } from 'react';
import { Badge, Button, Group, Select, Checkbox, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { RecordTable, type Column } from '../../components/RecordTable';
import { label } from '../../components/Labels';
import type { Row } from '../../../../preload/contract/index';
import { staffCategory } from '../../../../common/labels';
import { formatDate } from '../../../../common/format';
import { EditModal, type Editing } from './EditModal';
import { STAFF_FIELDS, NEW_STAFF, NOUNS } from './fields';

export type StaffGroup = 'all' | 'newcomer' | 'needs_mentor';

const GROUPS = [
  { value: 'all', label: 'Все педагоги' },
  { value: 'newcomer', label: 'Молодые и вновь прибывшие' },
  { value: 'needs_mentor', label: 'Без наставника (молодые и вновь прибывшие)' },
];

/** «Молодой специалист», «Вновь прибывший», «Уволен …» marks under a name. */
export function NewcomerBadges({ row }: { row: Row }) {
  return (
    <Group gap={8}>
      {row.young_specialist === 1 && <Text size="xs" fw={600} c="grape.7">Молодой специалист</Text>}
      {row.newly_arrived === 1 && <Text size="xs" fw={600} c="cyan.8">Вновь прибывший</Text>}
      {row.left_on && <Text size="xs" fw={600} c="gray.7">{row.not_left === 1 ? 'Увольняется' : 'Уволен'} {formatDate(String(row.left_on))}</Text>}
    </Group>
  );
}

/** Whether a teacher who is to have a mentor (the server's mentor_due) has one now; nothing for the others. */
export function MentorBadge({ row }: { row: Row }) {
  if (row.mentor_due !== 1) return <Text size="sm" c="dimmed">—</Text>;
  return Number(row.has_mentor) > 0
    ? <Badge color="teal" variant="light">Есть</Badge>
    : <Tooltip label="Молодому или вновь прибывшему педагогу нужен наставник"><Badge color="red" variant="filled">Нет</Badge></Tooltip>;
}

const columns: Column[] = [
  { key: 'full_name', title: 'ФИО', sort: 'full_name', width: 240, render: (r) => <><Text size="sm" fw={500}>{r.full_name}</Text><NewcomerBadges row={r} /></> },
  { key: 'position', title: 'Должность', sort: 'position' },
  { key: 'subjects', title: 'Предметы', width: 170 },
  { key: 'category', title: 'Категория', sort: 'category', render: (r) => label(staffCategory, r.category) },
  { key: 'pedagogical_education', title: 'Пед. образование', width: 110, render: (r) => (r.pedagogical_education === 1 ? 'Да' : <Text size="sm" c="orange.8">Нет</Text>) },
  { key: 'experience_years', title: 'Стаж, лет', sort: 'experience_years', width: 80 },
  { key: 'hired_on', title: 'Принят', render: (r) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(r.hired_on as string | null)}</Text> },
  { key: 'has_mentor', title: 'Наставник', render: (r) => <MentorBadge row={r} /> },
  { key: 'open_deficits', title: 'Дефициты', width: 90, render: (r) => (Number(r.open_deficits) > 0
    ? <Tooltip label="Неустранённые профессиональные дефициты"><Badge color="orange" variant="light">{r.open_deficits}</Badge></Tooltip> : '') },
];

export function StaffTab(props: { group: StaffGroup; setGroup: (g: StaffGroup) => void; onOpen: (row: Row) => void }) {
  const [category, setCategory] = useState<string | null>(null);
  const [withLeft, setWithLeft] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const { value: anyone } = useCall('records.list', { entity: 'staff', limit: 1 });
  const filters: Record<string, string | number> = {};
  if (category) filters.category = category;
  if (props.group === 'newcomer') filters.mentor_due = 1;
  if (props.group === 'needs_mentor') filters.needs_mentor = 1;
  if (!withLeft) filters.working = 1;
  return (
    <>
      <RecordTable
        entity="staff"
        testId="staff-table"
        columns={columns}
        filters={filters}
        noun={NOUNS.staff}
        searchPlaceholder="Поиск по ФИО, должности, предметам"
        onOpen={props.onOpen}
        empty={anyone?.total === 0 ? 'Педагогов пока нет. Нажмите «Добавить педагога».' : 'Никого не найдено. Измените поиск или фильтры.'}
        toolbar={
          <>
            <Select aria-label="Группа педагогов" data={GROUPS} value={props.group} onChange={(v) => props.setGroup((v as StaffGroup) ?? 'all')} allowDeselect={false} w={300} />
            <Select aria-label="Категория" placeholder="Любая категория" data={staffCategory.options} value={category} onChange={setCategory} clearable w={200} />
            <Checkbox label="Показать уволенных" checked={withLeft} onChange={(e) => setWithLeft(e.currentTarget.checked)} />
            <Group gap="xs" ml="auto"><ListImportButton kind="staff" /><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ initial: NEW_STAFF })}>Добавить педагога</Button></Group>
          </>
        }
      />
      <EditModal
        entity="staff"
        editing={editing}
        fields={STAFF_FIELDS}
        titleNew="Новый педагог"
        titleEdit="Педагог"
        savedMessage="Педагог сохранён"
        onClose={() => setEditing(null)}
      />
    </>
  );
}
