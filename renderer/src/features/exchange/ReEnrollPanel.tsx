/**
 * An enrolled school changes its municipality key only deliberately: the pinned and the offered fingerprints
 * side by side, the enrollment code, and the new fingerprint's first group typed by hand — never one click.
 */
import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useDataVersion } from '../../app/data';
import { notifyOk } from '../../app/notify';
import { useEnrollmentFile } from './useEnrollmentFile';
import { EnrollmentCodeInput } from '../../components/EnrollmentCodeInput';
import { PickFile } from '../../components/PickFile';

export function ReEnrollPanel() {
  const { pending, pick, clear } = useEnrollmentFile();
  const [code, setCode] = useState('');
  const [group, setGroup] = useState('');
  const { busy, run } = useAction();
  const { bump } = useDataVersion();
  const close = () => { clear(); setCode(''); setGroup(''); };
  const confirm = () => run(async () => {
    if (!pending) return;
    await call('exchange.reEnroll', { fileName: pending.fileName, dataBase64: pending.dataBase64, code, confirmFingerprint: group });
    notifyOk(`Школа подключена заново: управление образования «${pending.info.municipalityName}».`);
    close();
    bump();
  });
  return (
    <>
      <Alert color="gray" title="Повторное подключение">
        <Text size="sm" mb="sm">Только если управление образования сменило ключ или компьютер и выдало новый файл подключения с новым кодом. Файлы из карантина ключ не меняют.</Text>
        <PickFile onChange={(f) => void pick(f)} accept=".opora-enroll,application/octet-stream">
          {(props) => <Button {...props} size="xs" variant="default" leftSection={<IconFileCertificate size={16} />}>Открыть новый файл подключения</Button>}
        </PickFile>
      </Alert>
      <Modal opened={!!pending} onClose={close} title={<Text fw={600}>Смена ключа управления образования</Text>} size="lg" centered>
        {pending && (
          <Stack gap="sm">
            <SimpleGrid cols={2}>
              <Stack gap={4}>
                <Text size="sm" c="dimmed">Сейчас закреплён</Text>
                <Text>{pending.info.pinned?.municipalityName || '—'}</Text>
                <Code>{pending.info.pinned?.fingerprintDisplay ?? '—'}</Code>
              </Stack>
              <Stack gap={4}>
                <Text size="sm" c="dimmed">В новом файле</Text>
                <Text>{pending.info.municipalityName}</Text>
                <Code>{pending.info.fingerprintDisplay}</Code>
              </Stack>
            </SimpleGrid>
            <Text size="sm">Позвоните методисту и сверьте новый отпечаток вслух. Если не совпадает — закройте окно: кто-то подложил чужой файл.</Text>
            <EnrollmentCodeInput value={code} onChange={setCode} />
            <TextInput label="Первая группа нового отпечатка" description="Четыре знака, с которых начинается отпечаток в новом файле" value={group} onChange={(e) => setGroup(e.currentTarget.value)} autoComplete="off" />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={close}>Отмена</Button>
              <Button color="orange" loading={busy} disabled={!code.trim() || !group.trim()} onClick={() => void confirm()}>Сменить ключ</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
