/**
 * «Кто не сдал»: the schools that have sent no file since a chosen day, to ring or to hand out at a meeting —
 * printable on its own (the rest of the screen is hidden from print), and as an Excel table.
 */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { count, formatDate, formatDateLong, isoDay } from '../../../../common/format';
import { schoolSortKey } from '../../../../common/sort';
import type { DashboardRow } from '../../../../preload/contract/index';
import { DateField } from '../../components/DocumentFields';
import { ExcelButton, type ExcelColumn } from '../../components/ExcelButton';

/** The first day of the current month: a department usually asks for the month's files. */
function monthStart(today: string): string {
  return `${today.slice(0, 8)}01`;
}

/** Prints only the `.printable` part; other screens' «Распечатать» still print their whole page. */
function printPart() {
  document.body.classList.add('printing-part');
  window.addEventListener('afterprint', () => document.body.classList.remove('printing-part'), { once: true });
  window.print();
}

const lastText = (r: DashboardRow) => (r.lastBundleAt ? formatDate(r.lastBundleAt) : 'ни одного файла');

export function NotSubmittedModal({ rows, today, opened, onClose }: { rows: DashboardRow[]; today: string; opened: boolean; onClose: () => void }) {
  const [since, setSince] = useState<string | null>(() => monthStart(today || isoDay(new Date())));
  const missing = since ? rows.filter((r) => !r.lastBundleAt || isoDay(new Date(r.lastBundleAt)) < since)
    .sort((a, b) => schoolSortKey(a.name).localeCompare(schoolSortKey(b.name), 'ru')) : [];
  const excel: ExcelColumn<DashboardRow>[] = [
    { key: 'name', header: 'Школа', value: (r) => r.name },
    { key: 'last', header: 'Последний файл', value: lastText },
    { key: 'curator', header: 'Куратор', value: (r) => r.curator_name ?? '' },
  ];
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title="Кто не сдал файл" data-testid="not-submitted">
      <Stack>
        <Group align="flex-end">
          <DateField label="Не сдали файл с" value={since} onChange={setSince} required testId="not-submitted-since" />
          <Button leftSection={<IconPrinter size={16} />} variant="default" onClick={printPart} disabled={!since}>Распечатать</Button>
          <ExcelButton title="Кто не сдал файл" columns={excel} rows={missing} testId="not-submitted-excel" />
        </Group>
        <div className="printable">
          <Title order={4}>Школы, не сдавшие файл «Опоры» с {since ? formatDateLong(since) : '…'}</Title>
          <Text size="sm" mb="xs" data-testid="not-submitted-count">
            {missing.length ? `${count(missing.length, ['школа', 'школы', 'школ'])} из ${rows.length}.` : `Все ${count(rows.length, ['школа', 'школы', 'школ'])} сдали файл за это время.`}
          </Text>
          {missing.length > 0 && (
            <Table striped withTableBorder data-testid="not-submitted-list">
              <Table.Thead><Table.Tr><Table.Th>№</Table.Th><Table.Th>Школа</Table.Th><Table.Th>Последний файл</Table.Th><Table.Th>Куратор</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {missing.map((r, i) => (
                  <Table.Tr key={r.schoolId}>
                    <Table.Td>{i + 1}</Table.Td><Table.Td>{r.name}</Table.Td><Table.Td>{lastText(r)}</Table.Td><Table.Td>{r.curator_name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
    </Modal>
  );
}
