/**
 * What the municipality sent down: the school's classification, the municipal roadmap activities the
 * school marks (the marks go back up in the next exchange file), and the curator's comments.
 */
import { useState } from 'react';
import { Card, Table, Text, Badge, Stack, SimpleGrid, Title, Button, Alert } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { MunicipalWorkCards } from './MunicipalWorkCards';
import { MarkDialog, type MarkTarget } from './MarkDialog';
import { ActivityStatusBadge } from '../../components/Labels';
import { useCall } from '../../app/data';
import { formatDate } from '../../../../common/format';
import type { FromMunicipality } from '../../../../preload/contract/index';

type Activity = FromMunicipality['activities'][number];


/** What the mark dialog shows and starts from for a roadmap activity (a school's old «запланировано» starts as «выполняется»). */
function activityTarget(a: Activity): MarkTarget {
  const st = a.mark?.status;
  return {
    kind: 'activity', id: a.id, title: `${a.number ? `${a.number}. ` : ''}${a.title}`,
    details: `Сроки: ${a.timing_text || '—'} · Ответственные: ${a.responsible || '—'}`,
    initial: { status: st === 'done' || st === 'not_done' ? st : 'in_progress', on: a.mark?.completed_on ?? null, note: a.mark?.completion_mark ?? '' },
  };
}

export function FromMunicipalityPage() {
  const { value, error } = useCall('fromMunicipality.get', {});
  const [marking, setMarking] = useState<MarkTarget | null>(null);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return null;
  const c = value.classification;
  return (
    <>
      <PageHeader title="От управления образования" subtitle="Приходит с файлом обмена от муниципалитета; ваши отметки уходят обратно со следующим файлом школы" />
      <Card withBorder>
        <Title order={4} mb="sm">Классификация школы</Title>
        {c ? (
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <div><Text size="xs" c="dimmed">Кластер</Text><Text>{c.cluster || '—'}</Text></div>
            <div><Text size="xs" c="dimmed">Группа качества</Text><Text>{c.quality_group || '—'}</Text></div>
            <div><Text size="xs" c="dimmed">Партнёрская группа</Text><Text>{c.partner_group || '—'}</Text></div>
            <div><Text size="xs" c="dimmed">Куратор</Text><Text>{c.curator || '—'}</Text></div>
          </SimpleGrid>
        ) : <Text c="dimmed">Управление образования ещё не присылало классификацию. Она придёт с файлом обмена.</Text>}
      </Card>
      <MunicipalWorkCards />
      <Card withBorder>
        <Title order={4} mb="sm">Муниципальная дорожная карта</Title>
        {value.activities.length === 0 ? <Text c="dimmed">Мероприятий пока нет. Они придут с файлом обмена от управления образования.</Text> : (
          <Table striped highlightOnHover withTableBorder data-testid="municipal-activities">
            <Table.Thead>
              <Table.Tr><Table.Th w={60}>№</Table.Th><Table.Th>Мероприятие</Table.Th><Table.Th w={160}>Сроки</Table.Th><Table.Th w={200}>Ответственные</Table.Th><Table.Th w={300}>Отметка школы</Table.Th><Table.Th w={120} /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.activities.map((a) => {
                const overdue = a.overdue === 1;
                return (
                  <Table.Tr key={a.id} className="row-click" onClick={() => setMarking(activityTarget(a))} data-testid="municipal-activity-row">
                    <Table.Td>{a.number}</Table.Td>
                    <Table.Td className="cell-wrap">
                      <Text size="sm">{a.title}</Text>
                      {a.section && <Text size="xs" c="dimmed">{a.section}</Text>}
                      {a.comments.map((k) => <Text key={k.id} size="xs" c="grape">Куратор ({formatDate(k.written_on)}): {k.text}</Text>)}
                    </Table.Td>
                    <Table.Td>{a.timing_text}{a.date_to && !a.timing_text.includes(formatDate(a.date_to)) && <Text size="xs" c="dimmed">до {formatDate(a.date_to)}</Text>}</Table.Td>
                    <Table.Td className="cell-wrap">{a.responsible}</Table.Td>
                    <Table.Td className="cell-wrap">
                      {a.mark ? <ActivityStatusBadge status={a.mark.status} overdue={overdue} /> : overdue ? <ActivityStatusBadge status="planned" overdue /> : <Badge color="gray" variant="light" tt="none">Нет отметки</Badge>}
                      {a.mark?.completion_mark && <Text size="sm" mt={4}>{a.mark.completion_mark}</Text>}
                    </Table.Td>
                    <Table.Td><Button size="xs" variant="light" onClick={(e) => { e.stopPropagation(); setMarking(activityTarget(a)); }} data-testid="mark-button">Отметить</Button></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">Комментарии куратора к мероприятиям программы школы</Title>
        {value.comments.length === 0 ? <Text c="dimmed">Комментариев нет.</Text> : (
          <Stack gap="xs">
            {value.comments.map((k) => (
              <div key={k.id}>
                <Text size="sm"><b>{k.activity_number ? `${k.activity_number}. ` : ''}{k.activity_title ?? 'Мероприятие удалено'}</b></Text>
                <Text size="sm">{k.text}</Text>
                <Text size="xs" c="dimmed">{k.author || 'Куратор'}, {formatDate(k.written_on)}</Text>
              </div>
            ))}
          </Stack>
        )}
      </Card>
      <MarkDialog target={marking} onClose={() => setMarking(null)} />
    </>
  );
}
