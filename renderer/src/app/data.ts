/** Small hooks over the contract: load a call's value, reload it when something was saved. */
import { useCallback, useEffect, useState, createContext, useContext } from 'react';
import { call, CallError } from './api';
import type { CallName, CallInput, CallOutput } from '../../../preload/contract/index';

/** Bumped after every successful write, so every visible list reloads. */
export const DataVersion = createContext<{ version: number; bump: () => void }>({ version: 0, bump: () => {} });

export function useDataVersion() {
  return useContext(DataVersion);
}

export function useCall<K extends CallName>(name: K, input: CallInput<K> | null, deps: unknown[] = []) {
  const { version } = useDataVersion();
  const [value, setValue] = useState<CallOutput<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const load = useCallback(async () => {
    if (input === null) return;
    setLoading(true);
    try {
      setValue(await call(name, input));
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
