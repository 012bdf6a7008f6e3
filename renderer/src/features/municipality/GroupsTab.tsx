/** Partner groups with their resource centres, curators, the coordination group, and the requisites printed on справки. */
import { useEffect, useState } from 'react';
import { Stack, Card, Title, Group, Button, Table, Modal, TextInput, NumberInput, Select, Text, Alert, SimpleGrid, ActionIcon } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call, checked } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import { coordinationRole } from '../../../../common/roster-labels';
import { contract, type ReportSettings } from '../../../../preload/contract/index';
import { GroupSchoolsModal } from './GroupSchoolsModal';
import type { PartnerGroupView } from '../../../../preload/contract/index';

type Field = { key: string; label: string; kind?: 'number' | 'role'; required?: boolean };
type Kind = 'groups' | 'curators' | 'coordination';
const FORMS: Record<Kind, { title: string; fields: Field[] }> = {
  groups: { title: 'Партнёрская группа', fields: [{ key: 'number', label: 'Номер группы', kind: 'number', required: true }, { key: 'title', label: 'Название' }, { key: 'territory', label: 'Территория' }, { key: 'note', label: 'Примечание' }] },
  curators: { title: 'Куратор', fields: [{ key: 'full_name', label: 'ФИО', required: true }, { key: 'position', label: 'Должность' }, { key: 'organisation', label: 'Организация' }, { key: 'phone', label: 'Телефон' }, { key: 'email', label: 'Эл. почта' }] },
  coordination: { title: 'Член координационной группы', fields: [{ key: 'full_name', label: 'ФИО', required: true }, { key: 'position', label: 'Должность' }, { key: 'organisation', label: 'Организация' }, { key: 'role', label: 'Роль', kind: 'role' }, { key: 'position_no', label: 'Порядок', kind: 'number' }] },
};

/** Each kind through its own call: the values are checked by that call's schema and typed by it. */
const SAVE: Record<Kind, (values: Record<string, unknown>) => Promise<unknown>> = {
  groups: (v) => call('municipality.groups.save', checked(contract['municipality.groups.save'].input, v)),
  curators: (v) => call('municipality.curators.save', checked(contract['municipality.curators.save'].input, v)),
  coordination: (v) => call('municipality.coordination.save', checked(contract['municipality.coordination.save'].input, v)),
};
const REMOVE: Record<Kind, (id: string) => Promise<unknown>> = {
  groups: (id) => call('municipality.groups.remove', { id }),
  curators: (id) => call('municipality.curators.remove', { id }),
  coordination: (id) => call('municipality.coordination.remove', { id }),
};

function EditModal({ kind, value, onClose }: { kind: Kind; value: Record<string, unknown>; onClose: () => void }) {
  const [v, setV] = useState<Record<string, unknown>>(value);
  const { bump } = useDataVersion();
  const spec = FORMS[kind];
  const save = async () => {
    try {
      const clean: Record<string, unknown> = {};
      for (const f of spec.fields) clean[f.key] = v[f.key] ?? (f.kind === 'number' ? 0 : f.kind === 'role' ? 'member' : '');
      if (v.id) clean.id = v.id;
      await SAVE[kind](clean);
      notifyOk('Сохранено');
      bump();
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title={spec.title}>
      <Stack>
        {spec.fields.map((f) => f.kind === 'number'
          ? <NumberInput key={f.key} label={f.label} withAsterisk={f.required} value={(v[f.key] as number | undefined) ?? ''} onChange={(x) => setV({ ...v, [f.key]: typeof x === 'number' ? x : null })} />
          : f.kind === 'role'
            ? <Select key={f.key} label={f.label} data={coordinationRole.codes.map((c) => ({ value: c, label: coordinationRole.labels[c]! }))} value={(v[f.key] as string) ?? 'member'} onChange={(x) => setV({ ...v, [f.key]: x ?? 'member' })} />
            : <TextInput key={f.key} label={f.label} withAsterisk={f.required} value={String(v[f.key] ?? '')} onChange={(e) => setV({ ...v, [f.key]: e.currentTarget.value })} />)}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Отмена</Button><Button onClick={() => void save()}>Сохранить</Button></Group>
      </Stack>
    </Modal>
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

function Requisites() {
  const { value } = useCall('municipality.reportSettings.get', {});
  const [v, setV] = useState<ReportSettings | null>(null);
  useEffect(() => { if (value) setV(value); }, [value]);
  if (!v) return null;
  const f = (k: keyof ReportSettings, label: string) => <TextInput label={label} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.currentTarget.value })} />;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">Реквизиты справок</Title>
      <SimpleGrid cols={2}>
        {f('parent', 'Вышестоящая организация')}{f('organisation', 'Наименование органа управления образованием')}
        {f('place', 'Место составления (например, г. Ирбит)')}{f('headPosition', 'Должность подписывающего')}
        {f('headName', 'ФИО подписывающего')}{f('executor', 'Исполнитель (ФИО, телефон)')}
      </SimpleGrid>
      <Group mt="sm"><Button onClick={() => void call('municipality.reportSettings.save', v).then(() => notifyOk('Реквизиты сохранены'), notifyError)}>Сохранить реквизиты</Button></Group>
    </Card>
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
          <Table.Thead><Table.Tr><Table.Th>ФИО</Table.Th><Table.Th>Должность, организация</Table.Th><Table.Th>Школ</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(curators.value ?? []).map((c) => (
              <Table.Tr key={c.id} className="row-click" onClick={() => setEdit({ kind: 'curators', value: c })}>
                <Table.Td>{String(c.full_name)}</Table.Td><Table.Td>{[c.position, c.organisation].filter(Boolean).join(', ')}</Table.Td><Table.Td>{c.schools}</Table.Td><Table.Td><Remove kind="curators" id={c.id} /></Table.Td>
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
      <Requisites />
      {edit && <EditModal kind={edit.kind} value={edit.value} onClose={() => setEdit(null)} />}
      {members && <GroupSchoolsModal group={members} onClose={() => setMembers(null)} />}
    </Stack>
  );
}
