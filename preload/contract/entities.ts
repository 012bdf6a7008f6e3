/**
 * Editable fields of every record kind, as the user fills them in a form — derived from the table registry
 * (db/registry), so a label, a limit or a vocabulary is written once. The same schemas validate in the
 * renderer (to show messages next to fields) and in main (because a renderer is never trusted).
 * Bookkeeping columns (owner, origin, hlc, timestamps) and managed columns are never accepted from outside.
 */
import type { z } from 'zod';
import { SCHOOL_TABLES } from '../../db/registry/school.js';
import type { TableSpec } from '../../db/registry/index.js';
import { formSchema, type FormShape } from './from-registry.js';

type SchoolSpec = (typeof SCHOOL_TABLES)[number];
/** Record kinds a form edits through records.*: the school's tables that have a list (attachments have their own calls). */
type Listed = Exclude<SchoolSpec, { name: 'attachment' }>;
type SchemaOf<S> = S extends { fields: infer F } ? z.ZodObject<FormShape<F>> : never;

export const entitySchemas = Object.fromEntries(
  (SCHOOL_TABLES as readonly TableSpec[]).filter((t) => t.list).map((t) => [t.name, formSchema(t)]),
) as unknown as { [S in Listed as S['name']]: SchemaOf<S> };

export type EntityName = keyof typeof entitySchemas;
export const ENTITY_NAMES = Object.keys(entitySchemas) as [EntityName, ...EntityName[]];
export type EntityInput<E extends EntityName> = z.input<(typeof entitySchemas)[E]>;
export type EntityValue<E extends EntityName> = z.output<(typeof entitySchemas)[E]>;
