/** What waits for a person's decision or look: the quarantine and the import history (conflicts: ConflictsPanel.tsx). */
import { Alert, Button, Code, Group, Stack, Table, Text, Loader } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { call, CallError } from '../../app/api';
import { useCall, useDataVersion } from '../../app/data';
import { notifyError, notifyOk } from '../../app/notify';
import { formatDateTime, countsText, StatusBadge } from './status';

const QUARANTINE_REASON: Record<string, string> = {
  key_change: 'Смена ключа',
  unknown_sender: 'Неизвестный отправитель',
  key_taken: 'Ключ другой школы',
};

export function QuarantinePanel() {
  const { bump } = useDataVersion();
  const { value, loading } = useCall('exchange.quarantine', {});
  const decide = async (id: string, accept: boolean) => {
    try {
      const r = await call('exchange.quarantineDecide', { id, accept });
      if ('refused' in r) notifyOk('Файл отклонён.');
      else if (r.status === 'accepted') notifyOk(`Ключ закреплён, файл загружен: ${countsText(r.counts)}.`);
      else notifyError(new CallError(r.reasonCode ?? 'rejected', r.reason ?? 'Файл не принят.'));
      bump();
    } catch (e) {
      notifyError(e);
    }
  };
  if (loading && !value) return <Loader />;
  if (!value?.length) return <Text c="dimmed">Карантин пуст: все загруженные файлы подписаны известными ключами.</Text>;
  return (
    <Stack>
      <Alert color="orange" icon={<IconShieldLock />}>
        Файлы подписаны незнакомым ключом (новая школа без файла подключения или смена ключа). Сверьте отпечаток с отправителем по телефону или лично и только тогда принимайте.
      </Alert>
      <Table>
        <Table.Thead><Table.Tr><Table.Th>Получен</Table.Th><Table.Th>Отправитель</Table.Th><Table.Th>Отпечаток ключа</Table.Th><Table.Th>Причина</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {value.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>{formatDateTime(q.received_at)}</Table.Td>
              <Table.Td>{q.issuer_name || '—'}<Text size="xs" c="dimmed">{q.file_name}</Text></Table.Td>
              <Table.Td><Code>{q.fingerprintDisplay}</Code></Table.Td>
              <Table.Td>
                {QUARANTINE_REASON[q.reason_code] ?? 'Неизвестный отправитель'}
                {q.warning && <Text size="xs" c="red">{q.warning}</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {/* A key that cannot be accepted (another school's, or a municipality key at a school) offers no button. */}
                  {!q.warning && <Button size="xs" color="teal" onClick={() => void decide(q.id, true)}>Принять ключ</Button>}
                  <Button size="xs" variant="default" color="red" onClick={() => void decide(q.id, false)}>Отклонить</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function HistoryPanel() {
  const { value } = useCall('exchange.history', {});
  if (!value?.length) return <Text c="dimmed">Загрузок ещё не было.</Text>;
  return (
    <Table striped data-testid="exchange-history">
      <Table.Thead><Table.Tr><Table.Th>Когда</Table.Th><Table.Th>Файл</Table.Th><Table.Th>Отправитель</Table.Th><Table.Th>Результат</Table.Th><Table.Th>Подробности</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {value.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td>{formatDateTime(h.at)}</Table.Td>
            <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{h.file_name}</Text></Table.Td>
            <Table.Td>{h.issuer_name || '—'}{h.seq !== null && `, №${h.seq}`}</Table.Td>
            <Table.Td><StatusBadge status={h.status} /></Table.Td>
            <Table.Td><Text size="sm">{h.status === 'accepted' ? countsText(h.counts) : h.reason}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
