/** The list of gifted pupils, with inclusion of a new one and each pupil's card. */
import { useEffect, useState } from 'react';
import { useOpenRequest } from '../../app/openRecord';
import { Select, Text, Stack } from '@mantine/core';
import { PupilCode } from './Bits';
import { RecordTable, type Column } from '../../components/RecordTable';
import { FormModal } from '../../components/RecordForm';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { contract } from '../../../../preload/contract/index';
import { formatDate } from '../../../../common/format';
import { RecordForm } from '../../components/RecordForm';
import { INCLUDE_GIFTED_FIELDS, includeGiftedInitial, includeGiftedInput, PUPIL_NOUN } from './fields';
import { GiftedCard } from './GiftedCard';

const columns: Column[] = [
  { key: 'pupil_name', title: 'ФИО', sort: 'pupil_name', render: (r) => <Text size="sm" fw={500}>{r.pupil_name}</Text> },
  { key: 'pupil_code', title: 'Код', width: 70, render: (r) => <PupilCode code={r.pupil_code} /> },
  { key: 'class_name', title: 'Класс', sort: 'class_name', width: 80 },
  { key: 'area', title: 'Направление', sort: 'area', width: 170 },
  { key: 'included_on', title: 'Дата включения', sort: 'included_on', width: 130, render: (r) => formatDate(r.included_on as string) },
  { key: 'responsible', title: 'Ответственный', width: 170 },
  { key: 'achievements', title: 'Достижения', render: (r) => <Text size="sm" lineClamp={2}>{r.achievements || '—'}</Text> },
];

export function GiftedList({ classes, including, onIncluding }: { classes: string[]; including: boolean; onIncluding: (open: boolean) => void }) {
  const [klass, setKlass] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const asked = useOpenRequest('gifted_pupil');
  useEffect(() => { if (asked) setOpenId(asked); }, [asked]);
  return (
    <Stack gap="sm">
      <RecordTable
        entity="gifted_pupil"
        testId="gifted-list"
        columns={columns}
        filters={klass ? { class_name: klass } : {}}
        noun={PUPIL_NOUN}
        searchPlaceholder="Поиск по ФИО, направлению, достижениям"
        onOpen={(r) => setOpenId(r.id)}
        empty={klass ? undefined : 'Список одарённых детей пока пуст. Нажмите «Добавить одарённого обучающегося».'}
        toolbar={
<Select aria-label="Класс" placeholder="Все классы" data={classes} value={klass} onChange={setKlass} clearable searchable nothingFoundMessage="Нет такого класса" w={130} />
        }
      />
      <FormModal opened={including} title="Добавить одарённого обучающегося" onClose={() => onIncluding(false)} size="lg">
        {(setDirty, close) => (
          <RecordForm
            fields={INCLUDE_GIFTED_FIELDS}
            initial={includeGiftedInitial()}
            schema={contract['gifted.include'].input}
            toInput={includeGiftedInput}
            save={(input) => call('gifted.include', input)}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              onIncluding(false);
              notifyOk('Обучающийся добавлен в список одарённых');
            }}
            submitLabel="Добавить"
          />
        )}
      </FormModal>
      <GiftedCard giftedId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
