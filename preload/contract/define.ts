import type { z } from 'zod';

/** One call across the process boundary: its input schema, and its output type (phantom). */
export interface CallDef<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time; carries the output type. */
  readonly __output?: O;
}

export function call<O>() {
  return <I extends z.ZodType>(input: I): CallDef<I, O> => ({ input });
}

/** What every call returns: errors are values with a Russian message the UI can show as is. */
export type CallResult<O> =
  | { ok: true; value: O }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };
