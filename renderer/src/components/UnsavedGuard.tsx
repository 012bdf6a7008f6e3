/**
 * Unsaved input is never dropped silently: every form with changes registers itself here
 * (`useUnsavedChanges(dirty)`), and whatever would unmount it — a click in the navigation, a tab switch,
 * closing the window — asks first (`leaveForm(action)`, the browser's own question on close). One question
 * for the whole app, rendered once by <UnsavedGuard />.
 */
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';

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

/** The one question; render once near the root. */
export function UnsavedGuard() {
  const [pending, setPending] = useState<(() => void) | null>(null);
  useEffect(() => {
    ask = (action) => setPending(() => action);
    return () => { ask = null; };
  }, []);
  const leave = () => {
    const action = pending;
    setPending(null);
    dirtyForms.clear();
    window.removeEventListener('beforeunload', onBeforeUnload);
    action?.();
  };
  return (
    <Modal opened={!!pending} onClose={() => setPending(null)} closeOnEscape={false} title={<Text fw={600}>Несохранённые изменения</Text>} centered zIndex={600}>
      <Text mb="md">В форме есть несохранённые изменения. Уйти без сохранения?</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setPending(null)} data-autofocus>Остаться и сохранить</Button>
        <Button color="red" onClick={leave}>Уйти без сохранения</Button>
      </Group>
    </Modal>
  );
}
