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

/** Columns that leave this computer for a table. */
export function exportedColumns(name: string): string[] {
  const personal = personalColumns(name);
  return columnsOf(name).filter((c) => !personal.includes(c));
}

export function fieldOf(tableName: string, column: string): Field | undefined {
  return (tableSpec(tableName).fields as Record<string, Field>)[column];
}
