/** How the exchange screen names an import's outcome, its counts and its time. */
import { Badge } from '@mantine/core';
import type { ExchangeImportResult, ExchangeCounts } from '../../../../preload/contract/index';

export const STATUS: Record<ExchangeImportResult['status'], { label: string; color: string }> = {
  accepted: { label: 'Принят', color: 'teal' },
  rejected: { label: 'Отклонён', color: 'red' },
  quarantined: { label: 'В карантине', color: 'orange' },
};

export function formatDateTime(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
}

export function countsText(c: Partial<ExchangeCounts> | undefined) {
  if (!c) return '';
  const parts = [`новых ${c.new ?? 0}`, `изменённых ${c.updated ?? 0}`, `без изменений ${c.unchanged ?? 0}`, `удалённых ${c.deleted ?? 0}`];
  if (c.conflicts) parts.push(`конфликтов ${c.conflicts}`);
  return parts.join(', ');
}

/** A dry run is never a green «Принят»: nothing was written, so it says what would happen. */
export function StatusBadge({ status, dryRun = false }: { status: ExchangeImportResult['status']; dryRun?: boolean }) {
  if (dryRun && status === 'accepted') return <Badge color="blue" variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} miw={110}>Проверка: файл будет принят</Badge>;
  if (dryRun && status === 'rejected') return <Badge color="red" variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} miw={110}>Проверка: файл не будет принят</Badge>;
  return <Badge color={STATUS[status].color} variant="light" tt="none" style={{ flexShrink: 0, overflow: "visible" }} miw={110}>{STATUS[status].label}</Badge>;
}
