/**
 * «Мои файлы для управления образования»: each file the school wrote, and the department's receipt once its next
 * file has brought one — so the school knows whether its data arrived without ringing anyone.
 */
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../app/data';
import { receiptDetail, sentFileName, writtenWords } from '../../../../common/receipts';

export function SentFilesPanel() {
  const { value } = useCall('exchange.sentFiles', {});
  return (
    <Paper withBorder p="md" data-testid="sent-files">
      <Stack gap="sm">
        <Title order={4}>Мои файлы для управления образования</Title>
        <Text size="sm" c="dimmed">
          Получило ли управление образования файл, видно, когда от него придёт следующий файл: в нём управление сообщает,
          какие файлы школы загрузило, сколько записей принято и сколько возникло конфликтов.
        </Text>
        {!value?.length ? <Text c="dimmed">Файлов ещё не было: выгрузите первый файл кнопкой выше.</Text> : (
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>№</Table.Th><Table.Th>Файл</Table.Th><Table.Th>Выгрузка</Table.Th><Table.Th>Управление образования</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {value.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.seq}</Table.Td>
                  <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{sentFileName(f)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{writtenWords(f)}</Text></Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Badge variant="light" tt="none" color={f.received_at ? 'teal' : 'gray'}>{f.received_at ? 'Загружен' : 'Ещё не загружен'}</Badge>
                      {f.received_at && <Text size="sm" title={`Загружен управлением образования ${receiptDetail(f)}`}>{receiptDetail(f)}</Text>}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
