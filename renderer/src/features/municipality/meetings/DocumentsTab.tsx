/**
 * The register of the municipality's outgoing documents (справка, приказ, письмо, протокол) with their
 * requisites, and the editor in which a document is prepared, checked and printed. A document with a number
 * and a date prints the same every time (the snapshot of its first printing) until «Обновить по данным».
 */
import { useState } from 'react';
import { Card, Stack, Group, Title, Button, Text, Modal, TextInput, Select, SimpleGrid, Checkbox, Alert, Table, Badge, Switch, Tabs } from '@mantine/core';
import { IconPrinter, IconPlus, IconFileText } from '@tabler/icons-react';
import { call, CallError } from '../../../app/api';
import { useCall, useDataVersion } from '../../../app/data';
import { notifyOk, notifyError } from '../../../app/notify';
import { downloadFile } from '../../../components/files';
import { formatDate } from '../../../../../common/format';
import { DOCUMENT_KINDS, ORGANISER_BODIES, MEETING_SECTIONS } from '../../../../../common/meeting-labels';
import type { CallInput, DocumentListRow } from '../../../../../preload/contract/index';
import { DateField, NameField } from '../../../components/DocumentFields';
import { RoadmapDocFields } from './RoadmapDocFields';
import { GrowingTextarea } from '../../../components/GrowingTextarea';

type Save = CallInput<'municipality.documents.save'>;
type Doc = Save['document'];
type Section = keyof typeof MEETING_SECTIONS;
const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const EDITABLE = ['kind', 'issuer', 'number', 'place', 'title', 'addressees', 'signer_surname', 'signer_first_name', 'signer_patronymic', 'signer_position',
  'executor_surname', 'executor_first_name', 'executor_patronymic', 'executor_phone', 'reply_number', 'attachments', 'agreed', 'preamble', 'points', 'closing', 'period_text', 'agenda_lead'] as const;

/** A document of the register (by id), or a new one that enters the register only when saved. */
type Opened = { id: string } | { kind: NonNullable<Doc['kind']>; eventId?: string; approvesId?: string; roadmap?: boolean };

export function DocumentEditor({ open: first, onClose }: { open: Opened; onClose: () => void }) {
  // «Приказ об утверждении» turns this editor to the new приказ, unsaved like any new document; keyed, so the
  // приказ is never shown with the fields loaded for the справка.
  const [open, setOpen] = useState<Opened>(first);
  return <LoadedEditor key={JSON.stringify(open)} open={open} onClose={onClose} onOpen={setOpen} />;
}

function LoadedEditor({ open, onClose, onOpen }: { open: Opened; onClose: () => void; onOpen: (o: Opened) => void }) {
  const card = useCall('municipality.documents.get', 'id' in open ? { id: open.id } : null);
  const blank = useCall('municipality.documents.blank', 'id' in open ? null : open);
  const got = 'id' in open ? card : blank;
  if (!got.value) return got.error ? <Modal opened onClose={onClose} title="Документ"><Alert color="red">{got.error}</Alert></Modal> : null;
  const d = got.value.document as Record<string, unknown>;
  const initial: Doc = {
    ...(d.id ? { id: String(d.id) } : {}), ...Object.fromEntries(EDITABLE.map((k) => [k, str(d[k])])),
    doc_date: (d.doc_date as string | null) ?? null, reply_date: (d.reply_date as string | null) ?? null,
    period_from: (d.period_from as string | null) ?? null, period_to: (d.period_to as string | null) ?? null,
    event_id: (d.event_id as string | null) ?? null, roadmap_id: (d.roadmap_id as string | null) ?? null, approves_id: (d.approves_id as string | null) ?? null, short: Number(d.short) ? 1 : 0,
    intro_auto: d.intro_auto === 0 ? 0 : 1, agenda_numbered: d.agenda_numbered === 0 ? 0 : 1, full_names: d.full_names === 1 ? 1 : 0,
  } as Doc;
  return <EditorBody initial={initial} sections={got.value.sections} printed={!!d.snapshot} onClose={onClose} onOpen={onOpen} />;
}

function EditorBody({ initial, sections: initialSections, printed, onClose, onOpen }: { initial: Doc; sections: Section[]; printed: boolean; onClose: () => void; onOpen: (o: Opened) => void }) {
  const [v, setV] = useState<Doc>(initial);
  const [sections, setSections] = useState<Section[]>(initialSections);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const { bump } = useDataVersion();
  const events = useCall('municipality.events.list', {});
  const docs = useCall('municipality.documents.list', {});
  // Functional updates: an answer that arrives after a save (the roadmap's summary) keeps the id the save gave.
  const set = (patch: Partial<Doc>) => { setV((prev) => ({ ...prev, ...patch })); setDirty(true); };
  const t = (k: (typeof EDITABLE)[number], label: string, props: Record<string, unknown> = {}) => <TextInput label={label} value={str(v[k])} onChange={(e) => set({ [k]: e.currentTarget.value })} {...props} />;
  const area = (k: (typeof EDITABLE)[number], label: string, description?: string) => <GrowingTextarea label={label} description={description} minRows={2} value={str(v[k])} onChange={(e) => set({ [k]: e.currentTarget.value })} />;
  /** Saves and returns the document's id: a new one gets its id (and its place in the register) here. */
  const persist = async (): Promise<string> => {
    const saved = await call('municipality.documents.save', { document: v, sections });
    setV((prev) => ({ ...prev, id: saved.document.id }));
    setDirty(false);
    bump();
    return saved.document.id;
  };
  const save = async () => {
    setBusy(true);
    try { await persist(); notifyOk('Документ сохранён'); onClose(); } catch (e) { setError(e instanceof CallError ? e.message : 'Не удалось сохранить.'); } finally { setBusy(false); }
  };
  const print = async (refresh: boolean) => {
    setBusy(true);
    try {
      const id = dirty || !v.id ? await persist() : v.id;
      const saved = await call('municipality.documents.printSave', { id, refresh });
      if (saved.path) setSavedPath(saved.path);
      else downloadFile(await call('municipality.documents.print', { id, refresh }));
      bump();
    } catch (e) { setError(e instanceof CallError ? e.message : 'Не удалось напечатать.'); } finally { setBusy(false); }
  };
  const order = async () => {
    // The справка is saved (the приказ names it); the приказ enters the register only when it is saved itself.
    try { const id = dirty || !v.id ? await persist() : v.id; onOpen({ kind: 'order', approvesId: id }); } catch (e) { notifyError(e); }
  };
  // The app's own question, as every form asks it (RecordForm), never the browser's confirm() — a person can read it.
  const [asking, setAsking] = useState(false);
  const close = () => { if (!dirty) onClose(); else setAsking(true); };
  const spravki = (docs.value ?? []).filter((x) => x.kind === 'spravka' && x.id !== v.id);
  return (
    <>
    <Modal opened onClose={close} title={`${DOCUMENT_KINDS[(v.kind ?? 'spravka') as keyof typeof DOCUMENT_KINDS]}: реквизиты и текст`} size={1040}>
      <Stack data-testid="document-editor">
        {error && <Alert color="red" data-testid="form-error">{error}</Alert>}
        {savedPath && (
          <Alert color="teal" data-testid="document-saved">
            Документ сохранён: {savedPath}
            <Group mt="xs" gap="xs">
              <Button size="xs" onClick={() => void call('files.open', { path: savedPath, reveal: false }).catch(notifyError)}>Открыть</Button>
              <Button size="xs" variant="default" onClick={() => void call('files.open', { path: savedPath, reveal: true }).catch(notifyError)}>Показать в папке</Button>
            </Group>
          </Alert>
        )}
        {printed && <Alert color="blue">Документ уже напечатан с номером и датой: он печатается так же, как в первый раз. Чтобы внести в него изменения данных, нажмите «Обновить и напечатать».</Alert>}
        <Tabs defaultValue="req" keepMounted>
          <Tabs.List>
            <Tabs.Tab value="req">Реквизиты</Tabs.Tab>
            <Tabs.Tab value="text">Текст</Tabs.Tab>
            <Tabs.Tab value="sign">Подпись и согласование</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="req" pt="sm">
            <SimpleGrid cols={3}>
              <Select label="Вид документа" data={opts(DOCUMENT_KINDS)} value={v.kind ?? 'spravka'} allowDeselect={false} onChange={(x) => set({ kind: (x ?? 'spravka') as Doc['kind'] })} />
              <Select label="Кто издаёт" data={opts(ORGANISER_BODIES)} value={v.issuer ?? 'department'} allowDeselect={false} onChange={(x) => set({ issuer: (x ?? 'department') as Doc['issuer'] })} />
              {t('place', 'Место составления')}
              {t('number', 'Регистрационный номер', { placeholder: 'Пусто — строка для номера от руки', 'data-testid': 'document-number' })}
              <DateField label="Дата документа" value={v.doc_date} onChange={(x) => set({ doc_date: x })} testId="document-date" />
              <Text size="xs" c="dimmed" pt={28}>Дата не ставится сама: пустая печатается строкой для заполнения от руки.</Text>
              {t('reply_number', 'В ответ на письмо №')}
              <DateField label="от" value={v.reply_date} onChange={(x) => set({ reply_date: x })} />
            </SimpleGrid>
            <Stack mt="sm" gap="sm">
              <GrowingTextarea label="Заголовок к тексту" withAsterisk value={v.title} onChange={(e) => set({ title: e.currentTarget.value })} data-testid="document-title" />
              {area('addressees', 'Адресат', 'Каждая строка — отдельно: «Руководителям общеобразовательных организаций»')}
              <Group grow align="flex-start">
                <Select label="Мероприятие" clearable searchable data={(events.value ?? []).map((e) => ({ value: e.id, label: `${formatDate(e.date_from)} — ${e.topic.slice(0, 80)}` }))} value={v.event_id ?? null} onChange={(x) => set({ event_id: x })} />
                {v.kind === 'order' && <Select label="Утверждает справку" clearable data={spravki.map((x) => ({ value: x.id, label: `${x.number ? `№ ${x.number} ` : ''}${x.title.slice(0, 80)}` }))} value={v.approves_id ?? null} onChange={(x) => set({ approves_id: x })} />}
              </Group>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="sm">
            <Stack gap="sm">
              {v.kind === 'order' && area('preamble', 'Преамбула («В соответствии с …»)')}
              {v.kind === 'order' && area('points', 'Пункты приказа', 'Каждый пункт с новой строки; номера поставятся сами.')}
              {v.kind === 'spravka' && v.event_id && (
                <Group>
                  <Text size="sm">Разделы справки:</Text>
                  {(Object.keys(MEETING_SECTIONS) as Section[]).map((s) => (
                    <Checkbox key={s} label={MEETING_SECTIONS[s]} checked={sections.includes(s)} onChange={(e) => { setSections(e.currentTarget.checked ? [...sections, s] : sections.filter((x) => x !== s)); setDirty(true); }} />
                  ))}
                  <Switch label="Краткая версия" checked={v.short === 1} onChange={(e) => set({ short: e.currentTarget.checked ? 1 : 0 })} />
                </Group>
              )}
              {v.kind === 'spravka' && v.event_id && (
                <Stack gap={6} data-testid="spravka-wording">
                  <Checkbox label="Начать справку фразой о дате и теме («12 марта 2021 г. состоялась видеоконференция по теме …»)" description="Если ваш текст «Как прошло» уже говорит об этом, фраза не печатается."
                    checked={v.intro_auto !== 0} onChange={(e) => set({ intro_auto: e.currentTarget.checked ? 1 : 0 })} />
                  <SimpleGrid cols={{ base: 1, lg: 2 }}>
                    <TextInput label="Слова перед повесткой" placeholder="Повестка:" description="Например: «Руководители отчитались по показателям:»" value={str(v.agenda_lead)} onChange={(e) => set({ agenda_lead: e.currentTarget.value })} />
                    <Select label="Повестка" data-testid="agenda-style" allowDeselect={false} data={[{ value: '1', label: 'Нумерованный список (1., 2., …)' }, { value: '0', label: 'Список через тире (– …;)' }]}
                      value={v.agenda_numbered === 0 ? '0' : '1'} onChange={(x) => set({ agenda_numbered: x === '0' ? 0 : 1 })} />
                  </SimpleGrid>
                  <Select label="Члены рабочих групп" allowDeselect={false} w={360} data={[{ value: '0', label: 'Фамилия и инициалы (Иванова И.С.)' }, { value: '1', label: 'Полностью (Иванова Ирина Сергеевна)' }]}
                    value={v.full_names === 1 ? '1' : '0'} onChange={(x) => set({ full_names: x === '1' ? 1 : 0 })} />
                </Stack>
              )}
              {v.kind === 'spravka' && v.roadmap_id && !v.event_id && (
                <RoadmapDocFields value={v} set={set} summary={async () => { const id = dirty || !v.id ? await persist() : v.id; return (await call('municipality.documents.roadmapSummary', { id })).text; }} />
              )}
              {area('closing', v.kind === 'order' ? 'Дополнительный текст' : v.roadmap_id ? 'Заключение (ваш текст в конце справки; пока пусто — печатается итог по данным)' : 'Заключение (свободный текст в конце)')}
              {area('attachments', 'Приложения', 'Каждое с новой строки, например: «Список участников на 2 л. в 1 экз.»')}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="sign" pt="sm">
            <SimpleGrid cols={2}>
              {t('signer_position', 'Должность подписывающего')}
              <NameField label="Подписывает" value={{ surname: str(v.signer_surname), first_name: str(v.signer_first_name), patronymic: str(v.signer_patronymic) }}
                onChange={(n) => set({ signer_surname: n.surname, signer_first_name: n.first_name, signer_patronymic: n.patronymic })} testId="document-signer" />
              <NameField label="Исполнитель" value={{ surname: str(v.executor_surname), first_name: str(v.executor_first_name), patronymic: str(v.executor_patronymic) }}
                onChange={(n) => set({ executor_surname: n.surname, executor_first_name: n.first_name, executor_patronymic: n.patronymic })} />
              {t('executor_phone', 'Телефон исполнителя')}
            </SimpleGrid>
            <Stack mt="sm">{area('agreed', 'СОГЛАСОВАНО', 'Каждая строка: должность — ФИО, например «Заместитель начальника — Д.А. Самарин»')}</Stack>
          </Tabs.Panel>
        </Tabs>
        <Group justify="space-between" wrap="nowrap" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingBlock: 8 }}>
          <Group wrap="nowrap" gap="xs">
            <Button leftSection={<IconPrinter size={16} />} variant="light" loading={busy} onClick={() => void print(false)} data-testid="document-print">Напечатать (Word)</Button>
            {printed && <Button variant="subtle" onClick={() => void print(true)} title="Напечатать по сегодняшним данным мероприятия и запомнить этот вариант">Обновить и напечатать</Button>}
            {v.kind === 'spravka' && <Button variant="subtle" onClick={() => void order()} data-testid="document-order">Приказ об утверждении</Button>}
          </Group>
          <Group wrap="nowrap" gap="xs"><Button variant="default" onClick={close}>Закрыть</Button><Button loading={busy} onClick={() => void save()} data-testid="document-save">Сохранить</Button></Group>
        </Group>
      </Stack>
    </Modal>
      <Modal opened={asking} onClose={() => setAsking(false)} closeOnEscape={false} title={<Text fw={600}>Несохранённые изменения</Text>} centered zIndex={400}>
        <Text mb="md">В документе есть несохранённые изменения. Закрыть его без сохранения?</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)}>Продолжить редактирование</Button>
          <Button color="red" onClick={() => { setAsking(false); onClose(); }}>Закрыть без сохранения</Button>
        </Group>
      </Modal>
    </>
  );
}

function Register({ rows, onOpen }: { rows: DocumentListRow[]; onOpen: (id: string) => void }) {
  return (
    <Table fz="sm" withTableBorder striped data-testid="documents-table">
      <Table.Thead><Table.Tr><Table.Th w={110}>Вид</Table.Th><Table.Th w={120}>№</Table.Th><Table.Th w={110}>Дата</Table.Th><Table.Th>Заголовок</Table.Th><Table.Th w={140}>Напечатан</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <Table.Tr key={d.id} className="row-click" onClick={() => onOpen(d.id)} data-testid="document-row">
            <Table.Td>{DOCUMENT_KINDS[d.kind]}</Table.Td>
            <Table.Td>{d.number || <Text span c="dimmed" size="sm">без номера</Text>}</Table.Td>
            <Table.Td>{d.doc_date ? formatDate(d.doc_date) : <Text span c="dimmed" size="sm">без даты</Text>}</Table.Td>
            <Table.Td className="cell-wrap">{d.title}{d.event_topic ? <Text size="xs" c="dimmed">Мероприятие: {d.event_topic}</Text> : null}</Table.Td>
            <Table.Td>{d.printed_at ? formatDate(d.printed_at) : <Badge variant="light" color="gray" tt="none">черновик</Badge>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The documents of one meeting, in its editor, with «Подготовить справку». */
export function EventDocuments({ eventId }: { eventId: string }) {
  const docs = useCall('municipality.documents.list', {});
  const [open, setOpen] = useState<Opened | null>(null);
  const mine = (docs.value ?? []).filter((d) => d.event_id === eventId);
  const draft = () => setOpen({ kind: 'spravka', eventId });
  return (
    <Card withBorder data-testid="event-documents">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>Документы по мероприятию</Title>
          <Button size="xs" leftSection={<IconFileText size={14} />} onClick={() => void draft()} data-testid="event-spravka">Подготовить справку об итогах</Button>
        </Group>
        {mine.length === 0 ? <Text size="sm" c="dimmed">Справка об итогах составится из того, что внесено выше: участники, повестка, выводы, предложения, группы и поручения; файлы мероприятия будут предложены как приложения.</Text> : <Register rows={mine} onOpen={(id) => setOpen({ id })} />}
      </Stack>
      {open && <DocumentEditor open={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

export function DocumentsTab() {
  const docs = useCall('municipality.documents.list', {});
  const [open, setOpen] = useState<Opened | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const create = (k: NonNullable<Doc['kind']>) => setOpen({ kind: k });
  const rows = (docs.value ?? []).filter((d) => !kind || d.kind === kind);
  return (
    <Stack data-testid="documents-tab">
      <Group justify="space-between">
        <Select placeholder="Все виды документов" clearable data={opts(DOCUMENT_KINDS)} value={kind} onChange={setKind} w={240} />
        <Group>
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => create('letter')} data-testid="document-new-letter">Новое письмо</Button>
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => create('order')}>Новый приказ</Button>
        </Group>
      </Group>
      {docs.error && <Alert color="red">{docs.error}</Alert>}
      {docs.value && rows.length === 0 && <Text c="dimmed">Документов пока нет. Справку об итогах мероприятия подготовьте из карточки мероприятия в журнале; приказ об её утверждении — из самой справки.</Text>}
      {rows.length > 0 && <Register rows={rows} onOpen={(id) => setOpen({ id })} />}
      {open && <DocumentEditor open={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
