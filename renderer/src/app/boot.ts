/**
 * The first screen's calls, started by the entry script before React renders anything. Left to the components,
 * they ran one after another, each after a render on an old laptop's slow processor: the lock asked main, then
 * the shell asked which workspace, then the page's script was fetched, and only then the page asked for its data.
 * Here each starts the moment the one before answers; the components take the answers (once) instead of asking.
 */
import type { CallInput, CallName, CallOutput, CallResult } from '../../../preload/contract/index';
import { bridge, call, settle } from './api';
import { preloadFirstPage } from './pages';

type Slot<T = unknown> = { promise: Promise<CallResult<T>>; result?: CallResult<T> };
const slots = new Map<string, Slot>();
const keyOf = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;

function start<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>> {
  const promise = bridge.call(name, input);
  const slot: Slot<CallOutput<K>> = { promise };
  promise.then((r) => { slot.result = r; }, () => {});
  slots.set(keyOf(name, input), slot as Slot);
  return promise;
}

/**
 * The answer started here for this call, if any. Looking does not hand it out: a render React throws away (a
 * sibling's script still on its way) looks again, and must find it — else the page asks main a second time.
 * The component hands it out (dropPrefetched) when its first load runs; a later load (after a save) asks main again.
 */
export function takePrefetched<K extends CallName>(name: K, input: CallInput<K> | null): Slot<CallOutput<K>> | undefined {
  if (input === null) return undefined;
  return slots.get(keyOf(name, input)) as Slot<CallOutput<K>> | undefined;
}

export function dropPrefetched<K extends CallName>(name: K, input: CallInput<K>): void {
  slots.delete(keyOf(name, input));
}

/** The value of an answer already in, if it is one: the first render shows it instead of a spinner. */
export function valueNow<T>(slot: Slot<T> | undefined): T | null {
  return slot?.result?.ok ? slot.result.value : null;
}

/** The call's answer as call() gives it: the one started here when there is one, else asked now. */
export async function firstCall<K extends CallName>(slot: Slot<CallOutput<K>> | undefined, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  return slot ? settle(name, await slot.promise) : call(name, input);
}

const PAGE_WAIT_MS = 1000;
const GUESS_KEY = 'opora.firstPage';

function readGuess(): 'dashboard' | 'schools' | null {
  try {
    const v = localStorage.getItem(GUESS_KEY);
    return v === 'dashboard' || v === 'schools' ? v : null;
  } catch {
    return null;
  }
}

function rememberGuess(page: 'dashboard' | 'schools' | null) {
  try {
    if (page) localStorage.setItem(GUESS_KEY, page);
    else localStorage.removeItem(GUESS_KEY);
  } catch { /* a storage that refuses only costs the next start this head start */ }
}

/** The window's first question to main (it locks a window that opens when a password is set): asked once, here. */
export const WINDOW_OPENED = { windowOpened: true } as const;

/**
 * Starts the chain; resolves once the lock and the workspace have answered and the first page's script and data
 * are in (or have failed), so that React draws the shell and the page in one go, not a spinner for each in turn.
 * Data slower than PAGE_WAIT_MS does not hold the shell back: the page then shows its own spinner, as before.
 */
export function startFirstScreen(): Promise<void> {
  // The page this computer opened first last time is fetched beside the lock's question, not after the two
  // answers: its script and the scripts it imports are two or three rounds of the network on their own.
  const hash = location.hash.slice(1);
  const guess = readGuess();
  if (guess && (hash === '' || hash === guess)) void preloadFirstPage(guess);
  return start('privacy.state', WINDOW_OPENED).then(async (p) => {
    // A locked window shows only the lock screen: nothing behind it is asked for.
    if (!p.ok || p.value.locked || p.value.lost) return;
    const w = await start('workspace.state', {});
    if (!w.ok) return;
    const role = w.value.role;
    // The page the shell opens first (App.tsx): the role's first page, unless the address names another.
    rememberGuess(role === 'school' ? 'dashboard' : role === 'municipality' ? 'schools' : null);
    let page: Promise<unknown>[] = [];
    if (role === 'school' && (hash === '' || hash === 'dashboard')) {
      page = [preloadFirstPage('dashboard'), start('dashboard.school', {}), start('privacy.consentMissing', {})];
    } else if (role === 'municipality' && (hash === '' || hash === 'schools')) {
      page = [preloadFirstPage('schools'), start('municipality.dashboard', {})];
    }
    await Promise.race([Promise.allSettled(page), new Promise((resolve) => setTimeout(resolve, PAGE_WAIT_MS))]);
  }).catch(() => {});
}
