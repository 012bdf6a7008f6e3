/**
 * What the municipality sent down: the school's classification, the municipal roadmap activities the
 * school marks (the marks go back up in the next exchange file), and the curator's comments.
 */
import { useState, useEffect } from 'react';
import { Card, Table, Text, Badge, Group, Stack, SimpleGrid, Title, Select, Textarea, Button, Alert } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { MunicipalWorkCards } from './MunicipalWorkCards';
import { FormModal } from '../../components/RecordForm';
import { ActivityStatusBadge } from '../../components/Labels';
import { useCall, useDataVersion } from '../../app/data';
import { call, CallError } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { activityStatus, codeOf } from '../../../../common/labels';
import { formatDate } from '../../../../common/format';
import { TypedDateInput } from '../../components/TypedDateInput';
import type { FromMunicipality, ActivityStatus } from '../../../../preload/contract/index';

type Activity = FromMunicipality['activities'][number];


function MarkForm({ activity, onClose, onCancel, setDirty }: { activity: Activity; onClose: () => void; onCancel: () => void; setDirty: (d: boolean) => void }) {
  const [status, setStatus] = useState<ActivityStatus>(activity.mark?.status ?? 'planned');
  const [mark, setMark] = useState(activity.mark?.completion_mark ?? '');
  const [on, setOn] = useState<string | null>(activity.mark?.completed_on ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const dirty = status !== (activity.mark?.status ?? 'planned') || mark !== (activity.mark?.completion_mark ?? '') || on !== (activity.mark?.completed_on ?? null);
  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  const save = async () => {
    setBusy(true);
    try {
      await call('fromMunicipality.mark', { activityId: activity.id, status, completion_mark: mark, completed_on: on });
      setDirty(false);
      bump();
      notifyOk('Отметка сохранена. Она уйдёт в управление образования со следующим файлом обмена.');
      onClose();
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось сохранить.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text fw={600}>{activity.number ? `${activity.number}. ` : ''}{activity.title}</Text>
      <Text size="sm" c="dimmed">Сроки: {activity.timing_text || '—'} · Ответственные: {activity.responsible || '—'}</Text>
      {error && <Alert color="red" data-testid="form-error">{error}</Alert>}
      <SimpleGrid cols={2}>
        <Select label="Статус" data={activityStatus.options} value={status} onChange={(v) => setStatus(codeOf(activityStatus, v, 'planned'))} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        <TypedDateInput label="Дата выполнения" value={on} onChange={setOn} />
      </SimpleGrid>
      <Textarea label="Отметка о выполнении" description="Что сделано в школе — или почему не выполнено." autosize minRows={3} value={mark} onChange={(e) => setMark(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>Отмена</Button>
        <Button loading={busy} onClick={() => void save()}>Сохранить</Button>
      </Group>
    </Stack>
  );
}

export function FromMunicipalityPage() {
  const { value, error } = useCall('fromMunicipality.get', {});
  const [editing, setEditing] = useState<Activity | null>(null);
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
              <Table.Tr><Table.Th w={60}>№</Table.Th><Table.Th>Мероприятие</Table.Th><Table.Th w={160}>Сроки</Table.Th><Table.Th w={200}>Ответственные</Table.Th><Table.Th w={300}>Отметка школы</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.activities.map((a) => {
                const overdue = a.overdue === 1;
                return (
                  <Table.Tr key={a.id} className="row-click" onClick={() => setEditing(a)}>
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
      <FormModal opened={!!editing} onClose={() => setEditing(null)} title="Отметка о выполнении" size="lg">
        {(setDirty, close) => editing && <MarkForm activity={editing} onClose={() => setEditing(null)} onCancel={close} setDirty={setDirty} />}
      </FormModal>
    </>
  );
}
