/**
 * One meeting of the municipality, edited as the справка about it will read: what, when, who took part and who
 * did not, the agenda, numbered conclusions, proposals by addressee — saved whole; then its assignments,
 * working groups and documents, which exist once the meeting is saved.
 */
import { schoolShortName } from '../../../../../common/school-name';
import { useState } from 'react';
import { Stack, Card, Group, Button, Select, TextInput, MultiSelect, SegmentedControl, Checkbox, Title, Text, SimpleGrid, Table, ActionIcon, Alert } from '@mantine/core';
import { IconArrowLeft, IconTrash, IconDeviceFloppy } from '@tabler/icons-react';
import { call, CallError } from '../../../app/api';
import { useCall, useDataVersion } from '../../../app/data';
import { notifyOk } from '../../../app/notify';
import { eventKind, eventLevel, eventFormat } from '../../../../../common/labels';
import { ORGANISER_BODIES, PARTICIPATION, PROPOSAL_ADDRESSEES } from '../../../../../common/meeting-labels';
import type { EventCard, CallInput } from '../../../../../preload/contract/index';
import { DateField, NameField, RowsEditor } from '../../../components/DocumentFields';
import { AssignmentsPanel } from './AssignmentsPanel';
import { GroupsPanel } from './GroupsPanel';
import { EventDocuments } from './DocumentsTab';
import { Attachments } from '../../../components/Attachments';
import { useUndoNotice } from '../../../components/DeleteButton';
import { useConfirm } from '../../../components/ConfirmDialog';
import { GrowingTextarea } from '../../../components/GrowingTextarea';

type Save = CallInput<'municipality.events.save'>;
type Ev = NonNullable<Save['event']>;
type School = NonNullable<Save['schools']>[number];
type Person = NonNullable<Save['persons']>[number];
type Agenda = NonNullable<Save['agenda']>[number];
type Conclusion = { item: NonNullable<Save['conclusions']>[number]['item']; school_ids: string[] };
type Proposal = { item: NonNullable<Save['proposals']>[number]['item']; school_ids: string[] };

/** What the printed справка says when «Адресат» is left empty. */
const ADDRESSEE_HINT: Record<string, string> = {
  all_schools: 'Руководителям общеобразовательных организаций', some_schools: 'Руководителям общеобразовательных организаций: …', centre: 'Например: МБУ ДПО «Методический центр»',
  group: 'Рабочей группе', person: 'Кому именно', other: 'Кому именно', none: '',
};
const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function fromCard(card: EventCard | null): { event: Ev; schools: School[]; persons: Person[]; agenda: Agenda[]; conclusions: Conclusion[]; proposals: Proposal[] } {
  if (!card) return { event: { kind: 'meeting', level: 'municipal', format: 'in_person', organiser_body: 'department', date_from: '', topic: '' }, schools: [], persons: [], agenda: [], conclusions: [], proposals: [] };
  const e = card.event;
  return {
    event: {
      id: e.id, kind: str(e.kind) as Ev['kind'], level: str(e.level) as Ev['level'], format: str(e.format) as Ev['format'], organiser_body: str(e.organiser_body) as Ev['organiser_body'],
      date_from: str(e.date_from), date_to: (e.date_to as string | null) ?? null, organiser: str(e.organiser), topic: str(e.topic), place: str(e.place), summary: str(e.summary),
      roadmap_activity_id: (e.roadmap_activity_id as string | null) ?? null,
    },
    schools: card.schools.map((s) => ({ school_id: s.school_id, status: s.status, note: s.note })),
    persons: card.persons.map((p) => ({ id: p.id, surname: str(p.surname), first_name: str(p.first_name), patronymic: str(p.patronymic), position: str(p.position), organisation: str(p.organisation) })),
    agenda: card.agenda.map((a) => ({ id: a.id, position_no: Number(a.position_no), title: str(a.title), speaker: str(a.speaker), note: str(a.note) })),
    conclusions: card.conclusions.map(({ item, school_ids }) => ({ item: { id: item.id, position_no: Number(item.position_no), text: str(item.text), factors: str(item.factors), deficits: str(item.deficits), all_participants: Number(item.all_participants) as 0 | 1 }, school_ids })),
    proposals: card.proposals.map(({ item, school_ids }) => ({ item: { id: item.id, position_no: Number(item.position_no), text: str(item.text), addressee: str(item.addressee) as Proposal['item']['addressee'], addressee_text: str(item.addressee_text), group_id: (item.group_id as string | null) ?? null }, school_ids })),
  };
}

export function MeetingEditor({ eventId, onBack, onSaved }: { eventId: string | null; onBack: () => void; onSaved: (id: string) => void }) {
  const loaded = useCall('municipality.events.get', eventId ? { id: eventId } : null);
  if (eventId && !loaded.value) return loaded.error ? <Alert color="red">{loaded.error}</Alert> : null;
  return <Editor key={eventId ?? 'new'} card={eventId ? loaded.value : null} onBack={onBack} onSaved={onSaved} />;
}

function Editor({ card, onBack, onSaved }: { card: EventCard | null; onBack: () => void; onSaved: (id: string) => void }) {
  const [v, setV] = useState(() => fromCard(card));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const undoNotice = useUndoNotice();
  const roster = useCall('municipality.roster.list', {});
  const groups = useCall('municipality.workGroups.list', card ? { eventId: card.event.id } : {});
  const roadmap = useCall('municipality.roadmap.get', {});
  const schoolName = new Map((roster.value ?? []).map((r) => [r.id, schoolShortName(r.name, r.short_name)]));
  const schoolOptions = (roster.value ?? []).map((r) => ({ value: r.id, label: schoolShortName(r.name, r.short_name) }));
  const participantOptions = v.schools.map((s) => ({ value: s.school_id, label: schoolName.get(s.school_id) ?? 'Школа' }));
  const change = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => { setV((o) => ({ ...o, [k]: x })); setDirty(true); };
  const ev = (patch: Partial<Ev>) => change('event', { ...v.event, ...patch });

  const save = async () => {
    setBusy(true);
    try {
      const saved = await call('municipality.events.save', v);
      setDirty(false);
      setError(null);
      bump();
      notifyOk('Мероприятие сохранено');
      onSaved(saved.event.id);
    } catch (e) {
      setError(e instanceof CallError ? { message: e.message, fields: e.fieldErrors ?? {} } : { message: 'Не удалось сохранить.', fields: {} });
    } finally {
      setBusy(false);
    }
  };
  // The app's own questions (as in the document editor), never the browser's confirm().
  const { confirm, node: question } = useConfirm();
  const back = () => {
    if (!dirty) return onBack();
    confirm({ title: 'Несохранённые изменения', text: 'В мероприятии есть несохранённые изменения. Уйти к журналу без сохранения?', action: 'Уйти без сохранения', run: onBack });
  };
  const remove = () => card && confirm({
    title: 'Удалить мероприятие?', text: 'Мероприятие будет удалено вместе с повесткой, выводами, предложениями, поручениями и файлами. Его можно будет восстановить из «Корзины».', action: 'Удалить мероприятие',
    run: async () => { undoNotice(await call('municipality.events.remove', { id: card.event.id })); onBack(); },
  });
  const field = (path: string) => error?.fields[path] ?? error?.fields[`event.${path}`];

  return (
    <Stack data-testid="meeting-editor" pb={80}>
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={back}>К журналу мероприятий</Button>
        {card && <Button variant="subtle" color="red" onClick={remove}>Удалить мероприятие</Button>}
      </Group>
      {error && <Alert color="red" data-testid="form-error">{error.message}</Alert>}
      <Card withBorder>
        <Title order={4} mb="sm">{card ? 'Мероприятие' : 'Новое мероприятие'}</Title>
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <Select label="Вид" data={eventKind.options} value={v.event.kind ?? 'meeting'} onChange={(x) => ev({ kind: (x ?? 'meeting') as Ev['kind'] })} allowDeselect={false} data-testid="meeting-kind" />
          <Select label="Формат" data={eventFormat.options} value={v.event.format ?? 'in_person'} onChange={(x) => ev({ format: (x ?? 'in_person') as Ev['format'] })} allowDeselect={false} />
          <DateField label="Дата" required value={v.event.date_from || null} onChange={(x) => ev({ date_from: x ?? '' })} testId="meeting-date" />
          <DateField label="Дата окончания (если несколько дней)" value={v.event.date_to} onChange={(x) => ev({ date_to: x })} />
          <Select label="Уровень" data={eventLevel.options} value={v.event.level ?? 'municipal'} onChange={(x) => ev({ level: (x ?? 'municipal') as Ev['level'] })} allowDeselect={false} />
          <Select label="Организует" data={opts(ORGANISER_BODIES)} value={v.event.organiser_body ?? 'department'} onChange={(x) => ev({ organiser_body: (x ?? 'department') as Ev['organiser_body'] })} allowDeselect={false} />
          <TextInput label="Организатор (кто именно)" value={v.event.organiser ?? ''} onChange={(e) => ev({ organiser: e.currentTarget.value })} />
          <TextInput label="Место проведения" value={v.event.place ?? ''} onChange={(e) => ev({ place: e.currentTarget.value })} />
        </SimpleGrid>
        <GrowingTextarea mt="sm" label="Тема" withAsterisk minRows={2} value={v.event.topic} error={field('topic')} onChange={(e) => ev({ topic: e.currentTarget.value })} data-testid="meeting-topic" />
        <Select mt="sm" label="Мероприятие дорожной карты, которое оно выполняет" clearable searchable placeholder={roadmap.value?.activities.length ? 'Не связано' : 'В дорожной карте пока нет мероприятий'}
          data={(roadmap.value?.activities ?? []).map((a) => ({ value: a.id, label: `${a.number ? `${a.number}. ` : ''}${a.title.slice(0, 140)}` }))}
          value={v.event.roadmap_activity_id ?? null} onChange={(x) => ev({ roadmap_activity_id: x })} />
        <GrowingTextarea mt="sm" label="Как прошло (для справки)" description="Несколько предложений о ходе мероприятия: они войдут в справку после сведений о дате и участниках." minRows={2} value={v.event.summary ?? ''} onChange={(e) => ev({ summary: e.currentTarget.value })} />
      </Card>

      <Card withBorder data-testid="meeting-schools">
        <Group justify="space-between" mb="xs">
          <Title order={5}>Школы-участники <Text span c="dimmed" size="sm">({v.schools.length})</Text></Title>
          <Group gap="xs">
            <MultiSelect w={360} placeholder="Добавить школы из реестра" searchable data={schoolOptions.filter((o) => !v.schools.some((s) => s.school_id === o.value))} value={[]}
              onChange={(ids) => change('schools', [...v.schools, ...ids.map((school_id) => ({ school_id, status: 'present' as const, note: '' }))])} data-testid="meeting-add-schools" />
            <Button size="xs" variant="light" onClick={() => change('schools', [...v.schools, ...schoolOptions.filter((o) => !v.schools.some((s) => s.school_id === o.value)).map((o) => ({ school_id: o.value, status: 'present' as const, note: '' }))])}>Все школы реестра</Button>
          </Group>
        </Group>
        {v.schools.length === 0 ? <Text size="sm" c="dimmed">Добавьте школы, которые приглашены: мероприятие, его повестка и выводы уйдут им со следующим файлом обмена.</Text> : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {v.schools.map((s, i) => (
                <Table.Tr key={s.school_id} data-testid="meeting-school-row">
                  <Table.Td>{schoolName.get(s.school_id) ?? 'Школа'}</Table.Td>
                  <Table.Td w={360}><SegmentedControl size="xs" data={opts(PARTICIPATION)} value={s.status ?? 'invited'} onChange={(x) => change('schools', v.schools.map((o, k) => (k === i ? { ...o, status: x as School['status'] } : o)))} /></Table.Td>
                  <Table.Td w={280}><TextInput size="xs" placeholder="Примечание (например, причина отсутствия)" value={s.note ?? ''} onChange={(e) => { const note = e.currentTarget.value; change('schools', v.schools.map((o, k) => (k === i ? { ...o, note } : o))); }} /></Table.Td>
                  <Table.Td w={40}><ActionIcon variant="subtle" color="red" aria-label="Убрать школу" onClick={() => change('schools', v.schools.filter((_, k) => k !== i))}><IconTrash size={16} /></ActionIcon></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <RowsEditor title="Другие участники" hint="Приглашённые не из школ: специалисты, представители методического центра…" rows={v.persons} onChange={(r) => change('persons', r)} addLabel="Добавить участника" testId="meeting-persons"
        make={() => ({ surname: '', first_name: '', patronymic: '', position: '', organisation: '' })}
        render={(p, set) => (
          <SimpleGrid cols={3}>
            <NameField label="ФИО" required value={p} onChange={(n) => set(n)} />
            <TextInput label="Должность" value={p.position ?? ''} onChange={(e) => set({ position: e.currentTarget.value })} />
            <TextInput label="Организация" value={p.organisation ?? ''} onChange={(e) => set({ organisation: e.currentTarget.value })} />
          </SimpleGrid>
        )} />

      <RowsEditor title="Повестка" hint="Вопросы, которые рассматривались (например, показатели, по которым отчитывались руководители)." rows={v.agenda} onChange={(r) => change('agenda', r.map((x, i) => ({ ...x, position_no: i + 1 })))} addLabel="Добавить вопрос" testId="meeting-agenda"
        make={() => ({ title: '', speaker: '', note: '' })}
        render={(a, set) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <GrowingTextarea label="Вопрос" withAsterisk value={a.title} onChange={(e) => set({ title: e.currentTarget.value })} />
            <TextInput label="Докладчик" value={a.speaker ?? ''} onChange={(e) => set({ speaker: e.currentTarget.value })} />
          </SimpleGrid>
        )} />

      <RowsEditor title="Выводы" rows={v.conclusions} onChange={(r) => change('conclusions', r.map((x, i) => ({ ...x, item: { ...x.item, position_no: i + 1 } })))} addLabel="Добавить вывод" testId="meeting-conclusions"
        make={(): Conclusion => ({ item: { text: '', factors: '', deficits: '', all_participants: 1 }, school_ids: [] })}
        render={(c, set) => (
          <>
            <GrowingTextarea label="Вывод" withAsterisk value={c.item.text} onChange={(e) => set({ item: { ...c.item, text: e.currentTarget.value } })} />
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <GrowingTextarea label="Факторы риска" value={c.item.factors ?? ''} onChange={(e) => set({ item: { ...c.item, factors: e.currentTarget.value } })} />
              <GrowingTextarea label="Управленческие и профессиональные дефициты" value={c.item.deficits ?? ''} onChange={(e) => set({ item: { ...c.item, deficits: e.currentTarget.value } })} />
            </SimpleGrid>
            <Group align="center">
              <Checkbox label="Касается всех участников" checked={(c.item.all_participants ?? 1) === 1} onChange={(e) => set({ item: { ...c.item, all_participants: (e.currentTarget.checked ? 1 : 0) as 0 | 1 } })} />
              {(c.item.all_participants ?? 1) === 0 && <MultiSelect miw={360} placeholder="Каких школ касается" data={participantOptions} value={c.school_ids} onChange={(ids) => set({ school_ids: ids })} searchable />}
            </Group>
          </>
        )} />

      <RowsEditor title="Предложения" rows={v.proposals} onChange={(r) => change('proposals', r.map((x, i) => ({ ...x, item: { ...x.item, position_no: i + 1 } })))} addLabel="Добавить предложение" testId="meeting-proposals"
        make={(): Proposal => ({ item: { text: '', addressee: 'all_schools', addressee_text: '', group_id: null }, school_ids: [] })}
        render={(p, set) => (
          <>
            <Group grow align="flex-start">
              <Select label="Кому" data={opts(PROPOSAL_ADDRESSEES)} value={p.item.addressee ?? 'all_schools'} allowDeselect={false} onChange={(x) => set({ item: { ...p.item, addressee: (x ?? 'all_schools') as Proposal['item']['addressee'] } })} />
              {p.item.addressee === 'some_schools' && <MultiSelect label="Школы" data={schoolOptions} value={p.school_ids} onChange={(ids) => set({ school_ids: ids })} searchable />}
              {p.item.addressee === 'group' && <Select label="Группа" placeholder={groups.value?.length ? 'Выберите группу' : 'Сначала создайте группу ниже'} data={(groups.value ?? []).map((g) => ({ value: g.id, label: g.title }))} value={p.item.group_id ?? null} onChange={(x) => set({ item: { ...p.item, group_id: x } })} />}
              {p.item.addressee !== 'none' && <TextInput label={p.item.addressee === 'all_schools' ? 'Как написать в справке' : 'Адресат (кто именно)'} placeholder={ADDRESSEE_HINT[p.item.addressee ?? 'all_schools']} value={p.item.addressee_text ?? ''} onChange={(e) => set({ item: { ...p.item, addressee_text: e.currentTarget.value } })} />}
            </Group>
            <GrowingTextarea label="Предложение" description="Каждая строка — отдельный пункт под одним «Кому»." withAsterisk value={p.item.text} onChange={(e) => set({ item: { ...p.item, text: e.currentTarget.value } })} />
          </>
        )} />

      <Card withBorder className="sticky-footer" p="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
        <Group justify="space-between">
          <Text size="sm" c={dirty ? 'orange' : 'dimmed'}>{dirty ? 'Есть несохранённые изменения' : card ? 'Все изменения сохранены' : 'Заполните дату и тему и сохраните: затем можно добавить поручения, рабочие группы и справку.'}</Text>
          <Group><Button variant="default" onClick={back}>Отмена</Button><Button leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={() => void save()} data-testid="meeting-save">Сохранить мероприятие</Button></Group>
        </Group>
      </Card>

      {card && (
        <>
          <AssignmentsPanel eventId={card.event.id} participants={v.schools.filter((s) => s.status === 'present').map((s) => s.school_id)} proposals={card.proposals.map((p) => ({ id: p.item.id, text: str(p.item.text) }))} />
          <GroupsPanel eventId={card.event.id} />
          <Card withBorder data-testid="meeting-files">
            <Attachments eventId={card.event.id} order={5} note="Файлы остаются в управлении образования и в школы не передаются." />
          </Card>
          <EventDocuments eventId={card.event.id} />
        </>
      )}
      {question}
    </Stack>
  );
}
