/** The shape of one registry entry: everything the app needs to know about a synced table. */
import type { Field } from './fields.js';

/** A paged list of a table: SQL over alias `t`; a rule may use the named parameter @day (YYYY-MM-DD). */
export interface ListSpec {
  /** Extra selected expressions over alias t and the joins. */
  extra?: string;
  joins?: string;
  /** Expressions searched with LIKE (case-insensitive for Cyrillic via lower_ru). */
  search: string[];
  /** Equality filters by public name: a column or expression; one with `?` takes the value itself. */
  filters: Record<string, string>;
  /** Sortable fields by public name; several expressions when one field sorts by more than one key. */
  sorts: Record<string, string | readonly string[]>;
  defaultSort: string;
}

/**
 * An id derived from the owner: 'owner' — the owner's own id (one row per owner); otherwise a UUID hashed
 * from `prefix|owner|<columns…>` (one row per owner and referenced record).
 */
export type DerivedId = 'owner' | { prefix: string; columns: readonly string[] };

/** A rule across fields of one record, checked by forms, main and the exchange alike. */
export interface RowCheck {
  test(v: Record<string, unknown>): boolean;
  message: string;
  /** The field the message belongs to. */
  path: string;
}

/**
 * Which schools a row that travels down is meant for (besides `perSchool` rows, which go to one school):
 * `all` — a flag column, 1 means every school; `links` — [link table, its column pointing at this row], the
 * link rows naming the schools by `school_id`; `parent` — [column, table]: only schools the parent row is meant
 * for. With `parent` and `all`/`links` together, a school must be in both (a conclusion: a participant, and
 * either every participant is concerned or the school is named). `allWhen` — [column, code]: every school when
 * the column holds that code (a proposal «Всем школам»; one «Методическому центру» reaches none).
 */
export interface Audience {
  all?: string;
  allWhen?: readonly [string, string];
  links?: readonly [string, string];
  parent?: readonly [string, string];
}

export interface TableSpec<N extends string = string, F extends Record<string, Field> = Record<string, Field>> {
  name: N;
  /** What one record is called, in Russian («Мероприятие программы»). */
  title: string;
  /** Who owns and edits the rows. */
  side: 'school' | 'municipality';
  /**
   * How rows travel: 'up' school → municipality, 'down' municipality → every school (or one school, when
   * `perSchool` names the column holding its id), 'stays' never leaves the computer that owns it.
   */
  travel: 'up' | 'down' | 'stays';
  perSchool?: string;
  /** Columns besides the bookkeeping ones (id, owner, origin, hlc, created_at, updated_at, deleted_at). */
  fields: F;
  checks?: RowCheck[];
  /** Owned children tombstoned with a row: [child table, column pointing at this row]. */
  children?: readonly (readonly [string, string])[];
  /** The id is not random but derived from the owner (and the row): another sender cannot claim it. */
  derivedId?: DerivedId;
  /** Who receives a row that travels down to some schools only. */
  audience?: Audience;
  /** A school's mark on a row sent down: [column naming that row, its table]; a school may mark only what was meant for it. */
  markOf?: readonly [string, string];
  /** Each row describes bytes the file store keeps in files/attachments/<id> (its fields are `fileFields`). */
  files?: true;
  /**
   * The schema version (migration number) the table appeared in; absent — in the first released schema. A file in
   * which the table holds nothing for its recipient leaves it out, so an app on an older schema can read it.
   */
  since?: number;
  /** Paged list through records.list; absent for tables listed by their area's own queries. */
  list?: ListSpec;
}

/** A registry entry with its literal name and field types kept. */
export function table<const N extends string, const F extends Record<string, Field>>(e: TableSpec<N, F>): TableSpec<N, F> {
  return e;
}
