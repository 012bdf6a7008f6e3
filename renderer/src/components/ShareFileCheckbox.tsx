/**
 * «Передать в управление образования» on a school's file: the file's record always travels with the journal, its
 * bytes only when the school ticks this. Main reads the file whole and looks for pupils' names before it agrees.
 * A file main cannot read whole (a photo, a PDF, a document with pictures, a damaged one) comes back refused with
 * the reason: the share dialog shows it and passes the file on only after the person ticks «Я проверил(а): в
 * файле нет данных обучающихся» — main checks the tick itself and writes it to the access log.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { call, CallError } from '../app/api';
import { useDataVersion } from '../app/data';
import { notifyError, notifyOk } from '../app/notify';
import { fileTextKind } from '../../../common/file-names';
import type { AttachmentInfo } from '../../../preload/contract/index';

const TICK = 'Я проверил(а): в файле нет данных обучающихся';

export function ShareFileCheckbox({ file }: { file: AttachmentInfo }) {
  const { bump } = useDataVersion();
  const [busy, setBusy] = useState(false);
  /** Main's refusal of a file it cannot read whole: the share dialog is open while set. */
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const checkable = fileTextKind(file.file_name) !== 'unreadable';

  const share = async (on: boolean, vouched = false) => {
    setBusy(true);
    try {
      await call('attachments.share', { id: file.id, share: on, ...(vouched ? { checked: true } : {}) });
      bump();
      setUnreadable(null);
      notifyOk(on ? 'Файл уйдёт в управление образования со следующим файлом обмена' : 'Файл останется в школе');
    } catch (e) {
      if (on && !vouched && e instanceof CallError && e.code === 'file_unreadable') {
        setChecked(false);
        // The dialog names the file itself: main's «Файл «…» не передан:» is left out, the reason stays as main says it.
        const reason = e.message.replace(`Файл «${file.file_name}» не передан: `, '');
        setUnreadable(reason.charAt(0).toUpperCase() + reason.slice(1));
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Checkbox size="xs" label="Передать в управление образования" checked={file.share === 1} disabled={busy}
        onChange={(e) => void share(e.currentTarget.checked)} data-testid="file-share" />
      {file.share !== 1 && (
        <Text size="xs" c="dimmed" ml={26}>
          {checkable
            ? 'Перед отправкой программа прочитает файл целиком и проверит, нет ли в нём ФИО и дат рождения обучающихся.'
            : 'Фото и PDF программа прочитать не может: такой файл уйдёт, только если вы сами проверите, что в нём нет данных о детях.'}
        </Text>
      )}
      <Modal opened={unreadable !== null} onClose={() => setUnreadable(null)} centered zIndex={500} size="lg"
        title={<Text fw={600}>Передать файл в управление образования?</Text>}>
        <Stack gap="sm" data-testid="share-dialog">
          <Text>Файл «{file.file_name}»</Text>
          <Alert color="yellow">{unreadable}</Alert>
          <Checkbox label={TICK} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} data-testid="share-checked" />
          <Text size="xs" c="dimmed">Отметка записывается в журнал доступа (кто и когда передал файл, который программа не проверила). Если в файле есть ФИО или даты рождения обучающихся, не передавайте его: уберите эти данные и приложите файл заново.</Text>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => setUnreadable(null)}>Отмена</Button>
            <Button loading={busy} disabled={!checked} onClick={() => void share(true, true)} data-testid="share-confirm">Передать</Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
