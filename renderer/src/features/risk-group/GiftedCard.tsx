/** The card of a gifted pupil: the pupil, direction and plan, achievements, support measures. */
import { useState } from 'react';
import { Drawer, Stack, Group, Title, Text, Button, Divider, SimpleGrid, Loader, Alert } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { useRemoveWithUndo } from '../../components/DeleteButton';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { FormModal, RecordForm, rowToValues } from '../../components/RecordForm';
import { formatDate } from '../../../../common/format';
import { GIFTED_FIELDS } from './fields';
import { Field, CODE_HINT } from './Bits';
import { useConfirm } from '../../components/ConfirmDialog';
import { PupilSection } from './PupilSection';
import { MeasuresPanel } from './MeasuresPanel';

export function GiftedCard({ giftedId, onClose }: { giftedId: string | null; onClose: () => void }) {
  return (
    <Drawer opened={!!giftedId} onClose={onClose} position="right" size={860} title={<Text fw={600}>Карточка одарённого обучающегося</Text>} closeButtonProps={{ 'aria-label': 'Закрыть карточку' }}>
      {giftedId && <GiftedBody giftedId={giftedId} onClose={onClose} />}
    </Drawer>
  );
}

function GiftedBody({ giftedId, onClose }: { giftedId: string; onClose: () => void }) {
  const { value: g, error } = useCall('records.get', { entity: 'gifted_pupil', id: giftedId });
  const [editing, setEditing] = useState(false);
  const { confirm, node } = useConfirm();
  const removeWithUndo = useRemoveWithUndo();
  if (error) return <Alert color="red">{error}</Alert>;
  if (!g) return <Loader />;
  const remove = () => confirm({
    title: 'Исключить из списка одарённых?',
    text: 'Запись и её меры поддержки будут удалены.',
    action: 'Исключить',
    run: async () => {
      await removeWithUndo('gifted_pupil', giftedId);
      onClose();
    },
  });
  return (
    <Stack gap="md" data-testid="gifted-card">
      <div>
        <Title order={3}>{String(g.pupil_name)}</Title>
        <Text c="dimmed">{`${g.class_name} класс · ${g.area}`}{g.pupil_code != null && <span title={CODE_HINT}>{` · обучающийся № ${g.pupil_code}`}</span>}</Text>
      </div>
      <PupilSection pupilId={String(g.pupil_id)} />
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Одарённость и план поддержки</Title>
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>Изменить</Button>
        </Group>
        <SimpleGrid cols={3}>
          <Field title="Направление">{String(g.area)}</Field>
          <Field title="Дата включения">{formatDate(String(g.included_on))}</Field>
          <Field title="Ответственный педагог">{String(g.responsible ?? '')}</Field>
        </SimpleGrid>
        <Field title="Достижения">{String(g.achievements ?? '')}</Field>
        <Field title="План поддержки">{String(g.support_plan ?? '')}</Field>
      </Stack>
      <Divider />
      <MeasuresPanel targetKind="gifted" targetId={giftedId} />
      <Divider />
      <Group justify="flex-end">
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={remove}>Исключить из списка одарённых</Button>
      </Group>
      <FormModal opened={editing} title="Одарённость и план поддержки" onClose={() => setEditing(false)} size="lg">
        {(setDirty, close) => (
          <RecordForm
            entity="gifted_pupil"
            fields={GIFTED_FIELDS}
            initial={rowToValues(GIFTED_FIELDS, g)}
            fixed={{ pupil_id: g.pupil_id }}
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
