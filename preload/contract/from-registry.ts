/**
 * A record kind's form schema, derived from its registry entry: each field rule becomes the zod schema
 * with the Russian messages of fields.ts, the cross-field checks become refinements. Forms (renderer) and
 * main validate with the same schema, and the exchange checks incoming rows against the same rules.
 */
import { z } from 'zod';
import { text, optText, date, optDate, flag, optInt, optNumber, oneOf, id } from './fields.js';
import { hasDefault, fieldOf, type Field, type FieldInput, type FieldValue, type TableSpec } from '../../db/registry/index.js';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The zod schema of one field rule. */
export function fieldSchema(field: Field): z.ZodType {
  switch (field.kind) {
    case 'text': return field.required ? text(field.label, field.max) : optText(field.label, field.max);
    case 'date': return field.required ? date(field.label) : optDate(field.label);
    case 'int': {
      if (!field.required) {
        const base = optInt(field.label, field.min, field.max);
        const d = field.default;
        return d === undefined ? base : base.transform((v) => v ?? d);
      }
      return z.number({ message: `Укажите ${lower(field.label)}` })
        .int({ message: `В поле «${field.label}» должно быть целое число` })
        .min(field.min, { message: `${field.label} — не меньше ${field.min}` })
        .max(field.max, { message: `${field.label} — не больше ${field.max}` });
    }
    case 'real': return optNumber(field.label);
    case 'flag': return flag.default(field.default);
    case 'vocab': {
      const s = oneOf(field.label, field.codes);
      return field.default !== undefined ? s.default(field.default) : s;
    }
    case 'codes': return z.array(oneOf(field.label, field.codes), { message: `Выберите значения в поле «${field.label}»` })
      .min(field.min, { message: field.minMessage }).max(field.codes.length, { message: `В поле «${field.label}» повторяются значения` });
    case 'ref':
    case 'uuid': {
      const msg = field.kind === 'ref' && field.pick ? field.pick : `Выберите значение в поле «${field.label}»`;
      const s = z.string({ message: msg }).uuid({ message: field.kind === 'ref' && field.pick ? msg : 'Неверный идентификатор записи' });
      return field.required ? s : s.nullable().default(null);
    }
  }
}

type Editable<F> = { [K in keyof F as F[K] extends { managed: true } ? never : K]: F[K] };
/** Fields a form may leave out: they have a default or may be empty. */
type Defaulted<F> = { [K in keyof F]: F[K] extends { required: true } ? never : F[K] extends { kind: 'codes' } ? never
  : F[K] extends { kind: 'vocab'; default: string } ? K : F[K] extends { kind: 'vocab' } ? never : K }[keyof F];

type FieldZod<F, Optional extends boolean> = Optional extends true
  ? z.ZodDefault<z.ZodType<FieldValue<F>, FieldInput<F> | null>>
  : z.ZodType<FieldValue<F>, FieldInput<F>>;

/** The zod shape of a table's editable fields, typed from the registry's literal field rules. */
export type FormShape<F> = { id: z.ZodOptional<z.ZodString> }
  & { [K in keyof Editable<F>]: FieldZod<Editable<F>[K], K extends Defaulted<F> ? true : false> };

/** The object schema of a table's editable fields (with an optional id) and its cross-field checks. */
export function formSchema<F extends Record<string, Field>>(spec: TableSpec<string, F>): z.ZodObject<FormShape<F>> {
  const shape: Record<string, z.ZodType> = { id: id.optional() };
  for (const [name, field] of Object.entries(spec.fields as Record<string, Field>)) {
    if (!field.managed) shape[name] = fieldSchema(field);
  }
  const obj = z.strictObject(shape);
  const checks = spec.checks ?? [];
  const checked = checks.length
    ? obj.superRefine((v, ctx) => {
      for (const c of checks) if (!c.test(v)) ctx.addIssue({ code: 'custom', message: c.message, path: [c.path] });
    })
    : obj;
  return checked as unknown as z.ZodObject<FormShape<F>>;
}

/** hasDefault re-exported for forms that prefill values. */
export { hasDefault };

/** The rule of one field, for a form that shows its label, hint, bounds and choices. */
export function fieldRule(table: string, column: string): Field {
  const field = fieldOf(table, column);
  if (!field) throw new Error(`${table}.${column} is not in the registry`);
  return field;
}
