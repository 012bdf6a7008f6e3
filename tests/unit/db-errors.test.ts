/**
 * SQLite refusing a write, provoked for real on a workspace file, reaches the user as a typed error with a
 * Russian message that says what to do — mapped by SqliteError.code, never by its English text.
 */
import { describe, it, expect } from 'vitest';
import { openSync, writeSync, fstatSync, closeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../db/cipher.js';
import { keyringOf } from '../../db/open.js';
import { testWorkspace } from '../helpers.js';
import { dispatch } from '../../main/handlers.js';
import { Workspace } from '../../main/workspace.js';
import { sqliteError } from '../../main/services/core/db-errors.js';

const staff = { full_name: 'Петрова Анна Сергеевна', position: 'Учитель математики' };

/** Keeps the first page (it is still an SQLite file) and overwrites every page after it. */
function damagePagesAfterHeader(path: string) {
  const fd = openSync(path, 'r+');
  const size = fstatSync(fd).size;
  writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
  closeSync(fd);
}

async function school() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', { name: 'МОУ «Ницинская ООШ»' });
  return t;
}

describe('database errors through dispatch', () => {
  it('another program holding the write lock: «занят», nothing saved', async () => {
    const t = await school();
    // A second connection to the same file, as the `opora` command line would hold while it imports.
    const other = new BetterSqlite3(t.ws.dbPath('main'));
    applyKey(other, keyringOf(t.ws.ctx().raw)!.fileKey.key);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await dispatch(t.ws, 'records.save', { entity: 'staff', value: staff }, () => {});
      expect(r).toMatchObject({ ok: false, code: 'db_busy' });
      if (!r.ok) expect(r.message).toMatch(/^Файл данных занят другой программой .* Ничего не сохранено/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await t.ok('records.list', { entity: 'staff' })).total).toBe(0);
    // Once the other program is done, the same call goes through.
    await t.ok('records.save', { entity: 'staff', value: staff });
  }, 20_000);

  it('no room for the file to grow: «закончилось место», nothing saved', async () => {
    const t = await school();
    const raw = t.ws.ctx().raw;
    // The file may not grow by a single page: what a full disk does to SQLite, on a real file.
    raw.pragma(`max_page_count = ${raw.pragma('page_count', { simple: true }) as number}`);
    const r = await dispatch(t.ws, 'records.save', {
      entity: 'event',
      value: { title: 'Педагогический совет', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-11-20', outcomes: 'Итоги. '.repeat(1400) },
    }, () => {});
    expect(r).toMatchObject({ ok: false, code: 'disk_full', message: 'На диске закончилось место. Ничего не сохранено: освободите место на диске и повторите.' });
    raw.pragma('max_page_count = 1073741823');
    expect((await t.ok('records.list', { entity: 'event' })).total).toBe(0);
  });

  it('a file found damaged when opened: «не является базой данных «Опоры» или повреждён», by result code', async () => {
    const t = await school();
    const path = t.ws.dbPath('main');
    await t.ws.close();
    damagePagesAfterHeader(path);
    const r = await dispatch(new Workspace(t.ws.dataDir), 'records.list', { entity: 'staff' }, () => {});
    expect(r).toMatchObject({ ok: false, code: 'not_a_database' });
    if (!r.ok) expect(r.message).toMatch(/не является базой данных «Опоры» или повреждён\. .*резервной копии/);
  });

  it('a file damaged while open: «повреждён», with what to do, and no internal error', async () => {
    const t = await school();
    await t.ok('records.save', { entity: 'staff', value: staff });
    const path = t.ws.dbPath('main');
    await t.ws.close();
    const ws = new Workspace(t.ws.dataDir);
    ws.ctx();
    // The disk goes bad under the open file.
    damagePagesAfterHeader(path);
    const r = await dispatch(ws, 'records.list', { entity: 'staff' }, () => {});
    expect(r).toMatchObject({ ok: false, code: 'db_corrupt' });
    if (!r.ok) expect(r.message).toMatch(/^Файл данных повреждён\. .*резервной копии/);
  });

  it('maps by result code: a read-only file, whatever SQLite wrote in English', () => {
    // Root (our CI) may write to a chmod 0444 file, so this one is SQLite's own refusal on a read-only connection.
    const t = testWorkspace();
    const path = t.ws.dbPath('main');
    t.ws.ctx();
    const ro = new BetterSqlite3(path, { readonly: true });
    applyKey(ro, keyringOf(t.ws.ctx().raw)!.fileKey.key);
    let caught: unknown;
    try {
      ro.exec("INSERT INTO meta (key, value) VALUES ('x', 'y')");
    } catch (e) {
      caught = e;
    } finally {
      ro.close();
    }
    expect((caught as { code?: string }).code).toBe('SQLITE_READONLY');
    expect(sqliteError(caught)).toMatchObject({ code: 'db_readonly', message: expect.stringMatching(/только для чтения.*перезапустите программу/) });
    expect(sqliteError(new Error('SQLITE_READONLY: attempt to write a readonly database'))).toBeNull();
  });
});
