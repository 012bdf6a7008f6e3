/** An enrollment file the user picked, read and previewed by main (who enrolls whom, with which key). */
import { useState } from 'react';
import { call } from '../../app/api';
import { notifyError } from '../../app/notify';
import { readAsBase64 } from '../../components/files';
import type { ExchangeEnrollmentInfo } from '../../../../preload/contract/index';

export interface PickedEnrollment { info: ExchangeEnrollmentInfo; fileName: string; dataBase64: string }

export function useEnrollmentFile() {
  const [pending, setPending] = useState<PickedEnrollment | null>(null);
  const pick = async (file: File | null) => {
    if (!file) return;
    try {
      const dataBase64 = await readAsBase64(file);
      setPending({ info: await call('exchange.previewEnrollment', { fileName: file.name, dataBase64 }), fileName: file.name, dataBase64 });
    } catch (e) {
      notifyError(e);
    }
  };
  return { pending, pick, clear: () => setPending(null) };
}
