/** The municipal roadmap: goals and tasks, activities with timing, responsible, completion mark, the schools each concerns and their marks. */
import { Fragment, useState } from 'react';
import { Stack, Card, Group, Button, Table, Modal, TextInput, Textarea, NumberInput, Select, MultiSelect, Checkbox, Text, Badge, Alert, Loader, Title, Collapse } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import { formatDate, parseRuDate, plural } from '../../../../common/format';
import { activityStatus } from '../../../../common/labels';
import type { RoadmapActivityRow } from '../../../../preload/contract/index';
import { ExcelButton } from '../../components/ExcelButton';
import { useAction } from '../../app/useAction';

type ActEdit = Partial<RoadmapActivityRow> & { title: string };

function ActivityForm({ roadmapId, value, onClose }: { roadmapId: string; value: ActEdit; onClose: () => void }) {
  const [v, setV] = useState<ActEdit>(value);
  const { busy, run } = useAction();
  const roster = useCall('municipality.roster.list', {});
  const set = (k: keyof RoadmapActivityRow, x: unknown) => setV((o) => ({ ...o, [k]: x }));
  const save = () => run(async () => {
    await call('municipality.roadmap.saveActivity', {
        ...(v.id ? { id: v.id } : {}), roadmap_id: roadmapId, number: v.number ?? '', section: v.section ?? '', title: v.title, timing_text: v.timing_text ?? '',
        date_from: v.date_from ?? null, date_to: v.date_to ?? null, responsible: v.responsible ?? '', status: v.status ?? 'planned',
        completion_mark: v.completion_mark ?? '', completed_on: v.completed_on ?? null, all_schools: (v.all_schools ?? 1) === 1, school_ids: v.school_ids ?? [],
    });
    notifyOk('Сохранено');
    onClose();
  });
  const remove = () => run(async () => {
    if (!v.id) return;
    await call('municipality.roadmap.removeActivity', { id: v.id });
    onClose();
  });
  const date = (k: 'date_from' | 'date_to' | 'completed_on', label: string) => (
    <DateInput label={label} valueFormat="DD.MM.YYYY" placeholder="ДД.ММ.ГГГГ" dateParser={(s) => parseRuDate(s)} clearable value={(v[k] as string | null) ?? null} onChange={(x) => set(k, x ?? null)} />
  );
  return (
    <Modal opened onClose={onClose} title="Мероприятие дорожной карты" size="lg">
      <Stack>
        <Group grow><TextInput label="№" value={v.number ?? ''} onChange={(e) => set('number', e.currentTarget.value)} /><TextInput label="Раздел" value={v.section ?? ''} onChange={(e) => set('section', e.currentTarget.value)} /></Group>
        <Textarea label="Мероприятие" withAsterisk autosize value={v.title} onChange={(e) => set('title', e.currentTarget.value)} data-testid="roadmap-title" />
        <TextInput label="Сроки (как в плане)" placeholder="Например: «Один раз в четверть», «до 19.03.2021»" value={v.timing_text ?? ''} onChange={(e) => set('timing_text', e.currentTarget.value)} />
        <Group grow>{date('date_from', 'Начало')}{date('date_to', 'Окончание')}</Group>
        <TextInput label="Ответственные" value={v.responsible ?? ''} onChange={(e) => set('responsible', e.currentTarget.value)} />
        <Group grow>
          <Select label="Статус" data={activityStatus.options} value={v.status ?? 'planned'} onChange={(x) => set('status', x ?? 'planned')} />
          {date('completed_on', 'Дата выполнения')}
        </Group>
        <Textarea label="Отметка о выполнении" autosize value={v.completion_mark ?? ''} onChange={(e) => set('completion_mark', e.currentTarget.value)} />
        <Checkbox label="Касается всех школ" checked={(v.all_schools ?? 1) === 1} onChange={(e) => set('all_schools', e.currentTarget.checked ? 1 : 0)} />
        {(v.all_schools ?? 1) === 0 && (
          <MultiSelect label="Школы, которых касается мероприятие" searchable data={(roster.value ?? []).map((r) => ({ value: r.id, label: r.short_name || r.name }))} value={v.school_ids ?? []} onChange={(x) => set('school_ids', x)} />
        )}
        <Group justify="space-between">
          {v.id ? <Button color="red" variant="subtle" onClick={() => void remove()}>Удалить</Button> : <span />}
          <Group><Button variant="default" onClick={onClose}>Отмена</Button><Button onClick={() => void save()} loading={busy}>Сохранить</Button></Group>
        </Group>
      </Stack>
    </Modal>
  );
}

function HeaderForm({ value, onClose }: { value: Record<string, string | number | null> | null; onClose: () => void }) {
  const year = new Date().getFullYear();
  const [v, setV] = useState({
    title: String(value?.title ?? ''), year_from: Number(value?.year_from ?? year), year_to: Number(value?.year_to ?? year + 1),
    approval_number: String(value?.approval_number ?? ''), approval_date: (value?.approval_date as string | null) ?? null, goals: String(value?.goals ?? ''), tasks: String(value?.tasks ?? ''),
  });
  const { bump } = useDataVersion();
  const save = async () => {
    try {
      await call('municipality.roadmap.save', { ...(value?.id ? { id: String(value.id) } : {}), ...v });
      bump();
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Дорожная карта" size="lg">
      <Stack>
        <Textarea label="Название" withAsterisk autosize value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} />
        <Group grow>
          <NumberInput label="Год начала" value={v.year_from} onChange={(x) => setV({ ...v, year_from: Number(x) })} />
          <NumberInput label="Год окончания" value={v.year_to} onChange={(x) => setV({ ...v, year_to: Number(x) })} />
          <TextInput label="Приказ №" value={v.approval_number} onChange={(e) => setV({ ...v, approval_number: e.currentTarget.value })} />
          <DateInput label="от" valueFormat="DD.MM.YYYY" dateParser={(s) => parseRuDate(s)} clearable value={v.approval_date} onChange={(x) => setV({ ...v, approval_date: x ?? null })} />
        </Group>
        <Textarea label="Цели (каждая с новой строки)" autosize minRows={2} value={v.goals} onChange={(e) => setV({ ...v, goals: e.currentTarget.value })} />
        <Textarea label="Задачи (каждая с новой строки)" autosize minRows={3} value={v.tasks} onChange={(e) => setV({ ...v, tasks: e.currentTarget.value })} />
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Отмена</Button><Button onClick={() => void save()}>Сохранить</Button></Group>
      </Stack>
    </Modal>
  );
}

export function RoadmapTab() {
  const { value, error } = useCall('municipality.roadmap.get', {});
  const [edit, setEdit] = useState<ActEdit | null>(null);
  const [header, setHeader] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return <Loader />;
  const rm = value.roadmap;
  const markText = (a: RoadmapActivityRow) => a.completion_mark || (a.overdue ? `Срок истёк ${formatDate(a.date_to)}` : activityStatus.labels[a.status as keyof typeof activityStatus.labels]);
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
            <ExcelButton title="Дорожная карта" rows={value.activities} columns={[
              { key: 'n', header: '№', value: (a) => a.number }, { key: 't', header: 'Мероприятие', value: (a) => a.title }, { key: 's', header: 'Сроки', value: (a) => a.timing_text },
              { key: 'r', header: 'Ответственные', value: (a) => a.responsible }, { key: 'm', header: 'Отметка о выполнении', value: (a) => markText(a) ?? '' },
              { key: 'k', header: 'Отметки школ: выполнено', value: (a) => a.marks.filter((m) => m.status === 'done').length },
              { key: 'x', header: 'Отметки школ: не выполнено', value: (a) => a.marks.filter((m) => m.status === 'not_done').length },
            ]} />
          </Group>
          <Table withTableBorder striped fz="sm" data-testid="roadmap-table">
            <Table.Thead><Table.Tr><Table.Th>№</Table.Th><Table.Th>Мероприятие</Table.Th><Table.Th>Сроки</Table.Th><Table.Th>Ответственные</Table.Th><Table.Th>Отметка о выполнении</Table.Th><Table.Th>Отметки школ</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {value.activities.map((a) => (
                <Fragment key={a.id}>
                  <Table.Tr className="row-click" onClick={() => setEdit(a)}>
                    <Table.Td>{a.number}</Table.Td>
                    <Table.Td className="cell-wrap">{a.title}{a.all_schools ? '' : <Text size="xs" c="dimmed">Касается {a.school_ids.length} {plural(a.school_ids.length, ['школы', 'школ', 'школ'])}</Text>}</Table.Td>
                    <Table.Td>{a.timing_text}</Table.Td>
                    <Table.Td>{a.responsible}</Table.Td>
                    <Table.Td className={a.overdue || a.status === 'not_done' ? 'cell-attention cell-wrap' : 'cell-wrap'}>{markText(a)}</Table.Td>
                    <Table.Td onClick={(e) => { e.stopPropagation(); setOpen(open === a.id ? null : a.id); }}>
                      <Badge color="teal" variant="light">{a.marks.filter((m) => m.status === 'done').length}</Badge>{' '}
                      <Badge color="red" variant="light">{a.marks.filter((m) => m.status === 'not_done').length}</Badge>
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
      {edit && rm && <ActivityForm roadmapId={String(rm.id)} value={edit} onClose={() => setEdit(null)} />}
      {header && <HeaderForm value={rm} onClose={() => setHeader(false)} />}
    </Stack>
  );
}
