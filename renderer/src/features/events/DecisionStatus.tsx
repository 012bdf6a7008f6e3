/** How a decision stands: done (with the date), overdue (red), or still open. */
import { Badge, Text } from '@mantine/core';
import { formatDate } from '../../../../common/format';
import type { Row } from '../../../../preload/contract/index';

export function DecisionStatus({ row }: { row: Row }) {
  if (row.done_on) return <Badge color="teal" variant="light">Исполнено {formatDate(String(row.done_on))}</Badge>;
  if (row.overdue === 1) return <Badge color="red" variant="filled">Просрочено</Badge>;
  return <Badge color="blue" variant="light">В работе</Badge>;
}

export function Deadline({ row }: { row: Row }) {
  if (!row.deadline) return <Text size="sm" c="dimmed">без срока</Text>;
  const overdue = row.overdue === 1;
  return <Text size="sm" c={overdue ? 'red.7' : undefined} fw={overdue ? 700 : undefined}>{formatDate(String(row.deadline))}</Text>;
}
