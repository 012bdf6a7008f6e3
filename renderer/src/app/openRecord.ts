/**
 * «Открыть запись» from a message on another screen (the export review names «обучающийся № 5»): the shell
 * goes to the page that holds the record, and that page's list opens its card. One request at a time; the
 * list that opens it takes it, so going back to the page later does not open the card again.
 */
import { useEffect, useState } from 'react';

export interface OpenRequest { table: string; id: string }

let pending: OpenRequest | null = null;
const listeners = new Set<(r: OpenRequest) => void>();

export function openRecord(r: OpenRequest): void {
  pending = r;
  for (const l of listeners) l(r);
}

/** Calls `onRequest` for every request (the shell: go to the page). */
export function useOpenRequests(onRequest: (r: OpenRequest) => void): void {
  useEffect(() => {
    listeners.add(onRequest);
    return () => { listeners.delete(onRequest); };
  }, [onRequest]);
}

/**
 * The id of a record of `table` asked to be opened, taken once (the list that shows `table`'s cards). Taken in
 * an effect, never while rendering: a lazily loaded page may render, suspend on a chunk and render again, and a
 * request taken by the discarded render would be lost (the card never opened on a slow computer).
 */
export function useOpenRequest(table: string): string | null {
  const [id, setId] = useState<string | null>(() => (pending?.table === table ? pending.id : null));
  useEffect(() => {
    const take = () => {
      if (pending?.table !== table) return;
      setId(pending.id);
      pending = null;
    };
    take();
    const l = (r: OpenRequest) => { if (r.table === table) take(); };
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, [table]);
  return id;
}

/** Which table a request is for, peeked without taking it (the page that must show the right tab first). */
export function pendingTable(): string | null {
  return pending?.table ?? null;
}
