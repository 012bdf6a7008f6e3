/**
 * A paged, searchable, sortable list of one record kind. Paging happens in the database, so a list of
 * 1,500 events opens as fast as one of 15. Wide lists scroll inside the window with the header and the
 * first column in place, and their columns can be hidden (StickyTable).
 */
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Table, TextInput, Group, Pagination, Text, Loader, Alert, UnstyledButton, Center, Box } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconChevronUp, IconChevronDown, IconSelector } from '@tabler/icons-react';
import { useCall } from '../app/data';
import type { EntityName, Row } from '../../../preload/contract/index';
import { count } from '../../../common/format';
import { StickyTable, useHiddenColumns } from './StickyTable';

export interface Column {
  key: string;
  title: string;
  /** Name of the sort field in the list spec; omit to make the column unsortable. */
  sort?: string;
  width?: number | string;
  render?: (row: Row) => ReactNode;
}

export interface RecordTableProps {
  entity: EntityName;
  columns: Column[];
  filters?: Record<string, string | number | null>;
  /** Controls placed next to the search box (filter selects, an add button). */
  toolbar?: ReactNode;
  onOpen?: (row: Row) => void;
  pageSize?: number;
  searchPlaceholder?: string;
  noun?: readonly [string, string, string];
  testId?: string;
  empty?: ReactNode;
  defaultSort?: { field: string; dir: 'asc' | 'desc' };
  /** How much of the window is above the table (page header, tabs, filters), so the table fits below it. */
  scrollOffset?: number;
  /** The screen's main list: it scrolls with the page instead of in a box of its own (StickyTable). */
  pageScroll?: boolean;
  /**
   * Rows in groups: sorted by `sort` (a list-spec sort whose first term is the group) and a heading row wherever
   * `of(row)` changes. The column sort is set aside while grouped.
   */
  group?: { sort: string; of: (row: Row) => string };
}

export function RecordTable(props: RecordTableProps) {
  const pageSize = props.pageSize ?? 50;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ field: string; dir: 'asc' | 'desc' } | undefined>(props.defaultSort);
  const filterKey = JSON.stringify(props.filters ?? {});
  useEffect(() => setPage(1), [debounced, filterKey, sort?.field, sort?.dir]);
  const groupSort = props.group?.sort;
  useEffect(() => setPage(1), [groupSort]);
  const { value, error, loading } = useCall('records.list', {
    entity: props.entity,
    search: debounced,
    filters: props.filters ?? {},
    sort: groupSort ? { field: groupSort, dir: 'asc' } : sort,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const noun = props.noun ?? ['запись', 'записи', 'записей'];
  // The first column names the record: it stays, and it is the one that sticks while scrolling sideways.
  const cols = useHiddenColumns(props.testId ?? props.entity, props.columns, props.columns.slice(0, 1).map((c) => c.key));
  const shown = props.columns.filter((c) => cols.visible(c.key));
  const pages = value ? Math.max(1, Math.ceil(value.total / pageSize)) : 1;

  const header = (c: Column) => {
    if (!c.sort) return <Table.Th key={c.key} style={{ width: c.width }}>{c.title}</Table.Th>;
    const active = sort?.field === c.sort;
    const Icon = active ? (sort!.dir === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
    return (
      <Table.Th key={c.key} style={{ width: c.width }}>
        <UnstyledButton
          onClick={() => setSort(active && sort!.dir === 'asc' ? { field: c.sort!, dir: 'desc' } : { field: c.sort!, dir: 'asc' })}
          aria-label={`Сортировать по столбцу «${c.title}»`}
        >
          <Group gap={4} wrap="nowrap">
            <Text fw={600} size="sm">{c.title}</Text>
            <Icon size={14} />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Box data-testid={props.testId}>
      <Group mb="sm" align="flex-end" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={props.searchPlaceholder ?? 'Поиск'}
          aria-label="Поиск"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
        />
        {props.toolbar}
        {props.columns.length > 4 && cols.menu}
      </Group>
      {error && <Alert color="red" mb="sm">{error}</Alert>}
      <StickyTable offset={props.scrollOffset ?? 300} pageScroll={props.pageScroll}>
        <Table striped highlightOnHover verticalSpacing="xs" miw={700}>
          <Table.Thead>
            <Table.Tr>{shown.map(header)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value?.rows.map((row, i) => (
              <Fragment key={row.id}>
              {props.group && (i === 0 || props.group.of(row) !== props.group.of(value.rows[i - 1]!)) && (
                <Table.Tr className="group-row" data-testid="group-row"><Table.Td colSpan={shown.length}><Text size="sm" fw={700}>{props.group.of(row)}</Text></Table.Td></Table.Tr>
              )}
              <Table.Tr className={props.onOpen ? 'row-click' : undefined} onClick={() => props.onOpen?.(row)} data-row-id={row.id}>
                {shown.map((c) => (
                  <Table.Td key={c.key} className="cell-wrap">{c.render ? c.render(row) : (row[c.key] ?? '')}</Table.Td>
                ))}
              </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </StickyTable>
      {value && value.total === 0 && !loading && (
        // Only a search the user typed is a reason to «change the search»; a list that is simply empty says what to add first.
        <Center py="lg"><Text c="dimmed">{debounced ? `По запросу «${debounced}» ничего не найдено. Измените или очистите поиск.` : props.empty ?? 'Здесь пока нет записей. Нажмите «Добавить…» над списком, чтобы внести первую.'}</Text></Center>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">{value ? `Всего: ${count(value.total, noun)}` : ''}{loading && <Loader size="xs" ml="xs" />}</Text>
        {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      </Group>
    </Box>
  );
}
