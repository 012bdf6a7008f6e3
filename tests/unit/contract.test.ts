import { describe, it, expect } from 'vitest';
import { CALL_NAMES, contract, type Role } from '../../preload/contract/index.js';
import { allTables } from '../../db/registry/index.js';
const SYNCED_TABLES = allTables().map((t) => t.name);
import { testWorkspace } from '../helpers.js';
import { dispatch, handlers } from '../../main/handlers.js';
import { joinAreas } from '../../main/services/core/area-handlers.js';
import { recordsHandlers } from '../../main/services/records/records.handlers.js';

function snapshot(raw: import('better-sqlite3-multiple-ciphers').Database) {
  return SYNCED_TABLES.map((t) => raw.prepare(`SELECT COUNT(*) AS n, MAX(hlc) AS h FROM ${t}`).get());
}

/** Rows this connection has written since it opened: any write at all, synced table or not. */
function writes(raw: import('better-sqlite3-multiple-ciphers').Database): number {
  return raw.prepare('SELECT total_changes()').pluck().get() as number;
}

const REFUSED: Record<Exclude<Role, 'none'>, { code: string; message: string }> = {
  school: { code: 'not_municipality', message: 'Это действие доступно только на рабочем месте муниципалитета.' },
  municipality: { code: 'not_school', message: 'Это действие доступно только на рабочем месте школы.' },
};

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

  it('refuses each call the workspace\'s role may not make, before its input is read, and writes nothing', async () => {
    const school = testWorkspace();
    await school.ok('workspace.createSchool', { name: 'МОУ «Гаевская ООШ»' });
    const muni = testWorkspace();
    await muni.ok('exchange.initMunicipality', { name: 'Управление образования (вымышленное)' });
    for (const [t, role] of [[school, 'school'], [muni, 'municipality']] as const) {
      const raw = t.ws.ctx().raw;
      const before = { rows: snapshot(raw), writes: writes(raw) };
      const refused = CALL_NAMES.filter((name) => !contract[name].roles.includes(role));
      // Not vacuous: each side has calls of its own that the other may not make.
      expect(refused.length, role).toBeGreaterThan(5);
      for (const name of refused) {
        // An empty input is wrong for most calls; the role is checked first, so the role is what is refused.
        const r = await dispatch(t.ws, name, {}, () => {});
        expect(r, `${name} on a ${role} workspace`).toEqual({ ok: false, ...REFUSED[role] });
      }
      expect({ rows: snapshot(raw), writes: writes(raw) }).toEqual(before);
    }
  });

  it('refuses school and municipality calls before the first run, and lets first-run calls through', async () => {
    const t = testWorkspace();
    const raw = t.ws.ctx().raw;
    const before = writes(raw);
    for (const name of CALL_NAMES.filter((n) => !contract[n].roles.includes('none'))) {
      const r = await dispatch(t.ws, name, {}, () => {});
      expect(r, name).toMatchObject({ ok: false, code: 'no_workspace', message: 'Сначала создайте рабочее место: школы или муниципалитета.' });
    }
    expect(writes(raw)).toBe(before);
    expect(await t.ok('workspace.state', {})).toMatchObject({ role: 'none' });
  });

  it('has one handler per call, and the registrar refuses a name two areas claim', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort());
    expect(() => joinAreas(recordsHandlers, { 'records.list': recordsHandlers['records.list'] })).toThrow('Обработчик вызова «records.list» объявлен в двух областях.');
  });

  it('turns base64 into bytes at the door: the size from the text\'s length first, then the alphabet', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МОУ «Гаевская ООШ»' });
    const ev = await t.ok('records.save', { entity: 'event', value: { title: 'Семинар', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-11-20' } });
    const add = (dataBase64: string) => t.call('attachments.add', { eventId: ev.id, fileName: 'протокол.txt', mime: 'text/plain', dataBase64 });
    // Not even base64, but too long to be 25 МБ or less: refused for its size, never decoded.
    const huge = await add('*'.repeat(Math.ceil((25 * 1024 * 1024) / 3) * 4 + 4));
    expect(huge).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { dataBase64: 'Файл больше 25 МБ — приложите файл поменьше' } });
    expect(await add('не base64')).toMatchObject({ ok: false, fieldErrors: { dataBase64: 'Файл передан в повреждённом виде — выберите его ещё раз' } });
    const ok = await t.ok('attachments.add', { eventId: ev.id, fileName: 'протокол.txt', mime: 'text/plain', dataBase64: Buffer.from('Протокол').toString('base64') });
    expect(ok.size).toBe(Buffer.byteLength('Протокол'));
    // Bytes go back out encoded once, by the call's output codec.
    const back = await t.ok('attachments.read', { id: ok.id });
    expect(Buffer.from(back.dataBase64, 'base64').toString('utf8')).toBe('Протокол');
    expect(back).not.toHaveProperty('bytes');
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
