/** Which activities of the quality-improvement programme an event served (event_activity links). */
import { useMemo, useState } from 'react';
import { Group, Text, Title, ActionIcon, Tooltip, Alert, Stack, Select, Paper } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUnlink, IconSearch } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import type { Row } from '../../../../preload/contract/index';

function activityLabel(number: unknown, title: unknown) {
  return number ? `${String(number)} — ${String(title ?? '')}` : String(title ?? '');
}

export function EventActivities({ eventId }: { eventId: string }) {
  const { value: links, error } = useCall('records.list', { entity: 'event_activity', filters: { event_id: eventId }, limit: 500 });
  const { bump } = useDataVersion();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [busy, setBusy] = useState(false);
  const { value: found } = useCall('records.list', { entity: 'activity', search: debounced, limit: 50 });
  const linked = useMemo(() => new Set((links?.rows ?? []).map((l) => String(l.activity_id))), [links]);
  const options = useMemo(
    () => (found?.rows ?? []).filter((a) => !linked.has(a.id)).map((a) => ({ value: a.id, label: activityLabel(a.number, a.title) + (a.timing_text ? ` (${String(a.timing_text)})` : '') })),
    [found, linked],
  );

  const link = async (activityId: string | null) => {
    if (!activityId) return;
    setBusy(true);
    try {
      await call('records.save', { entity: 'event_activity', value: { event_id: eventId, activity_id: activityId } });
      setSearch('');
      bump();
      notifyOk('Мероприятие программы связано с событием');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const unlink = async (row: Row) => {
    try {
      await call('records.remove', { entity: 'event_activity', id: row.id });
      bump();
    } catch (e) {
      notifyError(e);
    }
  };

  const noActivities = found && found.total === 0 && !debounced;
  return (
    <Stack gap="xs" data-testid="event-activities">
      <Title order={4}>Мероприятия программы</Title>
      <Text size="sm" c="dimmed">Какие пункты плана программы повышения качества выполнялись на этом мероприятии.</Text>
      {error && <Alert color="red">{error}</Alert>}
      {(links?.rows ?? []).map((l) => (
        <Paper key={l.id} withBorder px="sm" py={6}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{activityLabel(l.activity_number, l.activity_title)}</Text>
            <Tooltip label="Убрать связь (само мероприятие программы останется)">
              <ActionIcon variant="subtle" color="gray" aria-label="Убрать связь" onClick={() => void unlink(l)}><IconUnlink size={16} /></ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ))}
      {noActivities ? (
        <Text size="sm" c="dimmed">В программе пока нет мероприятий — добавьте их в разделе «Программа».</Text>
      ) : (
        <Select
          aria-label="Связать с мероприятием программы"
          placeholder="Найдите пункт плана по номеру или названию и выберите его"
          leftSection={<IconSearch size={16} />}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={null}
          onChange={(v) => void link(v)}
          filter={({ options: o }) => o}
          disabled={busy}
          nothingFoundMessage="Ничего не найдено"
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={300}
        />
      )}
    </Stack>
  );
}
