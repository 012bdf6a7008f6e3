/**
 * «Резервные копии»: the copies the program makes by itself (every day, before every import and every
 * update of the file's format) and by hand, with their date and size; «Сделать копию сейчас» to the copies
 * folder or to a flash drive (a download in a browser tab); «Восстановить» from the list or from a file.
 * Also shown on the error screen when the workspace file is damaged and does not open.
 */
import { useRef, useState } from 'react';
import { Card, Stack, Group, Button, Text, Table, Badge, Alert, Title, FileButton } from '@mantine/core';
import { IconDeviceFloppy, IconRestore, IconDownload, IconUpload } from '@tabler/icons-react';
import type { BackupInfo, BackupReason } from '../../../../preload/contract/index';
import { call } from '../../app/api';
import { useCall } from '../../app/data';
import { useAction } from '../../app/useAction';
import { notifyOk } from '../../app/notify';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadFile, readAsBase64 } from '../../components/files';
import { formatMoment, formatSize } from '../../../../common/format';

const REASON: Record<BackupReason, string> = {
  daily: 'ежедневная',
  import: 'перед загрузкой файла обмена',
  migration: 'перед обновлением программы',
  manual: 'сделана вручную',
  restore: 'файл до восстановления',
};

type Pending = { kind: 'named'; item: BackupInfo } | { kind: 'file'; file: File };

export function BackupsPanel({ onRestored }: { onRestored: () => void }) {
  const { value, error, reload } = useCall('backup.list', {});
  const { busy, run } = useAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const resetRef = useRef<() => void>(null);

  const makeNow = (toFolder: boolean) => run(async () => {
    const r = await call('backup.makeNow', { toFolder });
    if (!r.cancelled) notifyOk(toFolder ? `Копия записана: ${r.path}` : `Копия сделана (${formatSize(r.size)}).`);
    await reload();
  });
  const download = () => run(async () => {
    downloadFile(await call('backup.download', {}));
    notifyOk('Копия скачана. Сохраните её на флешку или в другую папку.');
  });
  const restore = async () => {
    if (!pending) return;
    const r = pending.kind === 'named'
      ? await call('backup.restore', { name: pending.item.name })
      : await call('backup.restoreUpload', { fileName: pending.file.name, dataBase64: await readAsBase64(pending.file) });
    setPending(null);
    resetRef.current?.();
    notifyOk(`${r.keptName ? 'Данные восстановлены. Файл, который был до восстановления, сохранён в списке копий.' : 'Данные восстановлены.'} Проверка копии: ${r.found}.`);
    onRestored();
    await reload();
  };

  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return null;
  if (value.demo) return <Card withBorder><Text c="dimmed">У демонстрационной школы резервных копий нет: её данные вымышлены и создаются заново.</Text></Card>;
  return (
    <Card withBorder data-testid="backups">
      <Stack gap="sm">
        <Title order={4}>Резервные копии</Title>
        <Text size="sm" c="dimmed">
          Программа сама делает копию раз в день, перед каждой загрузкой файла обмена и перед обновлением. Хранятся последние
          копии за 7 дней и по одной за 4 недели. Копии лежат в папке: <Text span ff="monospace" size="xs">{value.folder}</Text>
        </Text>
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={() => void makeNow(false)}>Сделать копию сейчас</Button>
          {value.folderDialog
            ? <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void makeNow(true)}>Копию на флешку…</Button>
            : <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void download()}>Скачать копию</Button>}
          <FileButton resetRef={resetRef} onChange={(f) => f && setPending({ kind: 'file', file: f })} accept=".sqlite,.db,application/vnd.sqlite3,application/octet-stream">
            {(props) => <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>Восстановить из файла…</Button>}
          </FileButton>
        </Group>
        {value.items.length === 0
          ? <Text size="sm">Копий пока нет. Первая появится сегодня же или нажмите «Сделать копию сейчас».</Text>
          : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr><Table.Th>Когда сделана</Table.Th><Table.Th>Почему</Table.Th><Table.Th>Размер</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {value.items.map((b, i) => (
                  <Table.Tr key={b.name} data-testid="backup-row">
                    <Table.Td>{formatMoment(b.at)} {i === 0 && <Badge variant="light" size="sm">последняя</Badge>}</Table.Td>
                    <Table.Td>{REASON[b.reason]}</Table.Td>
                    <Table.Td>{formatSize(b.size)}</Table.Td>
                    <Table.Td><Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => setPending({ kind: 'named', item: b })}>Восстановить</Button></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
      </Stack>
      <ConfirmDialog
        opened={!!pending}
        title="Восстановить данные из копии?"
        action="Восстановить"
        onConfirm={restore}
        onClose={() => { setPending(null); resetRef.current?.(); }}
      >
        <Stack gap="xs">
          <Text>
            {pending?.kind === 'named' ? `Данные станут такими, какими были ${formatMoment(pending.item.at)}.` : `Данные станут такими, как в файле «${pending?.kind === 'file' ? pending.file.name : ''}».`}
            {' '}Всё, что внесено позже, пропадёт из рабочего места, но не потеряется: текущий файл сохранится отдельной копией, и его можно вернуть тем же способом.
          </Text>
          <Text size="sm" c="dimmed">Перед заменой копия проверяется: цела ли она и то ли это рабочее место. После восстановления следующий файл обмена уйдёт как от нового компьютера, поэтому в управлении образования ничего не перепутается.</Text>
        </Stack>
      </ConfirmDialog>
    </Card>
  );
}
