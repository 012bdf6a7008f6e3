/** A school that started without an enrollment file can open it later, here. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { notifyOk } from '../../app/notify';
import { useEnrollmentFile } from './useEnrollmentFile';
import { EnrollmentCodeInput } from '../../components/EnrollmentCodeInput';
import { PickFile } from '../../components/PickFile';
import { Term } from '../../components/Term';

export function EnrollmentPrompt() {
  const { pending, pick, clear } = useEnrollmentFile();
  const [code, setCode] = useState('');
  const { busy, run } = useAction();
  const accept = () => run(async () => {
    if (!pending) return;
    await call('exchange.openEnrollment', { fileName: pending.fileName, dataBase64: pending.dataBase64, code });
    notifyOk(`Школа подключена к муниципалитету «${pending.info.municipalityName}».`);
    clear();
  });
  return (
    <>
      <Alert color="blue" title="Школа ещё не подключена к управлению образования">
        <Text size="sm" mb="sm">Откройте файл подключения<Term term="файл подключения" /> (*.opora-enroll), который выдал методист: после этого файлы обмена будут зашифрованы для управления образования, а ключ школы закрепится у него автоматически.</Text>
        <PickFile onChange={(f) => void pick(f)} accept=".opora-enroll,application/octet-stream">
          {(props) => <Button {...props} size="xs" leftSection={<IconFileCertificate size={16} />}>Открыть файл подключения</Button>}
        </PickFile>
      </Alert>
      <Modal opened={!!pending} onClose={() => clear()} title={<Text fw={600}>Подключение к управлению образования</Text>} centered>
        {pending && (
          <Stack gap="xs">
            <Text>Школа: <b>{pending.info.schoolName}</b></Text>
            <Text>Управление образования: <b>{pending.info.municipalityName}</b></Text>
            <Text size="sm" c="dimmed">Отпечаток ключа: {pending.info.fingerprintDisplay}. Если сомневаетесь, сверьте его с методистом по телефону.</Text>
            <EnrollmentCodeInput value={code} onChange={setCode} />
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => clear()}>Отмена</Button>
              <Button loading={busy} disabled={!code.trim()} onClick={() => void accept()}>Подключить</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

