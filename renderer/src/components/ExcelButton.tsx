/** «В Excel»: the table the user sees, with the same columns and Russian headers, as an .xlsx file. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { call } from '../app/api';
import { notifyError } from '../app/notify';
import { downloadFile } from './files';

export interface ExcelColumn<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | null;
}

export function ExcelButton<T>({ title, columns, rows, testId }: { title: string; columns: ExcelColumn<T>[]; rows: T[]; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      downloadFile(await call('reports.tableXlsx', {
        title,
        columns: columns.map((c) => ({ key: c.key, header: c.header })),
        rows: rows.map((r) => columns.map((c) => c.value(r))),
      }));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => void run()} data-testid={testId} disabled={!rows.length}>
      В Excel
    </Button>
  );
}
