/**
 * No restore loses a name. The finding: a copy made before the password was set, restored after it, lost every
 * pupil's name and birth date for good (the key's wraps lived inside the replaced file). Now the keys live in the
 * keyring beside the file, every key ever used is kept, and a restore checks that the copy opens — file and
 * names — before it replaces anything.
 */
import { describe, it, expect } from 'vitest';
import { createCipheriv, randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { tempDir, testWorkspace } from '../helpers.js';
import { Keyring } from '../../db/keyring.js';
import { applyKey, whichKey, encryptPlainFile } from '../../db/cipher.js';
import { backupDirFor, listBackups } from '../../main/services/backup/backup.js';

const now = () => new Date('2026-11-25T10:00:00');

function open(dir: string) {
  return testWorkspace(now, dir);
}

const entry = { categories: ['absenteeism' as const], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' };
const pupilName = (i: number) => `Ученикова Анна ${String(i).padStart(2, '0')}`;

async function schoolOf38(dir: string) {
  const a = open(dir);
  await a.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
  for (let i = 1; i <= 38; i++) await a.ok('riskGroup.include', { pupil: { full_name: pupilName(i), birth_date: `2013-01-${String((i % 28) + 1).padStart(2, '0')}`, class_name: '7Б' }, entry });
  return a;
}

async function names(a: ReturnType<typeof open>): Promise<string[]> {
  const page = await a.ok('records.list', { entity: 'pupil', limit: 500 });
  return page.rows.map((r) => String(r.full_name)).sort();
}

const all38 = Array.from({ length: 38 }, (_, i) => pupilName(i + 1)).sort();

describe('восстановление копии не теряет ФИО', () => {
  it('копия, сделанная до пароля и восстановленная после: 38 из 38 ФИО открываются паролем и кодом восстановления', async () => {
    const dir = tempDir();
    const a = await schoolOf38(dir);
    await a.ok('backup.makeNow', {});
    const before = listBackups(backupDirFor(a.ws.dbPath('main')))[0]!;
    const { recoveryCode } = await a.ok('privacy.setPassword', { password: 'верный-пароль-1', understood: true });
    const r = await a.ok('backup.restore', { name: before.name });
    expect(r.found).toMatch(/обучающихся в копии — 38/);
    expect(await names(a)).toEqual(all38);
    await a.ws.close();

    // After a restart: locked; the password opens all 38.
    const b = open(dir);
    expect(await b.ok('privacy.state', {})).toMatchObject({ locked: true, hasPassword: true });
    await b.ok('privacy.unlock', { password: 'верный-пароль-1' });
    expect(await names(b)).toEqual(all38);
    const birth = (await b.ok('records.list', { entity: 'pupil', limit: 500 })).rows.map((x) => x.birth_date);
    expect(birth.every((d) => typeof d === 'string' && /^2013-01-/.test(d as string))).toBe(true);
    await b.ws.close();

    // The recovery code too.
    const c = open(dir);
    await c.ok('privacy.recover', { code: recoveryCode, password: 'новый-пароль-2' });
    expect(await names(c)).toEqual(all38);
    await c.ws.close();
  });

  it('копия под прежним ключом файла (после смены ключа) восстанавливается', async () => {
    const dir = tempDir();
    const a = await schoolOf38(dir);
    await a.ok('backup.makeNow', {});
    const old = listBackups(backupDirFor(a.ws.dbPath('main')))[0]!;
    // A key change: a new current file key; the copy stays under the earlier one.
    const ring = Keyring.existing(a.ws.dbPath('main'))!;
    const fresh = ring.addKey('file');
    ring.setCurrent('file', fresh.id);
    await a.ws.close();
    const b = open(dir);
    expect(readFileSync(b.ws.dbPath('main') + '.keyring', 'utf8')).toContain(fresh.id);
    const r = await b.ok('backup.restore', { name: old.name });
    expect(r.found).toMatch(/прежних ключей|текущим ключом/);
    expect(await names(b)).toEqual(all38);
  });

  it('копия прежней версии без шифрования файла восстанавливается и шифруется', async () => {
    const dir = tempDir();
    const a = await schoolOf38(dir);
    const path = a.ws.dbPath('main');
    // A plain copy, as the previous version made them: decrypted by VACUUM INTO a plain attached database.
    const plainCopy = join(tempDir(), 'old.sqlite');
    const copyOf = join(tempDir(), 'enc.sqlite');
    a.ws.ctx().raw.prepare('VACUUM INTO ?').run(copyOf);
    const k = whichKey(copyOf, Keyring.existing(path)!.keys('file'));
    const raw = new BetterSqlite3(copyOf);
    applyKey(raw, (k as { key: Buffer }).key);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`rekey = ''`);
    raw.close();
    copyFileSync(copyOf, plainCopy);
    expect(readFileSync(plainCopy).subarray(0, 15).toString()).toBe('SQLite format 3');
    const r = await a.ok('backup.restoreUpload', { fileName: 'старая.sqlite', dataBase64: readFileSync(plainCopy).toString('base64') });
    expect(r.found).toMatch(/прежней версией без шифрования/);
    expect(await names(a)).toEqual(all38);
    expect(readFileSync(path).subarray(0, 15).toString()).not.toBe('SQLite format 3');
  });

  it('копию, ФИО в которой не открываются ключами рабочего места, не восстанавливает и говорит почему', async () => {
    const dir = tempDir();
    const a = await schoolOf38(dir);
    const path = a.ws.dbPath('main');
    await a.ok('backup.makeNow', {});
    const name = listBackups(backupDirFor(path))[0]!.name;
    const copy = join(tempDir(), 'чужие-имена.sqlite');
    copyFileSync(join(backupDirFor(path), name), copy);
    const k = whichKey(copy, Keyring.existing(path)!.keys('file')) as { key: Buffer };
    const raw = new BetterSqlite3(copy);
    applyKey(raw, k.key);
    const other = randomBytes(32), iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', other, iv);
    c.setAAD(Buffer.from('opora personal data v1'));
    const body = Buffer.concat([c.update(Buffer.from('Кто-то Чужой')), c.final()]);
    raw.prepare("UPDATE pupil SET full_name = ?").run('enc1:' + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64'));
    raw.close();
    const r = await a.call('backup.restoreUpload', { fileName: 'копия.sqlite', dataBase64: readFileSync(copy).toString('base64') });
    expect(r).toMatchObject({ ok: false, code: 'backup_keys' });
    if (!r.ok) expect(r.message).toMatch(/текущие данные не изменены/);
    expect(await names(a)).toEqual(all38);
    expect(readdirSync(backupDirFor(path)).filter((n) => n.endsWith('-restore.sqlite'))).toEqual([]);
  });

  it('шифрование открытого файла прежней версии не теряет ни строки', () => {
    const dir = tempDir();
    const path = join(dir, 'x.sqlite');
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = WAL');
    raw.exec("CREATE TABLE t (v TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT 'строка ' || i FROM n");
    raw.close();
    const key = randomBytes(32);
    encryptPlainFile(path, key);
    const back = new BetterSqlite3(path, { readonly: true });
    applyKey(back, key);
    expect(back.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5000);
    back.close();
  });
});
