/** First run: create the school's profile, or look around a demo school first. */
import { useState } from 'react';
import { Container, Title, Text, Card, Button, Group, Stack, SimpleGrid, ThemeIcon, Loader } from '@mantine/core';
import { IconSchool, IconPlayerPlay } from '@tabler/icons-react';
import { RecordForm, emptyValues } from '../../components/RecordForm';
import { call } from '../../app/api';
import { notifyError } from '../../app/notify';
import { SCHOOL_FIELDS } from './schoolFields';

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [mode, setMode] = useState<'choose' | 'school'>('choose');
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
    <Container size="md" py={48}>
      <Stack gap="lg">
        <div>
          <Title order={1} c="blue.8">Опора</Title>
          <Text size="lg" c="dimmed">Программа повышения качества образования, наставничество, группа риска и журнал мероприятий школы — на этом компьютере, без интернета.</Text>
        </div>
        {mode === 'choose' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder padding="lg">
              <Stack>
                <ThemeIcon size={44} radius="md"><IconSchool /></ThemeIcon>
                <Title order={3}>Начать работу школы</Title>
                <Text c="dimmed" size="sm">Заполните профиль своей школы. Все данные хранятся только на этом компьютере.</Text>
                <Button onClick={() => setMode('school')}>Создать профиль школы</Button>
              </Stack>
            </Card>
            <Card withBorder padding="lg">
              <Stack>
                <ThemeIcon size={44} radius="md" color="orange"><IconPlayerPlay /></ThemeIcon>
                <Title order={3}>Посмотреть демо</Title>
                <Text c="dimmed" size="sm">Откроется демонстрационная школа с вымышленными данными. Её можно закрыть в любой момент — ваши данные она не затронет.</Text>
                <Button variant="light" color="orange" onClick={() => void openDemo()} disabled={busy} leftSection={busy ? <Loader size="xs" /> : null}>Открыть демонстрационную школу</Button>
              </Stack>
            </Card>
          </SimpleGrid>
        )}
        {mode === 'school' && (
          <Card withBorder padding="lg">
            <Title order={3} mb="md">Профиль школы</Title>
            <RecordForm
              entity="school_profile"
              fields={SCHOOL_FIELDS}
              initial={emptyValues(SCHOOL_FIELDS)}
              submitLabel="Создать"
              onCancel={() => setMode('choose')}
              save={async (value) => {
                const s = await call('workspace.createSchool', value as never);
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
