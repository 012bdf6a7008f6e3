/**
 * Guessing is slow: after five failed tries each further one waits 1 s, 2 s, 4 s … (up to five minutes), the
 * count survives a restart (it is in the keyring file), the refusal says how long to wait; scrypt settings read
 * from the keyring must lie within the app's bounds; a wrong password costs the full scrypt. The clock is the
 * workspace's own (injected), so nothing sleeps here.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempDir, testWorkspace } from '../helpers.js';
import { Keyring, waitAfter, MAX_WAIT_S, FREE_TRIES, waitWords } from '../../db/keyring.js';

function open(dir: string, clock: { t: number }) {
  return testWorkspace(() => new Date(clock.t), dir);
}

async function withPassword() {
  const dir = tempDir();
  const clock = { t: Date.parse('2026-11-25T10:00:00') };
  const a = open(dir, clock);
  await a.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
  await a.ok('riskGroup.include', { pupil: { full_name: 'Лебедев Дмитрий', birth_date: '2014-03-20', class_name: '6А' }, entry: { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' } });
  const { recoveryCode } = await a.ok('privacy.setPassword', { password: 'верный-пароль-1', understood: true });
  await a.ws.close();
  return { dir, clock, recoveryCode };
}

describe('задержка после неверных попыток', () => {
  it('растёт после пяти неудач, отказ говорит, сколько ждать, счётчик переживает перезапуск', async () => {
    const { dir, clock } = await withPassword();
    let b = open(dir, clock);
    for (let i = 0; i < FREE_TRIES; i++) {
      expect(await b.call('privacy.unlock', { password: `неверный-${i}` })).toMatchObject({ ok: false, code: 'wrong_password' });
    }
    // The sixth try right away is refused without trying the password — even the right one.
    const early = await b.call('privacy.unlock', { password: 'верный-пароль-1' });
    expect(early).toMatchObject({ ok: false, code: 'wait' });
    if (!early.ok) expect(early.message).toBe('Слишком много неверных попыток подряд (5). Следующую можно сделать через 1 секунду.');
    clock.t += 1000;
    expect(await b.call('privacy.unlock', { password: 'неверный-6' })).toMatchObject({ ok: false, code: 'wrong_password' });
    await b.ws.close();

    // A restart does not reset the count: the wait is now 2 s.
    b = open(dir, clock);
    const r = await b.call('privacy.unlock', { password: 'верный-пароль-1' });
    expect(r).toMatchObject({ ok: false, code: 'wait' });
    if (!r.ok) expect(r.message).toMatch(/через 2 секунды/);
    const ring = JSON.parse(readFileSync(b.ws.dbPath('main') + '.keyring', 'utf8')) as { attempts: { failures: number } };
    expect(ring.attempts.failures).toBe(6);
    clock.t += 2000;
    // The recovery code counts in the same row of failures.
    expect(await b.call('privacy.recover', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', password: 'другой-пароль-2' })).toMatchObject({ ok: false, code: 'wrong_code' });
    const r2 = await b.call('privacy.unlock', { password: 'верный-пароль-1' });
    if (!r2.ok) expect(r2.message).toMatch(/через 4 секунды/);
    clock.t += 4000;
    expect(await b.ok('privacy.unlock', { password: 'верный-пароль-1' })).toMatchObject({ locked: false });
    // Success clears the row.
    expect((JSON.parse(readFileSync(b.ws.dbPath('main') + '.keyring', 'utf8')) as { attempts: { failures: number } }).attempts.failures).toBe(0);
  });

  it('ожидание: 1, 2, 4 … секунд, не больше пяти минут', () => {
    expect([0, 4, 5, 6, 7, 8].map(waitAfter)).toEqual([0, 0, 1, 2, 4, 8]);
    expect(waitAfter(40)).toBe(MAX_WAIT_S);
    expect(waitWords(1)).toBe('1 секунду');
    expect(waitWords(22)).toBe('22 секунды');
    expect(waitWords(300)).toBe('5 минут');
  });

  it('файл ключей с N = 2 или N = 2^30 не принимается, с понятным сообщением', async () => {
    const { dir, clock } = await withPassword();
    const path = `${dir}/opora.sqlite`;
    const original = readFileSync(path + '.keyring', 'utf8');
    for (const N of [2, 2 ** 30]) {
      const j = JSON.parse(original) as { ways: { password: { kdf: { N: number } } } };
      j.ways.password.kdf.N = N;
      writeFileSync(path + '.keyring', JSON.stringify(j));
      expect(() => Keyring.open(path)).toThrow(/параметры защиты пароля в нём вне допустимых границ/);
      const b = open(dir, clock);
      const r = await b.call('privacy.state', {});
      expect(r).toMatchObject({ ok: false, code: 'keyring_bad' });
      await b.ws.close();
    }
    writeFileSync(path + '.keyring', original);
    expect(() => Keyring.open(path)).not.toThrow();
  });

  it('неверный пароль стоит полного scrypt, как и верный', async () => {
    const { dir } = await withPassword();
    const ring = Keyring.open(`${dir}/opora.sqlite`);
    const time = (pw: string) => {
      const t0 = performance.now();
      try { ring.openWith('password', pw); } catch { /* wrong */ }
      return performance.now() - t0;
    };
    // The least of three of each: other test files share the cores, and one slow sample must not decide.
    const wrong = Math.min(time('неверный-1'), time('неверный-2'), time('неверный-3'));
    const right = Math.min(time('верный-пароль-1'), time('верный-пароль-1'), time('верный-пароль-1'));
    expect(wrong).toBeGreaterThan(right * 0.5);
    expect(wrong).toBeGreaterThan(20);
  });
});
