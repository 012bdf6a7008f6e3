/**
 * One user action that writes: shows it is busy, refreshes every visible list afterwards, and turns a
 * refusal into the Russian notification — the pattern every button that calls main would otherwise repeat.
 */
import { useCallback, useState } from 'react';
import { useDataVersion } from './data';
import { notifyError } from './notify';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const { bump } = useDataVersion();
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      try {
        await action();
        bump();
      } catch (e) {
        notifyError(e);
      } finally {
        setBusy(false);
      }
    },
    [bump],
  );
  return { busy, run };
}
