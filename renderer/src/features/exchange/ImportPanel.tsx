/** «Загрузка»: many bundles or whole folders, a dry run, a progress bar and a result per file. */
import { useRef, useState, type DragEvent } from 'react';
import { Button, Checkbox, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { call, CallError } from '../../app/api';
import { useDataVersion } from '../../app/data';
import { notifyError, notifyInfo, notifyOk } from '../../app/notify';
import { IMPORT_BATCH_FILES, LIMITS, type ExchangeImportResult } from '../../../../preload/contract/index';
import { fileToBase64, filesFromDrop, importGroups, onlyBundles, whyNotBundle } from './files';
import { countsText, StatusBadge } from './status';

/** «Файл 3 из 30: имя» for a file sent alone, «Файлы 9–16 из 30» for a group. */
const progressText = (p: { done: number; total: number; current: string; size: number }) =>
  p.size <= 1 ? `Файл ${p.done + 1} из ${p.total}: ${p.current}` : `Файлы ${p.done + 1}–${p.done + p.size} из ${p.total}`;

export function ImportPanel() {
  const { bump } = useDataVersion();
  const [dryRun, setDryRun] = useState(false);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string; size: number } | null>(null);
  const [results, setResults] = useState<ExchangeImportResult[]>([]);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);

  const importFiles = async (all: File[], fromFolder = false) => {
    const files = onlyBundles(all);
    // Files dropped or chosen one by one that are not bundles are named with what they are; a folder's
    // other files (documents, photos) are expected there and are passed over quietly.
    const skipped = fromFolder ? [] : all.filter((f) => !files.includes(f) && !f.name.startsWith('.'));
    if (skipped.length) {
      notifyError(new CallError('wrong_type', skipped.slice(0, 3).map((f) => whyNotBundle(f.name)).join(' ') + (skipped.length > 3 ? ` И ещё ${skipped.length - 3}.` : '')));
    }
    if (!files.length) {
      if (!skipped.length) notifyError(new CallError('no_files', 'Файлы обмена (*.opora) не найдены. Выберите файлы или папку с ними.'));
      return;
    }
    setResults([]);
    const out: ExchangeImportResult[] = [];
    // A few files per call: the department's next file is checked on the second core while this one is written.
    for (const group of importGroups(files, IMPORT_BATCH_FILES, LIMITS.bundle.maxBytes)) {
      setProgress({ done: out.length, total: files.length, current: group.length === 1 ? group[0]!.name : '', size: group.length });
      let rs: ExchangeImportResult[];
      try {
        const sent = await Promise.all(group.map(async (f) => ({ fileName: f.name, dataBase64: await fileToBase64(f) })));
        rs = await call('exchange.import', { files: sent, dryRun });
      } catch (e) {
        const reason = e instanceof CallError ? e.message : 'Файл не удалось передать программе.';
        rs = group.map((f) => ({ file: f.name, status: 'rejected', reason, dryRun }));
      }
      group.forEach((f, k) => out.push({ ...rs[k]!, file: f.name }));
      setResults([...out]);
    }
    setProgress({ done: files.length, total: files.length, current: '', size: 0 });
    const ok = out.filter((r) => r.status === 'accepted').length;
    if (!dryRun) bump();
    const said = dryRun ? `Проверка: будет принято ${ok} из ${out.length}. Ничего не записано.` : `Загружено: принято ${ok} из ${out.length}.`;
    // Green only when every file went in: «принято 0 из 1» is not a success.
    if (ok === out.length) notifyOk(said);
    else notifyInfo(`${said} Причины — в таблице ниже.`);
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    // Read before any await: the browser empties the drop's items once the handler yields.
    const folder = [...e.dataTransfer.items].some((i) => (i as DataTransferItem & { webkitGetAsEntry?(): { isDirectory: boolean } | null }).webkitGetAsEntry?.()?.isDirectory);
    await importFiles(await filesFromDrop(e.dataTransfer), folder);
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
            onChange={(e) => { const f = [...(e.target.files ?? [])]; e.target.value = ''; void importFiles(f, true); }} />
        </div>
        <Checkbox label="Только проверить: показать, что изменится, ничего не записывая" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} disabled={busy} />
        {progress && (
          <Stack gap={4}>
            <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} animated={busy} data-testid="exchange-progress" />
            <Text size="sm" c="dimmed">{busy ? progressText(progress) : `Обработано файлов: ${progress.total}`}</Text>
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
                  <Table.Td><StatusBadge status={r.status} dryRun={r.dryRun} />{r.dryRun && r.status === 'accepted' && <Text size="xs" c="dimmed">ничего не записано</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{r.status === 'accepted' ? countsText(r.counts) + (r.repeated ? ' — уже был загружен, ничего не изменилось' : '') : r.reason}</Text>{r.note && <Text size="sm" c="orange.8">{r.note}</Text>}</Table.Td>
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
