/**
 * Assignments (поручения): of one meeting (in its editor) or all of them (the «Поручения» tab). Each shows,
 * per school it concerns, the school's mark as it came back in the exchange files, and what is overdue.
 */
import { schoolShortName } from '../../../../../common/school-name';
import { useState } from 'react';
import { Card, Stack, Group, Title, Button, Table, Text, Badge, Modal, TextInput, Checkbox, MultiSelect, Select, Alert, Switch } from '@mantine/core';
import { IconPlus, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { call, CallError } from '../../../app/api';
import { useCall, useDataVersion } from '../../../app/data';
import { notifyOk, notifyError } from '../../../app/notify';
import { downloadFile } from '../../../components/files';
import { formatDate, count, isoDay } from '../../../../../common/format';
import { ASSIGNMENT_MARK } from '../../../../../common/meeting-labels';
import { markCountsText } from '../../../../../common/mark-counts';
import type { AssignmentView } from '../../../../../preload/contract/index';
import { DateField } from '../../../components/DocumentFields';
import { useUndoNotice } from '../../../components/DeleteButton';
import { useConfirm } from '../../../components/ConfirmDialog';
import { GrowingTextarea } from '../../../components/GrowingTextarea';

const MARK_COLOR = { done: 'teal', in_progress: 'blue', not_done: 'red' } as const;

function MarkBadge({ m }: { m: AssignmentView['marks'][number] }) {
  if (m.overdue) return <Badge color="red" variant="filled" tt="none">{m.status ? `${ASSIGNMENT_MARK[m.status]}, срок истёк` : 'Нет отметки, срок истёк'}</Badge>;
  if (!m.status) return <Badge color="gray" variant="light" tt="none">Нет отметки</Badge>;
  return <Badge color={MARK_COLOR[m.status]} variant="light" tt="none">{ASSIGNMENT_MARK[m.status]}{m.done_on ? ` ${formatDate(m.done_on)}` : ''}</Badge>;
}

/** How many schools' marks the row itself lists; the rest are in the card. */
const IN_ROW = 5;

function MarkLines({ marks, limit }: { marks: AssignmentView['marks']; limit?: number }) {
  const shown = limit ? marks.slice(0, limit) : marks;
  return (
    <Stack gap={2}>
      {shown.map((m) => (
        <Group key={m.school_id} gap={6} wrap="nowrap" align="flex-start" data-testid="assignment-school-mark">
          <Text size="sm" style={{ minWidth: 0, flex: '0 1 auto' }}>{m.school_name}</Text>
          <MarkBadge m={m} />
        </Group>
      ))}
      {limit && marks.length > limit && <Text size="xs" c="dimmed">и ещё {count(marks.length - limit, ['школа', 'школы', 'школ'])} — в карточке поручения</Text>}
    </Stack>
  );
}

/** The assignment as it stands: what, by when, to whom, and each school's mark; from here it is edited or printed. */
function AssignmentCard({ a, onEdit, onClose }: { a: AssignmentView; onEdit: () => void; onClose: () => void }) {
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);
  const file = async (format: 'docx' | 'xlsx') => {
    setBusy(format);
    try { downloadFile(await call('reports.assignmentMarks', { id: a.id, format })); } catch (e) { notifyError(e); } finally { setBusy(null); }
  };
  return (
    <Modal opened onClose={onClose} title={`Поручение${a.position_no ? ` № ${a.position_no}` : ''}`} size="xl">
      <Stack data-testid="assignment-card">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
        <Text size="sm" c="dimmed">
          {[a.due_on ? `Срок: до ${formatDate(a.due_on)}` : 'Без срока', a.event_topic ? `Мероприятие: ${a.event_topic}` : '', a.group_title ? `Группа: ${a.group_title}` : '', a.responsible ? `Ответственный: ${a.responsible}` : ''].filter(Boolean).join(' · ')}
        </Text>
        <Text size="sm">{a.all_schools ? 'Всем школам' : count(a.concerned, ['школа', 'школы', 'школ'])}: {markCountsText(a.markCounts)}</Text>
        {a.marks.length > 0 && (
          <Table fz="sm" withTableBorder striped data-testid="assignment-card-marks">
            <Table.Thead><Table.Tr><Table.Th>Школа</Table.Th><Table.Th w={230}>Исполнение</Table.Th><Table.Th>Примечание школы</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {a.marks.map((m) => (
                <Table.Tr key={m.school_id}><Table.Td>{m.school_name}</Table.Td><Table.Td><MarkBadge m={m} /></Table.Td><Table.Td className="cell-wrap">{m.note}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {a.memberMarks.length > 0 && <MemberMarks a={a} />}
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileText size={16} />} loading={busy === 'docx'} onClick={() => void file('docx')} data-testid="assignment-docx">В Word</Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy === 'xlsx'} onClick={() => void file('xlsx')} data-testid="assignment-xlsx">В Excel</Button>
          </Group>
          <Group gap="xs"><Button variant="default" onClick={onClose}>Закрыть</Button><Button onClick={onEdit} data-testid="assignment-edit">Изменить</Button></Group>
        </Group>
      </Stack>
    </Modal>
  );
}

type Edit = { id?: string; text: string; responsible: string; due_on: string | null; all_schools: 0 | 1; school_ids: string[]; group_id: string | null; proposal_id: string | null };

function AssignmentForm({ value, eventId, participants, proposals, onClose }: { value: Edit; eventId?: string; participants: string[]; proposals: { id: string; text: string }[]; onClose: () => void }) {
  const [v, setV] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const undoNotice = useUndoNotice();
  const roster = useCall('municipality.roster.list', {});
  const groups = useCall('municipality.workGroups.list', {});
  const options = (roster.value ?? []).map((r) => ({ value: r.id, label: schoolShortName(r.name, r.short_name) }));
  const save = async () => {
    setBusy(true);
    try {
      await call('municipality.assignments.save', {
        assignment: { ...(v.id ? { id: v.id } : {}), event_id: eventId ?? null, text: v.text, responsible: v.responsible, due_on: v.due_on, all_schools: v.all_schools, group_id: v.group_id, proposal_id: v.proposal_id },
        school_ids: v.all_schools ? [] : v.school_ids,
      });
      bump();
      notifyOk('Поручение сохранено. Школы получат его со следующим файлом обмена.');
      onClose();
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось сохранить.');
    } finally {
      setBusy(false);
    }
  };
  const { confirm, node: question } = useConfirm();
  const remove = () => v.id && confirm({
    title: 'Удалить поручение?', text: 'Школы получат удаление со следующим файлом обмена. Его можно будет восстановить из «Корзины».', action: 'Удалить',
    run: async () => { undoNotice(await call('municipality.assignments.remove', { id: v.id! })); onClose(); },
  });
  return (
    <>
    <Modal opened onClose={onClose} title={v.id ? 'Поручение' : 'Новое поручение'} size="lg">
      <Stack data-testid="assignment-form" onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(); }}>
        {error && <Alert color="red" data-testid="form-error">{error}</Alert>}
        <GrowingTextarea label="Поручение" withAsterisk minRows={2} value={v.text} onChange={(e) => setV({ ...v, text: e.currentTarget.value })} data-autofocus data-testid="assignment-text" />
        <Group grow align="flex-start">
          <DateField label="В срок до" value={v.due_on} onChange={(x) => setV({ ...v, due_on: x })} testId="assignment-due" />
          <TextInput label="Ответственный" placeholder="Например: руководители ОО" value={v.responsible} onChange={(e) => setV({ ...v, responsible: e.currentTarget.value })} />
        </Group>
        {proposals.length > 0 && <Select label="По предложению" clearable data={proposals.map((p, i) => ({ value: p.id, label: `${i + 1}. ${p.text.slice(0, 90)}` }))} value={v.proposal_id} onChange={(x) => setV({ ...v, proposal_id: x })} />}
        <Select label="Поручено группе" clearable placeholder="Не группе" description={v.group_id ? 'Школы, сотрудники которых входят в группу, получат поручение и отметят его сами. Поручения группе с одним сроком войдут в справку одним пунктом.' : undefined}
          data={(groups.value ?? []).map((g) => ({ value: g.id, label: g.title }))} value={v.group_id} onChange={(x) => setV({ ...v, group_id: x })} />
        <Checkbox label="Всем школам муниципалитета" checked={v.all_schools === 1} onChange={(e) => setV({ ...v, all_schools: e.currentTarget.checked ? 1 : 0 })} />
        {v.all_schools === 0 && (
          <Stack gap={4}>
            <MultiSelect label="Школы, которым адресовано" searchable data={options} value={v.school_ids} onChange={(x) => setV({ ...v, school_ids: x })} data-testid="assignment-schools" />
            {participants.length > 0 && <Button size="xs" variant="subtle" onClick={() => setV({ ...v, school_ids: [...new Set([...v.school_ids, ...participants])] })}>Добавить все школы, которые участвовали</Button>}
          </Stack>
        )}
        <Group justify="space-between">
          {v.id ? <Button color="red" variant="subtle" onClick={remove} data-testid="assignment-remove">Удалить</Button> : <span />}
          <Group><Button variant="default" onClick={onClose}>Отмена</Button><Button loading={busy} onClick={() => void save()} data-testid="assignment-save">Сохранить</Button></Group>
        </Group>
      </Stack>
    </Modal>
    {question}
    </>
  );
}

/** Members of the group who are not schools (the methodical centre): the department marks the assignment for them. */
function MemberMarks({ a }: { a: AssignmentView }) {
  const { bump } = useDataVersion();
  const mark = (m: AssignmentView['memberMarks'][number], status: string | null, done_on = m.done_on) => {
    if (!status) return;
    void call('municipality.assignments.markMember', { assignmentId: a.id, memberId: m.member_id, status: status as keyof typeof ASSIGNMENT_MARK, done_on, note: m.note })
      .then(() => { bump(); }, (e: unknown) => notifyError(e));
  };
  return (
    <Stack gap={4} mt={4} data-testid="member-marks">
      <Text size="xs" c="dimmed">Члены группы не из школ — отметку ставит управление образования:</Text>
      {a.memberMarks.map((m) => (
        <Group key={m.member_id} gap="xs" align="flex-end">
          <Text size="sm" w={320}>{m.name}{m.organisation ? <Text span size="xs" c="dimmed"> · {m.organisation}</Text> : null}</Text>
          <Select size="xs" w={160} placeholder="Нет отметки" data={Object.entries(ASSIGNMENT_MARK).map(([value, label]) => ({ value, label }))} value={m.status}
            onChange={(x) => mark(m, x, x === 'done' ? m.done_on ?? isoDay(new Date()) : m.done_on)} aria-label={`Исполнение: ${m.name}`} />
          {m.status === 'done' && <DateField label="" value={m.done_on} onChange={(d) => mark(m, m.status, d)} />}
        </Group>
      ))}
    </Stack>
  );
}

export function AssignmentsPanel({ eventId, participants = [], proposals = [] }: { eventId?: string; participants?: string[]; proposals?: { id: string; text: string }[] }) {
  const list = useCall('municipality.assignments.list', eventId ? { eventId } : {});
  const [edit, setEdit] = useState<Edit | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const opened = (list.value ?? []).find((a) => a.id === open) ?? null;
  const editOf = (a: AssignmentView): Edit => ({ id: a.id, text: a.text, responsible: a.responsible, due_on: a.due_on, all_schools: a.all_schools ? 1 : 0, school_ids: a.school_ids, group_id: a.group_id, proposal_id: a.proposal_id });
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const rows = (list.value ?? []).filter((a) => !onlyOverdue || a.overdue > 0);
  return (
    <Card withBorder data-testid="assignments-panel">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>Поручения {list.value?.length ? <Text span c="dimmed" size="sm">({list.value.length})</Text> : null}</Title>
          <Group>
            {!eventId && <Switch label="Только не выполненные в срок" checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.currentTarget.checked)} />}
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEdit({ text: '', responsible: '', due_on: null, all_schools: 0, school_ids: [], group_id: null, proposal_id: null })} data-testid="assignment-add">Добавить поручение</Button>
          </Group>
        </Group>
        {list.error && <Alert color="red">{list.error}</Alert>}
        {list.value && rows.length === 0 && <Text size="sm" c="dimmed">{onlyOverdue ? 'Поручений, не выполненных в срок, нет.' : 'Поручений пока нет. Добавьте первое: что сделать, кому и в какой срок.'}</Text>}
        {rows.length > 0 && (
          <Table fz="sm" withTableBorder data-testid="assignments-table">
            <Table.Thead><Table.Tr><Table.Th w={40}>№</Table.Th><Table.Th>Поручение</Table.Th><Table.Th w={120}>Срок</Table.Th><Table.Th w={220}>Кому</Table.Th><Table.Th w={300}>Исполнение по школам</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map((a, i) => (
                <Table.Tr key={a.id} className="row-click" onClick={() => setOpen(a.id)} data-testid="assignment-row">
                  <Table.Td>{a.position_no || i + 1}</Table.Td>
                  <Table.Td className="cell-wrap">{a.text}{!eventId && a.event_topic ? <Text size="xs" c="dimmed">Мероприятие: {a.event_topic}</Text> : null}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.due_on ? `до ${formatDate(a.due_on)}` : 'без срока'}</Table.Td>
                  <Table.Td className="cell-wrap">{[a.all_schools ? 'Всем школам' : a.concerned ? count(a.concerned, ['школе', 'школам', 'школам']) : '', a.group_title ?? '', a.responsible].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Group gap={4}>
                        <Text size="sm" c={a.concerned === 0 ? 'dimmed' : undefined} data-testid="mark-counts">{markCountsText(a.markCounts)}</Text>
                        {a.overdue > 0 && <Badge color="red" variant="filled" tt="none" data-testid="assignment-overdue">не в срок: {a.overdue}</Badge>}
                      </Group>
                      <MarkLines marks={a.marks} limit={IN_ROW} />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {opened && !edit && <AssignmentCard a={opened} onClose={() => setOpen(null)} onEdit={() => setEdit(editOf(opened))} />}
      {edit && <AssignmentForm value={edit} eventId={eventId} participants={participants} proposals={proposals} onClose={() => setEdit(null)} />}
    </Card>
  );
}
