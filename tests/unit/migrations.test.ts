import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { openDatabase, migrate, NewerSchemaError, NotADatabaseError, LATEST_VERSION } from '../../db/open.js';
import { migrations } from '../../db/migrations/index.js';
import { tempDir } from '../helpers.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('migrations', () => {
  it('are numbered upward and each one has a version above the previous', () => {
    const versions = migrations.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('give a new file in one step exactly what the migrations one by one give', () => {
    const schema = (raw: BetterSqlite3.Database) => raw.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    const byOne = new BetterSqlite3(':memory:');
    for (const m of migrations) byOne.exec(m.sql);
    const fresh = openDatabase(join(tempDir(), 'new.sqlite'));
    try {
      expect(fresh.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(schema(fresh.raw)).toEqual(schema(byOne));
      expect((schema(byOne) as unknown[]).length).toBeGreaterThan(100);
    } finally {
      byOne.close();
      fresh.raw.close();
    }
  });

  it('bring a database made by the first version up to date with its data intact', () => {
    const path = join(tempDir(), 'old.sqlite');
    const raw = new BetterSqlite3(path);
    migrate(raw, migrations.slice(0, 1)); // what version 0010 of the app wrote
    raw.prepare(`INSERT INTO programme (id, owner, origin, hlc, created_at, updated_at, title, year_from, year_to)
      VALUES ('p1', 's', 'o', 'h', '2021-01-01', '2021-01-01', 'Программа 2020–2023', 2020, 2023)`).run();
    raw.prepare(`INSERT INTO activity (id, owner, origin, hlc, created_at, updated_at, programme_id, title, timing_kind, timing_text, completion_mark, status)
      VALUES ('a1', 's', 'o', 'h', '2021-01-01', '2021-01-01', 'p1', 'Методический день', 'date', '26.03.2021', 'Проведён, присутствовали 45 человек', 'done')`).run();
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations[0]!.version);
    raw.close();

    const db = openDatabase(path);
    expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const a = db.raw.prepare('SELECT * FROM activity WHERE id = ?').get('a1') as Record<string, unknown>;
    expect(a.title).toBe('Методический день');
    expect(a.completion_mark).toBe('Проведён, присутствовали 45 человек');
    db.raw.close();
  });

  it('refuse a database written by a newer version and leave the file untouched', () => {
    const path = join(tempDir(), 'newer.sqlite');
    const first = openDatabase(path);
    first.raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    first.raw.pragma('wal_checkpoint(TRUNCATE)');
    first.raw.close();
    const before = sha(path);
    expect(() => openDatabase(path)).toThrow(NewerSchemaError);
    try {
      openDatabase(path);
    } catch (e) {
      expect((e as Error).message).toMatch(/более новой версией/);
    }
    expect(sha(path)).toBe(before);
  });

  it('roll back a failing migration completely', () => {
    const path = join(tempDir(), 'broken.sqlite');
    const raw = new BetterSqlite3(path);
    const broken = [...migrations, { version: 99_990, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);' }];
    expect(() => migrate(raw, broken)).toThrow();
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    raw.close();
  });

  it('say in Russian when the file is not a database', () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'Это текстовый файл, а не база данных. '.repeat(200));
    expect(() => openDatabase(path)).toThrow(NotADatabaseError);
    expect(() => openDatabase(path)).toThrow(/не является базой данных/);
  });
});
