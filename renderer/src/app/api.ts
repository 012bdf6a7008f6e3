/**
 * The renderer's only door to the data: window.opora (the Electron preload) or, in a browser tab, the
 * same contract over HTTP to the local host. Both are typed by preload/contract.
 */
import type { z } from 'zod';
// issues.ts on its own: the contract's index would bring every schema and zod into the first script.
import { describeIssues } from '../../../preload/contract/issues';
import type { OporaBridge, CallName, CallInput, CallOutput, CallResult } from '../../../preload/contract/index';

declare global {
  interface Window {
    opora?: OporaBridge;
  }
}

function httpBridge(): OporaBridge {
  const token = document.querySelector('meta[name="opora-token"]')?.getAttribute('content') ?? '';
  return {
    async call(name, input) {
      try {
        const res = await fetch('./api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Opora-Token': token },
          body: JSON.stringify({ name, input }),
        });
        if (!res.ok && res.headers.get('content-type')?.includes('json') !== true) {
          return { ok: false, code: 'http_' + res.status, message: 'Программа отклонила запрос. Перезапустите её.' };
        }
        return (await res.json()) as CallResult<never>;
      } catch {
        return { ok: false, code: 'offline', message: 'Нет связи с программой. Проверьте, что она запущена, и повторите.' };
      }
    },
  };
}

export const bridge: OporaBridge = window.opora ?? httpBridge();

/** Fired when main refuses a call as locked (LockGate listens and shows the lock screen). */
export const LOCKED_EVENT = 'opora-locked';

export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Calls main and returns the value, or throws a CallError carrying the Russian message. */
export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  return settle(name, await bridge.call(name, input));
}

/** A call's answer as call() gives it: the value, or a CallError (and the lock screen when main says locked). */
export function settle<K extends CallName>(name: K, r: CallResult<CallOutput<K>>): CallOutput<K> {
  // The workspace is locked (or a file behind its password was just opened): the lock screen asks main again.
  if (!r.ok && r.code === 'locked' && name !== 'privacy.state') window.dispatchEvent(new Event(LOCKED_EVENT));
  if (!r.ok) throw new CallError(r.code, r.message, r.fieldErrors);
  return r.value;
}

/**
 * Values from a hand-made form, checked with a call's schema here before they are sent: the same Russian
 * messages main would give, and what the schema produced is typed as that call's input.
 */
export function checked<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const { message, fieldErrors } = describeIssues(r.error);
  throw new CallError('invalid_input', message, fieldErrors);
}
