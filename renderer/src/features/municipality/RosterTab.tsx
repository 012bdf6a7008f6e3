/**
 * The roster with its classification (seed 004), editable, exported to and imported from Excel. The import
 * shows what will change and every error with its row and column before anything is written; it applies all
 * rows or none.
 */
import { useState } from 'react';
import { Table, Group, Button, Modal, Stack, TextInput, NumberInput, Select, Checkbox, Text, Alert, Badge, SimpleGrid, Textarea, Loader } from '@mantine/core';
import { IconUpload, IconDownload, IconPlus } from '@tabler/icons-react';
import { useCall, useDataVersion } from '../../app/data';
import { call, CallError } from '../../app/api';
import { notifyError, notifyOk } from '../../app/notify';
import { count } from '../../../../common/format';
import { levelOptions, groupText, levelShort } from '../../../../common/roster-labels';
import type { RosterRow, RosterImportPreview } from '../../../../preload/contract/index';
import { downloadFile, readAsBase64 } from '../../components/files';
import { PickFile } from '../../components/PickFile';
import { Term } from '../../components/Term';

type Edit = Partial<RosterRow> & { name: string };
const STATUS: Record<string, string> = { listed: 'в реестре', invited: 'приглашена', enrolled: 'подключена', blocked: 'заблокирована' };

function RosterForm({ value, onClose }: { value: Edit; onClose: () => void }) {
  const [v, setV] = useState<Edit>(value);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const groups = useCall('municipality.groups.list', {});
  const curators = useCall('municipality.curators.list', {});
  const set = (k: keyof RosterRow, x: unknown) => setV((o) => ({ ...o, [k]: x }));
  const save = async () => {
    setBusy(true);
    try {
      await call('municipality.roster.save', {
        ...(v.id ? { id: v.id } : {}), name: v.name, short_name: v.short_name ?? '', cluster: v.cluster ?? null, quality_group: v.quality_group ?? null,
        quality_level: v.quality_level ?? 'no_info', social_group: v.social_group ?? null, social_level: v.social_level ?? 'no_info',
        is_nor: !!v.is_nor, is_nsu: !!v.is_nsu, is_pilot: !!v.is_pilot, base_site: v.base_site ?? '', partner_group_id: v.partner_group_id ?? null,
        is_resource_centre: !!v.is_resource_centre, curator_id: v.curator_id ?? null, roster_note: v.roster_note ?? '',
      });
      notifyOk('Сохранено');
      bump();
      onClose();
    } catch (e) {
      if (e instanceof CallError && e.fieldErrors) setErrors(e.fieldErrors);
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const num = (k: 'cluster' | 'quality_group' | 'social_group', label: string) => (
    <NumberInput label={label} value={v[k] ?? ''} min={0} max={100} onChange={(x) => set(k, typeof x === 'number' ? x : null)} error={errors[k]} />
  );
  return (
    <Modal opened onClose={onClose} title={v.id ? 'Школа в реестре' : 'Новая школа в реестре'} size="lg">
      <Stack>
        <TextInput label="Наименование ОО" withAsterisk value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-testid="roster-name" />
        <TextInput label="Краткое наименование" value={v.short_name ?? ''} onChange={(e) => set('short_name', e.currentTarget.value)} />
        <SimpleGrid cols={3}>
          {num('cluster', 'Кластер')}
          {num('quality_group', 'Группа качества (ГК)')}
          {num('social_group', 'Группа по ИСБШ (ГИСБШ)')}
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Select label="Уровень по ГК" data={levelOptions} value={v.quality_level ?? 'no_info'} onChange={(x) => set('quality_level', x ?? 'no_info')} />
          <Select label="Уровень по ГИСБШ" data={levelOptions} value={v.social_level ?? 'no_info'} onChange={(x) => set('social_level', x ?? 'no_info')} />
        </SimpleGrid>
        <Group>
          <Checkbox label="НОР" checked={!!v.is_nor} onChange={(e) => set('is_nor', e.currentTarget.checked ? 1 : 0)} />
          <Checkbox label="НСУ" checked={!!v.is_nsu} onChange={(e) => set('is_nsu', e.currentTarget.checked ? 1 : 0)} />
          <Checkbox label="Пилотная площадка" checked={!!v.is_pilot} onChange={(e) => set('is_pilot', e.currentTarget.checked ? 1 : 0)} />
          <Checkbox label="Ресурсный центр группы" checked={!!v.is_resource_centre} onChange={(e) => set('is_resource_centre', e.currentTarget.checked ? 1 : 0)} />
        </Group>
        <TextInput label="Базовая площадка" value={v.base_site ?? ''} onChange={(e) => set('base_site', e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <Select label="Партнёрская группа" clearable data={(groups.value ?? []).map((g) => ({ value: g.id, label: `${g.number} группа` }))} value={v.partner_group_id ?? null} onChange={(x) => set('partner_group_id', x)} />
          <Select label="Куратор" clearable searchable data={(curators.value ?? []).map((c) => ({ value: c.id, label: String(c.full_name) }))} value={v.curator_id ?? null} onChange={(x) => set('curator_id', x)} />
        </SimpleGrid>
        <Textarea label="Примечание" autosize value={v.roster_note ?? ''} onChange={(e) => set('roster_note', e.currentTarget.value)} />
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Отмена</Button><Button onClick={() => void save()} loading={busy} data-testid="roster-save">Сохранить</Button></Group>
      </Stack>
    </Modal>
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
      {edit && <RosterForm value={edit} onClose={() => setEdit(null)} />}
      {imp && <ImportModal file={imp} onClose={() => setImp(null)} />}
    </Stack>
  );
}
