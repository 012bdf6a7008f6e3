/** A rule of db/rules.ts for a Kysely query: the named parameters become bound values. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { RuleParams } from '../../../db/rules.js';

/** A fragment for Kysely: each `@day`, `@from`, `@to` becomes a bound value. A parameter the fragment uses must be given. */
export function kyselyRule(fragment: string, params: RuleParams): RawBuilder<SqlBool> {
  const parts = fragment.split(/@(day|from|to)\b/);
  let out: RawBuilder<SqlBool> = sql.raw(parts[0]!);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as keyof RuleParams;
    const value = params[name];
    if (value === undefined) throw new Error(`kyselyRule: no value for @${name}`);
    out = sql<SqlBool>`${out}${value}${sql.raw(parts[i + 1]!)}`;
  }
  return out;
}
