/**
 * «Обмен данными»: export to a flash drive, import of many bundles (drag and drop of files or whole
 * folders) with a progress bar and a result per bundle, quarantine of unknown keys, conflicts, the import
 * history, and — for a municipality — enrollment files for schools.
 */
import { useRef, useState, type DragEvent } from 'react';
import {
  Alert, Badge, Button, Checkbox, Code, Group, Paper, Progress, Select, Stack, Table, Tabs, Text, TextInput, Title, Loader, Tooltip,
} from '@mantine/core';
import { IconUpload, IconDownload, IconFolderOpen, IconShieldLock, IconAlertTriangle, IconHistory, IconSchool, IconArrowsExchange } from '@tabler/icons-react';
import { call, CallError } from '../../app/api';
import { useCall, useDataVersion } from '../../app/data';
import { notifyError, notifyOk } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import type { ExchangeImportResult, ExchangeCounts, ExchangeState } from '../../../../preload/contract/index';
import { downloadBase64, fileToBase64, filesFromDrop, onlyBundles } from './files';
import { EnrollmentPrompt } from './EnrollmentPrompt';
import { useAction } from '../../app/useAction';

const STATUS: Record<ExchangeImportResult['status'], { label: string; color: string }> = {
  accepted: { label: 'Принят', color: 'teal' },
  rejected: { label: 'Отклонён', color: 'red' },
  quarantined: { label: 'В карантине', color: 'orange' },
};

function formatDateTime(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
}

function countsText(c: Partial<ExchangeCounts> | undefined) {
  if (!c) return '';
  const parts = [`новых ${c.new ?? 0}`, `изменённых ${c.updated ?? 0}`, `без изменений ${c.unchanged ?? 0}`, `удалённых ${c.deleted ?? 0}`];
  if (c.conflicts) parts.push(`конфликтов ${c.conflicts}`);
  return parts.join(', ');
}

function StatusBadge({ status }: { status: ExchangeImportResult['status'] }) {
  return <Badge color={STATUS[status].color} variant="light" tt="none" style={{ flexShrink: 0, overflow: "visible" }} miw={110}>{STATUS[status].label}</Badge>;
}

// ─── export ──────────────────────────────────────────────────────────────────────────────────────────

function ExportPanel({ state }: { state: ExchangeState }) {
  const { busy, run: act } = useAction();
  const [target, setTarget] = useState<string>('all');
  const [done, setDone] = useState<string[] | null>(null);
  const schools = useCall('exchange.schools', state.role === 'municipality' ? {} : null);
  const enrolled = (schools.value ?? []).filter((s) => s.status === 'enrolled');
  const forSchool = state.role === 'municipality' ? (target as string) : undefined;

  const run = () => {
    setDone(null);
    return act(async () => {
      if (state.folderDialog) {
        const r = await call('exchange.exportToFolder', { forSchool });
        if (r.cancelled) return;
        setDone(r.written.map((w) => w.path));
        notifyOk('Файл записан и проверен. Носитель можно извлечь.');
      } else {
        const files = await call('exchange.exportDownload', { forSchool });
        for (const f of files) downloadBase64(f.fileName, f.dataBase64);
        setDone(files.map((f) => f.fileName));
        notifyOk(files.length === 1 ? 'Файл обмена сохранён в папку загрузок.' : `Сохранено файлов: ${files.length}.`);
      }
    });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Выгрузка</Title>
        {state.role === 'school' ? (
          <Text size="sm">
            {state.enrollment?.enrolled
              ? `Полный снимок данных школы для муниципалитета «${state.enrollment.municipalityName}»: подписан ключом школы и зашифрован — потерянная флешка ничего не раскроет.`
              : 'Школа ещё не подключена к муниципалитету: файл будет подписан, но не зашифрован, и у получателя попадёт в карантин до проверки отпечатка ключа.'}{' '}
            ФИО и даты рождения обучающихся не выгружаются.
          </Text>
        ) : (
          <Group align="flex-end">
            <Select
              label="Для кого"
              data={[{ value: 'all', label: `Все подключённые школы (${enrolled.length})` }, ...enrolled.map((s) => ({ value: s.id, label: s.name }))]}
              value={target}
              onChange={(v) => setTarget(v ?? 'all')}
              w={420}
              allowDeselect={false}
            />
            <Text size="sm" c="dimmed" maw={520}>Дорожная карта, классификация школы и комментарии куратора.</Text>
          </Group>
        )}
        <Group>
          <Button leftSection={state.folderDialog ? <IconFolderOpen size={16} /> : <IconDownload size={16} />} loading={busy} onClick={() => void run()} data-testid="exchange-export">
            {state.folderDialog ? 'Выгрузить на флешку…' : 'Скачать файл обмена'}
          </Button>
          {state.lastExport && <Text size="sm" c="dimmed">Последняя выгрузка: {formatDateTime(state.lastExport.at)}, №{state.lastExport.seq}</Text>}
        </Group>
        {done && (
          <Alert color="teal" title="Готово">
            {done.map((p) => <Text key={p} size="sm"><Code>{p}</Code></Text>)}
            {state.folderDialog && <Text size="sm" mt={4}>Файл прочитан обратно и проверен — носитель можно извлечь.</Text>}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

// ─── import ──────────────────────────────────────────────────────────────────────────────────────────

function ImportPanel() {
  const { bump } = useDataVersion();
  const [dryRun, setDryRun] = useState(false);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [results, setResults] = useState<ExchangeImportResult[]>([]);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);

  const importFiles = async (all: File[]) => {
    const files = onlyBundles(all);
    if (!files.length) {
      notifyError(new CallError('no_files', 'Файлы обмена (*.opora) не найдены. Выберите файлы или папку с ними.'));
      return;
    }
    setResults([]);
    const out: ExchangeImportResult[] = [];
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      setProgress({ done: i, total: files.length, current: f.name });
      let r: ExchangeImportResult;
      try {
        r = await call('exchange.import', { fileName: f.name, dataBase64: await fileToBase64(f), dryRun });
      } catch (e) {
        r = { file: f.name, status: 'rejected', reason: e instanceof CallError ? e.message : 'Файл не удалось передать программе.', dryRun };
      }
      out.push({ ...r, file: f.name });
      setResults([...out]);
    }
    setProgress({ done: files.length, total: files.length, current: '' });
    const ok = out.filter((r) => r.status === 'accepted').length;
    if (!dryRun) bump();
    notifyOk(`${dryRun ? 'Проверено' : 'Загружено'}: принято ${ok} из ${out.length}.`);
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    await importFiles(await filesFromDrop(e.dataTransfer));
  };
  const busy = !!progress && progress.done < progress.total;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Загрузка</Title>
        <div
          onDragOver={(e) => { e.preventDefault(); setOver(true); }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => void onDrop(e)}
          data-testid="exchange-dropzone"
          style={{ border: `2px dashed ${over ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-4)'}`, borderRadius: 8, padding: 24, textAlign: 'center', background: over ? 'var(--mantine-color-blue-0)' : undefined }}
        >
          <Stack gap={6} align="center">
            <IconUpload size={28} />
            <Text>Перетащите сюда файлы обмена (*.opora) или целую папку с флешки</Text>
            <Group gap="xs">
              <Button variant="default" size="xs" disabled={busy} onClick={() => filesRef.current?.click()}>Выбрать файлы…</Button>
              <Button variant="default" size="xs" disabled={busy} onClick={() => folderRef.current?.click()}>Выбрать папку…</Button>
            </Group>
          </Stack>
          <input ref={filesRef} type="file" accept=".opora" multiple hidden data-testid="exchange-file-input"
            onChange={(e) => { const f = [...(e.target.files ?? [])]; e.target.value = ''; void importFiles(f); }} />
          <input ref={folderRef} type="file" multiple hidden {...({ webkitdirectory: '' } as object)}
            onChange={(e) => { const f = [...(e.target.files ?? [])]; e.target.value = ''; void importFiles(f); }} />
        </div>
        <Checkbox label="Только проверить: показать, что изменится, ничего не записывая" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} disabled={busy} />
        {progress && (
          <Stack gap={4}>
            <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} animated={busy} data-testid="exchange-progress" />
            <Text size="sm" c="dimmed">{busy ? `Файл ${progress.done + 1} из ${progress.total}: ${progress.current}` : `Обработано файлов: ${progress.total}`}</Text>
          </Stack>
        )}
        {results.length > 0 && (
          <Table striped data-testid="exchange-results">
            <Table.Thead>
              <Table.Tr><Table.Th>Файл</Table.Th><Table.Th>Отправитель</Table.Th><Table.Th>Результат</Table.Th><Table.Th>Подробности</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{r.file}</Text></Table.Td>
                  <Table.Td><Text size="sm">{r.issuer ? `${r.issuer.name}${r.sequence !== undefined ? `, №${r.sequence}` : ''}` : '—'}</Text></Table.Td>
                  <Table.Td><StatusBadge status={r.status} />{r.dryRun && r.status === 'accepted' && <Text size="xs" c="dimmed">проверка, не записан</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{r.status === 'accepted' ? countsText(r.counts) + (r.repeated ? ' — уже был загружен, ничего не изменилось' : '') : r.reason}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

// ─── quarantine, conflicts, history, enrollment ─────────────────────────────────────────────────────────

function QuarantinePanel() {
  const { bump } = useDataVersion();
  const { value, loading } = useCall('exchange.quarantine', {});
  const decide = async (id: string, accept: boolean) => {
    try {
      const r = await call('exchange.quarantineDecide', { id, accept });
      if ('refused' in r) notifyOk('Файл отклонён.');
      else if (r.status === 'accepted') notifyOk(`Ключ закреплён, файл загружен: ${countsText(r.counts)}.`);
      else notifyError(new CallError(r.reasonCode ?? 'rejected', r.reason ?? 'Файл не принят.'));
      bump();
    } catch (e) {
      notifyError(e);
    }
  };
  if (loading && !value) return <Loader />;
  if (!value?.length) return <Text c="dimmed">Карантин пуст: все загруженные файлы подписаны известными ключами.</Text>;
  return (
    <Stack>
      <Alert color="orange" icon={<IconShieldLock />}>
        Файлы подписаны незнакомым ключом (новая школа без файла подключения или смена ключа). Сверьте отпечаток с отправителем по телефону или лично и только тогда принимайте.
      </Alert>
      <Table>
        <Table.Thead><Table.Tr><Table.Th>Получен</Table.Th><Table.Th>Отправитель</Table.Th><Table.Th>Отпечаток ключа</Table.Th><Table.Th>Причина</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {value.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>{formatDateTime(q.received_at)}</Table.Td>
              <Table.Td>{q.issuer_name || '—'}<Text size="xs" c="dimmed">{q.file_name}</Text></Table.Td>
              <Table.Td><Code>{q.fingerprintDisplay}</Code></Table.Td>
              <Table.Td>{q.reason_code === 'key_change' ? 'Смена ключа' : 'Неизвестный отправитель'}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" color="teal" onClick={() => void decide(q.id, true)}>Принять ключ</Button>
                  <Button size="xs" variant="default" color="red" onClick={() => void decide(q.id, false)}>Отклонить</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

const SHOWN_FIELDS = ['title', 'text', 'name', 'full_name', 'status', 'completion_mark', 'date_from', 'date_to', 'deleted_at'];

function ConflictsPanel() {
  const { bump } = useDataVersion();
  const { value } = useCall('exchange.conflicts', {});
  if (!value?.length) return <Text c="dimmed">Конфликтов нет.</Text>;
  const keep = async (table: string, id: string, hlc: string) => {
    try {
      await call('exchange.resolveConflict', { table, id, keepHlc: hlc });
      notifyOk('Оставлена выбранная версия.');
      bump();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle />}>
        Одна и та же запись изменена на двух копиях базы школы независимо (например, после восстановления из резервной копии). Обе версии сохранены; выберите, какую оставить.
      </Alert>
      {value.map((c) => (
        <Paper key={c.table + c.id} withBorder p="sm">
          <Text size="sm" fw={500}>Запись {c.table} · обнаружено {formatDateTime(c.detected_at)}</Text>
          <Table mt="xs">
            <Table.Tbody>
              {c.versions.map((v) => (
                <Table.Tr key={v.hlc}>
                  <Table.Td w={120}>{v.current ? <Badge variant="light">Сейчас</Badge> : <Badge variant="light" color="gray">Другая</Badge>}</Table.Td>
                  <Table.Td>
                    {SHOWN_FIELDS.filter((f) => v.data[f] !== undefined && v.data[f] !== null && v.data[f] !== '').map((f) => (
                      <Text key={f} size="sm">{f === 'deleted_at' ? 'Удалена' : String(v.data[f])}</Text>
                    ))}
                    <Text size="xs" c="dimmed">изменена {formatDateTime(String(v.data.updated_at ?? ''))}</Text>
                  </Table.Td>
                  <Table.Td w={170}><Button size="xs" variant="default" onClick={() => void keep(c.table, c.id, v.hlc)}>Оставить эту версию</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}

function HistoryPanel() {
  const { value } = useCall('exchange.history', {});
  if (!value?.length) return <Text c="dimmed">Загрузок ещё не было.</Text>;
  return (
    <Table striped data-testid="exchange-history">
      <Table.Thead><Table.Tr><Table.Th>Когда</Table.Th><Table.Th>Файл</Table.Th><Table.Th>Отправитель</Table.Th><Table.Th>Результат</Table.Th><Table.Th>Подробности</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {value.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td>{formatDateTime(h.at)}</Table.Td>
            <Table.Td><Text size="sm" style={{ wordBreak: 'break-all' }}>{h.file_name}</Text></Table.Td>
            <Table.Td>{h.issuer_name || '—'}{h.seq !== null && `, №${h.seq}`}</Table.Td>
            <Table.Td><StatusBadge status={h.status} /></Table.Td>
            <Table.Td><Text size="sm">{h.status === 'accepted' ? countsText(h.counts) : h.reason}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function EnrollPanel() {
  const [name, setName] = useState('');
  const { busy, run } = useAction();
  const { value } = useCall('exchange.schools', {});
  const save = (f: { fileName: string; dataBase64: string }) => downloadBase64(f.fileName, f.dataBase64);
  const create = () => run(async () => {
    save(await call('exchange.enrollSchool', { name }));
    notifyOk('Файл подключения сохранён. Передайте его в школу на флешке.');
    setName('');
  });
  return (
    <Stack>
      <Text size="sm">Файл подключения подписан ключом муниципалитета и содержит одноразовый секрет. Школа открывает его один раз; её первый файл обмена докажет знание секрета, и ключ школы закрепится без звонка.</Text>
      <Group align="flex-end">
        <TextInput label="Наименование школы" value={name} onChange={(e) => setName(e.currentTarget.value)} w={420} />
        <Button loading={busy} disabled={!name.trim()} onClick={() => void create()}>Создать файл подключения</Button>
      </Group>
      {!!value?.length && (
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>Школа</Table.Th><Table.Th>Состояние</Table.Th><Table.Th>Отпечаток ключа</Table.Th><Table.Th>Последний файл</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {value.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.status === 'enrolled' ? <Badge color="teal" variant="light">Подключена</Badge> : s.status === 'blocked' ? <Badge color="red" variant="light">Заблокирована</Badge> : <Badge color="gray" variant="light">Ждём первый файл</Badge>}</Table.Td>
                <Table.Td>{s.fingerprintDisplay ? <Code>{s.fingerprintDisplay}</Code> : '—'}</Table.Td>
                <Table.Td>{s.last_import ? formatDateTime(s.last_import) : '—'}</Table.Td>
                <Table.Td>
                  <Tooltip label="Новый файл подключения: прежний утерян или в школе сменился компьютер">
                    <Button size="xs" variant="default" onClick={() => void call('exchange.reissueEnrollment', { schoolId: s.id }).then(save, notifyError)}>Файл подключения</Button>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function ExchangePage() {
  const { value: state, error } = useCall('exchange.state', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!state) return <Loader />;
  return (
    <Stack>
      <PageHeader
        title="Обмен данными"
        subtitle={state.role === 'municipality'
          ? `Муниципалитет «${state.municipality?.name ?? ''}»: загрузка файлов школ и выгрузка планов для них.`
          : state.enrollment?.enrolled ? `Обмен с муниципалитетом «${state.enrollment.municipalityName}» через флешку.` : 'Школа ещё не подключена к муниципалитету.'}
        actions={state.fingerprintDisplay ? <Text size="sm" c="dimmed">Отпечаток ключа этого рабочего места: <Code>{state.fingerprintDisplay}</Code></Text> : undefined}
      />
      {state.role === 'school' && !state.enrollment?.enrolled && <EnrollmentPrompt />}
      <Tabs defaultValue="exchange" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="exchange" leftSection={<IconArrowsExchange size={16} />}>Выгрузка и загрузка</Tabs.Tab>
          <Tabs.Tab value="quarantine" leftSection={<IconShieldLock size={16} />} rightSection={state.quarantine ? <Badge size="xs" color="orange">{state.quarantine}</Badge> : null}>Карантин</Tabs.Tab>
          <Tabs.Tab value="conflicts" leftSection={<IconAlertTriangle size={16} />} rightSection={state.conflicts ? <Badge size="xs" color="yellow">{state.conflicts}</Badge> : null}>Конфликты</Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>История загрузок</Tabs.Tab>
          {state.role === 'municipality' && <Tabs.Tab value="enroll" leftSection={<IconSchool size={16} />}>Подключение школ</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="exchange" pt="md"><Stack><ExportPanel state={state} /><ImportPanel /></Stack></Tabs.Panel>
        <Tabs.Panel value="quarantine" pt="md"><QuarantinePanel /></Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md"><ConflictsPanel /></Tabs.Panel>
        <Tabs.Panel value="history" pt="md"><HistoryPanel /></Tabs.Panel>
        {state.role === 'municipality' && <Tabs.Panel value="enroll" pt="md"><EnrollPanel /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
