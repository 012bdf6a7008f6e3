/**
 * One row per school: last data received and how old, activities done and overdue, decisions past deadline,
 * mentor coverage of young and newly arrived teachers, teachers trained this year, the risk group (aggregate),
 * events this term. Filter by cluster, quality group, partner group; sort by any column; cells that need
 * attention are red. A click opens the school's merged data.
 */
import { schoolSortKey } from '../../../../common/sort';
import { Fragment, lazy, Suspense, useMemo, useState } from 'react';
import { Table, Group, NativeSelect, TextInput, Text, Loader, Alert, Stack, Checkbox, Button } from '@mantine/core';
import { IconChevronUp, IconChevronDown, IconSelector, IconSearch } from '@tabler/icons-react';
import { useCall } from '../../app/data';
import { formatDate, count } from '../../../../common/format';
import { ATTENTION, groupText } from '../../../../common/roster-labels';
import type { DashboardRow } from '../../../../preload/contract/index';
import { ExcelButton, type ExcelColumn } from '../../components/ExcelButton';
import { StickyTable, useHiddenColumns } from '../../components/StickyTable';
import { Term } from '../../components/Term';
import { SummaryRow } from './SummaryRow';
import { LightButton, LightTbody, LightText, LightTh, LightThead, LightTr } from '../../components/LightCells';

// «Кто не сдал…» (with its date field and the scripts behind it) is fetched on its first click, not with the summary.
const NotSubmittedModal = lazy(() => import('./NotSubmittedModal').then((m) => ({ default: m.NotSubmittedModal })));

// One collator for the sort: localeCompare(…, 'ru') builds a new one for every pair of rows compared.
const RU = new Intl.Collator('ru');

// The three filters are the browser's own lists: a few numbers each, chosen with a click or a typed digit. Mantine's
// Select (its list, popover and positioning) was a fifth of the summary's first render on an old laptop.
const ALL = { value: '', label: 'Все' };

const HEAD_TEXT = { fontWeight: 600, lineHeight: 1.25 };

type SortKey = 'name' | 'version' | 'age' | 'done' | 'overdue' | 'decisions' | 'municipal' | 'mentor' | 'trained' | 'risk' | 'events' | 'qg';

export const DASHBOARD_EXCEL: ExcelColumn<DashboardRow>[] = [
  { key: 'name', header: 'ОО', value: (r) => r.label },
  { key: 'cluster', header: 'Кластер', value: (r) => r.cluster },
  { key: 'qg', header: 'Группа качества (ГК)', value: (r) => r.quality_group ?? groupText(null, r.quality_level) },
  { key: 'pg', header: 'Партнёрская группа', value: (r) => r.partner_group_number },
  { key: 'last', header: 'Данные получены', value: (r) => (r.lastBundleAt ? formatDate(r.lastBundleAt) : 'не поступали') },
  { key: 'age', header: 'Давность, дней', value: (r) => r.bundleAgeDays },
  { key: 'done', header: 'Мероприятий выполнено', value: (r) => r.activitiesDone },
  { key: 'total', header: 'Мероприятий всего', value: (r) => r.activitiesTotal },
  { key: 'overdue', header: 'Просрочено мероприятий', value: (r) => r.activitiesOverdue },
  { key: 'decisions', header: 'Поручений просрочено', value: (r) => r.decisionsOverdue },
  { key: 'municipal', header: 'Не выполнено в срок поручений управления', value: (r) => r.municipalOverdue },
  { key: 'mentor', header: 'С наставником (молодые и вновь прибывшие)', value: (r) => (r.needMentor ? `${r.withMentor} из ${r.needMentor}` : '—') },
  { key: 'trained', header: 'Прошли КПК в этом году', value: (r) => r.trainedThisYear },
  { key: 'risk', header: 'Группа риска, чел.', value: (r) => r.riskTotal },
  { key: 'events', header: 'Мероприятий в четверти', value: (r) => r.eventsThisTerm },
  { key: 'version', header: 'Версия «Опоры»', value: (r) => r.appVersion ?? '' },
  { key: 'attention', header: 'Требует внимания', value: (r) => r.attention.map((a) => ATTENTION[a as keyof typeof ATTENTION]).join('; ') },
];

/** The summary's columns in order; the school's name stays (it is the sticky first column). */
const COLUMNS: { key: SortKey; title: string }[] = [
  { key: 'name', title: 'ОО' }, { key: 'qg', title: 'ГК' }, { key: 'age', title: 'Данные получены' },
  { key: 'done', title: 'Выполнено мероприятий' }, { key: 'overdue', title: 'Просрочено' }, { key: 'decisions', title: 'Поручения с истёкшим сроком' },
  { key: 'municipal', title: 'Поручения управления не в срок' },
  { key: 'mentor', title: 'С наставником' }, { key: 'trained', title: 'КПК в этом году' }, { key: 'risk', title: 'Группа риска' },
  { key: 'events', title: 'Мероприятий в четверти' }, { key: 'version', title: 'Версия' },
];

/** Longer than 80 lines on purpose: its JSX is the screen laid out top to bottom; the rules and figures it shows come from main. */
export function DashboardTab({ onOpen, onFiltered }: { onOpen: (id: string) => void; onFiltered?: (ids: string[]) => void }) {
  const { value, error, loading } = useCall('municipality.dashboard', {});
  const [cluster, setCluster] = useState<string | null>(null);
  const [qg, setQg] = useState<string | null>(null);
  const [pg, setPg] = useState<string | null>(null);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [notSubmitted, setNotSubmitted] = useState(false);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  // The term's events start hidden (in «Столбцы»): the rest fit a 1366×768 screen.
  const cols = useHiddenColumns('municipality-summary', COLUMNS, ['name'], ['events']);
  const rows = value?.rows ?? [];
  const opts = (f: (r: DashboardRow) => number | null) => [...new Set(rows.map(f).filter((x): x is number => x !== null))].sort((a, b) => a - b).map(String);
  const filtered = useMemo(() => {
    const key = (r: DashboardRow): number | string => {
      switch (sort.key) {
        case 'name': return schoolSortKey(r.name);
        case 'age': return r.bundleAgeDays ?? 1e9;
        case 'version': return (r.appVersion ?? '').split('.').map((x) => x.padStart(4, '0')).join('.');
        case 'done': return r.activitiesTotal ? r.activitiesDone / r.activitiesTotal : -1;
        case 'overdue': return r.activitiesOverdue;
        case 'decisions': return r.decisionsOverdue;
        case 'municipal': return r.municipalOverdue;
        case 'mentor': return r.mentorShare ?? 2;
        case 'trained': return r.trainedThisYear;
        case 'risk': return r.riskTotal;
        case 'events': return r.eventsThisTerm;
        case 'qg': return r.quality_group ?? 99;
      }
    };
    const s = search.trim().toLowerCase();
    const out = rows.filter((r) => (!cluster || String(r.cluster) === cluster) && (!qg || String(r.quality_group) === qg) && (!pg || String(r.partner_group_number) === pg)
      && (!onlyAttention || r.attention.length > 0) && (!s || r.name.toLowerCase().includes(s)));
    return out.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (typeof x === 'string' ? RU.compare(x, String(y)) : x - (y as number)) * sort.dir;
    });
  }, [rows, cluster, qg, pg, onlyAttention, search, sort]);
  const ids = filtered.map((r) => r.schoolId).join(',');
  useMemo(() => onFiltered?.(ids ? ids.split(',') : []), [ids]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error) return <Alert color="red">{error}</Alert>;
  if (!value && loading) return <Loader />;
  const th = (k: SortKey, title: string, width?: number) => {
    const active = sort.key === k;
    const Icon = active ? (sort.dir === 1 ? IconChevronUp : IconChevronDown) : IconSelector;
    return (
      <LightTh style={width ? { width } : undefined}>
        <LightButton onClick={() => setSort({ key: k, dir: active ? (-sort.dir as 1 | -1) : 1 })} aria-label={`Сортировать по столбцу «${title}»`} data-testid={`sort-${k}`}>
          <LightText size="xs" style={HEAD_TEXT}>{title}<Icon size={12} style={{ verticalAlign: 'middle', marginLeft: 3 }} /></LightText>
        </LightButton>
        {k === 'qg' && <Term term="ГК" />}
      </LightTh>
    );
  };
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput leftSection={<IconSearch size={16} />} placeholder="Поиск школы" aria-label="Поиск школы" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <NativeSelect label="Кластер" data={[ALL, ...opts((r) => r.cluster)]} value={cluster ?? ''} onChange={(e) => setCluster(e.currentTarget.value || null)} w={120} data-testid="filter-cluster" />
        <NativeSelect label="Группа качества" data={[ALL, ...opts((r) => r.quality_group)]} value={qg ?? ''} onChange={(e) => setQg(e.currentTarget.value || null)} w={150} data-testid="filter-quality-group" />
        <NativeSelect label="Партнёрская группа" data={[ALL, ...opts((r) => r.partner_group_number)]} value={pg ?? ''} onChange={(e) => setPg(e.currentTarget.value || null)} w={170} data-testid="filter-partner-group" />
        <Checkbox label="Только требующие внимания" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.currentTarget.checked)} mb={8} data-testid="filter-attention" />
        <ExcelButton title="Школы — сводка" columns={DASHBOARD_EXCEL} rows={filtered} testId="dashboard-excel" />
        <Button variant="default" onClick={() => setNotSubmitted(true)} data-testid="not-submitted-open">Кто не сдал…</Button>
        {cols.menu}
      </Group>
      <Text size="sm" c="dimmed" data-testid="dashboard-count">Показано: {count(filtered.length, ['школа', 'школы', 'школ'])} из {rows.length}. {value?.term.label}. Красным отмечено то, что требует внимания.</Text>
      {/* The guess is what is measured on a 1366×768 laptop (the tabs on two lines): the box is not resized after the first paint there. */}
      <StickyTable offset={468} testId="dashboard-scroll">
        {/* No minimum width: at 1366×768 the columns fit (headers wrap onto two or three lines, names are short);
            a column too many is hidden with «Столбцы». */}
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={8} data-testid="municipality-dashboard">
          <LightThead>
            <LightTr>
              {COLUMNS.filter((c) => cols.visible(c.key)).map((c) => <Fragment key={c.key}>{th(c.key, c.title, c.key === 'name' ? 150 : undefined)}</Fragment>)}
            </LightTr>
          </LightThead>
          <LightTbody>
            {filtered.map((r) => <SummaryRow key={r.schoolId} r={r} visible={cols.visible} onOpen={onOpen} />)}
          </LightTbody>
        </Table>
      </StickyTable>
      {filtered.length === 0 && <Text c="dimmed" data-testid="dashboard-empty">{rows.length === 0
        ? 'Школ пока нет. Добавьте первую школу в реестр на вкладке «Реестр» или загрузите реестр из Excel, затем выдайте школам файлы подключения.'
        : 'Школ, подходящих под фильтры, нет. Сбросьте фильтры, чтобы увидеть все школы.'}</Text>}
      {notSubmitted && <Suspense fallback={null}><NotSubmittedModal rows={rows} today={value?.today ?? ''} opened onClose={() => setNotSubmitted(false)} /></Suspense>}
    </Stack>
  );
}
