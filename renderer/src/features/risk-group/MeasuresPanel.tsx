/** Individual support measures of one risk-group entry or gifted pupil: list, add, edit, delete. */
import { useState } from 'react';
import { Table, Button, Group, Text, Badge, ActionIcon, Tooltip, Title, Stack } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { call } from '../../app/api';
import { notifyOk } from '../../app/notify';
import { FormModal, RecordForm, emptyValues, rowToValues } from '../../components/RecordForm';
import type { Row } from '../../../../preload/contract/index';
import { formatDate, count } from '../../../../common/format';
import { MEASURE_FIELDS } from './fields';
import { useConfirm } from '../../components/ConfirmDialog';

function period(r: Row) {
  const from = formatDate(r.date_from as string | null);
  const to = formatDate(r.date_to as string | null);
  if (from && to) return `${from} – ${to}`;
  if (from) return `с ${from}`;
  if (to) return `до ${to}`;
  return '—';
}

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function MeasuresPanel({ targetKind, targetId }: { targetKind: 'risk' | 'gifted'; targetId: string }) {
  const { value, error } = useCall('records.list', { entity: 'support_measure', filters: { target_kind: targetKind, target_id: targetId }, limit: 500 });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const { confirm, node } = useConfirm();
  const rows = value?.rows ?? [];
  const done = rows.filter((r) => r.done === 1).length;

  return (
    <Stack gap="xs" data-testid="measures">
      <Group justify="space-between">
        <div>
          <Title order={4}>Меры поддержки</Title>
          {rows.length > 0 && <Text size="xs" c="dimmed">{`${count(rows.length, ['мера', 'меры', 'мер'])}, выполнено ${done}`}</Text>}
        </div>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>Добавить меру</Button>
      </Group>
      {error && <Text c="red" size="sm">{error}</Text>}
      {value && rows.length === 0 && <Text size="sm" c="dimmed">Мер поддержки пока нет. Добавьте первую: что делается, в какие сроки и кто отвечает.</Text>}
      {rows.length > 0 && (
        <Table withTableBorder highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Мера</Table.Th>
              <Table.Th style={{ width: 170 }}>Сроки</Table.Th>
              <Table.Th>Ответственный</Table.Th>
              <Table.Th>Результат</Table.Th>
              <Table.Th style={{ width: 130 }}>Отметка</Table.Th>
              <Table.Th style={{ width: 40 }} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} className="row-click" onClick={() => setEditing(r)}>
                <Table.Td className="cell-wrap">{r.title}</Table.Td>
                <Table.Td>{period(r)}</Table.Td>
                <Table.Td className="cell-wrap">{r.responsible || '—'}</Table.Td>
                <Table.Td className="cell-wrap">{r.result || '—'}</Table.Td>
                <Table.Td>{r.done === 1 ? <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>Выполнено</Badge> : <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>В работе</Badge>}</Table.Td>
                <Table.Td>
                  <Tooltip label="Удалить меру">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Удалить меру «${r.title}»`}
                      onClick={(e) => {
                        e.stopPropagation();
                        confirm({
                          title: 'Удалить меру поддержки?',
                          text: `Мера «${r.title}» будет удалена.`,
                          action: 'Удалить',
                          run: async () => {
                            await call('records.remove', { entity: 'support_measure', id: r.id });
                            notifyOk('Мера поддержки удалена');
                          },
                        });
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormModal opened={editing !== null} title={editing === 'new' ? 'Новая мера поддержки' : 'Мера поддержки'} onClose={() => setEditing(null)} size="lg">
        {(setDirty, close) => (
          <RecordForm
            entity="support_measure"
            fields={MEASURE_FIELDS}
            initial={editing === 'new' || editing === null ? emptyValues(MEASURE_FIELDS) : rowToValues(MEASURE_FIELDS, editing)}
            fixed={{ target_kind: targetKind, target_id: targetId }}
            onDirtyChange={setDirty}
            onCancel={close}
            onSaved={() => {
              setEditing(null);
              notifyOk('Мера поддержки сохранена');
            }}
          />
        )}
      </FormModal>
      {node}
    </Stack>
  );
}
