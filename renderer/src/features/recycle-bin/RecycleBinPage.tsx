/**
 * «Корзина» of both roles: what was deleted on this computer, when, with what it took with it, and
 * «Восстановить», which brings the whole group back and sends it in the next bundle like any edit.
 */
import { Alert, Button, Card, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { notifyOk } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import { formatMoment } from '../../../../common/format';
import { DELETED_FILES_KEPT_DAYS, type DeletedEntry } from '../../../../preload/contract/index';

function Row({ e }: { e: DeletedEntry }) {
  const { busy, run } = useAction();
  const restore = () => run(async () => {
    const r = await call('recycleBin.restore', { id: e.id });
    notifyOk((r.restored > 1 ? `Восстановлено записей: ${r.restored}` : 'Запись восстановлена')
      + (r.filesLost ? `. Не восстановлено файлов: ${r.filesLost} — прошло больше ${DELETED_FILES_KEPT_DAYS} дней, они стёрты с диска` : ''));
  });
  return (
    <Table.Tr data-testid="bin-row">
      <Table.Td className="cell-wrap">
        <Text size="sm" fw={500}>{e.title}</Text>
        <Text size="xs" c="dimmed">{e.kind}</Text>
      </Table.Td>
      <Table.Td>{formatMoment(e.deletedAt)}</Table.Td>
      <Table.Td className="cell-wrap">
        {e.others.length === 0 ? <Text size="sm" c="dimmed">ничего</Text> : e.others.map((o) => <Text size="sm" key={o.kind}>{o.kind} — {o.count}</Text>)}
        {e.personalErased && <Text size="xs" c="orange.8">ФИО и дата рождения обучающегося стёрты и не вернутся</Text>}
        {e.filesErased > 0 && <Text size="xs" c="orange.8">Приложенные файлы ({e.filesErased}) стёрты с диска через {DELETED_FILES_KEPT_DAYS} дней и не вернутся</Text>}
      </Table.Td>
      <Table.Td>
        {e.restoredAt
          ? <Text size="sm" c="teal.8">Восстановлено {formatMoment(e.restoredAt)}</Text>
          : <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} loading={busy} onClick={() => void restore()} data-testid="bin-restore">Восстановить</Button>}
      </Table.Td>
    </Table.Tr>
  );
}

export function RecycleBinPage({ municipal = false }: { municipal?: boolean }) {
  const { value, error } = useCall('recycleBin.list', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return <Center py="xl"><Loader /></Center>;
  return (
    <Stack>
      <PageHeader title="Корзина" subtitle="Что удалено на этом компьютере. Восстановленная запись возвращается вместе со всем, что было удалено вместе с ней, и уйдёт в следующем файле обмена." />
      <Alert color="gray" variant="light">
        {municipal ? '' : 'ФИО и даты рождения обучающихся стираются в момент удаления (так требует закон о персональных данных), поэтому у восстановленной записи группы риска их нужно будет вписать заново. '}
        Приложенные файлы удалённых записей хранятся здесь {DELETED_FILES_KEPT_DAYS} дней, потом стираются с диска.
      </Alert>
      <Card withBorder p={0}>
        {value.length === 0 ? (
          <Text c="dimmed" p="md" data-testid="bin-empty">Корзина пуста. Всё, что вы удалите, появится здесь, и его можно будет восстановить.</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped fz="sm" data-testid="bin-table">
              <Table.Thead><Table.Tr><Table.Th>Что удалено</Table.Th><Table.Th w={170}>Когда</Table.Th><Table.Th>Что удалено вместе с ним</Table.Th><Table.Th w={220} /></Table.Tr></Table.Thead>
              <Table.Tbody>{value.map((e) => <Row key={e.id} e={e} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
