/**
 * Handlers are written per area, next to the area's services (`<area>.handlers.ts`), and joined into one
 * map by `joinAreas` (after Actual Budget's createApp): a name claimed by two areas stops the start.
 */
import type { CallName, CallParsed, CallResultValue } from '../../../preload/contract/index.js';
import type { HandlerEnv } from './context.js';

/** One call's handler: the workspace and the input as the contract's schema left it. */
export type Handler<K extends CallName> = (env: HandlerEnv, input: CallParsed<K>) => CallResultValue<K> | Promise<CallResultValue<K>>;
export type AreaHandlers<K extends CallName> = { [P in K]: Handler<P> };
export type Handlers = AreaHandlers<CallName>;

/** An area's handlers, typed by the contract: a name it lacks, a wrong input or result type does not compile. */
export function defineArea<K extends CallName>(handlers: AreaHandlers<K>): AreaHandlers<K> {
  return handlers;
}

type Joined<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;

/** One map of every area's handlers; refuses a name two areas claim. */
export function joinAreas<T extends Partial<Handlers>[]>(...areas: T): Joined<T[number]> {
  const all: Partial<Record<CallName, unknown>> = {};
  for (const area of areas) {
    for (const name of Object.keys(area) as CallName[]) {
      if (Object.hasOwn(all, name)) throw new Error(`Обработчик вызова «${name}» объявлен в двух областях.`);
      all[name] = area[name];
    }
  }
  return all as Joined<T[number]>;
}
