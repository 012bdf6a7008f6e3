/** The lock: password, wrong password, idle lock, recovery code — through dispatch, on real files, reopened as the app does. */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { Workspace } from '../../main/workspace.js';
import { tempDir, testWorkspace } from '../helpers.js';

function open(dir: string, clock: { t: number }) {
  return testWorkspace(() => new Date(clock.t), dir);
}

const pupil = { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20', class_name: '6А' };
const entry = { categories: ['absenteeism' as const], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' };

async function schoolWithPassword() {
  const dir = tempDir();
  const clock = { t: Date.parse('2026-11-25T10:00:00') };
  const a = open(dir, clock);
  await a.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
  await a.ok('riskGroup.include', { pupil, entry });
  expect((await a.ok('privacy.state', {})).suggestPassword).toBe(true);
  const ways = () => (JSON.parse(readFileSync(a.ws.dbPath('main') + '.keyring', 'utf8')) as { ways: Record<string, unknown> }).ways;
  expect(Object.keys(ways())).toEqual(['device']);
  const refused = await a.call('privacy.setPassword', { password: 'короткий', understood: false as unknown as true });
  expect(refused).toMatchObject({ ok: false });
  const { recoveryCode } = await a.ok('privacy.setPassword', { password: 'верный-пароль-1', understood: true });
  expect(recoveryCode).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
  // from now on only the password or the code opens the key: the device's key file is gone
  expect(Object.keys(ways()).sort()).toEqual(['password', 'recovery']);
  expect(existsSync(a.ws.dbPath('main') + '.datakey')).toBe(false);
  await a.ws.close();
  return { dir, clock, recoveryCode };
}

describe('блокировка рабочего места', () => {
  it('открывается заблокированным; неверный пароль отклоняется, верный открывает', async () => {
    const { dir, clock } = await schoolWithPassword();
    const b = open(dir, clock);
    expect(await b.ok('privacy.state', {})).toMatchObject({ locked: true, hasPassword: true });
    const list = await b.call('records.list', { entity: 'risk_entry' });
    expect(list).toMatchObject({ ok: false, code: 'locked' });
    if (!list.ok) expect(list.message).toMatch(/заблокировано/);
    expect(await b.call('records.list', { entity: 'pupil' })).toMatchObject({ ok: false, code: 'locked' });
    expect(await b.call('riskGroup.include', { pupil: { ...pupil, full_name: 'Новиков Олег' }, entry })).toMatchObject({ ok: false, code: 'locked' });
    expect(await b.call('privacy.unlock', { password: 'неверный-пароль' })).toMatchObject({ ok: false, code: 'wrong_password', message: 'Неверный пароль.' });
    expect(await b.ok('privacy.unlock', { password: 'верный-пароль-1' })).toMatchObject({ locked: false });
    const rows = (await b.ok('records.list', { entity: 'risk_entry' })).rows;
    expect(rows.map((r) => r.pupil_name)).toEqual([pupil.full_name]);
    await b.ok('privacy.lock', {});
    expect(await b.call('records.get', { entity: 'risk_entry', id: String(rows[0]!.id) })).toMatchObject({ ok: false, code: 'locked' });
    await b.ws.close();
  });

  it('блокируется сам после заданного времени без действий; действия продлевают', async () => {
    const { dir, clock } = await schoolWithPassword();
    const b = open(dir, clock);
    await b.ok('privacy.unlock', { password: 'верный-пароль-1' });
    expect((await b.ok('privacy.setIdle', { idleMinutes: 10 })).idleMinutes).toBe(10);
    clock.t += 9 * 60_000;
    await b.ok('privacy.touch', {});
    clock.t += 9 * 60_000;
    expect((await b.ok('records.list', { entity: 'risk_entry' })).total).toBe(1);
    clock.t += 11 * 60_000;
    expect((await b.ok('privacy.state', {})).locked).toBe(true);
    expect(await b.call('records.list', { entity: 'risk_entry' })).toMatchObject({ ok: false, code: 'locked' });
    await b.ok('privacy.unlock', { password: 'верный-пароль-1' });
    expect((await b.ok('records.list', { entity: 'risk_entry' })).total).toBe(1);
    await b.ws.close();
  });

  it('код восстановления задаёт новый пароль; неверный код отклоняется; старый пароль больше не подходит', async () => {
    const { dir, clock, recoveryCode } = await schoolWithPassword();
    const b = open(dir, clock);
    expect(await b.call('privacy.recover', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', password: 'новый-пароль-2' })).toMatchObject({ ok: false, code: 'wrong_code' });
    expect((await b.ok('privacy.state', {})).locked).toBe(true);
    // typed in lower case and without dashes, as people do
    const { recoveryCode: next } = await b.ok('privacy.recover', { code: recoveryCode.toLowerCase().replace(/-/g, ' '), password: 'новый-пароль-2' });
    expect(next).not.toBe(recoveryCode);
    expect((await b.ok('records.list', { entity: 'risk_entry' })).rows[0]!.pupil_name).toBe(pupil.full_name);
    await b.ws.close();
    const c = open(dir, clock);
    expect(await c.call('privacy.unlock', { password: 'верный-пароль-1' })).toMatchObject({ ok: false, code: 'wrong_password' });
    expect(await c.call('privacy.recover', { code: recoveryCode, password: 'третий-пароль-3' })).toMatchObject({ ok: false, code: 'wrong_code' });
    await c.ok('privacy.unlock', { password: 'новый-пароль-2' });
    expect((await c.ok('records.list', { entity: 'pupil' })).rows[0]!.full_name).toBe(pupil.full_name);
    // changing the password asks for the present one
    expect(await c.call('privacy.setPassword', { password: 'четвёртый-4', understood: true })).toMatchObject({ ok: false });
    expect(await c.call('privacy.setPassword', { current: 'не тот', password: 'четвёртый-4', understood: true })).toMatchObject({ ok: false, code: 'wrong_password' });
    await c.ok('privacy.setPassword', { current: 'новый-пароль-2', password: 'четвёртый-4', understood: true });
    await c.ws.close();
  });

  it('без пароля блокировать нечего: файл открывается ключом этого компьютера', async () => {
    const dir = tempDir();
    const clock = { t: Date.parse('2026-11-25T10:00:00') };
    const a = open(dir, clock);
    await a.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    await a.ok('riskGroup.include', { pupil, entry });
    expect(await a.call('privacy.lock', {})).toMatchObject({ ok: false, code: 'no_password' });
    await a.ws.close();
    const b = open(dir, clock);
    expect(await b.ok('privacy.state', {})).toMatchObject({ locked: false, hasPassword: false, keyStore: 'plain' });
    expect((await b.ok('records.list', { entity: 'pupil' })).rows[0]!.full_name).toBe(pupil.full_name);
    await b.ws.close();
  });
});

describe('командная строка и пароль', () => {
  it('читает пароль из OPORA_PASSWORD; без него и с неверным — отказ по-русски', async () => {
    const { runCli } = await import('../../main/cli/index.js');
    const { dir } = await schoolWithPassword();
    const db = new Workspace(dir).dbPath('main');
    const run = async (argv: string[]) => {
      const out: string[] = [], err: string[] = [];
      const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-25T10:00:00Z') });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const saved = process.env.OPORA_PASSWORD;
    try {
      delete process.env.OPORA_PASSWORD;
      const locked = await run(['demo', '--db', db]);
      expect(locked.code).toBe(1);
      expect(locked.err).toMatch(/OPORA_PASSWORD/);
      process.env.OPORA_PASSWORD = 'не тот';
      expect(await run(['demo', '--db', db])).toMatchObject({ code: 1, err: 'Неверный пароль в OPORA_PASSWORD.' });
      process.env.OPORA_PASSWORD = 'верный-пароль-1';
      expect(await run(['demo', '--db', db])).toMatchObject({ code: 0 });
    } finally {
      if (saved === undefined) delete process.env.OPORA_PASSWORD; else process.env.OPORA_PASSWORD = saved;
    }
  });
});
