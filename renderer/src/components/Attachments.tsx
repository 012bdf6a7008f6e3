/**
 * Files attached to an event (protocol, presentation, photos): copied into the data folder. The school's journal
 * and the department's meetings show the same block; main decides which table the calls reach by the role.
 */
import { useState } from 'react';
import { Group, Text, Title, ActionIcon, Tooltip, Alert, Stack, Button, Paper, Anchor } from '@mantine/core';
import { IconPaperclip, IconTrash, IconDownload, IconFile } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../app/data';
import { call } from '../app/api';
import { notifyError, notifyOk } from '../app/notify';
import { DELETED_FILES_KEPT_DAYS, LIMITS, type AttachmentInfo, type AttachmentData } from '../../../preload/contract/index';
import { formatDate, formatSize } from '../../../common/format';
import { ConfirmDialog } from './ConfirmDialog';
import { readAsBase64, downloadBase64 } from './files';
import { PickFile } from './PickFile';
import { useUndoNotice } from './DeleteButton';
import { ShareFileCheckbox } from './ShareFileCheckbox';

/** The same limit main's schema checks, so a too-large file is refused before it is read. */
const MAX_FILE_BYTES = LIMITS.attachment.maxBytes;

function downloadAttachment(data: AttachmentData) {
  downloadBase64(data.file_name, data.dataBase64, data.mime);
}

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function Attachments({ eventId, order = 4, note, shareable = false }: { eventId: string; order?: 4 | 5; note?: string; shareable?: boolean }) {
  const { value: files, error } = useCall('attachments.list', { eventId });
  const { bump } = useDataVersion();
  const undoNotice = useUndoNotice();
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
        <Title order={order}>Файлы</Title>
        <PickFile onChange={(fs) => void add(fs)} multiple>
          {(p) => <Button {...p} size="xs" variant="light" loading={busy} leftSection={<IconPaperclip size={14} />}>Приложить файлы</Button>}
        </PickFile>
      </Group>
      <Text size="sm" c="dimmed">Протокол, презентация, фотографии — до 25 МБ каждый. Файл копируется в папку данных программы, исходный можно потом удалить.{note ? ` ${note}` : ''}</Text>
      {error && <Alert color="red">{error}</Alert>}
      {problem && <Alert color="red" withCloseButton onClose={() => setProblem(null)}>{problem}</Alert>}
      {files && files.length === 0 && <Text size="sm" c="dimmed">Файлов нет.</Text>}
      {(files ?? []).map((f) => (
        <Paper key={f.id} withBorder px="sm" py={6} data-file-id={f.id}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFile size={18} />
              <Anchor component="button" type="button" size="sm" onClick={() => void open(f)} title="Открыть или сохранить файл" style={{ wordBreak: 'break-all', textAlign: 'left' }}>{f.file_name}</Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{formatSize(f.size)} · {formatDate(f.created_at)}</Text>
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
          {shareable && <ShareFileCheckbox file={f} />}
        </Paper>
      ))}
      <ConfirmDialog
        opened={!!removing}
        title="Удалить файл?"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          undoNotice(await call('attachments.remove', { id: removing!.id }));
          bump();
          setRemoving(null);
        }}
      >
        Файл «{removing?.file_name}» попадёт в «Корзину»: оттуда его можно восстановить в течение {DELETED_FILES_KEPT_DAYS} дней, потом он будет стёрт с диска.
      </ConfirmDialog>
    </Stack>
  );
}
