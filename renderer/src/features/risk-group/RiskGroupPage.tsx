/** Registry 3: pupils of the risk group and gifted pupils, with their support measures. */
import { ListImportButton } from '../../components/ListImport';
import { useCallback, useState } from 'react';
import { pendingTable, useOpenRequests, type OpenRequest } from '../../app/openRecord';
import { Tabs, Group, Button } from '@mantine/core';
import { IconAlertTriangle, IconStar, IconUserPlus } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../app/data';
import type { PageKey } from '../../app/App';
import { PrivacyNotice } from './Bits';
import { RiskSummary } from './RiskSummary';
import { RiskList } from './RiskList';
import { GiftedList } from './GiftedList';

export function RiskGroupPage(_props: { go?: (p: PageKey) => void }) {
  const [tab, setTab] = useState<string | null>(() => (pendingTable() === 'gifted_pupil' ? 'gifted' : 'risk'));
  useOpenRequests(useCallback((r: OpenRequest) => { if (r.table === 'gifted_pupil' || r.table === 'risk_entry') setTab(r.table === 'gifted_pupil' ? 'gifted' : 'risk'); }, []));
  const [category, setCategory] = useState<string | null>(null);
  const [adding, setAdding] = useState<'risk' | 'gifted' | null>(null);
  const { value: summary } = useCall('riskGroup.summary', {});
  const classes = summary?.classes ?? [];
  return (
    <>
      <PageHeader title="Группа риска и одарённые дети" subtitle="Кто нуждается в особой поддержке, какие меры приняты и с каким результатом" />
      <PrivacyNotice />
      <RiskSummary summary={summary} category={category} onCategory={(c) => { setCategory(c); setTab('risk'); }} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Group justify="space-between" align="flex-end" mb="sm" wrap="nowrap">
          <Tabs.List style={{ flex: 1 }}>
            <Tabs.Tab value="risk" leftSection={<IconAlertTriangle size={16} />}>Группа риска</Tabs.Tab>
            <Tabs.Tab value="gifted" leftSection={<IconStar size={16} />}>Одарённые дети</Tabs.Tab>
          </Tabs.List>
          <Group gap="xs" wrap="nowrap">
            <ListImportButton kind="pupils" />
            {tab === 'gifted'
              ? <Button leftSection={<IconStar size={16} />} onClick={() => setAdding('gifted')}>Добавить одарённого обучающегося</Button>
              : <Button color="red" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding('risk')}>Включить в группу риска</Button>}
          </Group>
        </Group>
        <Tabs.Panel value="risk">
          <RiskList classes={classes} category={category} onCategory={setCategory} including={adding === 'risk'} onIncluding={(o) => setAdding(o ? 'risk' : null)} />
        </Tabs.Panel>
        <Tabs.Panel value="gifted">
          <GiftedList classes={classes} including={adding === 'gifted'} onIncluding={(o) => setAdding(o ? 'gifted' : null)} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
