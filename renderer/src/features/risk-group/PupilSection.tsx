/** The pupil's own data under the card's title: birth date, and the form to correct ФИО, class, birth date. */
import { useState } from 'react';
import { Group, Button, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { notifyOk } from '../../app/notify';
import { FormModal, RecordForm, rowToValues } from '../../components/RecordForm';
import { formatDate } from '../../../../common/format';
import { PUPIL_FIELDS } from './fields';

export function PupilSection({ pupilId }: { pupilId: string }) {
  const { value: pupil, error } = useCall('records.get', { entity: 'pupil', id: pupilId });
  const [open, setOpen] = useState(false);
  return (
    <>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c={error ? 'red' : undefined}>
          {error ?? (pupil ? `Дата рождения: ${formatDate(pupil.birth_date as string | null) || 'не указана'}` : '')}
        </Text>
        <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setOpen(true)} disabled={!pupil}>Исправить ФИО, класс, дату рождения</Button>
      </Group>
      <FormModal opened={open} title="Данные обучающегося" onClose={() => setOpen(false)} size="lg">
        {(setDirty, close) => pupil && (
          <RecordForm
            entity="pupil"
            fields={PUPIL_FIELDS}
            initial={rowToValues(PUPIL_FIELDS, pupil)}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              setOpen(false);
              notifyOk('Данные обучающегося сохранены');
            }}
          />
        )}
      </FormModal>
    </>
  );
}
