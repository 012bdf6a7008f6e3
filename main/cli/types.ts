/** What every `opora` command is: a name, a Russian help text, its options, and a run function. */
import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Injected so tests can move time. */
  now(): Date;
}

export interface CliCommand {
  name: string;
  /** One line for `opora --help`. */
  summary: string;
  /** Full help for `opora <command> --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  /** Values as node:util's parseArgs gives them for options known only at run time. */
  run(args: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }, io: CliIO): Promise<number> | number;
}

/** A user error: printed in Russian to stderr, with this exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export const EXIT = { ok: 0, error: 1, usage: 2, notAllAccepted: 3 } as const;

export function need(values: Record<string, unknown>, name: string, what: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new CliError(`Не указан параметр --${name} (${what}). Справка: opora --help`, EXIT.usage);
  return v;
}
