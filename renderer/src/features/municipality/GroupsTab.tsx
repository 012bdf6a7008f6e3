/** Partner groups with their resource centres, curators, the coordination group, and the requisites printed on справки. */
import { useState } from 'react';
import { Stack, Card, Title, Group, Button, Table, Text, Alert, ActionIcon } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import type { z } from 'zod';
import { call } from '../../app/api';
import { FormModal, RecordForm, emptyValues, rowToValues, type FieldSpec } from '../../components/RecordForm';
import { notifyError, notifyOk } from '../../app/notify';
import { coordinationRole } from '../../../../common/roster-labels';
import { contract, type Row } from '../../../../preload/contract/index';
import { GroupSchoolsModal } from './GroupSchoolsModal';
import type { PartnerGroupView } from '../../../../preload/contract/index';

type Kind = 'groups' | 'curators' | 'coordination';
const roleOptions = coordinationRole.codes.map((c) => ({ value: c, label: coordinationRole.labels[c]! }));
// Labels as the contract's messages name them, so a message under a field says the label above it.
const FORMS: Record<Kind, { title: string; fields: FieldSpec[] }> = {
  groups: { title: 'Партнёрская группа', fields: [{ name: 'number', label: 'Номер группы', kind: 'number', required: true, min: 1, max: 999 }, { name: 'title', label: 'Название', kind: 'text' }, { name: 'territory', label: 'Территория', kind: 'text' }, { name: 'note', label: 'Примечание', kind: 'textarea' }] },
  curators: { title: 'Куратор', fields: [{ name: 'full_name', label: 'ФИО куратора (пусто, если куратор — организация или школа-куратор)', kind: 'text' }, { name: 'position', label: 'Должность', kind: 'text' }, { name: 'organisation', label: 'Организация', kind: 'text' }, { name: 'phone', label: 'Телефон', kind: 'text' }, { name: 'email', label: 'Эл. почта', kind: 'text' }] },
  coordination: { title: 'Член координационной группы', fields: [{ name: 'full_name', label: 'ФИО', kind: 'text', required: true }, { name: 'position', label: 'Должность', kind: 'text' }, { name: 'organisation', label: 'Организация', kind: 'text' }, { name: 'role', label: 'Роль', kind: 'select', options: roleOptions, required: true }, { name: 'position_no', label: 'Порядок', kind: 'number', min: 0, max: 999 }] },
};

/** Each kind through its own call: the form checks the values with that call's schema, main checks them again. */
const SAVE = {
  groups: { schema: contract['municipality.groups.save'].input, save: (v: z.output<typeof contract['municipality.groups.save']['input']>) => call('municipality.groups.save', v) },
  curators: { schema: contract['municipality.curators.save'].input, save: (v: z.output<typeof contract['municipality.curators.save']['input']>) => call('municipality.curators.save', v) },
  coordination: { schema: contract['municipality.coordination.save'].input, save: (v: z.output<typeof contract['municipality.coordination.save']['input']>) => call('municipality.coordination.save', v) },
};
const REMOVE: Record<Kind, (id: string) => Promise<unknown>> = {
  groups: (id) => call('municipality.groups.remove', { id }),
  curators: (id) => call('municipality.curators.remove', { id }),
  coordination: (id) => call('municipality.coordination.remove', { id }),
};

/** Only the form's own fields and the id: a listed row carries more (its schools, counts). */
function formValues(kind: Kind, value: Record<string, unknown>) {
  const fields = FORMS[kind].fields;
  const v = { ...emptyValues(fields), ...rowToValues(fields, value as Row) };
  if (!value.id) delete v.id;
  return v;
}

function EditModal({ kind, value, onClose }: { kind: Kind; value: Record<string, unknown>; onClose: () => void }) {
  const spec = FORMS[kind];
  const target = SAVE[kind] as { schema: z.ZodType; save: (v: unknown) => Promise<unknown> };
  return (
    <FormModal opened title={spec.title} onClose={onClose} size="lg">
      {(setDirty, close) => (
        <RecordForm
          fields={spec.fields}
          initial={formValues(kind, value)}
          schema={target.schema}
          save={target.save}
          onDirtyChange={setDirty}
          onCancel={close}
          onSaved={() => { notifyOk('Сохранено'); onClose(); }}
        />
      )}
    </FormModal>
  );
}

function Remove({ kind, id }: { kind: Kind; id: string }) {
  const { bump } = useDataVersion();
  return (
    <ActionIcon variant="subtle" color="red" aria-label="Удалить" onClick={(e) => { e.stopPropagation(); void REMOVE[kind](id).then(bump, notifyError); }}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

export function GroupsTab() {
  const groups = useCall('municipality.groups.list', {});
  const curators = useCall('municipality.curators.list', {});
  const coord = useCall('municipality.coordination.list', {});
  const [edit, setEdit] = useState<{ kind: Kind; value: Record<string, unknown> } | null>(null);
  const [members, setMembers] = useState<PartnerGroupView | null>(null);
  const err = groups.error ?? curators.error ?? coord.error;
  if (err) return <Alert color="red">{err}</Alert>;
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="xs"><Title order={4}>Партнёрские группы</Title><Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEdit({ kind: 'groups', value: { number: (groups.value?.length ?? 0) + 1 } })}>Добавить группу</Button></Group>
        <Text size="xs" c="dimmed" mb="xs">Школы группы и её ресурсные центры выбираются кнопкой «Школы группы…» (или по одной в реестре).</Text>
        <Table withTableBorder fz="sm">
          <Table.Thead><Table.Tr><Table.Th>№ группы</Table.Th><Table.Th>Образовательные организации</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(groups.value ?? []).map((g) => (
              <Table.Tr key={g.id} className="row-click" onClick={() => setEdit({ kind: 'groups', value: g })}>
                <Table.Td>{String(g.title || `${g.number} группа`)}{g.territory ? <Text size="xs" c="dimmed">{String(g.territory)}</Text> : null}</Table.Td>
                <Table.Td>{g.schools.map((s) => <div key={s.id}>{s.name}{s.is_resource_centre ? ' — ресурсный центр' : ''}</div>)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={(e) => { e.stopPropagation(); setMembers(g); }} data-testid="group-schools-open">Школы группы…</Button>
                    <Remove kind="groups" id={g.id} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs"><Title order={4}>Кураторы</Title><Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEdit({ kind: 'curators', value: {} })}>Добавить куратора</Button></Group>
        <Table withTableBorder fz="sm">
          <Table.Thead><Table.Tr><Table.Th>Куратор</Table.Th><Table.Th>Должность, организация</Table.Th><Table.Th>Школ</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(curators.value ?? []).map((c) => (
              <Table.Tr key={c.id} className="row-click" onClick={() => setEdit({ kind: 'curators', value: c })}>
                <Table.Td>{String(c.full_name || c.organisation)}</Table.Td><Table.Td>{[c.position, c.full_name ? c.organisation : ''].filter(Boolean).join(', ')}</Table.Td><Table.Td>{c.schools}</Table.Td><Table.Td><Remove kind="curators" id={c.id} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs"><Title order={4}>Муниципальная координационная группа</Title><Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEdit({ kind: 'coordination', value: { role: 'member' } })}>Добавить</Button></Group>
        <Table withTableBorder fz="sm">
          <Table.Tbody>
            {(coord.value ?? []).map((m) => (
              <Table.Tr key={m.id} className="row-click" onClick={() => setEdit({ kind: 'coordination', value: m })}>
                <Table.Td>{String(m.full_name)}</Table.Td><Table.Td>{[m.position, m.organisation].filter(Boolean).join(', ')}</Table.Td><Table.Td>{coordinationRole.labels[String(m.role)]}</Table.Td><Table.Td><Remove kind="coordination" id={m.id} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Text size="sm" c="dimmed">Реквизиты справок и приказов (наименование, адрес, телефон, ОГРН, кто подписывает) — в разделе «Настройки и копии».</Text>
      {edit && <EditModal kind={edit.kind} value={edit.value} onClose={() => setEdit(null)} />}
      {members && <GroupSchoolsModal group={members} onClose={() => setMembers(null)} />}
    </Stack>
  );
}
