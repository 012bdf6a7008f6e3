/** Small display helpers of the event log. */
import { formatDate } from '../../../../common/format';
import type { Row } from '../../../../preload/contract/index';

/** «19.03.2021» or «19.03.2021–21.03.2021». */
export function eventDates(row: Pick<Row, 'date_from' | 'date_to'> | Row): string {
  const from = formatDate(row.date_from as string | null);
  const to = row.date_to && row.date_to !== row.date_from ? formatDate(row.date_to as string) : '';
  return to ? `${from}–${to}` : from;
}
