/** The card of one risk-group entry: pupil, inclusion details, support measures, status history. */
import { useState } from 'react';
import { Drawer, Stack, Group, Title, Text, Button, Divider, SimpleGrid, Loader, Alert } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { useRemoveWithUndo } from '../../components/DeleteButton';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { FormModal, RecordForm, rowToValues } from '../../components/RecordForm';
import { formatDate } from '../../../../common/format';
import { ENTRY_FIELDS } from './fields';
import { CategoryBadges, StatusBadge, Field, CODE_HINT } from './Bits';
import { useConfirm } from '../../components/ConfirmDialog';
import { PupilSection } from './PupilSection';
import { MeasuresPanel } from './MeasuresPanel';
import { StatusHistory } from './StatusHistory';
import { ConsentPanel } from './ConsentPanel';
import { downloadFile } from '../../components/files';
import { notifyError } from '../../app/notify';

export function EntryCard({ entryId, onClose }: { entryId: string | null; onClose: () => void }) {
  return (
    <Drawer opened={!!entryId} onClose={onClose} position="right" size={860} title={<Text fw={600}>Карточка обучающегося группы риска</Text>} closeButtonProps={{ 'aria-label': 'Закрыть карточку' }}>
      {entryId && <EntryBody entryId={entryId} onClose={onClose} />}
    </Drawer>
  );
}

function EntryBody({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const { value: entry, error } = useCall('records.get', { entity: 'risk_entry', id: entryId });
  const [editing, setEditing] = useState(false);
  const { confirm, node } = useConfirm();
  const removeWithUndo = useRemoveWithUndo();
  if (error) return <Alert color="red">{error}</Alert>;
  if (!entry) return <Loader />;
  const remove = () => confirm({
    title: 'Удалить запись полностью?',
    text: 'Запись группы риска, её меры поддержки и история статуса будут удалены; если ребёнок не состоит в списке одарённых, его ФИО и дата рождения тоже будут стёрты. Если обучающемуся больше не нужна поддержка, лучше нажмите «Снять с учёта» — история сохранится.',
    action: 'Удалить запись',
    run: async () => {
      await removeWithUndo('risk_entry', entryId);
      onClose();
    },
  });

  return (
    <Stack gap="md" data-testid="entry-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{String(entry.pupil_name) || 'ФИО стёрто (срок хранения истёк или по просьбе родителей)'}</Title>
          <Text c="dimmed">{`${entry.class_name} класс`}{entry.pupil_code != null && <span title={CODE_HINT}>{` · обучающийся № ${entry.pupil_code}`}</span>}</Text>
        </div>
        <StatusBadge status={entry.status} removedOn={entry.removed_on} />
      </Group>
      <PupilSection pupilId={String(entry.pupil_id)} />
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Постановка на учёт</Title>
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>Изменить</Button>
        </Group>
        <SimpleGrid cols={2}>
          <Field title="Категории"><CategoryBadges value={entry.categories} /></Field>
          <Field title="Дата постановки">{formatDate(String(entry.included_on))}</Field>
          <Field title="Ответственный педагог">{String(entry.responsible ?? '')}</Field>
          {entry.status === 'removed' && <Field title="Снят с учёта">{`${formatDate(entry.removed_on as string | null)}: ${entry.removal_reason}`}</Field>}
        </SimpleGrid>
        <Field title="Основание постановки">{String(entry.reason ?? '')}</Field>
      </Stack>
      <Divider />
      <ConsentPanel entry={entry} />
      <Divider />
      <MeasuresPanel targetKind="risk" targetId={entryId} />
      <Divider />
      <StatusHistory entry={entry} />
      <Divider />
      <Group justify="space-between">
        <Button variant="subtle" size="xs" onClick={() => void call('privacy.pupilReport', { pupilId: String(entry.pupil_id) }).then(downloadFile, notifyError)}>Что хранится о ребёнке (.docx)</Button>
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={remove}>Удалить запись (внесена по ошибке)</Button>
      </Group>
      <FormModal opened={editing} title="Постановка на учёт" onClose={() => setEditing(false)} size="lg">
        {(setDirty, close) => (
          <RecordForm
            entity="risk_entry"
            fields={ENTRY_FIELDS}
            initial={rowToValues(ENTRY_FIELDS, entry)}
            fixed={{ pupil_id: entry.pupil_id, included_on: entry.included_on }}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              setEditing(false);
              notifyOk('Изменения сохранены');
            }}
          />
        )}
      </FormModal>
      {node}
    </Stack>
  );
}
