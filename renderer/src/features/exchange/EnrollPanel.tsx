/** The municipality's enrollment files for its schools. */
import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { call } from '../../app/api';
import { useCall } from '../../app/data';
import { notifyError, notifyOk } from '../../app/notify';
import { downloadBase64 } from './files';
import { useAction } from '../../app/useAction';
import { formatDateTime } from './status';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function EnrollPanel() {
  const [name, setName] = useState('');
  const { busy, run } = useAction();
  const { value } = useCall('exchange.schools', {});
  // The code is shown until the person closes it: it is printed or dictated, never saved next to the file.
  const [issued, setIssued] = useState<{ school: string; codeDisplay: string } | null>(null);
  const save = (f: { fileName: string; dataBase64: string; codeDisplay: string; recipientName: string }) => {
    downloadBase64(f.fileName, f.dataBase64);
    setIssued({ school: f.recipientName, codeDisplay: f.codeDisplay });
  };
  const [rotating, setRotating] = useState(false);
  const rotate = async () => {
    const r = await call('exchange.rotateMunicipalityKey', {});
    if (!r.cancelled) notifyOk(`Ключ сменён, новый отпечаток: ${r.fingerprintDisplay ?? ''}. Файлов смены ключа: ${r.written.length} — передайте каждой школе её файл.`);
  };
  const create = () => run(async () => {
    save(await call('exchange.enrollSchool', { name }));
    notifyOk('Файл подключения сохранён. Передайте его в школу на флешке, а код — отдельно.');
    setName('');
  });
  return (
    <Stack>
      <Text size="sm">Файл подключения подписан ключом муниципалитета и содержит одноразовый секрет, запечатанный кодом подключения. Школа открывает файл один раз и вводит код; её первый файл обмена докажет знание секрета, и ключ школы закрепится без звонка. Без кода файл бесполезен, поэтому код передают отдельно от файла.</Text>
      {issued && (
        <Alert color="blue" title={`Код подключения для школы «${issued.school}»`} withCloseButton onClose={() => setIssued(null)}>
          <Code fz="xl" fw={700}>{issued.codeDisplay}</Code>
          <Text size="sm" mt="xs">Распечатайте или продиктуйте по телефону. Не пересылайте код вместе с файлом: кто получит и файл, и код, сможет подключиться как эта школа.</Text>
          <Button size="xs" variant="default" mt="xs" onClick={() => window.print()}>Распечатать</Button>
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput label="Наименование школы" value={name} onChange={(e) => setName(e.currentTarget.value)} w={420} />
        <Button loading={busy} disabled={!name.trim()} onClick={() => void create()}>Создать файл подключения</Button>
      </Group>
      <Group>
        <Button size="xs" variant="default" color="orange" onClick={() => setRotating(true)}>Сменить ключ муниципалитета…</Button>
      </Group>
      <ConfirmDialog opened={rotating} title="Сменить ключ муниципалитета?" action="Сменить ключ" onConfirm={rotate} onClose={() => setRotating(false)}>
        <Text size="sm">Будут созданы новые ключи и для каждой подключённой школы — файл смены ключа, подписанный прежним ключом. Школа загружает его как обычный файл обмена и закрепляет новый ключ; пока она этого не сделала, новые файлы муниципалитета ждут у неё в карантине. Файлы подключения, выданные раньше, нужно будет выпустить заново.</Text>
      </ConfirmDialog>
      {!!value?.length && (
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>Школа</Table.Th><Table.Th>Состояние</Table.Th><Table.Th>Отпечаток ключа</Table.Th><Table.Th>Последний файл</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {value.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td title={s.name}>{s.label}</Table.Td>
                <Table.Td>{s.status === 'enrolled' ? <Badge color="teal" variant="light">Подключена</Badge> : s.status === 'blocked' ? <Badge color="red" variant="light">Заблокирована</Badge> : <Badge color="gray" variant="light">Ждём первый файл</Badge>}</Table.Td>
                <Table.Td>{s.fingerprintDisplay ? <Code>{s.fingerprintDisplay}</Code> : '—'}</Table.Td>
                <Table.Td>{s.last_import ? formatDateTime(s.last_import) : '—'}</Table.Td>
                <Table.Td>
                  <Tooltip label="Новый файл подключения: прежний утерян или в школе сменился компьютер">
                    <Button size="xs" variant="default" onClick={() => void call('exchange.reissueEnrollment', { schoolId: s.id }).then(save, notifyError)}>Файл подключения</Button>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
