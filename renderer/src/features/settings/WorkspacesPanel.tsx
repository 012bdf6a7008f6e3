/**
 * «Рабочие места»: the files on this computer — a school's, a municipality's, the demo school — and
 * switching among them; a new empty one (then the first-run screen asks school or municipality); another
 * file from a folder or a flash drive (the system dialog in the app, an upload of a copy in a browser tab).
 */
import { Box, Card, Stack, Group, Button, Text, Table, Badge, Title, FileButton } from '@mantine/core';
import { IconFolderOpen, IconPlus, IconSwitchHorizontal } from '@tabler/icons-react';
import type { WorkspaceFile } from '../../../../preload/contract/index';
import { call } from '../../app/api';
import { useCall } from '../../app/data';
import { useAction } from '../../app/useAction';
import { notifyOk } from '../../app/notify';
import { readAsBase64 } from '../../components/files';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useState } from 'react';

function kindOf(f: WorkspaceFile): string {
  if (f.demo) return 'Демонстрационная школа';
  if (f.role === 'school') return 'Школа';
  if (f.role === 'municipality') return 'Муниципалитет';
  return 'Не настроено';
}

export function WorkspacesPanel({ onSwitched }: { onSwitched: () => void }) {
  const { value, reload } = useCall('workspace.files', {});
  const { busy, run } = useAction();
  const [askNew, setAskNew] = useState(false);
  const done = (message: string) => {
    notifyOk(message);
    onSwitched();
    void reload();
  };
  if (!value) return null;
  return (
    <Card withBorder data-testid="workspaces">
      <Stack gap="sm">
        <Title order={4}>Рабочие места</Title>
        <Text size="sm" c="dimmed">На одном компьютере может быть несколько рабочих мест — например, школы и муниципалитета. Открыто всегда одно; переключение ничего не удаляет.</Text>
        <Table withTableBorder>
          <Table.Thead><Table.Tr><Table.Th>Рабочее место</Table.Th><Table.Th>Вид</Table.Th><Table.Th>Файл</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {value.files.map((f) => (
              <Table.Tr key={f.path} data-testid="workspace-row">
                <Table.Td>{f.name ?? (f.role === 'none' ? 'Новое рабочее место' : '—')} {f.active && <Badge size="sm" variant="light">открыто</Badge>}</Table.Td>
                <Table.Td>{kindOf(f)}</Table.Td>
                <Table.Td><Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{f.path}</Text>{f.problem && <Text size="xs" c="red">{f.problem}</Text>}</Table.Td>
                <Table.Td>
                  {!f.active && !f.problem && (
                    <Button size="xs" variant="light" leftSection={<IconSwitchHorizontal size={14} />} loading={busy}
                      onClick={() => void run(async () => { await call('workspace.openFile', { path: f.path }); done(`Открыто: ${f.name ?? kindOf(f)}`); })}>
                      Открыть
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="default" leftSection={<IconPlus size={16} />} loading={busy} onClick={() => setAskNew(true)}>
            Новое рабочее место
          </Button>
          <ConfirmDialog opened={askNew} title="Новое рабочее место" action="Да, перейти в новое" onClose={() => setAskNew(false)}
            onConfirm={() => run(async () => { setAskNew(false); await call('workspace.newFile', {}); done('Создано новое рабочее место: выберите, школа это или муниципалитет.'); })}>
            Программа перейдёт в новое пустое рабочее место и спросит, школа это или муниципалитет. Текущее рабочее место
            со всеми данными останется в списке — вернуться в него можно кнопкой «Открыть».
          </ConfirmDialog>
          {value.fileDialog
            ? (
              <Button variant="default" leftSection={<IconFolderOpen size={16} />} loading={busy}
                onClick={() => void run(async () => { const r = await call('workspace.pickFile', {}); if (!r.cancelled) done('Файл открыт.'); })}>
                Открыть файл…
              </Button>
            )
            : (
              <FileButton accept=".sqlite,.db,application/vnd.sqlite3,application/octet-stream"
                onChange={(f) => f && void run(async () => { await call('workspace.uploadFile', { fileName: f.name, dataBase64: await readAsBase64(f) }); done(`Файл «${f.name}» открыт как отдельное рабочее место.`); })}>
                {(props) => <Button variant="default" leftSection={<IconFolderOpen size={16} />} loading={busy} {...props}>Открыть копию файла…</Button>}
              </FileButton>
            )}
        </Group>
      </Stack>
    </Card>
  );
}

/** Below the first-run screen of a new workspace: the way back to the others, when there are any. */
export function OtherWorkspaces({ onSwitched }: { onSwitched: () => void }) {
  const { value } = useCall('workspace.files', {});
  if (!value || value.files.length < 2) return null;
  return <Box maw={1000} mx="auto" p="md"><WorkspacesPanel onSwitched={onSwitched} /></Box>;
}
