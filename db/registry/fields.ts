/**
 * Field rules of synced columns as plain data. One description per column serves three readers: the
 * contract turns it into a zod schema with Russian messages (forms and main), the exchange compiles it into
 * a fast check for every incoming row, and forms read its label, hint and bounds. Plain data and not zod
 * itself, because a merge checks millions of cells and a compiled predicate is an order of magnitude faster;
 * the types are literal so that the contract's schemas keep precise TypeScript types.
 */

interface Base {
  /** What the user knows the field by; messages and form labels use it. */
  label: string;
  /** A hint under the field in a form. */
  hint?: string;
  /** Not editable through the record's own form (set by a service: statuses, sizes, built-in flags). */
  managed?: boolean;
  /** Personal data of minors (152-ФЗ): never leaves the school's computer, and is sealed on it. */
  personal?: boolean;
  /**
   * Stays on the computer that owns the row: never exported, dropped if a file brings it. Every text of a
   * table about a pupil is local (registry/index.ts derives it and a test holds each field to say so): a
   * teacher's free text may name the child, so the department gets categories, dates and statuses only.
   */
  local?: boolean;
  /**
   * The schema version (migration number) this column appeared in; absent — in the first released schema. A file
   * whose rows all hold this column's empty value leaves it out, so an app on an older schema can read it.
   */
  since?: number;
  /**
   * Vocabulary codes added after the first released schema, with the schema they appeared in: a file holding such
   * a code needs that schema (an older app would refuse the row).
   */
  codesSince?: Record<string, number>;
}

export interface TextField<R extends boolean = boolean> extends Base { kind: 'text'; max: number; required: R }
export interface DateField<R extends boolean = boolean> extends Base { kind: 'date'; required: R }
/** An integer; an optional one with a `default` is stored as that default when left empty. */
export interface IntField<R extends boolean = boolean> extends Base { kind: 'int'; min: number; max: number; required: R; default?: number }
export interface RealField extends Base { kind: 'real'; required: false }
export interface FlagField extends Base { kind: 'flag'; default: 0 | 1 }
export interface VocabField<C extends string = string> extends Base { kind: 'vocab'; codes: readonly [C, ...C[]]; labels?: Record<string, string>; default?: C }
/** A JSON array of vocabulary codes, stored as text (risk-group categories). */
export interface CodesField<C extends string = string> extends Base { kind: 'codes'; codes: readonly [C, ...C[]]; labels?: Record<string, string>; min: number; minMessage: string }
/** The id of a row of another synced table; `pick` is what an empty choice says. */
export interface RefField<R extends boolean = boolean> extends Base { kind: 'ref'; table: string; required: R; pick?: string }
/** The id of something outside the synced tables, or of a table named by another column. */
export interface UuidField<R extends boolean = boolean> extends Base {
  kind: 'uuid'; required: R;
  /** A reference whose table another column names: {column: 'target_kind', tables: {risk: 'risk_entry', …}}. */
  refBy?: { column: string; tables: Record<string, string> };
}

export type Field = TextField | DateField | IntField | RealField | FlagField | VocabField | CodesField | RefField | UuidField;

type Opts = Omit<Base, 'label'>;
/** A closed vocabulary: bare codes, or a vocabulary of common/labels.ts with the Russian label of each code. */
type VocabArg<C extends string> = readonly [C, ...C[]] | { codes: readonly [C, ...C[]]; labels: Record<C, string> };
const codesOf = <C extends string>(v: VocabArg<C>) => ('codes' in v ? { codes: v.codes, labels: v.labels as Record<string, string> } : { codes: v });
type UuidOpts = Opts & { refBy?: UuidField['refBy'] };

function vocab<C extends string>(label: string, v: VocabArg<C>, dflt?: C, o: Opts = {}): VocabField<C> {
  return { kind: 'vocab', label, ...codesOf(v), default: dflt, ...o };
}

export const f = {
  /** Text that must not be empty. */
  req: (label: string, max = 2000, o: Opts = {}): TextField<true> => ({ kind: 'text', label, max, required: true, ...o }),
  /** Text that may be empty (stored as ''). */
  opt: (label: string, max = 10000, o: Opts = {}): TextField<false> => ({ kind: 'text', label, max, required: false, ...o }),
  date: (label: string, o: Opts = {}): DateField<true> => ({ kind: 'date', label, required: true, ...o }),
  optDate: (label: string, o: Opts = {}): DateField<false> => ({ kind: 'date', label, required: false, ...o }),
  int: (label: string, min: number, max: number, o: Opts = {}): IntField<true> => ({ kind: 'int', label, min, max, required: true, ...o }),
  optInt: (label: string, min: number, max: number, o: Opts & { default?: number } = {}): IntField<false> => ({ kind: 'int', label, min, max, required: false, ...o }),
  /** An ordering number a form may leave empty (stored as 0). */
  position: (label: string, o: Opts = {}): IntField<false> & { default: number } => ({ kind: 'int', label, min: 0, max: 100000, required: false, default: 0, ...o }),
  /** A column a service sets, not the record's own form. */
  managed: <F extends Field>(field: F): F & { managed: true } => ({ ...field, managed: true }),
  optReal: (label: string, o: Opts = {}): RealField => ({ kind: 'real', label, required: false, ...o }),
  flag: (label: string, dflt: 0 | 1 = 0, o: Opts = {}): FlagField => ({ kind: 'flag', label, default: dflt, ...o }),
  vocab: vocab as {
    <const C extends string>(label: string, v: VocabArg<C>): VocabField<C> & { default?: undefined };
    <const C extends string>(label: string, v: VocabArg<C>, dflt: NoInfer<C>, o?: Opts): VocabField<C> & { default: C };
  },
  codes: <const C extends string>(label: string, v: VocabArg<C>, min: number, minMessage: string, o: Opts = {}): CodesField<C> =>
    ({ kind: 'codes', label, ...codesOf(v), min, minMessage, ...o }),
  ref: (table: string, label: string, o: Opts & { pick?: string } = {}): RefField<true> => ({ kind: 'ref', table, label, required: true, ...o }),
  optRef: (table: string, label: string, o: Opts = {}): RefField<false> => ({ kind: 'ref', table, label, required: false, ...o }),
  uuid: (label: string, o: UuidOpts = {}): UuidField<true> => ({ kind: 'uuid', label, required: true, ...o }),
  optUuid: (label: string, o: Opts = {}): UuidField<false> => ({ kind: 'uuid', label, required: false, ...o }),
};

/**
 * The columns of an attached file's record (school journal and municipal events alike): set by the file store
 * (main/services/school/attachments.ts) from the bytes it copied, never typed. The parent is the record it hangs on.
 */
export const fileFields = <const T extends string>(parentTable: T, parentLabel: string) => ({
  event_id: f.ref(parentTable, parentLabel), file_name: f.managed(f.req('Имя файла', 255)),
  mime: f.managed(f.opt('Тип файла', 200)), size: f.managed(f.int('Размер', 0, 50 * 1024 * 1024)),
  sha256: f.managed(f.req('Контрольная сумма', 64)),
});

/** Whether a stored value may be NULL. */
export function nullable(field: Field): boolean {
  return (field.kind === 'date' || field.kind === 'int' || field.kind === 'real' || field.kind === 'ref' || field.kind === 'uuid') && !field.required
    && !(field.kind === 'int' && field.default !== undefined);
}

/** Whether a form may leave the field out (it has a default or may be empty). */
export function hasDefault(field: Field): boolean {
  if (field.kind === 'flag' || field.kind === 'real') return true;
  if (field.kind === 'vocab') return field.default !== undefined;
  if (field.kind === 'codes') return false;
  return !field.required;
}

/** What a field holds when nobody filled it: what a reader fills in for a column a file left out. */
export function emptyValue(field: Field): unknown {
  if ('default' in field && field.default !== undefined) return field.default;
  return field.kind === 'text' ? '' : null;
}

/** The value a form holds for a field once validated. */
export type FieldValue<F> =
  F extends TextField ? string
  : F extends DateField<true> ? string
  : F extends DateField ? string | null
  : F extends IntField<true> ? number
  : F extends IntField ? (F extends { default: number } ? number : number | null)
  : F extends RealField ? number | null
  : F extends FlagField ? 0 | 1
  : F extends VocabField<infer C> ? C
  : F extends CodesField<infer C> ? C[]
  : F extends RefField<true> | UuidField<true> ? string
  : string | null;

/** What a caller may pass for a field. */
export type FieldInput<F> = F extends FlagField ? boolean | 0 | 1 : FieldValue<F>;
