import { Badge } from '@mantine/core';
import { activityStatus } from '../../../common/labels';

const STATUS_COLORS: Record<string, string> = { planned: 'gray', in_progress: 'blue', done: 'teal', not_done: 'red', cancelled: 'dark' };

export function ActivityStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  if (overdue) return <Badge color="red" variant="filled" tt="none" style={{ flexShrink: 0 }}>Просрочено</Badge>;
  return <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" tt="none" style={{ flexShrink: 0 }}>{activityStatus.labels[status as keyof typeof activityStatus.labels] ?? status}</Badge>;
}

/** Looks up a label in a vocabulary; shows the code if the vocabulary does not know it. */
export function label(vocab: { labels: Record<string, string> }, code: unknown): string {
  return vocab.labels[String(code)] ?? String(code ?? '');
}
