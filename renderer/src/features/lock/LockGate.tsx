/**
 * The window behind the lock: until main says the workspace is open, only the lock screen is shown. Keys and
 * clicks are reported to main at most once a minute (the idle lock counts from them); a check every 20 s
 * shows the lock screen as soon as main has locked itself.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import type { PrivacyState } from '../../../../preload/contract/index';
import { call, LOCKED_EVENT } from '../../app/api';
import { useDataVersion } from '../../app/data';
import { dropPrefetched, firstCall, takePrefetched, valueNow, WINDOW_OPENED } from '../../app/boot';
import { PrivacyContext } from './privacy';

// Only a locked window shows it: an open one does not wait for its script.
const LockScreen = lazy(() => import('./LockScreen').then((m) => ({ default: m.LockScreen })));

export function LockGate(props: { children: ReactNode }) {
  // The entry script asked already (boot.ts): its answer, when in, is the first render's.
  const [first] = useState(() => takePrefetched('privacy.state', WINDOW_OPENED));
  const [state, setState] = useState<PrivacyState | null>(() => valueNow(first));
  const { bump, version } = useDataVersion();
  // bump changes with every data version; set must not, or the window-opened check below would run again.
  const bumpRef = useRef(bump);
  bumpRef.current = bump;
  const wasLocked = useRef(false);
  const set = useCallback((s: PrivacyState) => {
    setState(s);
    // Lists loaded while locked showed a refusal: reload them once the workspace opens.
    if (wasLocked.current && !s.locked) bumpRef.current();
    wasLocked.current = s.locked;
  }, []);
  const reload = useCallback(async () => {
    try { set(await call('privacy.state', {})); } catch { /* the next check repeats it */ }
  }, [set]);

  // A window that opens (or reloads) starts locked when a password is set: whoever sits down next must know it.
  useEffect(() => {
    dropPrefetched('privacy.state', WINDOW_OPENED);
    if (valueNow(first)) return void set(valueNow(first)!);
    void firstCall(first, 'privacy.state', WINDOW_OPENED).then(set, () => setState({ locked: false, lost: false, hasPassword: false, keyStore: 'plain', idleMinutes: 0, suggestPassword: false }));
  }, [set, first]);
  // A refusal as locked anywhere (an idle lock, a file behind its password just switched to): ask main now.
  useEffect(() => {
    const onLocked = () => void reload();
    window.addEventListener(LOCKED_EVENT, onLocked);
    return () => window.removeEventListener(LOCKED_EVENT, onLocked);
  }, [reload]);
  // The demo school and the user's own file have a lock each: after any change the header asks again.
  useEffect(() => { if (version) void reload(); }, [version, reload]);
  useEffect(() => {
    if (!state?.hasPassword || state.locked) return;
    let last = 0;
    const active = () => {
      const now = Date.now();
      if (now - last < 60_000) return;
      last = now;
      void call('privacy.touch', {}).then(set, () => {});
    };
    const timer = setInterval(() => void reload(), 20_000);
    window.addEventListener('keydown', active);
    window.addEventListener('pointerdown', active);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', active);
      window.removeEventListener('pointerdown', active);
    };
  }, [state?.hasPassword, state?.locked, reload, set]);

  const value = { state, reload, set };
  if (!state) return <Center h="100vh"><Loader /></Center>;
  return <PrivacyContext.Provider value={value}>{state.locked || state.lost ? <Suspense fallback={<Center h="100vh"><Loader /></Center>}><LockScreen /></Suspense> : props.children}</PrivacyContext.Provider>;
}
