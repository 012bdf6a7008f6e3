/** Refresher courses (КПК) taken by the staff. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { RecordTable, type Column } from '../../components/RecordTable';
import type { Row } from '../../../../preload/contract/index';
import { EditModal, type Editing } from './EditModal';
import { COURSE_FIELDS, NOUNS, period } from './fields';

export const courseWhat = (r: Row) => `курс «${r.title}»${r.staff_name ? ` (${r.staff_name})` : ''}`;

export const COURSE_COLUMNS: Column[] = [
  { key: 'title', title: 'Курс', sort: 'title' },
  { key: 'provider', title: 'Организатор' },
  { key: 'hours', title: 'Часов', sort: 'hours', width: 80 },
  { key: 'date_from', title: 'Сроки', sort: 'date_from', render: (r) => period(r.date_from, r.date_to) },
  { key: 'certificate', title: 'Удостоверение' },
];

export function CoursesTab() {
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <>
      <RecordTable
        entity="course"
        testId="courses-table"
        columns={[{ key: 'staff_name', title: 'Педагог', sort: 'staff_name' }, ...COURSE_COLUMNS]}
        noun={NOUNS.course}
        searchPlaceholder="Поиск по курсу, организатору, ФИО"
        onOpen={(row) => setEditing({ row })}
        empty="Курсов не найдено."
        toolbar={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} ml="auto">Добавить курс</Button>}
      />
      <EditModal
        entity="course"
        editing={editing}
        fields={COURSE_FIELDS}
        titleNew="Новый курс повышения квалификации"
        titleEdit="Курс повышения квалификации"
        savedMessage="Курс сохранён"
        deleteWhat={courseWhat}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
