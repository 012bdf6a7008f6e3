/**
 * «Загрузить программу из Word»: the document read in main, shown block by block — what was found, where it
 * goes, what it changes — with a choice per block (take, skip, put into another section). Nothing is saved
 * until «Сохранить»; then the same file is imported with those choices, all or nothing.
 */
import { useState } from 'react';
import { Button, Modal, Stack, Text, Table, Select, Badge, Group, Alert, ScrollArea } from '@mantine/core';
import { IconFileWord } from '@tabler/icons-react';
import { call } from '../app/api';
import { useDataVersion } from '../app/data';
import { notifyError, notifyOk } from '../app/notify';
import { readAsBase64 } from './files';
import { PickFile } from './PickFile';
import type { ProgrammePreview, BlockChoice, ImportSection } from '../../../preload/contract/index';

const SECTION: Record<ImportSection, string> = {
  task: 'Задачи', problem: 'Проблемы и причины', direction: 'Направления', activity: 'Мероприятия', indicator: 'Показатели', local_act: 'Локальные акты', unknown: 'Не распознано',
};
const CHANGE = { new: ['новое', 'teal'], changed: ['изменится', 'orange'], same: ['без изменений', 'gray'] } as const;

export function ProgrammeImportButton({ onDone }: { onDone?: (programmeId: string) => void }) {
  const [file, setFile] = useState<{ name: string; base64: string; preview: ProgrammePreview } | null>(null);
  const [choices, setChoices] = useState<Record<string, BlockChoice>>({});
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const pick = async (f: File | null) => {
    if (!f) return;
    try {
      const base64 = await readAsBase64(f);
      setChoices({});
      setFile({ name: f.name, base64, preview: await call('onboarding.programmePreview', { fileName: f.name, dataBase64: base64 }) });
    } catch (e) {
      notifyError(e);
    }
  };
  const save = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('onboarding.programmeApply', { fileName: file.name, dataBase64: file.base64, choices });
      notifyOk(`Программа загружена: новых записей ${r.created}, обновлено ${r.updated}, без изменений ${r.unchanged}.`);
      setFile(null);
      bump();
      onDone?.(r.programmeId);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const options = [{ value: 'take', label: 'Взять как есть' }, { value: 'skip', label: 'Не загружать' },
    ...(Object.keys(SECTION) as ImportSection[]).filter((s) => s !== 'unknown').map((s) => ({ value: s, label: `Перенести в «${SECTION[s]}»` }))];
  const p = file?.preview;
  return (
    <>
      <PickFile onChange={(f) => void pick(f)} accept=".docx">
        {(props) => <Button variant="default" leftSection={<IconFileWord size={16} />} {...props} data-testid="programme-import">Загрузить программу из Word (.docx)</Button>}
      </PickFile>
      {p && (
        <Modal opened onClose={() => setFile(null)} title="Загрузка программы: проверьте, что куда попадёт" size="85%" data-testid="programme-import-preview">
          <Stack>
            <Text fw={600}>{p.head.title} ({p.head.year_from}–{p.head.year_to})</Text>
            <Text size="sm">{p.head.existingId ? 'Такая программа уже есть — записи будут обновлены, новые добавлены, ничего не удвоится.' : 'Будет создана новая программа.'}
              {' '}Новых записей: {p.totals.new}, изменится: {p.totals.changed}, без изменений: {p.totals.same}.</Text>
            {p.head.approval_number || p.head.approval_date ? <Text size="sm">Приказ: № {p.head.approval_number ?? '—'} от {p.head.approval_date?.split('-').reverse().join('.') ?? '—'}</Text> : null}
            {p.head.goal && <Text size="sm"><b>Цель:</b> {p.head.goal}</Text>}
            {p.head.notes.map((n) => <Alert key={n} color="yellow" p="xs">{n}</Alert>)}
            <ScrollArea.Autosize mah="55vh">
              <Stack>
                {p.blocks.map((b) => {
                  const choice = choices[b.id] ?? (b.section === 'unknown' ? 'skip' : 'take');
                  return (
                    <Stack key={b.id} gap={4} data-testid={`import-block-${b.id}`}>
                      <Group justify="space-between" wrap="nowrap">
                        <Text fw={600} size="sm">{b.section === 'unknown' ? 'Не распознано' : SECTION[b.section]} — {b.where} ({b.rows.length})</Text>
                        <Select size="xs" w={280} aria-label={`Что сделать: ${b.where}`} data={b.section === 'unknown' ? options.filter((o) => o.value !== 'take') : options}
                          value={choice} onChange={(v) => v && setChoices({ ...choices, [b.id]: v as BlockChoice })} allowDeselect={false} data-testid={`import-choice-${b.id}`} />
                      </Group>
                      <Table fz="xs" withTableBorder striped>
                        <Table.Tbody>
                          {b.rows.map((r, i) => (
                            <Table.Tr key={i} style={{ opacity: choice === 'skip' ? 0.5 : 1 }}>
                              <Table.Td w={50}>{r.number ?? ''}</Table.Td>
                              <Table.Td>{b.section === 'unknown' ? r.source : r.text}{r.was ? <Text size="xs" c="dimmed">Было: {r.was}</Text> : null}{r.note ? <Text size="xs" c="dimmed">{r.note}</Text> : null}</Table.Td>
                              <Table.Td w={220}>{[r.fields.timing_text, r.fields.responsible].filter(Boolean).join(' · ')}</Table.Td>
                              <Table.Td w={120}>{b.section !== 'unknown' && <Badge size="xs" variant="light" color={CHANGE[r.change][1]} tt="none">{CHANGE[r.change][0]}</Badge>}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Stack>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setFile(null)}>Отмена</Button>
              <Button onClick={() => void save()} loading={busy} data-testid="programme-import-save">Сохранить программу</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
