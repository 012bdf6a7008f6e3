/**
 * «Обмен данными»: export to a flash drive, import of many bundles (drag and drop of files or whole
 * folders) with a progress bar and a result per bundle, quarantine of unknown keys, conflicts, the import
 * history, and — for a municipality — enrollment files for schools.
 */
import { Alert, Badge, Code, Stack, Tabs, Text, Loader } from '@mantine/core';
import { IconShieldLock, IconAlertTriangle, IconHistory, IconSchool, IconArrowsExchange } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { PageHeader } from '../../components/PageHeader';
import { EnrollmentPrompt } from './EnrollmentPrompt';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { QuarantinePanel, HistoryPanel } from './ReviewPanels';
import { ConflictsPanel } from './ConflictsPanel';
import { EnrollPanel } from './EnrollPanel';
import { ReEnrollPanel } from './ReEnrollPanel';
import { SentFilesPanel } from './SentFilesPanel';
import { Term } from '../../components/Term';

export function ExchangePage() {
  const { value: state, error } = useCall('exchange.state', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!state) return <Loader />;
  return (
    <Stack>
      <PageHeader
        title="Обмен данными"
        subtitle={state.role === 'municipality'
          ? `Муниципалитет «${state.municipality?.name ?? ''}»: загрузка файлов школ и выгрузка планов для них.`
          : state.enrollment?.enrolled ? `Обмен с муниципалитетом «${state.enrollment.municipalityName}» через флешку.` : 'Школа ещё не подключена к муниципалитету.'}
        actions={state.fingerprintDisplay ? <Text size="sm" c="dimmed"><Term term="отпечаток ключа">Отпечаток ключа</Term> этого рабочего места: <Code>{state.fingerprintDisplay}</Code></Text> : undefined}
      />
      {state.role === 'school' && !state.enrollment?.enrolled && <EnrollmentPrompt />}
      <Tabs defaultValue="exchange" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="exchange" leftSection={<IconArrowsExchange size={16} />}>Выгрузка и загрузка</Tabs.Tab>
          <Tabs.Tab value="quarantine" leftSection={<IconShieldLock size={16} />} rightSection={state.quarantine ? <Badge size="xs" color="orange">{state.quarantine}</Badge> : null}>Карантин <Term term="карантин" /></Tabs.Tab>
          <Tabs.Tab value="conflicts" leftSection={<IconAlertTriangle size={16} />} rightSection={state.conflicts ? <Badge size="xs" color="yellow">{state.conflicts}</Badge> : null}>Конфликты <Term term="конфликт" /></Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>История загрузок</Tabs.Tab>
          {state.role === 'municipality' && <Tabs.Tab value="enroll" leftSection={<IconSchool size={16} />}>Подключение школ</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="exchange" pt="md"><Stack><ExportPanel state={state} />{state.role === 'school' && state.enrollment?.enrolled && <SentFilesPanel />}<ImportPanel />{state.role === 'school' && state.enrollment?.enrolled && <ReEnrollPanel />}</Stack></Tabs.Panel>
        <Tabs.Panel value="quarantine" pt="md"><QuarantinePanel /></Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md"><ConflictsPanel /></Tabs.Panel>
        <Tabs.Panel value="history" pt="md"><HistoryPanel /></Tabs.Panel>
        {state.role === 'municipality' && <Tabs.Panel value="enroll" pt="md"><EnrollPanel /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
