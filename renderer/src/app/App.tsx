import { lazy, Suspense, useEffect, useMemo, useState, useCallback } from 'react';
import { MantineProvider, Badge, Loader, Center, Button, Alert, Stack } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { IconLayoutDashboard, IconTargetArrow, IconUsers, IconAlertTriangle, IconCalendarEvent, IconSchool, IconArrowsExchange, IconFileText, IconBuildingCommunity, IconMailbox, IconSettings, IconTrash, IconHelp } from '@tabler/icons-react';
import 'dayjs/locale/ru';
import { theme } from './theme';
import { DataVersion, useCall, useDataVersion } from './data';
import { call } from './api';
import { notifyError } from './notify';
import { useOpenRequests, type OpenRequest } from './openRecord';
import { SearchDialog } from '../components/SearchDialog';
import { PageLoading } from '../components/PageLoading';
import { LockGate } from '../features/lock/LockGate';
import { LockButtons } from '../features/lock/LockButtons';
import {
  FirstRun, DashboardPage, ProgrammePage, MentoringPage, RiskGroupPage, EventsPage, SchoolProfilePage, ExchangePage, ReportsPage,
  MunicipalityPage, FromMunicipalityPage, SettingsPage, RecycleBinPage, HelpPage, BackupsPanel, WorkspacesPanel, OtherWorkspaces, preloadPages,
} from './pages';
import { UnsavedGuard, leaveForm } from '../components/UnsavedGuard';
import { LBadge, LGroup, LStack, LText, LTitle } from '../components/LightKit';
import { ShellFrame, ShellNavLink } from './ShellFrame';

export type PageKey = 'dashboard' | 'programme' | 'mentoring' | 'risk' | 'events' | 'exchange' | 'reports' | 'profile' | 'schools' | 'municipal' | 'settings' | 'bin' | 'help';

type NavItem = { key: PageKey; label: string; icon: typeof IconSchool };

const SCHOOL_PAGES: NavItem[] = [
  { key: 'dashboard', label: 'Главная', icon: IconLayoutDashboard },
  { key: 'programme', label: 'Программа', icon: IconTargetArrow },
  { key: 'mentoring', label: 'Кадры и наставничество', icon: IconUsers },
  { key: 'risk', label: 'Группа риска', icon: IconAlertTriangle },
  { key: 'events', label: 'Журнал мероприятий', icon: IconCalendarEvent },
  { key: 'municipal', label: 'От управления образования', icon: IconMailbox },
  { key: 'reports', label: 'Отчёты', icon: IconFileText },
  { key: 'exchange', label: 'Обмен данными', icon: IconArrowsExchange },
  { key: 'profile', label: 'Профиль школы', icon: IconSchool },
  { key: 'settings', label: 'Настройки и копии', icon: IconSettings },
  { key: 'bin', label: 'Корзина', icon: IconTrash },
  { key: 'help', label: 'Справка', icon: IconHelp },
];

const MUNICIPALITY_PAGES: NavItem[] = [
  { key: 'schools', label: 'Школы муниципалитета', icon: IconBuildingCommunity },
  { key: 'reports', label: 'Отчёты', icon: IconFileText },
  { key: 'exchange', label: 'Обмен данными', icon: IconArrowsExchange },
  { key: 'settings', label: 'Настройки и копии', icon: IconSettings },
  { key: 'bin', label: 'Корзина', icon: IconTrash },
  { key: 'help', label: 'Справка', icon: IconHelp },
];

/** Which page holds a record of each table, for the header's search. */
const PAGE_OF_TABLE: Record<string, PageKey> = {
  school_profile: 'profile', risk_factor: 'programme', programme: 'programme', programme_task: 'programme', programme_problem: 'programme',
  direction: 'programme', activity: 'programme', indicator: 'programme', indicator_value: 'programme', local_act: 'programme',
  staff: 'mentoring', deficit: 'mentoring', staff_deficit: 'mentoring', mentoring_pair: 'mentoring', course: 'mentoring', development_plan: 'mentoring',
  pupil: 'risk', risk_entry: 'risk', risk_status_change: 'risk', gifted_pupil: 'risk', support_measure: 'risk',
  event: 'events', event_activity: 'events', decision: 'events', attachment: 'events',
  municipal_activity: 'municipal', municipal_activity_mark: 'municipal',
};

function Shell() {
  const [page, setPage] = useState<PageKey | null>(() => (location.hash.slice(1) as PageKey) || null);
  const [reportSchool, setReportSchool] = useState<string | undefined>();
  const go = useCallback((p: PageKey) => leaveForm(() => {
    setPage(p);
    history.replaceState(null, '', '#' + p);
  }), []);
  // A message elsewhere asks to open a record (openRecord.ts): its page first, then the page's list opens it.
  useOpenRequests(useCallback((r: OpenRequest) => { const p = PAGE_OF_TABLE[r.table]; if (p) go(p); }, [go]));
  const { value: state, error, reload } = useCall('workspace.state', {});
  const { bump } = useDataVersion();
  const changed = useCallback(() => { void reload(); bump(); }, [reload, bump]);
  const role = state?.role;
  // Once the first screen is up, the role's other pages are fetched in idle time: later clicks do not wait.
  useEffect(() => (role && role !== 'none' ? preloadPages((role === 'municipality' ? MUNICIPALITY_PAGES : SCHOOL_PAGES).map((p) => p.key)) : undefined), [role]);
  // A file that does not open (damaged, read-only) still has its copies and the other workspaces within reach.
  if (error) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={900} w="100%">
          <Alert color="red" title="Не удалось открыть данные">{error}</Alert>
          <Suspense fallback={<PageLoading />}>
              <BackupsPanel onRestored={changed} />
              <WorkspacesPanel onSwitched={changed} />
          </Suspense>
        </Stack>
      </Center>
    );
  }
  if (!state) return <Center h="100vh"><Loader /></Center>;
  if (state.role === 'none') {
    return (
      <Suspense fallback={<PageLoading minHeight={600} />}>
        <FirstRun onDone={() => void reload()} />
        <OtherWorkspaces onSwitched={changed} />
      </Suspense>
    );
  }
  const municipal = state.role === 'municipality';
  const pages = municipal ? MUNICIPALITY_PAGES : SCHOOL_PAGES;
  const current = pages.some((p) => p.key === page) ? page! : pages[0]!.key;
  const title = municipal ? state.municipalityName ?? '' : state.school ? String(state.school.short_name || state.school.name) : '';
  return (
    <ShellFrame header={
        <LGroup justify="space-between" wrap="nowrap" style={{ paddingInline: 'var(--mantine-spacing-md)', height: '100%' }}>
          <LGroup gap="sm" wrap="nowrap">
            <LTitle order={3} c="blue.8">Опора</LTitle>
            <LText size="sm" c="dimmed" truncate style={{ maxWidth: 'calc(35rem * var(--mantine-scale))' }}>{title}</LText>
            {municipal && <LBadge color="blue">Муниципалитет</LBadge>}
          </LGroup>
          <SearchDialog
            pageOf={(table) => (municipal ? 'schools' : PAGE_OF_TABLE[table] ?? null)}
            go={(p) => go(p as PageKey)}
          />
          <LGroup gap="xs" wrap="nowrap">
            {state.demo && (
              <LGroup gap="xs">
                <Badge color="orange" variant="light" size="lg">Демонстрационная школа — данные вымышлены</Badge>
                <Button size="xs" variant="default" onClick={() => void call('workspace.leaveDemo', {}).then(() => reload(), notifyError)}>Выйти из демо</Button>
              </LGroup>
            )}
            <LockButtons school={!municipal} />
          </LGroup>
        </LGroup>
      } navbar={pages.map((p) => (
        <ShellNavLink key={p.key} label={p.label} icon={<p.icon size={18} />} active={current === p.key} onClick={() => go(p.key)} />
      ))}>
        <LStack style={{ maxWidth: 'calc(87.5rem * var(--mantine-scale))' }}>
          <Suspense fallback={<PageLoading />}>
            {current === 'dashboard' && <DashboardPage go={go} />}
            {current === 'programme' && <ProgrammePage />}
            {current === 'mentoring' && <MentoringPage />}
            {current === 'risk' && <RiskGroupPage />}
            {current === 'events' && <EventsPage />}
            {current === 'profile' && <SchoolProfilePage />}
            {current === 'exchange' && <ExchangePage />}
            {current === 'municipal' && <FromMunicipalityPage />}
            {current === 'schools' && <MunicipalityPage onSchoolReport={(id) => { setReportSchool(id); go('reports'); }} />}
            {current === 'settings' && <SettingsPage role={state.role} onWorkspaceChanged={changed} municipal={municipal} />}
            {current === 'bin' && <RecycleBinPage municipal={municipal} />}
            {current === 'help' && <HelpPage />}
            {current === 'reports' && <ReportsPage key={reportSchool ?? ''} role={municipal ? 'municipality' : 'school'} schoolId={reportSchool} openProfile={() => go('profile')} />}
          </Suspense>
        </LStack>
    </ShellFrame>
  );
}

// Messages are shown by a container mounted once the first screen is painted, with its script fetched then: a
// message sent before (notify.ts) waits in Mantine's store and shows when the container mounts.
const Toasts = lazy(() => import('./Toasts').then((m) => ({ default: m.Toasts })));

function LateToasts() {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // requestAnimationFrame runs just before the frame is drawn; the timeout after it.
    let t: ReturnType<typeof setTimeout> | undefined;
    const f = requestAnimationFrame(() => { t = setTimeout(() => setPainted(true), 0); });
    return () => { cancelAnimationFrame(f); clearTimeout(t); };
  }, []);
  return painted ? <Suspense fallback={null}><Toasts /></Suspense> : null;
}

export function App() {
  const [version, setVersion] = useState(0);
  const dv = useMemo(() => ({ version, bump: () => setVersion((v) => v + 1) }), [version]);
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'ru', firstDayOfWeek: 1 }}>
        <LateToasts />
        <UnsavedGuard />
        <DataVersion.Provider value={dv}>
          <LockGate>
            <Shell />
          </LockGate>
        </DataVersion.Provider>
      </DatesProvider>
    </MantineProvider>
  );
}
