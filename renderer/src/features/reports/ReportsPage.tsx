/**
 * Reports: pick the kind and the period (and the school, at the municipality), watch the progress, save the
 * .docx (ГОСТ Р 7.0.97-2025) or its tables as .xlsx.
 */
import { useEffect, useRef, useState } from 'react';
import { Stack, Card, Radio, Group, Button, Select, Progress, Text, Alert, SegmentedControl, Title, Chip } from '@mantine/core';
import { IconFileTypeDocx, IconFileSpreadsheet } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { call, CallError } from '../../app/api';
import { useCall } from '../../app/data';
import { formatDate, isoDay } from '../../../../common/format';
import { TypedDateInput, isoOrNull } from '../../components/TypedDateInput';
import { schoolYearOf, quarterOf } from '../../../../common/periods';
import { reportKindLabels, SCHOOL_REPORT_SECTIONS, type ReportKind, type ReportJob, type SchoolReportSection } from '../../../../preload/contract/index';

const ALL_SECTIONS = Object.keys(SCHOOL_REPORT_SECTIONS) as SchoolReportSection[];
import { downloadFile } from '../../components/files';
import { notifyError } from '../../app/notify';

const KINDS_SCHOOL: ReportKind[] = ['school'];
const KINDS_MUNICIPALITY: ReportKind[] = ['roadmap', 'monitoring', 'schools', 'school'];

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function ReportsPage({ role = 'school', schoolId: initialSchool, openProfile }: { role?: 'school' | 'municipality'; schoolId?: string; openProfile?: () => void }) {
  const today = isoDay(new Date());
  const kinds = role === 'municipality' ? KINDS_MUNICIPALITY : KINDS_SCHOOL;
  const [kind, setKind] = useState<ReportKind>(initialSchool ? 'school' : kinds[0]!);
  const [sections, setSections] = useState<SchoolReportSection[]>(ALL_SECTIONS);
  const [from, setFrom] = useState<string | null>(schoolYearOf(today).from);
  const [to, setTo] = useState<string | null>(today);
  const [school, setSchool] = useState<string | null>(initialSchool ?? null);
  const [format, setFormat] = useState<'docx' | 'xlsx'>('docx');
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; path: string | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const roster = useCall('municipality.roster.list', role === 'municipality' ? {} : null);
  const workspace = useCall('workspace.state', role === 'school' ? {} : null);
  // The справка ends with the director's signature: main refuses it without the name, so the page says so first.
  const noDirector = role === 'school' && !!workspace.value?.school && !String(workspace.value.school.director ?? '').trim();
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  useEffect(() => {
    if (kind === 'monitoring') {
      const q = quarterOf(today);
      setFrom(q.from);
      setTo(q.to);
    } else if (kind !== 'schools') {
      setFrom(schoolYearOf(today).from);
      setTo(today);
    }
  }, [kind, today]);

  const running = !!job && !job.finished;
  const poll = async (id: string) => {
    try {
      const p = await call('reports.progress', { jobId: id });
      setJob(p);
      if (!p.finished) {
        timer.current = setTimeout(() => void poll(id), 250);
        return;
      }
      if (p.error) {
        setError(p.error);
        return;
      }
      // The desktop app saves to «Документы/Опора» and offers to open it; a browser tab downloads it.
      const kept = await call('reports.saveResult', { jobId: id });
      if (kept.path) {
        setSaved({ fileName: kept.fileName ?? '', path: kept.path });
        return;
      }
      const file = await call('reports.result', { jobId: id });
      downloadFile(file);
      setSaved({ fileName: file.fileName, path: null });
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось сформировать отчёт.');
      setJob(null);
    }
  };
  const start = async () => {
    setError(null);
    setSaved(null);
    try {
      const j = await call('reports.start', {
        kind, format,
        ...(kind !== 'schools' && from ? { from } : {}),
        ...(kind !== 'schools' && to ? { to } : {}),
        ...(kind === 'school' && role === 'municipality' && school ? { schoolId: school } : {}),
        ...(kind === 'school' && sections.length < ALL_SECTIONS.length ? { sections } : {}),
      });
      setJob(j);
      void poll(j.id);
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось начать формирование отчёта.');
    }
  };
  const needSchool = kind === 'school' && role === 'municipality';
  const pct = job ? Math.round((job.done / Math.max(1, job.total)) * 100) : 0;
  return (
    <Stack data-testid="reports-page">
      <PageHeader title="Отчёты" subtitle="Справки оформляются по ГОСТ Р 7.0.97-2025: A4, поля, Times New Roman, нумерация страниц со второй" />
      <Card withBorder>
        <Stack>
          <Radio.Group label="Вид отчёта" value={kind} onChange={(v) => setKind(v as ReportKind)}>
            <Stack gap={6} mt={6}>
              {kinds.map((k) => <Radio key={k} value={k} label={reportKindLabels[k]} data-testid={`report-kind-${k}`} />)}
            </Stack>
          </Radio.Group>
          {kind === 'school' && (
            <Stack gap={4} data-testid="report-sections">
              <Text size="sm" fw={500}>Разделы справки</Text>
              <Text size="xs" c="dimmed">Полная справка большой школы занимает больше сотни страниц: для краткой оставьте только нужные разделы.</Text>
              <Chip.Group multiple value={sections} onChange={(v) => setSections(v.length ? (v as SchoolReportSection[]) : sections)}>
                <Group gap={6}>{ALL_SECTIONS.map((k) => <Chip key={k} value={k} size="sm">{SCHOOL_REPORT_SECTIONS[k]}</Chip>)}</Group>
              </Chip.Group>
            </Stack>
          )}
          {needSchool && (
            <Select
              label="Школа" placeholder="Выберите школу" searchable data-testid="report-school"
              data={(roster.value ?? []).map((r) => ({ value: r.id, label: r.short_name || r.name }))}
              value={school} onChange={setSchool}
            />
          )}
          {kind !== 'schools' && (
            <Group align="flex-start">
              <TypedDateInput label="Период с" value={from} onChange={setFrom} testId="report-from" />
              <TypedDateInput label="по" value={to} onChange={setTo} testId="report-to" />
              <Text size="sm" c="dimmed" mt={32}>{isoOrNull(from) && isoOrNull(to) ? `${formatDate(from)} — ${formatDate(to)}` : ''}</Text>
            </Group>
          )}
          {kind === 'school' && noDirector && (
            <Alert color="yellow" title="Укажите директора в профиле школы" data-testid="report-no-director">
              <Text size="sm">Справку подписывает директор: его фамилия и инициалы печатаются в подписи. Заполните поле «Директор (ФИО)» в профиле школы{'\u00A0'}— и справку можно будет сформировать.</Text>
              {openProfile && <Button size="xs" mt="xs" onClick={openProfile}>Открыть профиль школы</Button>}
            </Alert>
          )}
          <SegmentedControl value={format} onChange={(v) => setFormat(v as 'docx' | 'xlsx')} data={[{ value: 'docx', label: 'Документ Word (.docx)' }, { value: 'xlsx', label: 'Таблицы в Excel (.xlsx)' }]} w="fit-content" />
          <Group>
            <Button onClick={() => void start()} loading={running} disabled={(needSchool && !school) || (kind === 'school' && noDirector)} leftSection={format === 'docx' ? <IconFileTypeDocx size={18} /> : <IconFileSpreadsheet size={18} />} data-testid="report-start">
              Сформировать
            </Button>
          </Group>
          {job && !job.error && (
            <Stack gap={4} data-testid="report-progress">
              <Text size="sm">{job.finished ? 'Готово' : `${job.stage}${job.total > 1 ? `: ${job.done} из ${job.total}` : ''}`}</Text>
              <Progress value={job.finished ? 100 : pct} animated={!job.finished} />
            </Stack>
          )}
          {saved && (
            <Alert color="teal" data-testid="report-saved">
              <Title order={6}>Отчёт сформирован</Title>
              {saved.path ? `Файл сохранён: ${saved.path}` : `Файл «${saved.fileName}» сохранён в папку загрузок.`}
              {saved.path && (
                <Group mt="xs" gap="xs">
                  <Button size="xs" onClick={() => void call('files.open', { path: saved.path!, reveal: false }).catch(notifyError)}>Открыть</Button>
                  <Button size="xs" variant="default" onClick={() => void call('files.open', { path: saved.path!, reveal: true }).catch(notifyError)}>Показать в папке</Button>
                </Group>
              )}
            </Alert>
          )}
          {error && <Alert color="red" data-testid="report-error">{error}</Alert>}
        </Stack>
      </Card>
    </Stack>
  );
}
