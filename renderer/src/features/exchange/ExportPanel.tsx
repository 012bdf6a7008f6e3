/** «Выгрузка»: the bundle for the municipality (or for the schools) onto a flash drive or a download. */
import { useState } from 'react';
import { Alert, Button, Code, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFolderOpen } from '@tabler/icons-react';
import { call, CallError } from '../../app/api';
import { useCall } from '../../app/data';
import { notifyOk } from '../../app/notify';
import type { ExchangeState } from '../../../../preload/contract/index';
import { downloadBase64 } from './files';
import { useAction } from '../../app/useAction';
import { formatDateTime } from './status';
import { Term } from '../../components/Term';
import { OutgoingReviewModal } from './OutgoingReview';
import type { OutgoingReview, ReviewItem } from '../../../../preload/contract/index';


export function ExportPanel({ state }: { state: ExchangeState }) {
  const { busy, run: act } = useAction();
  const [target, setTarget] = useState<string>('all');
  const [done, setDone] = useState<string[] | null>(null);
  // The refusal of the free-text check (a pupil's name or birth date in outgoing text): shown here with its fix.
  const [mentions, setMentions] = useState<{ text: string; inFileOnly: boolean } | null>(null);
  const schools = useCall('exchange.schools', state.role === 'municipality' ? {} : null);
  // Before writing: schools whose «Опора» could not read their file until it is updated (their last file says which version).
  const behind = useCall('exchange.updatesNeeded', state.role === 'municipality' ? {} : null).value ?? [];
  // Enrolled schools, and those given an enrollment file that have not sent a file yet: both can read their plan.
  const enrolled = (schools.value ?? []).filter((s) => s.receives);
  const forSchool = state.role === 'municipality' ? (target as string) : undefined;

  // The school reads what leaves before the file is written (OutgoingReview.tsx); null — not open.
  const [review, setReview] = useState<OutgoingReview | null>(null);

  const exportChecked = async () => {
    try {
      await exportNow();
    } catch (e) {
      if (e instanceof CallError && (e.code === 'pupil_mentions' || e.code === 'pupil_in_file')) setMentions({ text: e.message, inFileOnly: e.code === 'pupil_in_file' });
      else throw e;
    }
  };

  const write = () => act(async () => {
    setReview(null);
    await exportChecked();
  });

  const run = () => {
    setDone(null);
    setMentions(null);
    if (state.role !== 'school') return write();
    return act(async () => {
      const r = await call('exchange.review', {});
      if (r.total === 0) await exportChecked();
      else setReview(r);
    });
  };

  const refreshReview = async () => setReview(await call('exchange.review', {}));

  const replaceNames = () => act(async () => {
    const r = await call('exchange.replacePupilNames', {});
    setMentions(null);
    if (review) await refreshReview();
    notifyOk(`Исправлено полей: ${r.replaced}. Имена заменены кодами обучающихся — выгрузку можно повторить.`);
  });

  const replaceOne = (item: ReviewItem) => act(async () => {
    await call('exchange.replaceInValue', { table: item.table, id: item.id, column: item.column });
    await refreshReview();
  });

  const exportNow = async () => {
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
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Выгрузка</Title>
        {state.role === 'school' ? (
          <Text size="sm">
            {state.enrollment?.enrolled
              ? `Полный снимок данных школы для муниципалитета «${state.enrollment.municipalityName}»: подписан ключом школы и зашифрован — потерянная флешка ничего не раскроет.`
              : <>Пока школа не подключена, файл обмена не защищён шифром: прочитать его сможет любой, у кого окажется флешка. В управлении файл сначала попадёт в «карантин»<Term term="карантин" /> и будет ждать, пока методист не сверит с вами по телефону «отпечаток ключа»<Term term="отпечаток ключа" />. Чтобы файлы шифровались, откройте файл подключения<Term term="файл подключения" />, выданный управлением.</>}{' '}
            ФИО и даты рождения обучающихся не выгружаются.
          </Text>
        ) : (
          <Group align="flex-end">
            <Select
              label="Для кого"
              data={[{ value: 'all', label: `Все школы (${enrolled.length})` }, ...enrolled.map((s) => ({ value: s.id, label: s.status === 'invited' ? `${s.label} — ещё не прислала файл` : s.label }))]}
              value={target}
              onChange={(v) => setTarget(v ?? 'all')}
              w={420}
              data-testid="export-target"
              allowDeselect={false}
            />
            <Text size="sm" c="dimmed" maw={520}>Дорожная карта, совещания с выводами и предложениями, поручения, рабочие группы, классификация школы и комментарии куратора — каждой школе только то, что адресовано ей.</Text>
          </Group>
        )}
        {behind.filter((b) => target === 'all' || b.schoolId === target).length > 0 && (
          <Alert color="orange" title="Этим школам понадобится обновить «Опору», чтобы прочитать свой файл" data-testid="exchange-updates-needed">
            <Stack gap={4}>
              {behind.filter((b) => target === 'all' || b.schoolId === target).map((b) => (
                <Text size="sm" key={b.schoolId}>{b.name}: у школы «Опора» {b.appVersion}, для этого файла нужна {b.needVersion} или новее.</Text>
              ))}
              <Text size="sm">
                Файл для такой школы всё равно будет записан, но школа не сможет его загрузить, пока не установит новую версию: передайте ей вместе с файлом
                установочный файл или пакет обновления «Опоры». Остальные школы прочитают свои файлы и без обновления.
              </Text>
            </Stack>
          </Alert>
        )}
        <Group>
          <Button leftSection={state.folderDialog ? <IconFolderOpen size={16} /> : <IconDownload size={16} />} loading={busy} onClick={() => void run()} data-testid="exchange-export">
            {state.folderDialog ? 'Выгрузить на флешку…' : 'Скачать файл обмена'}
          </Button>
          {state.lastExport && <Text size="sm" c="dimmed">Последняя выгрузка: {formatDateTime(state.lastExport.at)}, №{state.lastExport.seq}</Text>}
        </Group>
        {mentions && (
          <Alert color="red" title={mentions.inFileOnly ? 'В передаваемом файле есть данные обучающихся' : 'В тексте есть данные обучающихся'} data-testid="exchange-mentions">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{mentions.text}</Text>
            {!mentions.inFileOnly && (
              <Button mt="sm" color="red" variant="light" loading={busy} onClick={() => void replaceNames()} data-testid="exchange-replace-names">
                Заменить имена кодами обучающихся
              </Button>
            )}
          </Alert>
        )}
        <OutgoingReviewModal review={review} busy={busy} onClose={() => setReview(null)} onReplaceOne={(it) => void replaceOne(it)}
          onReplaceAll={() => void replaceNames()} onWrite={() => void write()}
          writeLabel={state.folderDialog ? 'Всё верно, выгрузить на флешку…' : 'Всё верно, скачать файл обмена'} />
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
