/** «Журнал мероприятий»: the event log and the follow-up of decisions taken at events. */
import { useState } from 'react';
import { Tabs, Button, Badge } from '@mantine/core';
import { IconPlus, IconCalendarEvent, IconChecklist } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../app/data';
import type { PageKey } from '../../app/App';
import { EventList } from './EventList';
import { DecisionsView } from './DecisionsView';
import { EventCard } from './EventCard';
import { EventFormModal } from './EventFormModal';

export function EventsPage(_props: { go?: (p: PageKey) => void }) {
  const [tab, setTab] = useState<string | null>('events');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const overdue = useCall('records.list', { entity: 'decision', filters: { overdue: 1 }, limit: 1 }).value?.total ?? 0;
  return (
    <>
      <PageHeader
        title="Журнал мероприятий"
        subtitle="Семинары, совещания, методические дни, родительские собрания — с поручениями, их исполнением и файлами"
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>Добавить мероприятие</Button>}
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="events" leftSection={<IconCalendarEvent size={16} />}>Мероприятия</Tabs.Tab>
          <Tabs.Tab
            value="decisions"
            leftSection={<IconChecklist size={16} />}
            rightSection={overdue > 0 ? <Badge color="red" size="sm" variant="filled" style={{ textTransform: 'none' }}>{overdue} просрочено</Badge> : null}
          >
            Поручения
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="events"><EventList onOpen={setOpenId} /></Tabs.Panel>
        <Tabs.Panel value="decisions"><DecisionsView onOpenEvent={setOpenId} /></Tabs.Panel>
      </Tabs>
      <EventCard eventId={openId} onClose={() => setOpenId(null)} />
      <EventFormModal opened={creating} row={null} onClose={() => setCreating(false)} onSaved={(row) => setOpenId(row.id)} />
    </>
  );
}
