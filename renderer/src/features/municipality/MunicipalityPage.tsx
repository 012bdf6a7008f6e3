/**
 * The municipality workspace: schools at a glance (dashboard with filters, sorting and highlighted cells,
 * drill-down into a school's merged data), charts, the roster, the roadmap, groups and curators.
 * Mount <MunicipalityPage /> for the municipality role; <ReportsPage role="municipality" /> for reports.
 */
import { lazy, Suspense, useState } from 'react';
import { Tabs, Stack } from '@mantine/core';
import { IconLayoutDashboard, IconChartLine, IconList, IconRoute, IconUsersGroup, IconCalendarEvent, IconChecklist, IconFileText, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { leaveForm } from '../../components/UnsavedGuard';
import { PageLoading } from '../../components/PageLoading';
import { DashboardTab } from './DashboardTab';
import './municipality.css';

// The summary of schools is the department's first screen; every other tab (and the school's card) is its own
// script, fetched when opened, so the summary does not wait for the forms, charts and schemas behind them.
const ChartsTab = lazy(() => import('./ChartsTab').then((m) => ({ default: m.ChartsTab })));
const RosterTab = lazy(() => import('./RosterTab').then((m) => ({ default: m.RosterTab })));
const RoadmapTab = lazy(() => import('./RoadmapTab').then((m) => ({ default: m.RoadmapTab })));
const GroupsTab = lazy(() => import('./GroupsTab').then((m) => ({ default: m.GroupsTab })));
const SchoolDrawer = lazy(() => import('./SchoolDrawer').then((m) => ({ default: m.SchoolDrawer })));
const MeetingsTab = lazy(() => import('./meetings/MeetingsTab').then((m) => ({ default: m.MeetingsTab })));
const AssignmentsPanel = lazy(() => import('./meetings/AssignmentsPanel').then((m) => ({ default: m.AssignmentsPanel })));
const GroupsPanel = lazy(() => import('./meetings/GroupsPanel').then((m) => ({ default: m.GroupsPanel })));
const DocumentsTab = lazy(() => import('./meetings/DocumentsTab').then((m) => ({ default: m.DocumentsTab })));

export type MunicipalityTab = 'dashboard' | 'charts' | 'roster' | 'roadmap' | 'meetings' | 'assignments' | 'workgroups' | 'documents' | 'groups';

export function MunicipalityPage({ initialTab = 'dashboard', onSchoolReport }: { initialTab?: MunicipalityTab; onSchoolReport?: (schoolId: string) => void }) {
  const [tab, setTab] = useState<MunicipalityTab>(initialTab);
  const [school, setSchool] = useState<string | null>(null);
  const [filtered, setFiltered] = useState<string[]>([]);
  // The card's script is fetched on the first click on a school, then stays mounted so it can slide away.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const open = (id: string) => { setDrawerUsed(true); setSchool(id); };
  return (
    <Stack data-testid="municipality-page">
      <PageHeader title="Школы муниципалитета" subtitle="Данные, присланные школами; группа риска — только численность по категориям" />
      <Tabs value={tab} onChange={(v) => leaveForm(() => setTab((v as MunicipalityTab) ?? 'dashboard'))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dashboard" leftSection={<IconLayoutDashboard size={16} />}>Школы</Tabs.Tab>
          <Tabs.Tab value="charts" leftSection={<IconChartLine size={16} />}>Графики</Tabs.Tab>
          <Tabs.Tab value="roster" leftSection={<IconList size={16} />}>Реестр</Tabs.Tab>
          <Tabs.Tab value="roadmap" leftSection={<IconRoute size={16} />}>Дорожная карта</Tabs.Tab>
          <Tabs.Tab value="meetings" leftSection={<IconCalendarEvent size={16} />}>Мероприятия</Tabs.Tab>
          <Tabs.Tab value="assignments" leftSection={<IconChecklist size={16} />}>Поручения</Tabs.Tab>
          <Tabs.Tab value="workgroups" leftSection={<IconUsers size={16} />}>Рабочие группы</Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>Документы</Tabs.Tab>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={16} />}>Партнёры и кураторы</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md"><DashboardTab onOpen={open} onFiltered={setFiltered} /></Tabs.Panel>
        <Tabs.Panel value="charts" pt="md"><Suspense fallback={<PageLoading />}><ChartsTab schoolIds={filtered} /></Suspense></Tabs.Panel>
        <Tabs.Panel value="roster" pt="md"><Suspense fallback={<PageLoading />}><RosterTab /></Suspense></Tabs.Panel>
        <Tabs.Panel value="roadmap" pt="md"><Suspense fallback={<PageLoading />}><RoadmapTab /></Suspense></Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md"><Suspense fallback={<PageLoading />}><MeetingsTab /></Suspense></Tabs.Panel>
        <Tabs.Panel value="assignments" pt="md"><Suspense fallback={<PageLoading />}><AssignmentsPanel /></Suspense></Tabs.Panel>
        <Tabs.Panel value="workgroups" pt="md"><Suspense fallback={<PageLoading />}><GroupsPanel /></Suspense></Tabs.Panel>
        <Tabs.Panel value="documents" pt="md"><Suspense fallback={<PageLoading />}><DocumentsTab /></Suspense></Tabs.Panel>
        <Tabs.Panel value="groups" pt="md"><Suspense fallback={<PageLoading />}><GroupsTab /></Suspense></Tabs.Panel>
      </Tabs>
      {drawerUsed && <Suspense fallback={null}><SchoolDrawer schoolId={school} onClose={() => setSchool(null)} onReport={onSchoolReport ? (id) => { setSchool(null); onSchoolReport(id); } : undefined} /></Suspense>}
    </Stack>
  );
}
