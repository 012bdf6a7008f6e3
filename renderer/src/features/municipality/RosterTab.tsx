/**
 * The roster with its classification (seed 004), editable, exported to and imported from Excel. The import
 * shows what will change and every error with its row and column before anything is written; it applies all
 * rows or none.
 */
import { useState } from 'react';
import { Table, Group, Button, Modal, Stack, Text, Alert, Badge, Loader } from '@mantine/core';
import { IconUpload, IconDownload, IconPlus } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call } from '../../app/api';
import { FormModal, RecordForm, emptyValues, rowToValues, type FieldSpec, type Values } from '../../components/RecordForm';
import { notifyError, notifyOk } from '../../app/notify';
import { count } from '../../../../common/format';
import { levelOptions, groupText, levelShort } from '../../../../common/roster-labels';
import { contract, type RosterRow, type RosterImportPreview, type Row } from '../../../../preload/contract/index';
import { downloadFile, readAsBase64 } from '../../components/files';
import { PickFile } from '../../components/PickFile';
import { Term } from '../../components/Term';

type Edit = Partial<RosterRow> & { name: string };
const STATUS: Record<string, string> = { listed: 'в реестре', invited: 'приглашена', enrolled: 'подключена', blocked: 'заблокирована' };

const rosterSave = contract['municipality.roster.save'].input;

function rosterFields(groups: { value: string; label: string }[], curators: { value: string; label: string }[]): FieldSpec[] {
  return [
    { name: 'name', label: 'Наименование ОО', kind: 'text', required: true, span: 2 },
    { name: 'short_name', label: 'Краткое наименование', kind: 'text' },
    { name: 'cluster', label: 'Кластер', kind: 'number', min: 0, max: 100 },
    { name: 'quality_group', label: 'Группа качества', kind: 'number', min: 0, max: 100 },
    { name: 'quality_level', label: 'Уровень по ГК', kind: 'select', options: levelOptions, required: true },
    { name: 'social_group', label: 'Группа по ИСБШ', kind: 'number', min: 0, max: 100 },
    { name: 'social_level', label: 'Уровень по ГИСБШ', kind: 'select', options: levelOptions, required: true },
    { name: 'is_nor', label: 'НОР', kind: 'checkbox' }, { name: 'is_nsu', label: 'НСУ', kind: 'checkbox' },
    { name: 'is_pilot', label: 'Пилотная площадка', kind: 'checkbox' }, { name: 'is_resource_centre', label: 'Ресурсный центр группы', kind: 'checkbox' },
    { name: 'base_site', label: 'Базовая площадка', kind: 'text', span: 2 },
    { name: 'partner_group_id', label: 'Партнёрская группа', kind: 'select', options: groups, clearable: true },
    { name: 'curator_id', label: 'Куратор', kind: 'select', options: curators, clearable: true },
    { name: 'roster_note', label: 'Примечание', kind: 'textarea' },
  ];
}

function RosterForm({ value, onClose }: { value: Edit; onClose: () => void }) {
  const groups = useCall('municipality.groups.list', {});
  const curators = useCall('municipality.curators.list', {});
  if (!groups.value || !curators.value) return null;
  const fields = rosterFields(
    groups.value.map((g) => ({ value: g.id, label: `${g.number} группа` })),
    curators.value.map((c) => ({ value: c.id, label: String(c.full_name || c.organisation) })),
  );
  const initial: Values = { ...emptyValues(fields), ...rowToValues(fields, { quality_level: 'no_info', social_level: 'no_info', ...value } as unknown as Row) };
  if (!value.id) delete initial.id;
  return (
    <FormModal opened title={value.id ? 'Школа в реестре' : 'Новая школа в реестре'} onClose={onClose} size="lg">
      {(setDirty, close) => (
        <RecordForm
          fields={fields}
          initial={initial}
          schema={rosterSave}
          save={(v) => call('municipality.roster.save', v)}
          onDirtyChange={setDirty}
          onCancel={close}
          onSaved={() => { notifyOk('Сохранено'); onClose(); }}
        />
      )}
    </FormModal>
  );
}

function ImportModal({ file, onClose }: { file: { name: string; base64: string; preview: RosterImportPreview }; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const p = file.preview;
  const apply = async () => {
    setBusy(true);
    try {
      const r = await call('municipality.roster.importApply', { fileName: file.name, dataBase64: file.base64 });
      notifyOk(`Реестр обновлён: добавлено ${r.summary.create}, изменено ${r.summary.update}.`);
      bump();
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const changed = p.changes.filter((c) => c.action !== 'unchanged');
  return (
    <Modal opened onClose={onClose} title={`Загрузка реестра из «${file.name}»`} size="xl" data-testid="import-preview">
      <Stack>
        <Text size="sm">Лист «{p.sheet}», строк со школами: {p.rows}. Будет добавлено: {p.summary.create}, изменено: {p.summary.update}, без изменений: {p.summary.unchanged}.
          {p.newGroups.length ? ` Новые партнёрские группы: ${p.newGroups.join(', ')}.` : ''}{p.newCurators.length ? ` Новые кураторы: ${p.newCurators.join(', ')}.` : ''}</Text>
        {p.errors.length > 0 && (
          <Alert color="red" title={`Ошибки (${p.errors.length}) — реестр не будет изменён, пока они есть`} data-testid="import-errors">
            <Table fz="sm">
              <Table.Thead><Table.Tr><Table.Th>Строка</Table.Th><Table.Th>Столбец</Table.Th><Table.Th>Что не так</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{p.errors.map((e, i) => <Table.Tr key={i}><Table.Td>{e.row}</Table.Td><Table.Td>{e.column}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>)}</Table.Tbody>
            </Table>
          </Alert>
        )}
        {changed.length > 0 && (
          <Table withTableBorder fz="sm" data-testid="import-changes">
            <Table.Thead><Table.Tr><Table.Th>Строка</Table.Th><Table.Th>ОО</Table.Th><Table.Th>Что произойдёт</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {changed.map((c) => (
                <Table.Tr key={c.row}>
                  <Table.Td>{c.row}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.action === 'create' ? <Badge color="teal" variant="light">новая школа</Badge> : c.changes.map((x) => `${x.label}: «${x.from}» → «${x.to}»`).join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Отмена</Button>
          <Button onClick={() => void apply()} loading={busy} disabled={p.errors.length > 0 || changed.length === 0} data-testid="import-apply">Применить изменения</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RosterTab() {
  const { value, error } = useCall('municipality.roster.list', {});
  const [edit, setEdit] = useState<Edit | null>(null);
  const [imp, setImp] = useState<{ name: string; base64: string; preview: RosterImportPreview } | null>(null);
  const pick = async (f: File | null) => {
    if (!f) return;
    try {
      const base64 = await readAsBase64(f);
      setImp({ name: f.name, base64, preview: await call('municipality.roster.importPreview', { fileName: f.name, dataBase64: base64 }) });
    } catch (e) {
      notifyError(e);
    }
  };
  if (error) return <Alert color="red">{error}</Alert>;
  if (!value) return <Loader />;
  return (
    <Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEdit({ name: '' })}>Добавить школу</Button>
        <PickFile onChange={(f) => void pick(f)} accept=".xlsx">{(props) => <Button variant="default" leftSection={<IconUpload size={16} />} {...props} data-testid="roster-import">Загрузить из Excel…</Button>}</PickFile>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void call('municipality.roster.xlsx', {}).then(downloadFile, notifyError)} data-testid="roster-export">В Excel</Button>
        <Text size="sm" c="dimmed">{count(value.length, ['школа', 'школы', 'школ'])}. Таблица Excel — как в справке о распределении по группам: ОО, Кластер, ГК, ГИСБШ, уровни.</Text>
      </Group>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped highlightOnHover withTableBorder fz="sm" data-testid="roster-table">
          <Table.Thead>
            <Table.Tr><Table.Th>ОО</Table.Th><Table.Th>Кластер</Table.Th><Table.Th>ГК<Term term="ГК" /></Table.Th><Table.Th>ГИСБШ<Term term="ГИСБШ" /></Table.Th><Table.Th>Уровень по ГК</Table.Th><Table.Th>Уровень по ГИСБШ</Table.Th><Table.Th>Признаки (НОР<Term term="НОР" />, НСУ<Term term="НСУ" />)</Table.Th><Table.Th>Группа</Table.Th><Table.Th>Куратор</Table.Th><Table.Th>Обмен</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((r) => (
              <Table.Tr key={r.id} className="row-click" onClick={() => setEdit(r)}>
                <Table.Td>{r.name}</Table.Td><Table.Td>{r.cluster ?? ''}</Table.Td>
                <Table.Td>{groupText(r.quality_group, r.quality_level)}</Table.Td><Table.Td>{groupText(r.social_group, r.social_level)}</Table.Td>
                <Table.Td>{levelShort(r.quality_level)}</Table.Td><Table.Td>{levelShort(r.social_level)}</Table.Td>
                <Table.Td>{[r.is_nor ? 'НОР' : '', r.is_nsu ? 'НСУ' : '', r.is_pilot ? 'пилотная' : '', r.is_resource_centre ? 'ресурсный центр' : ''].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>{r.partner_group_number ?? ''}</Table.Td><Table.Td>{r.curator_name ?? ''}</Table.Td><Table.Td>{STATUS[r.status] ?? r.status}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {value.length === 0 && <Text c="dimmed" data-testid="roster-empty">Добавьте первую школу в реестр кнопкой «Добавить школу» или загрузите весь реестр из Excel.</Text>}
      {edit && <RosterForm value={edit} onClose={() => setEdit(null)} />}
      {imp && <ImportModal file={imp} onClose={() => setImp(null)} />}
    </Stack>
  );
}
