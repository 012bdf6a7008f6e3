/**
 * Every message a form can show comes from Russian text (issue 11, item 1): each field rule of the registry,
 * and every call's input schema, given empty and wrong values, answers in Russian with no Latin word, no type
 * name and no id; an optional number left empty is not an error.
 */
import { describe, it, expect } from 'vitest';
import { allTables, type Field } from '../../db/registry/index.js';
import { fieldSchema, formSchema } from '../../preload/contract/from-registry.js';
import { CALL_NAMES, contract } from '../../preload/contract/index.js';

const LATIN_WORD = /[A-Za-z]{2,}/;
const WRONG: unknown[] = [null, undefined, '', '   ', 'абв', -1, 1.5, 1e12, Number.NaN, true, {}, [], ['нет такого'], 'x'.repeat(20001), '31.02.2021', '2021-02-31'];

function messagesOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error!.issues.map((i) => i.message);
}

const fields = allTables().flatMap((t) => Object.entries(t.fields as Record<string, Field>).map(([name, field]) => ({ table: t.name, name, field })));

describe('form messages', () => {
  it('covers every field kind of the registry', () => {
    expect(new Set(fields.map((f) => f.field.kind))).toEqual(new Set(['text', 'date', 'int', 'real', 'flag', 'vocab', 'codes', 'ref', 'uuid']));
  });

  it('answers every wrong value of every registry field in Russian words only', () => {
    for (const { table, name, field } of fields) {
      for (const input of WRONG) {
        for (const m of messagesOf(fieldSchema(field), input)) {
          expect(m, `${table}.${name} ← ${JSON.stringify(input)}`).toMatch(/[А-Яа-яЁё]/);
          expect(m, `${table}.${name} ← ${JSON.stringify(input)}`).not.toMatch(LATIN_WORD);
        }
      }
    }
  });

  it('names the field in the message of a required field left empty', () => {
    for (const { table, name, field } of fields) {
      if (field.kind === 'flag' || field.kind === 'real' || !('required' in field) || !field.required) continue;
      if (field.kind === 'ref' && field.pick) continue; // its own words: «Выберите педагога»
      const [m] = messagesOf(fieldSchema(field), field.kind === 'text' ? '' : null);
      expect(m, `${table}.${name}`).toBeDefined();
      expect(m!.toLowerCase(), `${table}.${name}`).toContain(field.label.toLowerCase().slice(0, 6));
    }
  });

  it('accepts an optional number left empty, as null or as absent', () => {
    for (const { table, name, field } of fields) {
      if ((field.kind !== 'int' && field.kind !== 'real') || field.required) continue;
      for (const input of [null, undefined]) {
        const r = fieldSchema(field).safeParse(input);
        expect(r.success, `${table}.${name} ← ${String(input)}`).toBe(true);
      }
    }
  });

  it('saves a task and a direction with «Порядковый номер» left empty', () => {
    const programme_id = '6b1f2c1e-1111-4111-8111-111111111111';
    for (const [entity, value] of [['programme_task', { programme_id, position: null, text: 'Задача' }], ['direction', { programme_id, position: null, title: 'Направление' }]] as const) {
      const r = contract['records.save'].input.safeParse({ entity, value });
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    }
    expect(contract['municipality.coordination.save'].input.safeParse({ full_name: 'Иванова И. И.', position_no: null }).success).toBe(true);
  });

  it('answers wrong input to every call in Russian words only (the forms of both roles)', () => {
    const shapes: unknown[] = [...WRONG, { id: 'x', value: {}, entity: 'нет', title: 1, number: null, year_from: null, year_to: 'две тысячи' }];
    for (const name of CALL_NAMES) {
      for (const input of shapes) {
        for (const m of messagesOf(contract[name].input, input)) {
          expect(m, `${name} ← ${JSON.stringify(input)?.slice(0, 80)}`).not.toMatch(LATIN_WORD);
        }
      }
    }
  });

  it('checks cross-field rules of every table in Russian', () => {
    for (const t of allTables()) {
      for (const c of t.checks ?? []) expect(c.message, t.name).not.toMatch(LATIN_WORD);
      expect(formSchema(t)).toBeDefined();
    }
  });
});
