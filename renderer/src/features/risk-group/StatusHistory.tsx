/** The status history of a risk-group entry and the «Снять с учёта» / «Вернуть в группу риска» action. */
import { useState } from 'react';
import { Timeline, Text, Title, Group, Button, Stack } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { FormModal } from '../../components/RecordForm';
import { contract, type Row } from '../../../../preload/contract/index';
import { formatDate, isoDay } from '../../../../common/format';
import { RecordForm, type Values as FormValues } from '../../components/RecordForm';
import { STATUS_FIELDS } from './fields';

export function StatusHistory({ entry }: { entry: Row }) {
  const { value } = useCall('records.list', { entity: 'risk_status_change', filters: { entry_id: entry.id }, limit: 500 });
  const [open, setOpen] = useState(false);
  const next = entry.status === 'removed' ? 'included' : 'removed';
  const rows = value?.rows ?? [];
  const toInput = (v: FormValues) => ({ entryId: entry.id, status: next, changed_on: v.changed_on, reason: v.reason });

  return (
    <Stack gap="xs" data-testid="status-history">
      <Group justify="space-between">
        <Title order={4}>История статуса</Title>
        {next === 'removed'
          ? <Button size="xs" variant="light" color="gray" leftSection={<IconUserMinus size={14} />} onClick={() => setOpen(true)}>Снять с учёта</Button>
          : <Button size="xs" variant="light" color="red" leftSection={<IconUserPlus size={14} />} onClick={() => setOpen(true)}>Вернуть в группу риска</Button>}
      </Group>
      <Timeline bulletSize={14} lineWidth={2} active={rows.length - 1}>
        {rows.map((r, i) => (
          <Timeline.Item
            key={r.id}
            color={r.status === 'removed' ? 'gray' : 'red'}
            title={<Text size="sm" fw={600}>{`${formatDate(String(r.changed_on))} — ${r.status === 'removed' ? 'снят с учёта' : i === 0 ? 'включён в группу риска' : 'возвращён в группу риска'}`}</Text>}
          >
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{r.reason || 'Причина не указана'}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
      <FormModal opened={open} title={next === 'removed' ? 'Снять с учёта' : 'Вернуть в группу риска'} onClose={() => setOpen(false)} size="md">
        {(setDirty, close) => (
          <RecordForm
            fields={STATUS_FIELDS(next)}
            initial={{ changed_on: isoDay(new Date()), reason: '' }}
            schema={contract['riskGroup.changeStatus'].input}
            toInput={toInput}
            save={(input) => call('riskGroup.changeStatus', input)}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              setOpen(false);
              notifyOk(next === 'removed' ? 'Обучающийся снят с учёта' : 'Обучающийся возвращён в группу риска');
            }}
            submitLabel={next === 'removed' ? 'Снять с учёта' : 'Вернуть в группу риска'}
          />
        )}
      </FormModal>
    </Stack>
  );
}
