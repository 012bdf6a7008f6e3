/**
 * Every object in every call's input is strict at every level: an unknown key is refused, not silently
 * dropped (a dropped key hides a renderer bug, and a caller probing for fields learns nothing either way).
 */
import { describe, it, expect } from 'vitest';
import type { z } from 'zod';
import { CALL_NAMES, contract } from '../../preload/contract/index.js';
import { testWorkspace } from '../helpers.js';

interface Def { type: string; [k: string]: unknown }
const defOf = (s: unknown): Def | null => ((s as { _zod?: { def?: Def } })?._zod?.def ?? null);

/** Paths of object schemas inside `schema` that would accept an unknown key. */
function looseObjects(schema: z.ZodType, path = '$', seen = new Set<unknown>()): string[] {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  const out: string[] = [];
  const visit = (s: unknown, p: string) => { if (s) out.push(...looseObjects(s as z.ZodType, p, seen)); };
  if (def.type === 'object') {
    if (defOf(def.catchall)?.type !== 'never') out.push(path);
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) visit(v, `${path}.${k}`);
    return out;
  }
  for (const key of ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType', 'rest']) visit(def[key], path);
  for (const key of ['options', 'items']) (def[key] as unknown[] | undefined)?.forEach((o, i) => visit(o, `${path}|${i}`));
  if (def.type === 'lazy') visit((def.getter as () => unknown)(), path);
  return out;
}

describe('contract inputs are strict at every level', () => {
  it('no call accepts an unknown key in any object of its input', () => {
    const loose = CALL_NAMES.flatMap((n) => looseObjects(contract[n].input).map((p) => `${n}: ${p}`));
    expect(loose).toEqual([]);
  });

  it('an unknown nested key is refused by main with a Russian message', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МОУ «Гаевская ООШ»' });
    const cases: [string, unknown][] = [
      ['records.list', { entity: 'pupil', sort: { field: 'full_name', dir: 'asc', evil: 1 } }],
      ['records.save', { entity: 'pupil', value: { full_name: 'Иванов Иван', class_name: '5А', extra: 'x' } }],
      ['workspace.openDemo', { size: 'small', extra: 1 }],
      ['dashboard.school', { extra: 1 }],
    ];
    for (const [name, input] of cases) {
      const r = await t.call(name as 'records.list', input as never);
      expect(r.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[А-Яа-яЁё]/);
    }
  });
});
