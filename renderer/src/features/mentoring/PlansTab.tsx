/** Individual development plans (индивидуальный образовательный маршрут, ИОМ). */
import { useState } from 'react';
import { Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import { label } from '../../components/Labels';
import type { Row } from '../../../../preload/contract/index';
import { planStatus } from '../../../../common/labels';
import { EditModal, type Editing } from './EditModal';
import { PLAN_FIELDS, NEW_PLAN, NOUNS, period } from './fields';

export const planWhat = (r: Row) => `план «${r.title}»${r.staff_name ? ` (${r.staff_name})` : ''}`;

const STATUS_COLOR: Record<string, string> = { active: 'blue.7', done: 'teal.8', cancelled: 'gray.7' };

export const PLAN_COLUMNS: Column[] = [
  { key: 'title', title: 'План', sort: 'title' },
  { key: 'date_from', title: 'Период', sort: 'date_from', render: (r) => period(r.date_from, r.date_to) },
  { key: 'status', title: 'Статус', render: (r) => <Text size="sm" fw={500} c={STATUS_COLOR[String(r.status)] ?? 'gray'}>{label(planStatus, r.status)}</Text> },
  { key: 'goals', title: 'Цели и шаги', render: (r) => <Text size="sm" lineClamp={2}>{r.goals}</Text> },
];

export function PlansTab() {
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <>
      <RecordTable
        entity="development_plan"
        testId="plans-table"
        columns={[{ key: 'staff_name', title: 'Педагог', sort: 'staff_name' }, ...PLAN_COLUMNS]}
        filters={status ? { status } : {}}
        noun={NOUNS.plan}
        searchPlaceholder="Поиск по названию, целям, ФИО"
        onOpen={(row) => setEditing({ row })}
        empty="Планов не найдено."
        toolbar={
          <>
            <Select aria-label="Статус" placeholder="Любой статус" data={planStatus.options} value={status} onChange={setStatus} clearable w={200} />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ initial: NEW_PLAN })} ml="auto">Добавить план (ИОМ)</Button>
          </>
        }
      />
      <EditModal
        entity="development_plan"
        editing={editing}
        fields={PLAN_FIELDS}
        titleNew="Новый индивидуальный план (ИОМ)"
        titleEdit="Индивидуальный план (ИОМ)"
        savedMessage="План сохранён"
        deleteWhat={planWhat}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
