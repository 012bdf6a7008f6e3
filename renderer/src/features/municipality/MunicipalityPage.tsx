/**
 * The municipality workspace: schools at a glance (dashboard with filters, sorting and highlighted cells,
 * drill-down into a school's merged data), charts, the roster, the roadmap, groups and curators.
 * Mount <MunicipalityPage /> for the municipality role; <ReportsPage role="municipality" /> for reports.
 */
import { useState } from 'react';
import { Tabs, Stack } from '@mantine/core';
import { IconLayoutDashboard, IconChartLine, IconList, IconRoute, IconUsersGroup, IconCalendarEvent, IconChecklist, IconFileText, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { leaveForm } from '../../components/UnsavedGuard';
import { DashboardTab } from './DashboardTab';
import { ChartsTab } from './ChartsTab';
import { RosterTab } from './RosterTab';
import { RoadmapTab } from './RoadmapTab';
import { GroupsTab } from './GroupsTab';
import { SchoolDrawer } from './SchoolDrawer';
import { MeetingsTab } from './meetings/MeetingsTab';
import { AssignmentsPanel } from './meetings/AssignmentsPanel';
import { GroupsPanel } from './meetings/GroupsPanel';
import { DocumentsTab } from './meetings/DocumentsTab';
import './municipality.css';

export type MunicipalityTab = 'dashboard' | 'charts' | 'roster' | 'roadmap' | 'meetings' | 'assignments' | 'workgroups' | 'documents' | 'groups';

export function MunicipalityPage({ initialTab = 'dashboard', onSchoolReport }: { initialTab?: MunicipalityTab; onSchoolReport?: (schoolId: string) => void }) {
  const [tab, setTab] = useState<MunicipalityTab>(initialTab);
  const [school, setSchool] = useState<string | null>(null);
  const [filtered, setFiltered] = useState<string[]>([]);
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
        <Tabs.Panel value="dashboard" pt="md"><DashboardTab onOpen={setSchool} onFiltered={setFiltered} /></Tabs.Panel>
        <Tabs.Panel value="charts" pt="md"><ChartsTab schoolIds={filtered} /></Tabs.Panel>
        <Tabs.Panel value="roster" pt="md"><RosterTab /></Tabs.Panel>
        <Tabs.Panel value="roadmap" pt="md"><RoadmapTab /></Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md"><MeetingsTab /></Tabs.Panel>
        <Tabs.Panel value="assignments" pt="md"><AssignmentsPanel /></Tabs.Panel>
        <Tabs.Panel value="workgroups" pt="md"><GroupsPanel /></Tabs.Panel>
        <Tabs.Panel value="documents" pt="md"><DocumentsTab /></Tabs.Panel>
        <Tabs.Panel value="groups" pt="md"><GroupsTab /></Tabs.Panel>
      </Tabs>
      <SchoolDrawer schoolId={school} onClose={() => setSchool(null)} onReport={onSchoolReport ? (id) => { setSchool(null); onSchoolReport(id); } : undefined} />
    </Stack>
  );
}
