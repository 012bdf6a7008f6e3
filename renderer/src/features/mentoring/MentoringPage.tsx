/** Registry 2: staff, mentoring pairs, professional deficits, refresher courses (КПК) and development plans (ИОМ). */
import { useState } from 'react';
import { Tabs, SimpleGrid, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconUsers, IconArrowsRightLeft, IconAlertCircle, IconCertificate, IconRoute } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../app/data';
import type { PageKey } from '../../app/App';
import type { EntityName } from '../../../../preload/contract/index';
import { StaffTab, type StaffGroup } from './StaffTab';
import { StaffCard } from './StaffCard';
import { PairsTab } from './PairsTab';
import { DeficitsTab } from './DeficitsTab';
import { CoursesTab } from './CoursesTab';
import { PlansTab } from './PlansTab';

type Tab = 'staff' | 'pairs' | 'deficits' | 'courses' | 'plans';

function useTotal(entity: EntityName, filters: Record<string, number>) {
  return useCall('records.list', { entity, filters, limit: 1 }).value?.total;
}

function Stat(props: { title: string; value: number | undefined; color?: string; hint?: string; onClick?: () => void; testId?: string }) {
  const body = (
    <Paper withBorder p="sm" data-testid={props.testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{props.title}</Text>
      <Text size="xl" fw={700} c={props.value ? props.color : undefined}>{props.value ?? '…'}</Text>
      {props.hint && <Text size="xs" c="dimmed">{props.hint}</Text>}
    </Paper>
  );
  return props.onClick ? <UnstyledButton onClick={props.onClick}>{body}</UnstyledButton> : body;
}

export function MentoringPage(_props: { go?: (p: PageKey) => void }) {
  const [tab, setTab] = useState<Tab>('staff');
  const [group, setGroup] = useState<StaffGroup>('all');
  const [card, setCard] = useState<string | null>(null);
  const working = useTotal('staff', { working: 1 });
  // Those who are to have a mentor today, so that «из них без наставника» is a part of this number.
  const newcomers = useTotal('staff', { mentor_due: 1 });
  const noMentor = useTotal('staff', { needs_mentor: 1 });
  const openDeficits = useTotal('staff_deficit', { resolved: 0 });
  const showStaff = (g: StaffGroup) => { setGroup(g); setTab('staff'); };
  return (
    <>
      <PageHeader title="Кадры и наставничество" subtitle="Педагоги школы, наставнические пары, профессиональные дефициты, курсы повышения квалификации и индивидуальные планы" />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat title="Работают педагогов" value={working} onClick={() => showStaff('all')} hint="Показать всех" />
        <Stat title="Молодые и вновь прибывшие" value={newcomers} onClick={() => showStaff('newcomer')} hint="Показать список" />
        <Stat testId="stat-no-mentor" title="Из них без наставника" value={noMentor} color="red" onClick={() => showStaff('needs_mentor')} hint={noMentor ? 'Назначьте наставника' : 'У всех есть наставник'} />
        <Stat title="Неустранённые дефициты" value={openDeficits} color="orange" onClick={() => setTab('deficits')} hint="Показать дефициты" />
      </SimpleGrid>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'staff')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="staff" leftSection={<IconUsers size={16} />}>Педагоги</Tabs.Tab>
          <Tabs.Tab value="pairs" leftSection={<IconArrowsRightLeft size={16} />}>Наставнические пары</Tabs.Tab>
          <Tabs.Tab value="deficits" leftSection={<IconAlertCircle size={16} />}>Профессиональные дефициты</Tabs.Tab>
          <Tabs.Tab value="courses" leftSection={<IconCertificate size={16} />}>Курсы (КПК)</Tabs.Tab>
          <Tabs.Tab value="plans" leftSection={<IconRoute size={16} />}>Индивидуальные планы (ИОМ)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="staff"><StaffTab group={group} setGroup={setGroup} onOpen={(r) => setCard(r.id)} /></Tabs.Panel>
        <Tabs.Panel value="pairs"><PairsTab /></Tabs.Panel>
        <Tabs.Panel value="deficits"><DeficitsTab /></Tabs.Panel>
        <Tabs.Panel value="courses"><CoursesTab /></Tabs.Panel>
        <Tabs.Panel value="plans"><PlansTab /></Tabs.Panel>
      </Tabs>
      <StaffCard staffId={card} onClose={() => setCard(null)} />
    </>
  );
}
