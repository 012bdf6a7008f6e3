/** First run: create the school's profile, or look around a demo school first. */
import { useState } from 'react';
import { Container, Title, Text, Card, Button, Group, Stack, SimpleGrid, ThemeIcon, Loader, TextInput, Alert } from '@mantine/core';
import { IconSchool, IconPlayerPlay, IconBuildingCommunity, IconFileCertificate } from '@tabler/icons-react';
import { readAsBase64 } from '../../components/files';
import { CallError } from '../../app/api';
import { contract, type ExchangeEnrollmentInfo } from '../../../../preload/contract/index';
import { RecordForm, emptyValues } from '../../components/RecordForm';
import { call } from '../../app/api';
import { notifyError } from '../../app/notify';
import { SCHOOL_FIELDS } from './schoolFields';
import { EnrollmentCodeInput } from '../../components/EnrollmentCodeInput';
import { PickFile } from '../../components/PickFile';

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [mode, setMode] = useState<'choose' | 'school' | 'municipality' | 'enrollment'>('choose');
  const [municipalityName, setMunicipalityName] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [enrollment, setEnrollment] = useState<{ info: ExchangeEnrollmentInfo; fileName: string; dataBase64: string } | null>(null);
  const fail = (e: unknown) => setError(e instanceof CallError ? e.message : 'Не получилось. Повторите попытку.');
  const pickEnrollment = async (file: File | null) => {
    if (!file) return;
    setError(null);
    try {
      const dataBase64 = await readAsBase64(file);
      const info = await call('exchange.previewEnrollment', { fileName: file.name, dataBase64 });
      setEnrollment({ info, fileName: file.name, dataBase64 });
      setMode('enrollment');
    } catch (e) {
      fail(e);
    }
  };
  const acceptEnrollment = async () => {
    if (!enrollment) return;
    setBusy(true);
    try {
      await call('exchange.openEnrollment', { fileName: enrollment.fileName, dataBase64: enrollment.dataBase64, code });
      onDone();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const createMunicipality = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('exchange.initMunicipality', { name: municipalityName });
      onDone();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const [busy, setBusy] = useState(false);
  const openDemo = async () => {
    setBusy(true);
    try {
      await call('workspace.openDemo', { size: 'small' });
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Container size={1180} py={48}>
      <Stack gap="lg">
        <div>
          <Title order={1} c="blue.8">Опора</Title>
          <Text size="lg" c="dimmed">Программа повышения качества образования, наставничество, группа риска и журнал мероприятий школы — на этом компьютере, без интернета.</Text>
        </div>
        {error && <Alert color="red" title="Не получилось" onClose={() => setError(null)} withCloseButton>{error}</Alert>}
        {mode === 'choose' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder padding="lg">
              <Stack h="100%">
                <ThemeIcon size={44} radius="md"><IconSchool /></ThemeIcon>
                <Title order={3}>Школа</Title>
                <Text c="dimmed" size="sm" style={{ flexGrow: 1 }}>
                  Если управление образования выдало вам файл подключения (*.opora-enroll), откройте его — школа будет сразу готова к обмену данными. Иначе заполните профиль сами; файл можно открыть позже.
                </Text>
                <PickFile onChange={(f) => void pickEnrollment(f)} accept=".opora-enroll,application/octet-stream,application/json">
                  {(props) => <Button {...props} leftSection={<IconFileCertificate size={18} />}>Открыть файл подключения</Button>}
                </PickFile>
                <Button variant="default" onClick={() => setMode('school')}>Создать профиль школы</Button>
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Stack h="100%">
                <ThemeIcon size={44} radius="md" color="grape"><IconBuildingCommunity /></ThemeIcon>
                <Title order={3}>Управление образования</Title>
                <Text c="dimmed" size="sm" style={{ flexGrow: 1 }}>Для методиста или муниципального координатора: реестр школ, приём данных школ с флешки, сводка и справки.</Text>
                <Button variant="light" color="grape" onClick={() => setMode('municipality')}>Начать работу управления</Button>
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Stack h="100%">
                <ThemeIcon size={44} radius="md" color="orange"><IconPlayerPlay /></ThemeIcon>
                <Title order={3}>Посмотреть демо</Title>
                <Text c="dimmed" size="sm" style={{ flexGrow: 1 }}>Откроется демонстрационная школа с вымышленными данными. Её можно закрыть в любой момент — ваши данные она не затронет.</Text>
                <Button variant="light" color="orange" onClick={() => void openDemo()} disabled={busy} leftSection={busy ? <Loader size="xs" /> : null}>Открыть демо-школу</Button>
              </Stack>
            </Card>
          </SimpleGrid>
        )}
        {mode === 'municipality' && (
          <Card withBorder padding="lg">
            <Title order={3} mb="md">Муниципалитет</Title>
            <form onSubmit={(e) => { e.preventDefault(); void createMunicipality(); }}>
              <Stack>
                <TextInput label="Наименование органа управления образованием" withAsterisk placeholder="Управление образования Ирбитского МО" value={municipalityName} onChange={(e) => setMunicipalityName(e.currentTarget.value)} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setMode('choose')}>Назад</Button>
                  <Button type="submit" loading={busy}>Создать</Button>
                </Group>
              </Stack>
            </form>
          </Card>
        )}
        {mode === 'enrollment' && enrollment && (
          <Card withBorder padding="lg">
            <Title order={3} mb="md">Файл подключения</Title>
            <Stack gap="xs">
              <Text>Школа: <b>{enrollment.info.schoolName}</b></Text>
              <Text>Выдан: <b>{enrollment.info.municipalityName}</b></Text>
              <Text size="sm" c="dimmed">Отпечаток ключа управления образования: {enrollment.info.fingerprintDisplay}. Если сомневаетесь, сверьте его с методистом по телефону.</Text>
              <EnrollmentCodeInput value={code} onChange={setCode} />
              <Group justify="flex-end" mt="md">
                <Button variant="default" onClick={() => { setEnrollment(null); setMode('choose'); }}>Назад</Button>
                <Button onClick={() => void acceptEnrollment()} loading={busy} disabled={!code.trim()}>Подключить школу</Button>
              </Group>
            </Stack>
          </Card>
        )}
        {mode === 'school' && (
          <Card withBorder padding="lg">
            <Title order={3} mb="md">Профиль школы</Title>
            <RecordForm
              schema={contract['workspace.createSchool'].input}
              fields={SCHOOL_FIELDS}
              initial={emptyValues(SCHOOL_FIELDS)}
              submitLabel="Создать"
              onCancel={() => setMode('choose')}
              save={async (value) => {
                const s = await call('workspace.createSchool', value);
                return s.school!;
              }}
              onSaved={onDone}
            />
          </Card>
        )}
      </Stack>
    </Container>
  );
}
