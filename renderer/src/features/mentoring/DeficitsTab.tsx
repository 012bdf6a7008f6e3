/** Professional deficits found in teachers, picked from the school's extendable catalogue. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, Text } from '@mantine/core';
import { IconPlus, IconBook } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { RecordForm, emptyValues } from '../../components/RecordForm';
import { notifyOk } from '../../app/notify';
import { useCall } from '../../app/data';
import type { Row } from '../../../../preload/contract/index';
import { formatDate } from '../../../../common/format';
import { EditModal, type Editing } from './EditModal';
import { STAFF_DEFICIT_FIELDS, DEFICIT_FIELDS, NOUNS } from './fields';

export const staffDeficitWhat = (r: Row) => `дефицит «${r.deficit_title}»${r.staff_name ? ` у педагога ${r.staff_name}` : ''}`;

export const STAFF_DEFICIT_COLUMNS: Column[] = [
  { key: 'deficit_title', title: 'Дефицит', sort: 'deficit_title', render: (r) => <><Text size="sm">{r.deficit_title}</Text>{r.deficit_area && <Text size="xs" c="dimmed">{r.deficit_area}</Text>}</> },
  { key: 'identified_on', title: 'Выявлен', sort: 'identified_on', render: (r) => formatDate(r.identified_on as string | null) },
  { key: 'method', title: 'Как выявлен' },
  { key: 'resolved_on', title: 'Состояние', render: (r) => (r.resolved_on
    ? <Text size="sm" c="teal.8">Устранён {formatDate(String(r.resolved_on))}</Text>
    : <Text size="sm" fw={500} c="orange.8">Не устранён</Text>) },
];

/** Adds an entry to the deficit catalogue on top of another form. */
export function AddDeficitModal(props: { opened: boolean; onClose: () => void; onSaved: (row: Row) => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>Новый дефицит в каталоге</Text>} size="lg" zIndex={350} closeButtonProps={{ 'aria-label': 'Закрыть' }}>
      {props.opened && (
        <RecordForm
          entity="deficit"
          fields={DEFICIT_FIELDS}
          initial={emptyValues(DEFICIT_FIELDS)}
          submitLabel="Добавить в каталог"
          onCancel={props.onClose}
          onSaved={(row) => {
            notifyOk('Дефицит добавлен в каталог');
            props.onSaved(row);
          }}
        />
      )}
    </Modal>
  );
}

/** The «Добавить в каталог» link under the deficit picker; selects the new entry in the form. */
export function CatalogueAddButton({ patch }: { patch: (v: Record<string, unknown>) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setOpen(true)}>Нужного дефицита нет в каталоге — добавить</Button>
      <AddDeficitModal opened={open} onClose={() => setOpen(false)} onSaved={(row) => { setOpen(false); patch({ deficit_id: row.id }); }} />
    </>
  );
}

function CatalogueModal(props: { opened: boolean; onClose: () => void }) {
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>Каталог профессиональных дефицитов</Text>} size="xl" closeButtonProps={{ 'aria-label': 'Закрыть' }}>
      <Text size="sm" c="dimmed" mb="sm">Из этого списка выбирают дефицит педагога. Дополните его своими формулировками; встроенные записи можно переименовать, но не удалить.</Text>
      <RecordTable
        entity="deficit"
        testId="deficit-catalogue"
        pageSize={20}
        noun={NOUNS.catalogue}
        columns={[
          { key: 'title', title: 'Дефицит', sort: 'title' },
          { key: 'area', title: 'Область', sort: 'area' },
          { key: 'builtin', title: '', width: 110, render: (r) => (r.builtin === 1 ? <Badge variant="light" color="gray" size="sm">встроенный</Badge> : '') },
        ]}
        onOpen={(row) => setEditing({ row })}
        toolbar={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} ml="auto">Добавить в каталог</Button>}
      />
      <EditModal
        entity="deficit"
        editing={editing}
        fields={DEFICIT_FIELDS}
        titleNew="Новый дефицит в каталоге"
        titleEdit="Дефицит в каталоге"
        savedMessage="Каталог сохранён"
        deleteWhat={editing && 'row' in editing && editing.row.builtin !== 1 ? (r) => `дефицит «${r.title}» из каталога` : undefined}
        onClose={() => setEditing(null)}
      />
    </Modal>
  );
}

export function DeficitsTab() {
  const [state, setState] = useState<string>('open');
  const [deficit, setDeficit] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [catalogue, setCatalogue] = useState(false);
  const filters: Record<string, string | number> = {};
  if (state !== 'all') filters.resolved = state === 'open' ? 0 : 1;
  if (deficit) filters.deficit_id = deficit;
  return (
    <>
      <RecordTable
        entity="staff_deficit"
        testId="deficits-table"
        columns={[{ key: 'staff_name', title: 'Педагог', sort: 'staff_name' }, ...STAFF_DEFICIT_COLUMNS]}
        filters={filters}
        noun={NOUNS.deficit}
        searchPlaceholder="Поиск по дефициту, ФИО"
        onOpen={(row) => setEditing({ row })}
        toolbar={
          <>
            <Select aria-label="Состояние" allowDeselect={false} w={200} value={state} onChange={(v) => setState(v ?? 'open')}
              data={[{ value: 'open', label: 'Не устранённые' }, { value: 'resolved', label: 'Устранённые' }, { value: 'all', label: 'Все' }]} />
            <DeficitFilter value={deficit} onChange={setDeficit} />
            <Group ml="auto" gap="xs">
              <Button variant="default" leftSection={<IconBook size={16} />} onClick={() => setCatalogue(true)}>Каталог дефицитов</Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})}>Отметить дефицит</Button>
            </Group>
          </>
        }
      />
      <EditModal
        entity="staff_deficit"
        editing={editing}
        fields={STAFF_DEFICIT_FIELDS}
        titleNew="Профессиональный дефицит педагога"
        titleEdit="Профессиональный дефицит педагога"
        savedMessage="Дефицит сохранён"
        deleteWhat={staffDeficitWhat}
        extra={(patch) => <CatalogueAddButton patch={patch} />}
        onClose={() => setEditing(null)}
      />
      <CatalogueModal opened={catalogue} onClose={() => setCatalogue(false)} />
    </>
  );
}

function DeficitFilter(props: { value: string | null; onChange: (v: string | null) => void }) {
  const { value } = useCall('records.list', { entity: 'deficit', limit: 500 });
  return (
    <Select aria-label="Дефицит" placeholder="Любой дефицит" searchable clearable w={320} value={props.value} onChange={props.onChange}
      nothingFoundMessage="Ничего не найдено"
      data={(value?.rows ?? []).map((r) => ({ value: r.id, label: String(r.title) }))} />
  );
}
