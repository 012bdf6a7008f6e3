/** What waits for a person's decision or look: the quarantine and the import history (conflicts: ConflictsPanel.tsx). */
import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, Stack, Table, Text, TextInput, Loader } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { call, CallError } from '../../app/api';
import { useCall, useDataVersion } from '../../app/data';
import { notifyError, notifyInfo, notifyOk } from '../../app/notify';
import type { ExchangeQuarantineItem } from '../../../../preload/contract/index';
import { formatDateTime, countsText, StatusBadge } from './status';

const QUARANTINE_REASON: Record<string, string> = {
  key_change: 'Смена ключа',
  unknown_sender: 'Неизвестный отправитель',
  key_taken: 'Ключ другой школы',
};

export function QuarantinePanel() {
  const { bump } = useDataVersion();
  const { value, loading } = useCall('exchange.quarantine', {});
  // The card whose key the person is about to accept: both fingerprints side by side, the first group typed.
  const [confirming, setConfirming] = useState<ExchangeQuarantineItem | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (q: ExchangeQuarantineItem, accept: boolean) => {
    try {
      const r = await call('exchange.quarantineDecide', { id: q.id, accept, ...(accept ? { fingerprintStart: typed } : {}) });
      if ('refused' in r) notifyInfo('Файл отклонён: ничего не загружено, ключ не закреплён.');
      else if (r.status === 'accepted') notifyOk(`Ключ закреплён, файл загружен: ${countsText(r.counts)}.`);
      else notifyError(new CallError(r.reasonCode ?? 'rejected', r.reason ?? 'Файл не принят.'));
      setConfirming(null);
      bump();
    } catch (e) {
      if (e instanceof CallError && e.code === 'fingerprint_mismatch') setError(e.message);
      else notifyError(e);
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
        <Table.Thead><Table.Tr><Table.Th>Получен</Table.Th><Table.Th>Отправитель и что случилось</Table.Th><Table.Th>Отпечаток ключа</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {value.map((q) => (
            <Table.Tr key={q.id} data-testid="quarantine-item">
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(q.received_at)}</Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={600}>{q.issuer_name || '—'} · {QUARANTINE_REASON[q.reason_code] ?? 'Неизвестный отправитель'}</Text>
                <Text size="sm">{q.explanation}</Text>
                {q.warning && <Text size="xs" c="red">{q.warning}</Text>}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="xs" c="dimmed">новый</Text><Code>{q.fingerprintDisplay}</Code>
                {q.pinnedFingerprintDisplay && <><Text size="xs" c="dimmed" mt={4}>закреплён сейчас</Text><Code>{q.pinnedFingerprintDisplay}</Code></>}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Group gap="xs" wrap="nowrap">
                  {/* A key that cannot be accepted (another school's, or a municipality key at a school) offers no button. */}
                  {!q.warning && <Button size="xs" color="orange" variant="light" onClick={() => { setTyped(''); setError(null); setConfirming(q); }}>Принять ключ…</Button>}
                  <Button size="xs" variant="default" onClick={() => void decide(q, false)}>Отклонить</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!confirming} onClose={() => setConfirming(null)} title={<Text fw={600}>Принять новый ключ отправителя «{confirming?.issuer_name}»?</Text>} size="lg">
        {confirming && (
          <Stack gap="sm">
            <Text size="sm">{confirming.explanation}</Text>
            <Stack gap={4}>
              <Text size="xs" c="dimmed">Новый ключ (из этого файла)</Text><Code block fz="md" fw={700}>{confirming.fingerprintDisplay}</Code>
              <Text size="xs" c="dimmed">Закреплён сейчас</Text><Code block fz="md">{confirming.pinnedFingerprintDisplay ?? 'нет — отправитель новый'}</Code>
            </Stack>
            <Text size="sm">Позвоните отправителю: на его экране «Обмен данными» виден отпечаток его ключа. Попросите продиктовать первую группу и введите её.</Text>
            <TextInput label="Первая группа отпечатка нового ключа (4 знака)" value={typed} onChange={(e) => { setTyped(e.currentTarget.value); setError(null); }} error={error} maxLength={9} w={380} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>Отмена</Button>
              <Button color="orange" disabled={typed.replace(/\s+/g, '').length < 4} onClick={() => void decide(confirming, true)}>Принять новый ключ</Button>
            </Group>
          </Stack>
        )}
      </Modal>
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
