import { z } from 'zod';
import { ruMessage } from './messages.js';

// Messages zod writes itself (a bound without a custom message) are Russian on both sides of the door:
// the renderer checks forms with these schemas before main checks them again. Ours and not zod's Russian
// locale, which still names types in English («ожидалось string»).
z.config({ ...z.locales.ru(), customError: ruMessage });

/** The role of the open workspace file: 'none' until the first-run screen has made it a school or a municipality. */
export type Role = 'none' | 'school' | 'municipality';

/** Calls that work whatever the file is (first run, the demo, the workspace's own state). */
export const ANY_ROLE = ['none', 'school', 'municipality'] as const satisfies readonly Role[];

/**
 * One call across the process boundary: who may make it, its input schema, and its output — as a phantom
 * type, or, when the output carries bytes, as a codec from what the handler returns to JSON for the wire.
 */
export interface CallDef<I extends z.ZodType, Wire, Result = Wire> {
  /** The workspace roles at which main runs the handler; `dispatch` refuses the others before it runs. */
  roles: readonly Role[];
  input: I;
  /** Where the form's fields sit in the input (records.save: 'value'), so field errors are named as the form names them. */
  fieldsAt?: string;
  /** Handler result → wire JSON (bytes → base64), applied by `dispatch`. Absent when the result is plain JSON. */
  output?: z.ZodType;
  /** Never set at run time; carries the wire type (what the renderer gets) and the handler's result type. */
  readonly __types?: { wire: Wire; result: Result };
}

/** A call whose result is plain JSON. `call<Output>('school')(inputSchema)`. */
export function call<O>(...roles: [Role, ...Role[]]) {
  return <I extends z.ZodType>(input: I, opts: { fieldsAt?: string } = {}): CallDef<I, O> => ({ roles, input, ...opts });
}

/** A call whose result carries bytes: the handler returns them, `dispatch` encodes them once through `output`. */
export function callWithBytes<S extends z.ZodType>(output: S, ...roles: [Role, ...Role[]]) {
  return <I extends z.ZodType>(input: I): CallDef<I, z.input<S>, z.output<S>> => ({ roles, input, output });
}

/** What every call returns: errors are values with a Russian message the UI can show as is. */
export type CallResult<O> =
  | { ok: true; value: O }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };
