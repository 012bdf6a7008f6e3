/**
 * The school's side of the municipality's meetings: the events the school was invited to, with the agenda and
 * the conclusions that concern it, and the assignments addressed to it, which the school marks (done, in
 * progress, not done). The marks go back with the school's next exchange file.
 */
import { useState } from 'react';
import { Card, Title, Text, Table, Badge, Stack, Group, Button, Alert } from '@mantine/core';
import { useCall } from '../../app/data';
import { MarkDialog, type MarkTarget } from './MarkDialog';
import { formatDate } from '../../../../common/format';
import { eventKind } from '../../../../common/labels';
import { ASSIGNMENT_MARK, GROUP_KINDS, PARTICIPATION } from '../../../../common/meeting-labels';
import type { SchoolAssignment } from '../../../../preload/contract/index';

type Mark = keyof typeof ASSIGNMENT_MARK;
const MARK_COLOR: Record<Mark, string> = { done: 'teal', in_progress: 'blue', not_done: 'red' };

function assignmentTarget(a: SchoolAssignment): MarkTarget {
  return {
    kind: 'assignment', id: a.id, title: a.text,
    details: `${a.due_on ? `Срок: до ${formatDate(a.due_on)}` : 'Без срока'}${a.responsible ? ` · Ответственный: ${a.responsible}` : ''}`,
    initial: { status: a.mark?.status ?? 'in_progress', on: a.mark?.done_on ?? null, note: a.mark?.note ?? '' },
  };
}

export function MunicipalWorkCards() {
  const { value, error } = useCall('fromMunicipality.work', {});
  const [marking, setMarking] = useState<MarkTarget | null>(null);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return null;
  return (
    <>
      <Card withBorder data-testid="school-assignments">
        <Title order={4} mb="sm">Поручения управления образования</Title>
        {value.assignments.length === 0 ? <Text c="dimmed">Поручений нет. Они придут с файлом обмена от управления образования.</Text> : (
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead><Table.Tr><Table.Th w={48}>№</Table.Th><Table.Th>Поручение</Table.Th><Table.Th w={130}>Срок</Table.Th><Table.Th w={260}>Отметка школы</Table.Th><Table.Th w={120} /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {value.assignments.map((a) => (
                <Table.Tr key={a.id} className="row-click" onClick={() => setMarking(assignmentTarget(a))} data-testid="school-assignment-row">
                  <Table.Td>{a.position_no || ''}</Table.Td>
                  <Table.Td className="cell-wrap">{a.text}{a.event ? <Text size="xs" c="dimmed">{eventKind.labels[a.event.kind as keyof typeof eventKind.labels] ?? 'Мероприятие'} {formatDate(a.event.date_from)}: {a.event.topic}</Text> : null}</Table.Td>
                  <Table.Td>{a.due_on ? `до ${formatDate(a.due_on)}` : 'без срока'}</Table.Td>
                  <Table.Td className="cell-wrap">
                    {a.overdue ? <Badge color="red" variant="filled" tt="none" mr={4}>Срок истёк</Badge> : null}
                    {a.mark ? <Badge color={MARK_COLOR[a.mark.status]} variant="light" tt="none">{ASSIGNMENT_MARK[a.mark.status]}{a.mark.done_on ? ` ${formatDate(a.mark.done_on)}` : ''}</Badge> : <Badge color="gray" variant="light" tt="none">Нет отметки</Badge>}
                    {a.mark?.note ? <Text size="sm" mt={4}>{a.mark.note}</Text> : null}
                  </Table.Td>
                  <Table.Td><Button size="xs" variant="light" onClick={(e) => { e.stopPropagation(); setMarking(assignmentTarget(a)); }} data-testid="mark-button">Отметить</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder data-testid="school-events">
        <Title order={4} mb="sm">Совещания и мероприятия управления образования</Title>
        {value.events.length === 0 ? <Text c="dimmed">Приглашений пока не было.</Text> : (
          <Stack>
            {value.events.map((e) => (
              <div key={e.id}>
                <Group gap="xs"><Text fw={600}>{formatDate(e.date_from)} · {eventKind.labels[e.kind as keyof typeof eventKind.labels] ?? 'Мероприятие'}: {e.topic}</Text>
                  <Badge variant="light" color={e.status === 'absent' ? 'red' : e.status === 'present' ? 'teal' : 'gray'} tt="none">{PARTICIPATION[e.status]}</Badge></Group>
                {e.note && <Text size="sm" c="dimmed">{e.note}</Text>}
                {e.agenda.length > 0 && <Text size="sm" mt={4}>Повестка: {e.agenda.map((x) => x.title).join('; ')}</Text>}
                {e.conclusions.length > 0 && (
                  <Stack gap={2} mt={4}>
                    <Text size="sm" fw={500}>Выводы, которые касаются школы:</Text>
                    {e.conclusions.map((c) => (
                      <div key={c.position_no} data-testid="school-conclusion">
                        <Text size="sm">{c.position_no}. {c.text}</Text>
                        {c.factors && <Text size="sm" c="dimmed" ml="md">Причины (факторы риска и дефициты): {c.factors}</Text>}
                      </div>
                    ))}
                  </Stack>
                )}
                {e.proposals.length > 0 && (
                  <Stack gap={2} mt={4}>
                    <Text size="sm" fw={500}>Предложения школе:</Text>
                    {e.proposals.map((p) => <Text size="sm" key={p.position_no} data-testid="school-proposal">{p.position_no}. {p.text}</Text>)}
                  </Stack>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Card>
      {value.groups.length > 0 && (
        <Card withBorder data-testid="school-groups">
          <Title order={4} mb="sm">Группы, в которые входят работники школы</Title>
          <Stack>
            {value.groups.map((g) => (
              <div key={g.id}>
                <Text fw={600}>{g.title}</Text>
                <Text size="sm" c="dimmed">{GROUP_KINDS[g.kind as keyof typeof GROUP_KINDS] ?? 'Группа'}{g.date_from ? ` · с ${formatDate(g.date_from)}` : ''}{g.date_to ? ` по ${formatDate(g.date_to)}` : ''}</Text>
                {g.members.map((m, i) => (
                  <Text size="sm" key={i}>{m.name}{m.position ? `, ${m.position}` : ''}{m.leader ? ' — руководитель группы' : m.role_note ? ` — ${m.role_note}` : ''}</Text>
                ))}
              </div>
            ))}
          </Stack>
        </Card>
      )}
      <MarkDialog target={marking} onClose={() => setMarking(null)} />
    </>
  );
}
