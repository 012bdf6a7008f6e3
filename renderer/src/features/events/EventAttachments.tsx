/** Files attached to an event (protocol, presentation, photos): copied into the data folder. */
import { useState } from 'react';
import { Group, Text, Title, ActionIcon, Tooltip, Alert, Stack, Button, Paper, Anchor } from '@mantine/core';
import { IconPaperclip, IconTrash, IconDownload, IconFile } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import type { AttachmentInfo } from '../../../../preload/contract/index';
import { formatDate } from '../../../../common/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fileSize } from './format';
import { MAX_FILE_BYTES, readAsBase64, downloadAttachment } from './files';
import { PickFile } from '../../components/PickFile';

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function EventAttachments({ eventId }: { eventId: string }) {
  const { value: files, error } = useCall('attachments.list', { eventId });
  const { bump } = useDataVersion();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AttachmentInfo | null>(null);

  const add = async (list: File[]) => {
    if (list.length === 0) return;
    setBusy(true);
    setProblem(null);
    const refused: string[] = [];
    let added = 0;
    try {
      for (const f of list) {
        if (f.size === 0) { refused.push(`«${f.name}» — файл пустой`); continue; }
        if (f.size > MAX_FILE_BYTES) { refused.push(`«${f.name}» — больше 25 МБ`); continue; }
        try {
          const dataBase64 = await readAsBase64(f);
          await call('attachments.add', { eventId, fileName: f.name, mime: f.type, dataBase64 });
          added++;
        } catch (e) {
          refused.push(`«${f.name}» — ${e instanceof Error ? e.message : 'не удалось прочитать файл'}`);
        }
      }
    } finally {
      setBusy(false);
      if (added) {
        bump();
        notifyOk(added === 1 ? 'Файл приложен' : `Приложено файлов: ${added}`);
      }
      if (refused.length) setProblem(`Не приложено: ${refused.join('; ')}`);
    }
  };

  const open = async (f: AttachmentInfo) => {
    try {
      downloadAttachment(await call('attachments.read', { id: f.id }));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="xs" data-testid="event-attachments">
      <Group justify="space-between">
        <Title order={4}>Файлы</Title>
        <PickFile onChange={(fs) => void add(fs)} multiple>
          {(p) => <Button {...p} size="xs" variant="light" loading={busy} leftSection={<IconPaperclip size={14} />}>Приложить файлы</Button>}
        </PickFile>
      </Group>
      <Text size="sm" c="dimmed">Протокол, презентация, фотографии — до 25 МБ каждый. Файл копируется в папку данных программы, исходный можно потом удалить.</Text>
      {error && <Alert color="red">{error}</Alert>}
      {problem && <Alert color="red" withCloseButton onClose={() => setProblem(null)}>{problem}</Alert>}
      {files && files.length === 0 && <Text size="sm" c="dimmed">Файлов нет.</Text>}
      {(files ?? []).map((f) => (
        <Paper key={f.id} withBorder px="sm" py={6} data-file-id={f.id}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFile size={18} />
              <Anchor component="button" type="button" size="sm" onClick={() => void open(f)} title="Открыть или сохранить файл" style={{ wordBreak: 'break-all', textAlign: 'left' }}>{f.file_name}</Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{fileSize(f.size)} · {formatDate(f.created_at)}</Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Tooltip label="Сохранить на компьютер">
                <ActionIcon variant="subtle" aria-label={`Скачать ${f.file_name}`} onClick={() => void open(f)}><IconDownload size={16} /></ActionIcon>
              </Tooltip>
              <Tooltip label="Удалить файл">
                <ActionIcon variant="subtle" color="red" aria-label={`Удалить файл ${f.file_name}`} onClick={() => setRemoving(f)}><IconTrash size={16} /></ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        </Paper>
      ))}
      <ConfirmDialog
        opened={!!removing}
        title="Удалить файл?"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await call('attachments.remove', { id: removing!.id });
          notifyOk('Файл удалён');
          setRemoving(null);
        }}
      >
        Файл «{removing?.file_name}» будет удалён из журнала.
      </ConfirmDialog>
    </Stack>
  );
}
