/**
 * Unsaved input is never dropped silently: every form with changes registers itself here
 * (`useUnsavedChanges(dirty)`), and whatever would unmount it — a click in the navigation, a tab switch,
 * closing the window — asks first (`leaveForm(action)`, the browser's own question on close). One question
 * for the whole app, rendered once by <UnsavedGuard />.
 */
import { lazy, Suspense, useEffect, useState } from 'react';

const dirtyForms = new Set<symbol>();
let ask: ((action: () => void) => void) | null = null;

function onBeforeUnload(e: BeforeUnloadEvent) {
  e.preventDefault();
}

/** Marks the calling form as holding unsaved changes while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const key = Symbol('form');
    dirtyForms.add(key);
    if (dirtyForms.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      dirtyForms.delete(key);
      if (dirtyForms.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
}

/** Runs `action` at once when no form holds changes; otherwise asks, and runs it only on «Уйти без сохранения». */
export function leaveForm(action: () => void): void {
  if (dirtyForms.size === 0 || !ask) action();
  else ask(action);
}

// The question's dialog is fetched the first time it is asked, not with the first screen (a closed modal there
// cost the first draw its own pass); it is mounted closed and opened a frame later, so it fades in as before.
const UnsavedDialog = lazy(() => import('./UnsavedDialog').then((m) => ({ default: m.UnsavedDialog })));

/** The one question; render once near the root. */
export function UnsavedGuard() {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [used, setUsed] = useState(false);
  useEffect(() => {
    ask = (action) => { setUsed(true); requestAnimationFrame(() => setPending(() => action)); };
    return () => { ask = null; };
  }, []);
  const leave = () => {
    const action = pending;
    setPending(null);
    dirtyForms.clear();
    window.removeEventListener('beforeunload', onBeforeUnload);
    action?.();
  };
  return used ? <Suspense fallback={null}><UnsavedDialog opened={!!pending} onStay={() => setPending(null)} onLeave={leave} /></Suspense> : null;
}
