/** Registry 1: the school's quality-improvement programme — its frame, activities, indicators, acts. */
import { useState, useEffect } from 'react';
import { Tabs, Card, Text, Button, Group, Select, Stack, Badge, Center, ActionIcon, Collapse, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPencil, IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { RecordForm, FormModal, emptyValues, rowToValues } from '../../components/RecordForm';
import { label } from '../../components/Labels';
import { useCall } from '../../app/data';
import { formatDate, isoDay } from '../../../../common/format';
import { problemKind } from '../../../../common/labels';
import { byCurrent, programmeOption, programmeState } from '../../../../common/programme-title';
import type { Row } from '../../../../preload/contract/index';
import type { PageKey } from '../../app/App';
import { PROGRAMME_FIELDS, TASK_FIELDS, DIRECTION_FIELDS, problemFields, LOCAL_ACT_FIELDS, RISK_FACTOR_FIELDS } from './fields';
import { ActivitiesTab } from './ActivitiesTab';
import { IndicatorsTab } from './IndicatorsTab';
import { SimpleListTab } from './SimpleListTab';
import { ProgrammeImportButton } from '../../components/ProgrammeImport';

function ProgrammeForm({ row, onClose, onSaved }: { row: Row | null; onClose: () => void; onSaved: (row: Row) => void }) {
  const year = new Date().getFullYear();
  return (
    <FormModal opened title={row ? 'Программа: паспорт' : 'Новая программа'} onClose={onClose}>
      {(setDirty, close) => (
        <RecordForm
          entity="programme"
          fields={PROGRAMME_FIELDS}
          initial={row ? rowToValues(PROGRAMME_FIELDS, row) : { ...emptyValues(PROGRAMME_FIELDS), title: 'Программа повышения качества образования', year_from: year, year_to: year + 3 }}
          onDirtyChange={setDirty}
          onSaved={(saved) => { onSaved(saved); onClose(); }}
          onCancel={close}
        />
      )}
    </FormModal>
  );
}

/**
 * The passport folded to one line (title, period, order; the goal on unfolding): the plan below it is what a
 * deputy opens the screen for, and on a 768 px laptop every line above the table is a row of the plan less.
 */
/** `finished`: «завершена 31.08.2025» when the programme is finished; `current`: the current one of several. */
function Passport({ programme, onEdit, finished, current }: { programme: Row; onEdit: () => void; finished: string; current: boolean }) {
  const [open, setOpen] = useState(false);
  const approved = programme.approval_number || programme.approval_date;
  const order = approved
    ? `Утверждена приказом № ${programme.approval_number || '—'} от ${formatDate(programme.approval_date as string) || '—'}`
    : 'Приказ об утверждении не указан';
  const short = approved ? `приказ № ${programme.approval_number || '—'} от ${formatDate(programme.approval_date as string) || '—'}` : 'приказ не указан';
  return (
    <Card withBorder py={6} px="sm" data-testid="programme-passport">
      <Group gap="xs" wrap="nowrap">
        <ActionIcon variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={open ? 'Свернуть паспорт программы' : 'Развернуть паспорт программы'}>
          {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
        </ActionIcon>
        {/* A heading: the programme's title names the page for a screen reader and a search by heading. */}
        <Title order={2} fz="md" fw={600} lineClamp={1} title={String(programme.title)} style={{ flex: '1 1 auto', minWidth: 0 }}>{programme.title}</Title>
        <Badge variant="light" style={{ flexShrink: 0 }}>{programme.year_from}–{programme.year_to}</Badge>
        {finished ? <Badge color="gray" tt="none" style={{ flexShrink: 0 }} title="Её мероприятия не считаются просроченными" data-testid="programme-finished">Программа {finished}</Badge>
          : current ? <Badge color="teal" variant="light" tt="none" style={{ flexShrink: 0 }}>Текущая программа</Badge> : null}
        {!open && <Text size="sm" c="dimmed" style={{ flexShrink: 0, whiteSpace: 'nowrap' }} title={order}>{short}</Text>}
        <Button size="xs" variant="light" style={{ flexShrink: 0 }} leftSection={<IconPencil size={14} />} onClick={onEdit}>Изменить паспорт</Button>
      </Group>
      <Collapse expanded={open}>
        <Stack gap={4} mt={6} pl={36}>
          <Text size="sm">{programme.title}</Text>
          <Text size="sm" c="dimmed">{order}</Text>
          {finished && <Text size="sm" c="dimmed">Программа {finished}: её мероприятия не считаются просроченными.</Text>}
          {programme.goal ? <Text size="sm"><b>Цель:</b> {programme.goal}</Text> : <Text size="sm" c="dimmed">Цель не указана</Text>}
        </Stack>
      </Collapse>
    </Card>
  );
}

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function ProgrammePage(_props: { go?: (p: PageKey) => void }) {
  const { value: list, loading } = useCall('records.list', { entity: 'programme', limit: 50 });
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const today = isoDay(new Date());
  const programmes = byCurrent(list?.rows ?? [], today);
  useEffect(() => {
    if (!selected && programmes[0]) setSelected(programmes[0].id);
  }, [programmes, selected]);
  const programme = programmes.find((p) => p.id === selected) ?? null;

  if (!loading && programmes.length === 0) {
    return (
      <>
        <PageHeader title="Программа повышения качества образования" />
        <Card withBorder p="xl">
          <Center>
            <Stack align="center">
              <Text>Программа ещё не внесена. Начните с паспорта: название, период, приказ об утверждении и цель.</Text>
              <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>Внести программу</Button><ProgrammeImportButton onDone={setSelected} /></Group>
            </Stack>
          </Center>
        </Card>
        {editing && <ProgrammeForm row={null} onClose={() => setEditing(null)} onSaved={(r) => setSelected(r.id)} />}
      </>
    );
  }
  if (!programme) return null;
  return (
    <>
      <PageHeader
        title="Программа повышения качества образования"
        actions={
          <>
            {programmes.length > 1 && <Select aria-label="Программа" data={programmes.map((p) => ({ value: p.id, label: programmeOption(p, today) }))} value={selected} onChange={setSelected} allowDeselect={false} w={440} comboboxProps={{ width: 560 }} data-testid="programme-select" />}
            <ProgrammeImportButton onDone={setSelected} />
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>Новая программа</Button>
          </>
        }
      />
      <Passport programme={programme} onEdit={() => setEditing(programme)} finished={programmeState(programme, today)} current={programmes.length > 1 && programme.id === programmes[0]?.id} />
      <Tabs defaultValue="activities" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="activities">Мероприятия</Tabs.Tab>
          <Tabs.Tab value="tasks">Задачи</Tabs.Tab>
          <Tabs.Tab value="problems">Проблемы и причины</Tabs.Tab>
          <Tabs.Tab value="directions">Направления</Tabs.Tab>
          <Tabs.Tab value="indicators">Показатели</Tabs.Tab>
          <Tabs.Tab value="acts">Локальные акты</Tabs.Tab>
          <Tabs.Tab value="factors">Каталог факторов риска</Tabs.Tab>
        </Tabs.List>
        {/* Not clipped (a Card hides its overflow): the activities' header row sticks to the window while the page scrolls. */}
        <Card withBorder mt="sm" style={{ overflow: 'visible' }}>
          <Tabs.Panel value="activities"><ActivitiesTab programme={programme} /></Tabs.Panel>
          <Tabs.Panel value="tasks">
            <SimpleListTab entity="programme_task" filters={{ programme_id: programme.id }} fixed={{ programme_id: programme.id }} fields={TASK_FIELDS}
              numbered addLabel="Добавить задачу" titleNew="Новая задача" titleEdit="Задача" noun={['задача', 'задачи', 'задач']}
              columns={[{ key: 'position', title: '№', sort: 'position', width: 60 }, { key: 'text', title: 'Задача' }]} />
          </Tabs.Panel>
          <Tabs.Panel value="problems">
            <SimpleListTab entity="programme_problem" filters={{ programme_id: programme.id }} fixed={{ programme_id: programme.id }} fields={problemFields}
              defaults={{ kind: 'internal' }} addLabel="Добавить причину" titleNew="Проблема / причина низких результатов" titleEdit="Проблема / причина низких результатов"
              noun={['причина', 'причины', 'причин']}
              columns={[
                { key: 'kind', title: 'Вид', sort: 'kind', width: 170, render: (r) => label(problemKind, r.kind) },
                { key: 'factor_title', title: 'Фактор риска', sort: 'factor_title' },
                { key: 'description', title: 'Описание' },
              ]} />
          </Tabs.Panel>
          <Tabs.Panel value="directions">
            <SimpleListTab entity="direction" filters={{ programme_id: programme.id }} fixed={{ programme_id: programme.id }} fields={DIRECTION_FIELDS}
              numbered addLabel="Добавить направление" titleNew="Новое направление" titleEdit="Направление" noun={['направление', 'направления', 'направлений']}
              columns={[{ key: 'position', title: '№', sort: 'position', width: 60 }, { key: 'title', title: 'Направление', sort: 'title' }]} />
          </Tabs.Panel>
          <Tabs.Panel value="indicators"><IndicatorsTab programme={programme} /></Tabs.Panel>
          <Tabs.Panel value="acts">
            <SimpleListTab entity="local_act" filters={{ programme_id: programme.id }} fixed={{ programme_id: programme.id }} fields={LOCAL_ACT_FIELDS}
              addLabel="Добавить акт" titleNew="Новый локальный акт" titleEdit="Локальный акт" noun={['акт', 'акта', 'актов']}
              columns={[
                { key: 'kind', title: 'Вид', width: 120 },
                { key: 'title', title: 'Название', sort: 'title' },
                { key: 'adopted_on', title: 'Принят', sort: 'adopted_on', width: 110, render: (r) => formatDate(r.adopted_on as string) },
                { key: 'order_number', title: 'Приказ №', width: 100 },
              ]} />
          </Tabs.Panel>
          <Tabs.Panel value="factors">
            <Text size="sm" c="dimmed" mb="sm">Факторы риска («рисковый профиль школы» проекта «500+»). Из этого каталога выбираются причины низких результатов; дополните его своими.</Text>
            <SimpleListTab entity="risk_factor" fields={RISK_FACTOR_FIELDS} defaults={{ kind: 'internal' }}
              addLabel="Добавить фактор" titleNew="Новый фактор риска" titleEdit="Фактор риска" noun={['фактор', 'фактора', 'факторов']}
              columns={[{ key: 'title', title: 'Фактор риска', sort: 'title' }, { key: 'kind', title: 'Вид', sort: 'kind', width: 190, render: (r) => label(problemKind, r.kind) }]} />
          </Tabs.Panel>
        </Card>
      </Tabs>
      {/* A programme just written becomes the one on screen: the user goes on filling it in. */}
      {editing && <ProgrammeForm row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(r) => setSelected(r.id)} />}
    </>
  );
}
