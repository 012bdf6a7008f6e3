/** Groups of people (рабочая группа, РМО …): of one meeting in its editor, or all of them in the «Группы» tab. */
import { schoolShortName } from '../../../../../common/school-name';
import { useState } from 'react';
import { Card, Stack, Group, Title, Button, Text, Modal, TextInput, Select, SimpleGrid, Radio, Alert, Table, Badge } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { call, CallError } from '../../../app/api';
import { useCall, useDataVersion } from '../../../app/data';
import { notifyOk } from '../../../app/notify';
import { formatDate } from '../../../../../common/format';
import { listName } from '../../../../../common/person-name';
import { GROUP_KINDS } from '../../../../../common/meeting-labels';
import type { GroupView, CallInput } from '../../../../../preload/contract/index';
import { DateField, NameField, RowsEditor } from '../../../components/DocumentFields';
import { useUndoNotice } from '../../../components/DeleteButton';
import { useConfirm } from '../../../components/ConfirmDialog';

type Save = CallInput<'municipality.workGroups.save'>;
type Member = NonNullable<Save['members']>[number];
const kinds = Object.entries(GROUP_KINDS).map(([value, label]) => ({ value, label }));

function GroupForm({ group, eventId, onClose }: { group: GroupView | null; eventId?: string; onClose: () => void }) {
  const [g, setG] = useState<Save['group']>(() => group
    ? { id: group.id, kind: group.kind, title: group.title, event_id: group.event_id, document_id: group.document_id, date_from: group.date_from, date_to: group.date_to, note: group.note }
    : { kind: 'working', title: '', event_id: eventId ?? null, date_from: null, date_to: null, note: '' });
  const [members, setMembers] = useState<Member[]>(() => (group?.members ?? []).map((m) => ({
    id: m.id, surname: m.surname, first_name: m.first_name, patronymic: m.patronymic, position: m.position, organisation: m.organisation, school_id: m.school_id, role_note: m.role_note, leader: (m.leader ? 1 : 0) as 0 | 1, position_no: m.position_no,
  })));
  const [error, setError] = useState<string | null>(null);
  const { bump } = useDataVersion();
  const undoNotice = useUndoNotice();
  const roster = useCall('municipality.roster.list', {});
  const schools = (roster.value ?? []).map((r) => ({ value: r.id, label: schoolShortName(r.name, r.short_name) }));
  const leader = String(members.findIndex((m) => m.leader));
  const save = async () => {
    try {
      await call('municipality.workGroups.save', { group: g, members: members.map((m, i) => ({ ...m, position_no: i + 1 })) });
      bump();
      notifyOk('Группа сохранена');
      onClose();
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось сохранить.');
    }
  };
  const { confirm, node: question } = useConfirm();
  const remove = () => g.id && confirm({
    title: 'Удалить группу?', text: 'Группа будет удалена вместе со списком её членов. Её можно будет восстановить из «Корзины».', action: 'Удалить группу',
    run: async () => { undoNotice(await call('municipality.workGroups.remove', { id: g.id! })); onClose(); },
  });
  return (
    <>
    <Modal opened onClose={onClose} title={group ? 'Группа' : 'Новая группа'} size="xl">
      <Stack data-testid="group-form">
        {error && <Alert color="red" data-testid="form-error">{error}</Alert>}
        <SimpleGrid cols={2}>
          <Select label="Вид группы" data={kinds} value={g.kind ?? 'working'} allowDeselect={false} onChange={(x) => setG({ ...g, kind: (x ?? 'working') as Save['group']['kind'] })} />
          <TextInput label="Название" withAsterisk value={g.title} onChange={(e) => setG({ ...g, title: e.currentTarget.value })} data-testid="group-title" data-autofocus />
          <DateField label="Действует с" value={g.date_from} onChange={(x) => setG({ ...g, date_from: x })} />
          <DateField label="Действует по" value={g.date_to} onChange={(x) => setG({ ...g, date_to: x })} />
        </SimpleGrid>
        <Radio.Group label="Руководитель группы" value={leader} onChange={(i) => setMembers(members.map((m, k) => ({ ...m, leader: (String(k) === i ? 1 : 0) as 0 | 1 })))}>
          <RowsEditor title="Члены группы" rows={members} onChange={setMembers} addLabel="Добавить члена группы" testId="group-members"
            make={(): Member => ({ surname: '', first_name: '', patronymic: '', position: '', organisation: '', school_id: null, role_note: '', leader: 0 })}
            render={(m, set, i) => (
              <SimpleGrid cols={3} spacing="xs">
                <NameField label="ФИО" required value={m} onChange={(n) => set(n)} />
                <TextInput label="Должность" value={m.position ?? ''} onChange={(e) => set({ position: e.currentTarget.value })} />
                <Select label="Школа из реестра" clearable searchable placeholder="Не из школы" data={schools} value={m.school_id ?? null} onChange={(x) => set({ school_id: x })} />
                <TextInput label="Организация (если не школа)" value={m.organisation ?? ''} onChange={(e) => set({ organisation: e.currentTarget.value })} />
                <TextInput label="Роль в группе" value={m.role_note ?? ''} onChange={(e) => set({ role_note: e.currentTarget.value })} />
                <Radio mt={30} value={String(i)} label="Руководитель" />
              </SimpleGrid>
            )} />
        </Radio.Group>
        <Group justify="space-between" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingBlock: 8 }}>
          {group ? <Button color="red" variant="subtle" onClick={remove}>Удалить группу</Button> : <span />}
          <Group><Button variant="default" onClick={onClose}>Отмена</Button><Button onClick={() => void save()} data-testid="group-save">Сохранить</Button></Group>
        </Group>
      </Stack>
    </Modal>
    {question}
    </>
  );
}

export function GroupsPanel({ eventId }: { eventId?: string }) {
  const list = useCall('municipality.workGroups.list', eventId ? { eventId } : {});
  const [edit, setEdit] = useState<GroupView | 'new' | null>(null);
  return (
    <Card withBorder data-testid="groups-panel">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{eventId ? 'Группы, созданные на мероприятии' : 'Рабочие группы, РМО и другие группы'}</Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEdit('new')} data-testid="group-add">Создать группу</Button>
        </Group>
        {list.value && list.value.length === 0 && <Text size="sm" c="dimmed">Групп пока нет. Создайте рабочую группу и внесите её членов.</Text>}
        {(list.value ?? []).length > 0 && (
          <Table fz="sm" withTableBorder>
            <Table.Tbody>
              {(list.value ?? []).map((g) => {
                const head = g.members.find((m) => m.leader);
                return (
                  <Table.Tr key={g.id} className="row-click" onClick={() => setEdit(g)} data-testid="group-row">
                    <Table.Td><Text size="sm" fw={500}>{g.title}</Text><Text size="xs" c="dimmed">{GROUP_KINDS[g.kind]}{g.event_topic && !eventId ? ` · создана на мероприятии «${g.event_topic}»` : ''}</Text></Table.Td>
                    <Table.Td>{head ? `Руководитель: ${listName({ surname: head.surname, name: head.first_name, patronymic: head.patronymic })}` : <Badge color="orange" variant="light" tt="none">Руководитель не назначен</Badge>}</Table.Td>
                    <Table.Td>{g.members.length} чел.</Table.Td>
                    <Table.Td>{g.date_from || g.date_to ? `${g.date_from ? `с ${formatDate(g.date_from)}` : ''} ${g.date_to ? `по ${formatDate(g.date_to)}` : ''}` : ''}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {edit && <GroupForm group={edit === 'new' ? null : edit} eventId={eventId} onClose={() => setEdit(null)} />}
    </Card>
  );
}
