/** The table registry says what the migrations built: a registry entry cannot drift from its table. */
import { describe, it, expect } from 'vitest';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../db/open.js';
import { allTables, BOOKKEEPING, nullable, exportedColumns, personalColumns, type Field } from '../../db/registry/index.js';

const sqlType = (f: Field) => (f.kind === 'int' || f.kind === 'flag' ? 'INTEGER' : f.kind === 'real' ? 'REAL' : 'TEXT');

describe('the table registry', () => {
  const raw = new BetterSqlite3(':memory:');
  migrate(raw);
  const info = (t: string) => raw.prepare(`PRAGMA table_info(${t})`).all() as { name: string; type: string; notnull: number }[];

  it('lists every synced table with exactly its columns, types and nullability', () => {
    const synced = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
      .filter((t) => info(t).some((c) => c.name === 'hlc') && t !== 'sync_conflict');
    expect(allTables().map((t) => t.name).sort()).toEqual(synced.sort());
    for (const spec of allTables()) {
      const cols = info(spec.name);
      expect(cols.map((c) => c.name).sort(), spec.name).toEqual([...BOOKKEEPING, ...Object.keys(spec.fields)].sort());
      for (const [name, field] of Object.entries(spec.fields as Record<string, Field>)) {
        const c = cols.find((x) => x.name === name)!;
        expect(c.type, `${spec.name}.${name}`).toBe(sqlType(field));
        expect(c.notnull === 0, `${spec.name}.${name} nullable`).toBe(nullable(field));
      }
    }
  });

  it('names real tables and columns for references and children, and parents come before children', () => {
    const order = allTables().map((t) => t.name);
    for (const spec of allTables()) {
      for (const [col, field] of Object.entries(spec.fields as Record<string, Field>)) {
        if (field.kind !== 'ref') continue;
        expect(order, `${spec.name}.${col}`).toContain(field.table);
        expect(order.indexOf(field.table), `${spec.name}.${col} after ${field.table}`).toBeLessThan(order.indexOf(spec.name));
      }
      for (const [child, col] of spec.children ?? []) expect(info(child).map((c) => c.name), `${spec.name} → ${child}`).toContain(col);
      if (spec.perSchool) expect(Object.keys(spec.fields)).toContain(spec.perSchool);
    }
  });

  it('never exports a personal column: pupils travel under their id only', () => {
    expect(personalColumns('pupil').sort()).toEqual(['birth_date', 'full_name']);
    for (const spec of allTables()) for (const c of personalColumns(spec.name)) expect(exportedColumns(spec.name)).not.toContain(c);
  });
});
