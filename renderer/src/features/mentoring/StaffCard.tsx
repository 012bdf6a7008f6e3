/** One staff member on one screen: who they are, their deficits, courses, plans and mentoring pairs. */
import { useState } from 'react';
import { Drawer, Text, Group, Button, Stack, Table, Title, SimpleGrid, Loader, Alert, Paper } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import type { Column } from '../../components/RecordTable';
import { label } from '../../components/Labels';
import type { EntityName, Row } from '../../../../preload/contract/index';
import { staffCategory, mentoringReason } from '../../../../common/labels';
import { count, formatDate } from '../../../../common/format';
import { EditModal, type Editing } from './EditModal';
import { ConfirmDelete, type DeleteTarget } from './ConfirmDelete';
import { NewcomerBadges, MentorBadge } from './StaffTab';
import { STAFF_DEFICIT_COLUMNS, staffDeficitWhat, CatalogueAddButton } from './DeficitsTab';
import { COURSE_COLUMNS, courseWhat } from './CoursesTab';
import { PLAN_COLUMNS, planWhat } from './PlansTab';
import { pairWhat, PAIR_STATE } from './PairsTab';
import { STAFF_FIELDS, PAIR_FIELDS, STAFF_DEFICIT_FIELDS, COURSE_FIELDS, PLAN_FIELDS, NEW_PLAN, NOUNS, period, without } from './fields';

type Values = Record<string, unknown>;

function Section(props: {
  title: string; entity: EntityName; filters: Record<string, string>; columns: Column[]; addLabel: string;
  noun: readonly [string, string, string]; empty: string; onAdd: () => void; onOpen: (r: Row) => void; testId: string;
}) {
  const { value, error } = useCall('records.list', { entity: props.entity, filters: props.filters, limit: 200 });
  return (
    <Paper withBorder p="sm" data-testid={props.testId}>
      <Group justify="space-between" mb="xs">
        <Title order={4}>{props.title}{value && value.total > 0 ? ` — ${count(value.total, props.noun)}` : ''}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={props.onAdd}>{props.addLabel}</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!value && !error && <Loader size="xs" />}
      {value && value.total === 0 && <Text size="sm" c="dimmed">{props.empty}</Text>}
      {value && value.total > 0 && (
        <Table highlightOnHover verticalSpacing={4}>
          <Table.Thead><Table.Tr>{props.columns.map((c) => <Table.Th key={c.key}>{c.title}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {value.rows.map((r) => (
              <Table.Tr key={r.id} className="row-click" onClick={() => props.onOpen(r)} data-row-id={r.id}>
                {props.columns.map((c) => <Table.Td key={c.key} className="cell-wrap">{c.render ? c.render(r) : (r[c.key] ?? '')}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Fact({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{title}</Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

type Open = { entity: 'staff_deficit' | 'course' | 'development_plan' | 'mentoring_pair'; editing: Editing } | null;

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function StaffCard(props: { staffId: string | null; onClose: () => void }) {
  const id = props.staffId;
  const { value: staff, error } = useCall('records.get', id ? { entity: 'staff', id } : null);
  const [editStaff, setEditStaff] = useState<Editing>(null);
  const [del, setDel] = useState<DeleteTarget | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const s = staff && staff.id === id ? staff : null;

  const pairColumns: Column[] = [
    { key: 'role', title: 'Роль', render: (r) => (r.mentor_id === id ? 'Наставник для' : 'Наставляемый у') },
    { key: 'other', title: 'Кого', render: (r) => (r.mentor_id === id ? r.mentee_name : r.mentor_name) },
    { key: 'reason', title: 'Основание', render: (r) => label(mentoringReason, r.reason) },
    { key: 'period', title: 'Период', render: (r) => `${period(r.started_on, r.ended_on)}${r.state === 'current' ? '' : ` (${PAIR_STATE[String(r.state)]?.label ?? ''})`}` },
  ];

  const newPair = (): Values => {
    if (!s) return {};
    const needs = s.young_specialist === 1 || s.newly_arrived === 1;
    if (!needs) return { mentor_id: s.id };
    return { mentee_id: s.id, reason: s.young_specialist === 1 ? 'young' : 'newly_arrived', subject: s.subjects ?? '' };
  };

  const modal = (entity: NonNullable<Open>['entity']) => {
    const common = { editing: open?.entity === entity ? open.editing : null, onClose: () => setOpen(null), fixed: id ? { staff_id: id } : undefined };
    switch (entity) {
      case 'staff_deficit':
        return <EditModal key={entity} entity={entity} {...common} fields={without(STAFF_DEFICIT_FIELDS, 'staff_id')} titleNew="Новый дефицит педагога" titleEdit="Профессиональный дефицит педагога"
          savedMessage="Дефицит сохранён" deleteWhat={staffDeficitWhat} extra={(patch) => <CatalogueAddButton patch={patch} />} />;
      case 'course':
        return <EditModal key={entity} entity={entity} {...common} fields={without(COURSE_FIELDS, 'staff_id')} titleNew="Новый курс повышения квалификации" titleEdit="Курс повышения квалификации" savedMessage="Курс сохранён" deleteWhat={courseWhat} />;
      case 'development_plan':
        return <EditModal key={entity} entity={entity} {...common} fields={without(PLAN_FIELDS, 'staff_id')} titleNew="Новый индивидуальный план (ИОМ)" titleEdit="Индивидуальный план (ИОМ)" savedMessage="План сохранён" deleteWhat={planWhat} />;
      case 'mentoring_pair':
        return <EditModal key={entity} entity={entity} {...common} fixed={undefined} fields={PAIR_FIELDS} titleNew="Новая наставническая пара" titleEdit="Наставническая пара" savedMessage="Наставническая пара сохранена" deleteWhat={pairWhat} />;
    }
  };

  return (
    <>
      <Drawer opened={!!id} onClose={props.onClose} position="right" size="xl" title={<Text fw={600} size="lg">{s ? String(s.full_name) : 'Педагог'}</Text>} closeButtonProps={{ 'aria-label': 'Закрыть карточку' }}>
        {error && <Alert color="red">{error}</Alert>}
        {!s && !error && <Loader />}
        {s && (
          <Stack gap="md" data-testid="staff-card">
            <Group justify="space-between" align="flex-start">
              <Group gap="xs"><NewcomerBadges row={s} />{s.mentor_due === 1 && <><Text size="sm">Наставник:</Text><MentorBadge row={s} /></>}</Group>
              <Group gap="xs">
                <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditStaff({ row: s })}>Изменить</Button>
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDel({ entity: 'staff', row: s, what: `педагога ${s.full_name}` })}>Удалить</Button>
              </Group>
            </Group>
            <SimpleGrid cols={3} spacing="sm">
              <Fact title="Должность">{s.position}</Fact>
              <Fact title="Предметы">{s.subjects}</Fact>
              <Fact title="Категория">{label(staffCategory, s.category)}</Fact>
              <Fact title="Педагогическое образование">{s.pedagogical_education === 1 ? 'Есть' : 'Нет'}</Fact>
              <Fact title="Образование">{s.education}</Fact>
              <Fact title="Стаж">{s.experience_years === null ? '' : count(Number(s.experience_years), ['год', 'года', 'лет'])}</Fact>
              <Fact title="Принят">{formatDate(s.hired_on as string | null)}</Fact>
              <Fact title="Уволен">{formatDate(s.left_on as string | null)}</Fact>
            </SimpleGrid>
            <Section testId="card-pairs" title="Наставничество" entity="mentoring_pair" filters={{ staff_id: s.id }} columns={pairColumns} noun={NOUNS.pair}
              addLabel="Добавить пару" empty="Не участвует в наставнических парах."
              onAdd={() => setOpen({ entity: 'mentoring_pair', editing: { initial: newPair() } })} onOpen={(row) => setOpen({ entity: 'mentoring_pair', editing: { row } })} />
            <Section testId="card-deficits" title="Профессиональные дефициты" entity="staff_deficit" filters={{ staff_id: s.id }} columns={STAFF_DEFICIT_COLUMNS} noun={NOUNS.deficit}
              addLabel="Отметить дефицит" empty="Дефициты не отмечены."
              onAdd={() => setOpen({ entity: 'staff_deficit', editing: {} })} onOpen={(row) => setOpen({ entity: 'staff_deficit', editing: { row } })} />
            <Section testId="card-courses" title="Курсы повышения квалификации" entity="course" filters={{ staff_id: s.id }} columns={COURSE_COLUMNS} noun={NOUNS.course}
              addLabel="Добавить курс" empty="Курсов нет."
              onAdd={() => setOpen({ entity: 'course', editing: {} })} onOpen={(row) => setOpen({ entity: 'course', editing: { row } })} />
            <Section testId="card-plans" title="Индивидуальные планы (ИОМ)" entity="development_plan" filters={{ staff_id: s.id }} columns={PLAN_COLUMNS} noun={['план', 'плана', 'планов']}
              addLabel="Добавить план" empty="Планов нет."
              onAdd={() => setOpen({ entity: 'development_plan', editing: { initial: NEW_PLAN } })} onOpen={(row) => setOpen({ entity: 'development_plan', editing: { row } })} />
          </Stack>
        )}
      </Drawer>
      <EditModal entity="staff" editing={editStaff} fields={STAFF_FIELDS} titleNew="Новый педагог" titleEdit="Педагог" savedMessage="Педагог сохранён" onClose={() => setEditStaff(null)} />
      {modal('mentoring_pair')}
      {modal('staff_deficit')}
      {modal('course')}
      {modal('development_plan')}
      <ConfirmDelete target={del} onCancel={() => setDel(null)} onDeleted={() => { setDel(null); props.onClose(); }} />
    </>
  );
}
