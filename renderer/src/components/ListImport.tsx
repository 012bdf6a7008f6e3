/**
 * «Загрузить список сотрудников / обучающихся»: an Excel or CSV file, its columns matched to fields (guessed
 * from the header words, or as the last time), every row checked — new, changed, a repeat, an error by line —
 * and saved in one go. The mapping is remembered for next year's file.
 */
import { useState } from 'react';
import { Button, Modal, Stack, Text, Table, Select, Badge, Group, ScrollArea, SimpleGrid } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { call } from '../app/api';
import { useDataVersion } from '../app/data';
import { notifyError, notifyOk } from '../app/notify';
import { readAsBase64 } from './files';
import { PickFile } from './PickFile';
import { formatDate } from '../../../common/format';
import type { ListPreview, ListKind, ListField } from '../../../preload/contract/index';

const FIELD: Record<ListField, string> = {
  full_name: 'ФИО полностью', last_name: 'Фамилия', first_name: 'Имя', middle_name: 'Отчество', position: 'Должность', subjects: 'Предметы',
  category: 'Категория', education: 'Образование', experience_years: 'Стаж, лет', birth_date: 'Дата рождения', class_name: 'Класс', sex: 'Пол (не хранится)', hired_on: 'Дата приёма',
};
const FIELDS_OF: Record<ListKind, ListField[]> = {
  staff: ['full_name', 'last_name', 'first_name', 'middle_name', 'position', 'subjects', 'category', 'education', 'experience_years', 'hired_on'],
  pupils: ['full_name', 'last_name', 'first_name', 'middle_name', 'birth_date', 'class_name', 'sex'],
};
const CHANGE = { new: ['новый', 'teal'], changed: ['обновится', 'orange'], same: ['уже есть', 'gray'], duplicate: ['повтор', 'yellow'], error: ['ошибка', 'red'] } as const;
const SHOWN: Record<ListKind, [string, string][]> = {
  staff: [['full_name', 'ФИО'], ['position', 'Должность'], ['subjects', 'Предметы'], ['category', 'Категория'], ['experience_years', 'Стаж']],
  pupils: [['full_name', 'ФИО'], ['birth_date', 'Дата рождения'], ['class_name', 'Класс']],
};

export function ListImportButton({ kind }: { kind: ListKind }) {
  const [file, setFile] = useState<{ name: string; base64: string; preview: ListPreview } | null>(null);
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const title = kind === 'staff' ? 'Загрузить список сотрудников' : 'Загрузить список обучающихся';
  // Saving waits for the preview of the columns as last chosen: the mapping saved is the one the preview shows,
  // and a click on «Сохранить» right after changing a column would otherwise save the previous choice.
  const [previewing, setPreviewing] = useState(false);
  const preview = async (name: string, base64: string, mapping?: (ListField | null)[]) => {
    setPreviewing(true);
    try {
      setFile({ name, base64, preview: await call('onboarding.listPreview', { fileName: name, dataBase64: base64, kind, ...(mapping ? { mapping } : {}) }) });
    } catch (e) {
      notifyError(e);
    } finally {
      setPreviewing(false);
    }
  };
  const pick = async (f: File | null) => { if (f) await preview(f.name, await readAsBase64(f)); };
  const mapping = file?.preview.columns.map((c) => c.field) ?? [];
  const save = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('onboarding.listApply', { fileName: file.name, dataBase64: file.base64, kind, mapping });
      notifyOk(`Список загружен: новых ${r.created}, обновлено ${r.updated}, без изменений ${r.unchanged}, пропущено ${r.skipped}.`);
      setFile(null);
      bump();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const p = file?.preview;
  return (
    <>
      <PickFile onChange={(f) => void pick(f)} accept=".xlsx,.xls,.csv,.txt">
        {(props) => <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} {...props} data-testid={`list-import-${kind}`}>{title}…</Button>}
      </PickFile>
      {p && file && (
        <Modal opened onClose={() => setFile(null)} title={`${title}: проверьте столбцы и строки`} size="80%" data-testid="list-import-preview">
          <Stack>
            <Text size="sm">{p.remembered ? 'Столбцы сопоставлены так же, как в прошлый раз.' : 'Столбцы сопоставлены по словам заголовка — проверьте и исправьте, если нужно. Выбор запомнится для следующего файла.'}</Text>
            <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs">
              {p.columns.map((c) => (
                <Select key={c.index} size="xs" label={`«${c.header}»`} data={[{ value: '', label: 'Не загружать' }, ...FIELDS_OF[kind].map((f) => ({ value: f, label: FIELD[f] }))]}
                  value={c.field ?? ''} allowDeselect={false} data-testid={`list-column-${c.index}`}
                  onChange={(v) => void preview(file.name, file.base64, mapping.map((m, i) => (i === c.index ? ((v || null) as ListField | null) : m)))} />
              ))}
            </SimpleGrid>
            <Text size="sm">Новых: {p.totals.new}, обновится: {p.totals.changed}, уже есть: {p.totals.same}, повторов: {p.totals.duplicate}, с ошибками: {p.totals.error} (повторы и строки с ошибками не загружаются).</Text>
            <ScrollArea.Autosize mah="45vh">
              <Table fz="xs" withTableBorder striped data-testid="list-import-rows">
                <Table.Thead><Table.Tr><Table.Th>Строка</Table.Th>{SHOWN[kind].map(([, h]) => <Table.Th key={h}>{h}</Table.Th>)}<Table.Th>Что будет</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {p.rows.map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      {SHOWN[kind].map(([k]) => <Table.Td key={k}>{k === 'birth_date' ? formatDate(r.values[k] ?? '') : r.values[k] ?? ''}</Table.Td>)}
                      <Table.Td><Badge size="xs" variant="light" color={CHANGE[r.change][1]} tt="none">{CHANGE[r.change][0]}</Badge>{r.note && r.change !== 'same' ? <Text size="xs" c="dimmed">{r.note}</Text> : null}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setFile(null)}>Отмена</Button>
              <Button onClick={() => void save()} loading={busy || previewing} disabled={p.totals.new + p.totals.changed === 0} data-testid="list-import-save">Сохранить</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
