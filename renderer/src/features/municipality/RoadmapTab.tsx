/** The municipal roadmap: goals and tasks, activities with timing, responsible, completion mark, the schools each concerns and their marks. */
import { schoolShortName } from '../../../../common/school-name';
import { Fragment, useState } from 'react';
import { Stack, Card, Group, Button, Table, Text, Alert, Loader, Title, Collapse } from '@mantine/core';
import { IconPlus, IconFileText } from '@tabler/icons-react';
import { DocumentEditor } from './meetings/DocumentsTab';
import { useCall } from '../../app/data';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { formatDate, plural } from '../../../../common/format';
import { parseTiming } from '../../../../common/timing';
import { FormModal, RecordForm, emptyValues, rowToValues, type FieldSpec, type Values } from '../../components/RecordForm';
import { activityStatus, roadmapActivityStatus } from '../../../../common/labels';
import { contract, type RoadmapActivityRow, type Row } from '../../../../preload/contract/index';
import { ExcelButton } from '../../components/ExcelButton';
import { markCountsText } from '../../../../common/mark-counts';
import { useAction } from '../../app/useAction';

type ActEdit = Partial<RoadmapActivityRow> & { title: string };

const activitySave = contract['municipality.roadmap.saveActivity'].input;
const headerSave = contract['municipality.roadmap.save'].input;

function activityFields(schools: { value: string; label: string }[], rows: { value: string; label: string }[]): FieldSpec[] {
  return [
    { name: 'number', label: '№', kind: 'text' }, { name: 'section', label: 'Раздел', kind: 'text' },
    // As in seed 002: lines under «8.» that are part of it and carry no number of their own.
    { name: 'parent_id', label: 'Подпункт мероприятия (печатается под ним, без своего номера)', kind: 'select', options: rows, clearable: true, span: 2 },
    { name: 'title', label: 'Мероприятие', kind: 'textarea', required: true },
    { name: 'timing_text', label: 'Сроки (как в плане)', kind: 'text', span: 2, description: 'Например: «Один раз в четверть», «до 19.03.2021». Даты начала и окончания подставятся сами — проверьте их.' },
    { name: 'date_from', label: 'Начало', kind: 'date' }, { name: 'date_to', label: 'Окончание', kind: 'date' },
    { name: 'responsible', label: 'Ответственные', kind: 'text', span: 2 },
    { name: 'status', label: 'Статус', kind: 'select', options: roadmapActivityStatus.options, required: true },
    { name: 'completed_on', label: 'Дата выполнения', kind: 'date' },
    { name: 'completion_mark', label: 'Отметка о выполнении', kind: 'textarea' },
    { name: 'all_schools', label: 'Касается всех школ', kind: 'checkbox', span: 2 },
    { name: 'school_ids', label: 'Школы, которых касается мероприятие', kind: 'multiselect', options: schools, span: 2, showIf: (v) => !v.all_schools },
  ];
}

function ActivityForm({ roadmapId, yearFrom, value, rows, onClose }: { roadmapId: string; yearFrom: number; value: ActEdit; rows: RoadmapActivityRow[]; onClose: () => void }) {
  const { run } = useAction();
  const roster = useCall('municipality.roster.list', {});
  if (!roster.value) return null;
  const parents = rows.filter((a) => !a.parent_id && a.id !== value.id).map((a) => ({ value: a.id, label: `${a.number ? `${a.number}. ` : ''}${a.title.slice(0, 90)}` }));
  const fields = activityFields(roster.value.map((r) => ({ value: r.id, label: schoolShortName(r.name, r.short_name) })), parents);
  const initial: Values = {
    ...emptyValues(fields), ...rowToValues(fields, { status: 'planned', ...value } as unknown as Row),
    all_schools: (value.all_schools ?? 1) === 1, school_ids: value.school_ids ?? [],
  };
  if (!value.id) delete initial.id;
  const remove = () => run(async () => {
    if (!value.id) return;
    await call('municipality.roadmap.removeActivity', { id: value.id });
    onClose();
  });
  return (
    <FormModal opened title="Мероприятие дорожной карты" onClose={onClose} size="lg">
      {(setDirty, close) => (
        <RecordForm
          fields={fields}
          initial={initial}
          fixed={{ roadmap_id: roadmapId }}
          schema={activitySave}
          toInput={(v) => ({ ...v, roadmap_id: roadmapId, parent_id: v.parent_id || null, school_ids: v.all_schools ? [] : v.school_ids, ...(value.id ? { id: value.id } : {}) })}
          save={(v) => call('municipality.roadmap.saveActivity', v)}
          // The same reading of «Сроки» as the school's programme form: one parser, one set of dates.
          onFieldChange={(name, x) => {
            if (name !== 'timing_text') return;
            const t = parseTiming(String(x), yearFrom);
            return { date_from: t.dateFrom, date_to: t.dateTo };
          }}
          onDirtyChange={setDirty}
          onCancel={close}
          onSaved={() => { notifyOk('Сохранено'); onClose(); }}
          extra={value.id ? <Group><Button color="red" variant="subtle" onClick={() => void remove()}>Удалить</Button></Group> : undefined}
        />
      )}
    </FormModal>
  );
}

const HEADER_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Название дорожной карты', kind: 'textarea', required: true },
  { name: 'year_from', label: 'Год начала', kind: 'number', required: true, min: 2000, max: 2100 },
  { name: 'year_to', label: 'Год окончания', kind: 'number', required: true, min: 2000, max: 2100 },
  { name: 'approval_number', label: 'Номер приказа', kind: 'text' }, { name: 'approval_date', label: 'Дата приказа', kind: 'date' },
  { name: 'goals', label: 'Цели (каждая с новой строки)', kind: 'textarea' },
  { name: 'tasks', label: 'Задачи (каждая с новой строки)', kind: 'textarea' },
];

function HeaderForm({ value, onClose }: { value: Record<string, string | number | null> | null; onClose: () => void }) {
  const year = new Date().getFullYear();
  const initial: Values = value ? rowToValues(HEADER_FIELDS, value as Row) : { ...emptyValues(HEADER_FIELDS), year_from: year, year_to: year + 1 };
  if (!value?.id) delete initial.id;
  return (
    <FormModal opened title="Дорожная карта" onClose={onClose} size="lg">
      {(setDirty, close) => (
        <RecordForm
          fields={HEADER_FIELDS}
          initial={initial}
          schema={headerSave}
          save={(v) => call('municipality.roadmap.save', v)}
          onDirtyChange={setDirty}
          onCancel={close}
          onSaved={onClose}
        />
      )}
    </FormModal>
  );
}

export function RoadmapTab() {
  const { value, error } = useCall('municipality.roadmap.get', {});
  const [edit, setEdit] = useState<ActEdit | null>(null);
  const [header, setHeader] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [doc, setDoc] = useState<boolean>(false);
  // A new справка each time: the register keeps the earlier ones (a registered справка is never overwritten).
  // Not saved until «Сохранить» or printing: closing it leaves no draft behind.
  const spravka = () => setDoc(true);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return <Loader />;
  const rm = value.roadmap;
  // «Выполнено частично» stands before her words, as the справка prints it: the words alone read as «done».
  const markText = (a: RoadmapActivityRow) => (a.status === 'partly' && a.completion_mark && !/частично/i.test(a.completion_mark) ? `${roadmapActivityStatus.labels.partly}. ${a.completion_mark}` : '')
    || a.completion_mark || (a.overdue ? `Срок истёк ${formatDate(a.date_to)}` : roadmapActivityStatus.labels[a.status]);
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={900}>
            <Title order={4}>{rm ? String(rm.title) : 'Дорожная карта ещё не создана'}</Title>
            {rm && <Text size="sm" c="dimmed">{String(rm.year_from)}–{String(rm.year_to)}{rm.approval_number ? `, приказ № ${String(rm.approval_number)}${rm.approval_date ? ` от ${formatDate(String(rm.approval_date))}` : ''}` : ''}</Text>}
          </Stack>
          <Button variant="default" onClick={() => setHeader(true)}>{rm ? 'Изменить' : 'Создать'}</Button>
        </Group>
      </Card>
      {rm && (
        <>
          <Group>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEdit({ title: '', all_schools: 1 })}>Добавить мероприятие</Button>
            <Button variant="light" leftSection={<IconFileText size={16} />} onClick={() => void spravka()} data-testid="roadmap-spravka">Подготовить справку об итогах</Button>
            <ExcelButton title="Дорожная карта" rows={value.activities} columns={[
              { key: 'n', header: '№', value: (a) => a.number }, { key: 't', header: 'Мероприятие', value: (a) => a.title }, { key: 's', header: 'Сроки', value: (a) => a.timing_text },
              { key: 'r', header: 'Ответственные', value: (a) => a.responsible }, { key: 'm', header: 'Отметка о выполнении', value: (a) => markText(a) ?? '' },
              { key: 'ms', header: 'Отметки школ', value: (a) => markCountsText(a.markCounts) },
              { key: 'k', header: 'Школ: выполнено', value: (a) => a.markCounts.done },
              { key: 'p', header: 'Школ: выполняется', value: (a) => a.markCounts.in_progress },
              { key: 'x', header: 'Школ: не выполнено', value: (a) => a.markCounts.not_done },
              { key: 'z', header: 'Школ: нет отметки', value: (a) => a.markCounts.none },
            ]} />
          </Group>
          <Table withTableBorder striped fz="sm" data-testid="roadmap-table">
            <Table.Thead><Table.Tr><Table.Th>№</Table.Th><Table.Th>Мероприятие</Table.Th><Table.Th>Сроки</Table.Th><Table.Th>Ответственные</Table.Th><Table.Th>Отметка о выполнении</Table.Th><Table.Th w={200}>Отметки школ</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {value.activities.map((a) => (
                <Fragment key={a.id}>
                  <Table.Tr className="row-click" onClick={() => setEdit(a)}>
                    <Table.Td>{a.number}</Table.Td>
                    <Table.Td className="cell-wrap" style={a.parent_id ? { paddingLeft: 28 } : undefined} data-testid={a.parent_id ? 'roadmap-subrow' : undefined}>{a.title}{a.all_schools ? '' : <Text size="xs" c="dimmed">Касается {a.school_ids.length} {plural(a.school_ids.length, ['школы', 'школ', 'школ'])}</Text>}</Table.Td>
                    <Table.Td>{a.timing_text}</Table.Td>
                    <Table.Td>{a.responsible}</Table.Td>
                    <Table.Td className={a.overdue || a.status === 'not_done' ? 'cell-attention cell-wrap' : 'cell-wrap'}>{markText(a)}</Table.Td>
                    <Table.Td onClick={(e) => { e.stopPropagation(); setOpen(open === a.id ? null : a.id); }}>
                      <Text size="sm" className="cell-wrap" style={{ cursor: 'pointer' }} data-testid="mark-counts">{markCountsText(a.markCounts)}</Text>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr style={{ display: open === a.id ? undefined : 'none' }}>
                    <Table.Td colSpan={6}>
                      <Collapse expanded={open === a.id}>
                        {a.marks.length === 0 ? <Text size="sm" c="dimmed">Школы ещё не прислали отметок.</Text> : a.marks.map((m) => (
                          <Text size="sm" key={m.school_id}><b>{m.school_name}:</b> {m.completion_mark || activityStatus.labels[m.status as keyof typeof activityStatus.labels]}</Text>
                        ))}
                      </Collapse>
                    </Table.Td>
                  </Table.Tr>
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {edit && rm && <ActivityForm roadmapId={String(rm.id)} yearFrom={Number(rm.year_from)} value={edit} rows={value.activities} onClose={() => setEdit(null)} />}
      {doc && <DocumentEditor open={{ kind: 'spravka', roadmap: true }} onClose={() => setDoc(false)} />}
      {header && <HeaderForm value={rm} onClose={() => setHeader(false)} />}
    </Stack>
  );
}
