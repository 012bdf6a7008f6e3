import { describe, it, expect } from 'vitest';
import { CALL_NAMES } from '../../preload/contract/index.js';
import { allTables } from '../../db/registry/index.js';
const SYNCED_TABLES = allTables().map((t) => t.name);
import { testWorkspace } from '../helpers.js';
import { dispatch } from '../../main/handlers.js';

function snapshot(raw: import('better-sqlite3').Database) {
  return SYNCED_TABLES.map((t) => raw.prepare(`SELECT COUNT(*) AS n, MAX(hlc) AS h FROM ${t}`).get());
}

describe('the call contract at the door of main', () => {
  it('refuses malformed input to every call with a Russian message and writes nothing', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МОУ «Гаевская ООШ»' });
    const before = snapshot(t.ws.ctx().raw);
    const garbage: unknown[] = ['строка', 42, [1, 2], { entity: 'нет такого', id: 'x', value: { a: 1 }, today: 'вчера', size: 'огромный', eventId: 'x', entryId: 'x', pupil: 1 }];
    for (const name of CALL_NAMES) {
      for (const input of garbage) {
        const r = await dispatch(t.ws, name, input, () => {});
        expect(r.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!r.ok) {
          expect(r.message).toMatch(/[А-Яа-яЁё]/);
          expect(r.code).not.toBe('internal');
        }
      }
    }
    expect(snapshot(t.ws.ctx().raw)).toEqual(before);
  });

  it('refuses a call that does not exist', async () => {
    const t = testWorkspace();
    const r = await dispatch(t.ws, 'fs.readFile', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, code: 'unknown_call' });
  });

  it('creates the school once and seeds the catalogues', async () => {
    const t = testWorkspace();
    const s = await t.ok('workspace.createSchool', { name: 'МОУ «Килачевская СОШ»', pupils_count: 212 });
    expect(s.role).toBe('school');
    expect(s.school?.name).toBe('МОУ «Килачевская СОШ»');
    expect((await t.ok('records.list', { entity: 'risk_factor' })).total).toBeGreaterThan(10);
    expect((await t.ok('records.list', { entity: 'deficit' })).total).toBeGreaterThan(5);
    const again = await t.call('workspace.createSchool', { name: 'Другая школа' });
    expect(again).toMatchObject({ ok: false, code: 'already_initialised' });
    const empty = await t.call('workspace.createSchool', { name: '' });
    expect(empty.ok).toBe(false);
  });

  it('keeps the demo school in its own file, apart from the real one', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МОУ «Ницинская ООШ»' });
    const demo = await t.ok('workspace.openDemo', { size: 'small' });
    expect(demo.demo).toBe(true);
    expect(demo.dataPath).toMatch(/demo\.sqlite$/);
    expect((await t.ok('records.list', { entity: 'event' })).total).toBeGreaterThan(50);
    const back = await t.ok('workspace.leaveDemo', {});
    expect(back.school?.name).toBe('МОУ «Ницинская ООШ»');
    expect((await t.ok('records.list', { entity: 'event' })).total).toBe(0);
  });
});
