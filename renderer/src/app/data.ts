/** Small hooks over the contract: load a call's value, reload it when something was saved. */
import { useCallback, useEffect, useState, createContext, useContext } from 'react';
import { CallError } from './api';
import { dropPrefetched, firstCall, takePrefetched, valueNow } from './boot';
import type { CallName, CallInput, CallOutput } from '../../../preload/contract/index';

/** Bumped after every successful write, so every visible list reloads. */
export const DataVersion = createContext<{ version: number; bump: () => void }>({ version: 0, bump: () => {} });

export function useDataVersion() {
  return useContext(DataVersion);
}

export function useCall<K extends CallName>(name: K, input: CallInput<K> | null, deps: unknown[] = []) {
  const { version } = useDataVersion();
  // The first screen's answer may already be in (boot.ts): shown at once, the first load only waits for it.
  const [first] = useState(() => { const slot = takePrefetched(name, input); return { slot, shown: valueNow(slot) !== null }; });
  const [value, setValue] = useState<CallOutput<K> | null>(() => valueNow(first.slot));
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(() => value === null);
  const key = JSON.stringify(input);
  const load = useCallback(async () => {
    if (input === null) return;
    const { slot, shown } = first;
    if (slot) dropPrefetched(name, input);
    first.slot = undefined;
    first.shown = false;
    if (shown) return;
    setLoading(true);
    try {
      setValue(await firstCall(slot, name, input));
      setError(null);
    } catch (e) {
      setError(e instanceof CallError ? e.message : 'Не удалось загрузить данные.');
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, version, ...deps]);
  useEffect(() => {
    void load();
  }, [load]);
  return { value, error, loading, reload: load };
}
