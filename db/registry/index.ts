/**
 * The table registry: every synced table once, in merge order (parents before children). Storage types,
 * the exchange's table lists and incoming-row checks, the one writer, cascade deletes, list queries, the
 * personal-data filter and the contract's form schemas all read it. Migrations do not: they keep frozen
 * copies of what they need, so that a migration never changes when the registry does.
 *
 * How to add a synced table: a migration that creates it with the bookkeeping columns and the version
 * trigger (see 0020's versionTriggerSql), and one entry here (in SCHOOL_TABLES or MUNICIPALITY_TABLES).
 * Nothing else is to be touched; tests/unit/registry-extension.test.ts proves it for a fixture table.
 */
import { SCHOOL_TABLES } from './school.js';
import { MUNICIPALITY_TABLES } from './municipality.js';
import { MEETING_TABLES } from './meetings.js';
import type { TableSpec } from './types.js';
import type { Field } from './fields.js';

export type { TableSpec, ListSpec, RowCheck, DerivedId, Audience } from './types.js';
export { table } from './types.js';
export * from './fields.js';

type Known = (typeof SCHOOL_TABLES)[number] | (typeof MUNICIPALITY_TABLES)[number] | (typeof MEETING_TABLES)[number];
/** Every registered table by its literal name, with its literal field types (for the contract). */
export type TableByName = { [S in Known as S['name']]: S };
export type SyncedTableName = keyof TableByName;

/** Bookkeeping columns every synced row carries, in this order. */
export const BOOKKEEPING = ['id', 'owner', 'origin', 'hlc', 'created_at', 'updated_at', 'deleted_at'] as const;

const registry: TableSpec[] = [...SCHOOL_TABLES, ...MUNICIPALITY_TABLES, ...MEETING_TABLES];
const byName = new Map<string, TableSpec>(registry.map((t) => [t.name, t]));

/**
 * Adds a table at run time — for a fixture in a test, or a table a later module brings. The entry goes after
 * the tables it references, so merge order still puts parents first.
 */
export function registerTable(spec: TableSpec): void {
  if (byName.has(spec.name)) throw new Error(`table ${spec.name} is registered twice`);
  registry.push(spec);
  byName.set(spec.name, spec);
  linked.clear();
}

/** Takes a table out again: a test simulates an app on an older schema, one that never knew the table. */
export function unregisterTable(name: string): void {
  const i = registry.findIndex((t) => t.name === name);
  if (i >= 0) registry.splice(i, 1);
  byName.delete(name);
  linked.clear();
}

export function allTables(): readonly TableSpec[] {
  return registry;
}

export function isSynced(name: string): boolean {
  return byName.has(name);
}

/** The entry of a table; throws for a name that is not a synced table (names are never taken from input unchecked). */
export function tableSpec(name: string): TableSpec {
  const t = byName.get(name);
  if (!t) throw new Error(`not a synced table: ${name}`);
  return t;
}

/** Tables a school sends up, in merge order. */
export function upTables(): string[] {
  return registry.filter((t) => t.travel === 'up').map((t) => t.name);
}

/** Tables the municipality sends down, in merge order. */
export function downTables(): string[] {
  return registry.filter((t) => t.travel === 'down').map((t) => t.name);
}

/** Tables whose rows are files in the workspace's folder (attachments.ts keeps their bytes). */
export function fileTables(): string[] {
  return allTables().filter((t) => t.files).map((t) => t.name);
}

/** Columns (bookkeeping first) of a table as the registry knows them. */
export function columnsOf(name: string): string[] {
  return [...BOOKKEEPING, ...Object.keys(tableSpec(name).fields)];
}

/** Personal data of minors in a table: these columns never leave the school's computer. */
export function personalColumns(name: string): string[] {
  return Object.entries(tableSpec(name).fields).filter(([, f]) => f.personal).map(([c]) => c);
}

const linked = new Map<string, boolean>();

/**
 * Whether a row of the table is about a pupil: `pupil` itself, or a table whose reference (a ref, or a uuid
 * whose table another column names) leads to a pupil-linked table — risk-group entries, their status history
 * and consents, the gifted list, support measures. Derived, so a new table about a pupil is covered unasked.
 */
export function isPupilLinked(name: string, seen: ReadonlySet<string> = new Set()): boolean {
  const known = linked.get(name);
  if (known !== undefined) return known;
  if (name === 'pupil') return true;
  if (seen.has(name) || !byName.has(name)) return false;
  const next = new Set([...seen, name]);
  const targets = Object.values(tableSpec(name).fields as Record<string, Field>).flatMap((f) =>
    f.kind === 'ref' ? [f.table] : f.kind === 'uuid' && f.refBy ? Object.values(f.refBy.tables) : []);
  const result = targets.some((t) => isPupilLinked(t, next));
  linked.set(name, result);
  return result;
}

/**
 * Whether a column leaves the computer that owns its row. Personal data never does; nor does a field marked
 * `local`; nor — whatever its entry says — any text of a pupil-linked table, so a free-text field added there
 * later cannot start carrying a child's name out.
 */
export function travels(tableName: string, column: string): boolean {
  const field = fieldOf(tableName, column);
  if (!field) return (BOOKKEEPING as readonly string[]).includes(column);
  if (field.personal || field.local) return false;
  return !(field.kind === 'text' && isPupilLinked(tableName));
}

/** Columns that stay on this computer (personal data and local fields): never exported, never accepted. */
export function localColumns(name: string): string[] {
  return Object.keys(tableSpec(name).fields).filter((c) => !travels(name, c));
}

/** Columns that leave this computer for a table. */
export function exportedColumns(name: string): string[] {
  return columnsOf(name).filter((c) => travels(name, c));
}

export function fieldOf(tableName: string, column: string): Field | undefined {
  return (tableSpec(tableName).fields as Record<string, Field>)[column];
}
