/** The list of risk-group entries with filters by status, category and class; opens an entry's card. */
import { useEffect, useState } from 'react';
import { useOpenRequest } from '../../app/openRecord';
import { SegmentedControl, Select, Text, Stack } from '@mantine/core';
import { RecordTable, type Column } from '../../components/RecordTable';
import { FormModal } from '../../components/RecordForm';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { contract } from '../../../../preload/contract/index';
import { riskCategory } from '../../../../common/labels';
import { formatDate } from '../../../../common/format';
import { CategoryBadges, StatusBadge, PupilCode } from './Bits';
import { RecordForm } from '../../components/RecordForm';
import { INCLUDE_RISK_FIELDS, includeRiskInitial, includeRiskInput, PUPIL_NOUN } from './fields';
import { EntryCard } from './EntryCard';

const baseColumns: Column[] = [
  { key: 'pupil_name', title: 'ФИО', sort: 'pupil_name', width: 190, render: (r) => (r.pupil_name ? <Text size="sm" fw={500}>{r.pupil_name}</Text> : <Text size="sm" c="dimmed">ФИО стёрто</Text>) },
  { key: 'pupil_code', title: 'Код', width: 70, render: (r) => <PupilCode code={r.pupil_code} /> },
  { key: 'class_name', title: 'Класс', sort: 'class_name', width: 80 },
  { key: 'categories', title: 'Категории', width: 220, render: (r) => <CategoryBadges value={r.categories} /> },
  { key: 'included_on', title: 'Дата постановки', sort: 'included_on', width: 115, render: (r) => formatDate(r.included_on as string) },
  { key: 'reason', title: 'Основание', render: (r) => <Text size="sm" lineClamp={2}>{r.reason}</Text> },
  { key: 'responsible', title: 'Ответственный', width: 140 },
];
const statusColumn: Column = { key: 'status', title: 'Статус', sort: 'status', width: 150, render: (r) => <StatusBadge status={r.status} removedOn={r.removed_on} /> };

export function RiskList(props: {
  classes: string[]; category: string | null; onCategory: (c: string | null) => void;
  including: boolean; onIncluding: (open: boolean) => void;
}) {
  const [status, setStatus] = useState<'included' | 'removed' | 'all'>('included');
  const [klass, setKlass] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const asked = useOpenRequest('risk_entry');
  useEffect(() => { if (asked) setOpenId(asked); }, [asked]);
  const filters: Record<string, string> = {};
  if (status !== 'all') filters.status = status;
  if (props.category) filters.category = props.category;
  if (klass) filters.class_name = klass;

  return (
    <Stack gap="sm">
      <RecordTable
        entity="risk_entry"
        testId="risk-list"
        columns={status === 'included' ? baseColumns : [...baseColumns, statusColumn]}
        filters={filters}
        noun={PUPIL_NOUN}
        searchPlaceholder="Поиск по ФИО, коду (№ 5), классу, основанию"
        onOpen={(r) => setOpenId(r.id)}
        empty={status === 'included' && !props.category && !klass
          ? 'В группе риска пока никого нет. Нажмите «Включить в группу риска», чтобы добавить обучающегося.'
          : undefined}
        toolbar={
          <>
            <SegmentedControl
              aria-label="Статус"
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              data={[{ value: 'included', label: 'В группе риска' }, { value: 'removed', label: 'Снятые с учёта' }, { value: 'all', label: 'Все' }]}
            />
            <Select
              aria-label="Категория"
              placeholder="Все категории"
              data={riskCategory.options}
              value={props.category}
              onChange={props.onCategory}
              clearable
              w={220}
            />
            <Select aria-label="Класс" placeholder="Все классы" data={props.classes} value={klass} onChange={setKlass} clearable searchable nothingFoundMessage="Нет такого класса" w={130} />
          </>
        }
      />
      <FormModal opened={props.including} title="Включить в группу риска" onClose={() => props.onIncluding(false)} size="lg">
        {(setDirty, close) => (
          <RecordForm
            fields={INCLUDE_RISK_FIELDS}
            initial={includeRiskInitial()}
            schema={contract['riskGroup.include'].input}
            toInput={includeRiskInput}
            save={(input) => call('riskGroup.include', input)}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              props.onIncluding(false);
              notifyOk('Обучающийся включён в группу риска. Откройте его строку в списке, чтобы добавить меры поддержки.');
            }}
            submitLabel="Включить в группу риска"
          />
        )}
      </FormModal>
      <EntryCard entryId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
