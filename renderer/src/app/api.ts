/**
 * The renderer's only door to the data: window.opora (the Electron preload) or, in a browser tab, the
 * same contract over HTTP to the local host. Both are typed by preload/contract.
 */
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
  const r = await bridge.call(name, input);
  if (!r.ok) throw new CallError(r.code, r.message, r.fieldErrors);
  return r.value;
}
