/**
 * «Передать в управление образования» on a school's file: the file's record always travels with the journal, its
 * bytes only when the school ticks this. Main looks through a readable file for pupils' names before it agrees;
 * a photo or a PDF cannot be looked through, and the line under the box says so before anyone ticks it.
 */
import { useState } from 'react';
import { Checkbox, Text } from '@mantine/core';
import { call } from '../app/api';
import { useDataVersion } from '../app/data';
import { notifyError, notifyOk } from '../app/notify';
import { fileTextKind } from '../../../common/file-names';
import type { AttachmentInfo } from '../../../preload/contract/index';

export function ShareFileCheckbox({ file }: { file: AttachmentInfo }) {
  const { bump } = useDataVersion();
  const [busy, setBusy] = useState(false);
  const checkable = fileTextKind(file.file_name) !== 'unreadable';
  const toggle = async (share: boolean) => {
    setBusy(true);
    try {
      await call('attachments.share', { id: file.id, share });
      bump();
      notifyOk(share ? 'Файл уйдёт в управление образования со следующим файлом обмена' : 'Файл останется в школе');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Checkbox size="xs" label="Передать в управление образования" checked={file.share === 1} disabled={busy}
        onChange={(e) => void toggle(e.currentTarget.checked)} data-testid="file-share" />
      {file.share !== 1 && (
        <Text size="xs" c="dimmed" ml={26}>
          {checkable
            ? 'Перед отправкой программа проверит, нет ли в файле ФИО и дат рождения обучающихся.'
            : 'Фото и PDF программа проверить не может: передавайте, только если в файле нет данных о детях.'}
        </Text>
      )}
    </div>
  );
}
