/**
 * «Конфликты»: one record changed independently on two copies of a school's database. Each conflict says
 * whose record it is, what kind and which one, and shows side by side only the fields that differ, with
 * who made each version and when; choosing asks first, and the choice can be undone from «Принятые решения».
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import type { ExchangeConflict } from '../../../../preload/contract/index';
import { call } from '../../app/api';
import { useCall } from '../../app/data';
import { useAction } from '../../app/useAction';
import { notifyOk } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from './status';

type Choice = { conflict: ExchangeConflict; index: number };

function versionTitle(c: ExchangeConflict, i: number) {
  return c.versions[i]!.current ? 'Сейчас в базе' : `Пришедшая версия${c.versions.length > 2 ? ` ${i}` : ''}`;
}

function ConflictCard({ c, onChoose }: { c: ExchangeConflict; onChoose: (i: number) => void }) {
  return (
    <Paper withBorder p="sm" data-testid="conflict">
      <Stack gap={4}>
        <Text fw={600}>{c.kindTitle}: «{c.title}»</Text>
        <Text size="sm" c="dimmed">{c.school ? `${c.school} · ` : ''}расхождение замечено {formatDateTime(c.detected_at)}</Text>
      </Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table mt="xs" withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>Поле</Table.Th>
              {c.versions.map((v, i) => (
                <Table.Th key={v.hlc}>
                  <Group gap={6}><Badge variant="light" color={v.current ? 'blue' : 'gray'}>{versionTitle(c, i)}</Badge></Group>
                  <Text size="xs" fw={400}>Изменил: {v.changedBy}</Text>
                  <Text size="xs" fw={400} c="dimmed">{v.changedAt ? formatDateTime(v.changedAt) : 'время неизвестно'}</Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.fields.length === 0 && (
              <Table.Tr><Table.Td colSpan={c.versions.length + 1}><Text size="sm" c="dimmed">Содержание версий совпадает — можно оставить любую.</Text></Table.Td></Table.Tr>
            )}
            {c.fields.map((f) => (
              <Table.Tr key={f.label}>
                <Table.Td><Text size="sm" fw={500}>{f.label}</Text></Table.Td>
                {f.values.map((v, i) => <Table.Td key={i}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{v}</Text></Table.Td>)}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td />
              {c.versions.map((v, i) => (
                <Table.Td key={v.hlc}><Button size="xs" variant={v.current ? 'default' : 'light'} onClick={() => onChoose(i)}>Оставить эту версию</Button></Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function DecisionsList() {
  const { value } = useCall('exchange.conflictDecisions', {});
  const { busy, run } = useAction();
  if (!value?.length) return null;
  return (
    <Stack gap="xs" data-testid="conflict-decisions">
      <Title order={5}>Принятые решения</Title>
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>Когда решено</Table.Th><Table.Th>Запись</Table.Th><Table.Th>Оставлена версия</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {value.map((d) => (
            <Table.Tr key={d.table + d.id}>
              <Table.Td>{formatDateTime(d.at)}</Table.Td>
              <Table.Td><Text size="sm">{d.kindTitle}: «{d.title}»</Text>{d.school && <Text size="xs" c="dimmed">{d.school}</Text>}</Table.Td>
              <Table.Td><Text size="sm">{d.keptBy}</Text>{d.keptAt && <Text size="xs" c="dimmed">{formatDateTime(d.keptAt)}</Text>}</Table.Td>
              <Table.Td>
                {d.undoable
                  ? <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} loading={busy} onClick={() => void run(async () => { await call('exchange.undoConflict', { table: d.table, id: d.id }); notifyOk('Выбор отменён: конфликт снова ждёт решения.'); })}>Отменить выбор</Button>
                  : <Text size="xs" c="dimmed">запись изменилась после решения — отменить нельзя</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ConflictsPanel() {
  const { value } = useCall('exchange.conflicts', {});
  const [choice, setChoice] = useState<Choice | null>(null);
  const keep = async () => {
    if (!choice) return;
    const { conflict: c, index } = choice;
    await call('exchange.resolveConflict', { table: c.table, id: c.id, keepHlc: c.versions[index]!.hlc });
    setChoice(null);
    notifyOk('Оставлена выбранная версия. Передумали — «Отменить выбор» в списке «Принятые решения» ниже.');
  };
  const chosen = choice ? choice.conflict.versions[choice.index]! : null;
  return (
    <Stack>
      {!value?.length
        ? <Text c="dimmed">Конфликтов нет: все изменения записей сошлись без расхождений.</Text>
        : (
          <>
            <Alert color="yellow" icon={<IconAlertTriangle />}>
              Одна и та же запись изменена в двух копиях базы независимо друг от друга (например, после восстановления из резервной
              копии или на втором компьютере). Сохранены обе версии; ниже показаны только различающиеся поля. Выберите, какую оставить.
            </Alert>
            {value.map((c) => <ConflictCard key={c.table + c.id} c={c} onChoose={(index) => setChoice({ conflict: c, index })} />)}
          </>
        )}
      <DecisionsList />
      <ConfirmDialog opened={!!choice} title="Оставить эту версию?" action="Оставить" onConfirm={keep} onClose={() => setChoice(null)}>
        {choice && chosen && (
          <Stack gap="xs">
            <Text>{choice.conflict.kindTitle} «{choice.conflict.title}» станет таким, как в версии «{versionTitle(choice.conflict, choice.index)}» ({chosen.changedBy}{chosen.changedAt ? `, ${formatDateTime(chosen.changedAt)}` : ''}).</Text>
            <Text size="sm" c="dimmed">Другая версия не удаляется: выбор можно отменить в списке «Принятые решения».</Text>
          </Stack>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
