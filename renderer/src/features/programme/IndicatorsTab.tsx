import { Button, Group, Stack, Text, Badge } from '@mantine/core';
import { LineChart } from '../../components/Charts';
import { withUnit } from '../../app/charts';
import { IconPlus } from '@tabler/icons-react';
import { RecordTable } from '../../components/RecordTable';
import { RecordForm, FormModal, emptyValues, rowToValues } from '../../components/RecordForm';
import { DeleteButton } from '../../components/DeleteButton';
import { label } from '../../components/Labels';
import { useCall } from '../../app/data';
import { indicatorKind } from '../../../../common/labels';
import type { Row } from '../../../../preload/contract/index';
import { INDICATOR_FIELDS, INDICATOR_VALUE_FIELDS } from './fields';
import { SimpleListTab } from './SimpleListTab';
import { useEditor } from './useEditor';

const num = (v: unknown) => (v === null || v === undefined ? '—' : String(v).replace('.', ','));

function Dynamics({ indicator }: { indicator: Row }) {
  const { value } = useCall('records.list', { entity: 'indicator_value', filters: { indicator_id: indicator.id }, limit: 100 });
  const data = (value?.rows ?? []).map((r) => ({ period: String(r.period), 'Цель': r.target ?? null, 'Факт': r.actual ?? null }));
  if (data.length < 2) return null;
  return (
    <LineChart
      h={220}
      data={data}
      dataKey="period"
      series={[{ name: 'Цель', color: 'gray.6' }, { name: 'Факт', color: 'blue.6' }]}
      connectNulls
      withLegend
      valueFormatter={withUnit(indicator.unit as string | null)}
    />
  );
}

export function IndicatorsTab({ programme }: { programme: Row }) {
  const ed = useEditor();
  return (
    <>
      <RecordTable
        entity="indicator"
        filters={{ programme_id: programme.id }}
        noun={['показатель', 'показателя', 'показателей']}
        onOpen={ed.openRow}
        toolbar={<Button leftSection={<IconPlus size={16} />} onClick={ed.openNew} ml="auto">Добавить показатель</Button>}
        columns={[
          { key: 'kind', title: 'Вид', sort: 'kind', width: 90, render: (r) => <Badge variant="light">{label(indicatorKind, r.kind)}</Badge> },
          { key: 'title', title: 'Показатель', sort: 'title' },
          { key: 'unit', title: 'Ед.', width: 70 },
          { key: 'higher_is_better', title: 'Лучше, если', width: 120, render: (r) => (r.higher_is_better ? 'больше' : 'меньше') },
        ]}
      />
      <FormModal opened={!!ed.editing} title={ed.isNew ? 'Новый показатель' : 'Показатель и его значения'} onClose={ed.close} size="70rem">
        {(setDirty, close) => (
          <Stack>
            <RecordForm
              entity="indicator"
              fields={INDICATOR_FIELDS}
              initial={ed.row ? rowToValues(INDICATOR_FIELDS, ed.row) : { ...emptyValues(INDICATOR_FIELDS), kind: 'vpr', higher_is_better: true }}
              fixed={{ programme_id: programme.id }}
              onDirtyChange={setDirty}
              onSaved={(row) => (ed.isNew ? ed.openRow(row) : ed.close())}
              onCancel={close}
              extra={ed.row ? <Group><DeleteButton entity="indicator" id={ed.row.id} onDone={ed.close} warning="Показатель будет удалён вместе со всеми его значениями." /></Group> : undefined}
            />
            {ed.row && (
              <>
                <Text fw={600} mt="md">Значения по годам (базовое, целевое, фактическое)</Text>
                <Dynamics indicator={ed.row} />
                <SimpleListTab
                  entity="indicator_value"
                  filters={{ indicator_id: ed.row.id }}
                  fixed={{ indicator_id: ed.row.id }}
                  fields={INDICATOR_VALUE_FIELDS}
                  addLabel="Добавить значение"
                  titleNew="Значение показателя"
                  titleEdit="Значение показателя"
                  noun={['значение', 'значения', 'значений']}
                  columns={[
                    { key: 'period', title: 'Период', sort: 'period' },
                    { key: 'baseline', title: 'Базовое', render: (r) => num(r.baseline) },
                    { key: 'target', title: 'Целевое', render: (r) => num(r.target) },
                    { key: 'actual', title: 'Фактическое', render: (r) => num(r.actual) },
                  ]}
                />
              </>
            )}
          </Stack>
        )}
      </FormModal>
    </>
  );
}
