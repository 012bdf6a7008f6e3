/**
 * Encrypted at rest means every byte: after realistic use with a password set — pupils, a journal note naming a
 * pupil, an attached protocol naming them, a backup, a WAL holding pages not yet in the main file — no byte of the
 * data folder (database, -wal, -shm, backups, attachments, keyring) holds the pupil's name (UTF-8 or UTF-16) or
 * birth date. Earlier workspaces (plaintext file, `.datakey`, privacy_key table) are taken over without loss.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, createCipheriv, scryptSync } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { testWorkspace, tempDir, openCopy } from '../helpers.js';
import { Workspace } from '../../main/workspace.js';
import { migrate } from '../../db/open.js';
import { dispatch } from '../../main/handlers.js';
import { isPlainSqlite } from '../../main/services/backup/seal.js';
import { backupDirFor } from '../../main/services/backup/backup.js';
import type { CallName, CallInput, CallOutput, CallResult } from '../../preload/contract/index.js';

const NAME = 'Скворцова Ульяна Тимофеевна';
const BIRTH = '2013-04-17';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every file of the folder that holds one of the needles, in UTF-8 or UTF-16. */
function leaks(dir: string, needles: string[]): string[] {
  const out: string[] = [];
  for (const f of filesUnder(dir)) {
    const bytes = readFileSync(f);
    for (const n of needles) {
      for (const enc of ['utf8', 'utf16le'] as const) if (bytes.includes(Buffer.from(n, enc))) out.push(`${f}: ${n} (${enc})`);
    }
  }
  return out;
}

function caller(ws: Workspace) {
  const call = async <K extends CallName>(name: K, input: CallInput<K>) => (await dispatch(ws, name, input, () => {})) as CallResult<CallOutput<K>>;
  const ok = async <K extends CallName>(name: K, input: CallInput<K>) => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.message}`);
    return r.value;
  };
  return { call, ok };
}

describe('зашифровано всё, что лежит на диске', () => {
  it('с паролем: ни ФИО, ни дата рождения не находятся ни в одном байте папки данных', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    await t.ok('riskGroup.include', { pupil: { full_name: NAME, birth_date: BIRTH, class_name: '7Б' }, entry: { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' } });
    const ev = await t.ok('records.save', { entity: 'event', value: { title: 'Совет профилактики', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-11-10', outcomes: `Обсудили пропуски: ${NAME}, ${BIRTH} г. р.` } });
    const protocol = `Протокол совета профилактики\nОбучающаяся: ${NAME}, дата рождения ${BIRTH}\n`;
    const file = await t.ok('attachments.add', { eventId: ev.id as string, fileName: 'Протокол.txt', mime: 'text/plain', dataBase64: b64(protocol) });
    await t.ok('privacy.setPassword', { password: 'верный-пароль-1', understood: true });
    await t.ok('backup.makeNow', {});
    // A change after the last checkpoint: its pages sit in the WAL only.
    await t.ok('records.save', { entity: 'event', value: { title: 'Беседа с родителями', kind: 'teachers_council', level: 'school', format: 'in_person', date_from: '2026-11-12', outcomes: `Беседа: ${NAME}` } });
    const db = t.ws.dbPath('main');
    expect(statSync(db + '-wal').size).toBeGreaterThan(0);
    expect(existsSync(db + '.keyring')).toBe(true);

    expect(leaks(t.ws.dataDir, [NAME, 'Скворцова', BIRTH])).toEqual([]);
    // The copy is a whole encrypted database: its header is not SQLite's plain one.
    const backups = readdirSync(backupDirFor(db));
    expect(backups.length).toBeGreaterThan(0);
    for (const b of backups) expect(isPlainSqlite(join(backupDirFor(db), b))).toBe(false);
    expect(isPlainSqlite(db)).toBe(false);
    // … and still everything reads back in the programme.
    expect(Buffer.from((await t.ok('attachments.read', { id: file.id })).dataBase64, 'base64').toString()).toBe(protocol);
    // Only the password opens the file key now: the keyring read afresh (as from a copied folder) opens nothing without it.
    expect(() => openCopy(join(backupDirFor(db), backups[0]!), db)).toThrow(/no key/);
    const copy = openCopy(join(backupDirFor(db), backups[0]!), db, 'верный-пароль-1');
    expect(copy.prepare("SELECT outcomes FROM event WHERE title = 'Совет профилактики'").pluck().get()).toContain(NAME);
    copy.close();
    const ring = JSON.parse(readFileSync(db + '.keyring', 'utf8')) as { ways: Record<string, unknown>; keys: { device?: unknown }[] };
    expect(Object.keys(ring.ways).sort()).toEqual(['password', 'recovery']);
    expect(ring.keys.every((k) => k.device === undefined)).toBe(true);
    await t.ws.close();
    expect(leaks(t.ws.dataDir, [NAME, 'Скворцова', BIRTH])).toEqual([]);
  });

  it('копия VACUUM INTO зашифрована тем же ключом: без ключа не открывается', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    await t.ok('backup.makeNow', {});
    const db = t.ws.dbPath('main');
    const copy = join(backupDirFor(db), readdirSync(backupDirFor(db))[0]!);
    const bare = new BetterSqlite3(copy, { readonly: true });
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    bare.close();
    const keyed = openCopy(copy, db);
    expect(keyed.prepare("SELECT value FROM meta WHERE key = 'role'").pluck().get()).toBe('school');
    keyed.close();
  });
});

/** A workspace as the previous version left it: a plain file, sealed names under a key in `.datakey`, plain files and copies. */
function previousVersion(dir: string, opts: { password?: string } = {}) {
  const path = join(dir, 'opora.sqlite');
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  migrate(raw);
  const key = randomBytes(32);
  const seal = (k: Buffer, plain: Buffer, aad: string) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', k, iv);
    c.setAAD(Buffer.from(aad));
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  };
  const sealText = (v: string) => 'enc1:' + seal(key, Buffer.from(v), 'opora personal data v1').toString('base64');
  raw.prepare("INSERT INTO meta (key, value) VALUES ('role', 'school') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
  raw.prepare("INSERT INTO pupil (id, owner, origin, hlc, created_at, updated_at, full_name, birth_date, class_name) VALUES ('p1', 'o', 'o', '0', '', '', ?, ?, '7Б')").run(sealText(NAME), sealText(BIRTH));
  raw.prepare("INSERT INTO pupil (id, owner, origin, hlc, created_at, updated_at, full_name, birth_date, class_name) VALUES ('p2', 'o', 'o', '0', '', '', 'Открытов Олег', '2012-01-02', '8А')").run();
  raw.prepare("INSERT INTO staff (id, owner, origin, hlc, created_at, updated_at, full_name) VALUES ('s1', 'o', 'o', '0', '', '', ?)").run(`Классный руководитель (${NAME})`);
  if (opts.password) {
    for (const [slot, secret] of [['password', opts.password], ['recovery', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF']] as const) {
      const kdf = { N: 2 ** 15, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
      const kek = scryptSync(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * 2 });
      raw.prepare('INSERT INTO privacy_key (slot, kdf, wrapped, created_at) VALUES (?, ?, ?, ?)').run(slot, JSON.stringify(kdf), seal(kek, key, 'opora personal data v1').toString('base64'), '2026-01-01');
    }
  } else {
    raw.prepare("INSERT INTO privacy_key (slot, kdf, wrapped, created_at) VALUES ('device', '{\"store\":\"plain\"}', '', '2026-01-01')").run();
    writeFileSync(path + '.datakey', JSON.stringify({ v: 1, kind: 'plain', wrapped: key.toString('base64') }));
  }
  const backups = backupDirFor(path);
  mkdirSync(backups, { recursive: true });
  raw.prepare('VACUUM INTO ?').run(join(backups, 'opora-20261101-220000-daily.sqlite'));
  raw.close();
  mkdirSync(join(dir, 'files', 'attachments'), { recursive: true });
  writeFileSync(join(dir, 'files', 'attachments', 'a1'), `Протокол: ${NAME}`);
  return path;
}

describe('файл ключей', () => {
  it('зашифрованный файл без своего файла ключей не открывается, и новый файл ключей вместо потерянного не пишется', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    const db = t.ws.dbPath('main');
    await t.ws.close();
    const ring = readFileSync(db + '.keyring');
    rmSync(db + '.keyring');
    const again = caller(new Workspace(t.ws.dataDir));
    const r = await again.call('workspace.state', {});
    expect(r).toMatchObject({ ok: false, code: 'not_a_database' });
    if (!r.ok) expect(r.message).toMatch(/файла ключей .*рядом нет/);
    expect(existsSync(db + '.keyring')).toBe(false);
    // Brought back, it opens again.
    writeFileSync(db + '.keyring', ring);
    const back = caller(new Workspace(t.ws.dataDir));
    expect((await back.ok('workspace.state', {})).role).toBe('school');
  });

  it('с паролем файл не открывается до пароля: из демо-школы — к экрану блокировки, пароль открывает файл', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    await t.ok('privacy.setPassword', { password: 'верный-пароль-1', understood: true });
    await t.ok('workspace.openDemo', { size: 'small' });
    const back = await t.call('workspace.leaveDemo', {});
    expect(back).toMatchObject({ ok: false, code: 'locked' });
    if (!back.ok) expect(back.message).toMatch(/заблокировано/);
    expect(await t.ok('privacy.state', {})).toMatchObject({ locked: true, hasPassword: true });
    expect(await t.call('records.list', { entity: 'staff' })).toMatchObject({ ok: false, code: 'locked' });
    expect(await t.ok('privacy.unlock', { password: 'верный-пароль-1' })).toMatchObject({ locked: false });
    expect((await t.ok('workspace.state', {})).role).toBe('school');
  });

  it('обёртка открытым хранилищем переходит под хранилище системы, когда оно появилось', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    const db = t.ws.dbPath('main');
    await t.ws.close();
    const os = { kind: 'safeStorage', protect: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)), unprotect: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)) };
    const ws = new Workspace(t.ws.dataDir);
    ws.secretBox = os;
    expect(await caller(ws).ok('workspace.state', {})).toMatchObject({ role: 'school' });
    const j = JSON.parse(readFileSync(db + '.keyring', 'utf8')) as { ways: { device: { store: string } } };
    expect(j.ways.device.store).toBe('safeStorage');
    await ws.close();
  });
});

describe('рабочее место прежней версии', () => {
  it('без пароля: файл, его копии и приложенные файлы шифруются при первом открытии, ФИО на месте', async () => {
    const dir = tempDir();
    const path = previousVersion(dir);
    expect(isPlainSqlite(path)).toBe(true);
    expect(leaks(dir, [NAME]).length).toBeGreaterThan(0);
    const ws = new Workspace(dir, () => new Date('2026-11-25T10:00:00'));
    const { ok } = caller(ws);
    const pupils = await ok('records.list', { entity: 'pupil' });
    expect(pupils.rows.map((r) => r.full_name).sort()).toEqual(['Открытов Олег', NAME].sort());
    expect(existsSync(path + '.datakey')).toBe(false);
    await ws.close();
    expect(isPlainSqlite(path)).toBe(false);
    expect(leaks(dir, [NAME, 'Открытов', BIRTH])).toEqual([]);
    // and again after a restart
    const again = caller(new Workspace(dir, () => new Date('2026-11-25T10:00:00')));
    expect((await again.ok('records.list', { entity: 'pupil' })).rows.map((r) => r.birth_date).sort()).toEqual(['2012-01-02', BIRTH]);
  });

  it('с паролем: открывается заблокированным, прежний пароль и прежний код восстановления открывают ФИО', async () => {
    const dir = tempDir();
    const path = previousVersion(dir, { password: 'старый-пароль-1' });
    const ws = new Workspace(dir, () => new Date('2026-11-25T10:00:00'));
    const { ok, call } = caller(ws);
    expect(await ok('privacy.state', {})).toMatchObject({ locked: true, hasPassword: true });
    expect(leaks(dir, [NAME, BIRTH])).toEqual([]);
    expect(await call('privacy.unlock', { password: 'не-тот' })).toMatchObject({ ok: false, code: 'wrong_password' });
    await ok('privacy.unlock', { password: 'старый-пароль-1' });
    expect((await ok('records.list', { entity: 'pupil' })).rows.map((r) => r.full_name)).toContain(NAME);
    await ok('privacy.lock', {});
    await ws.close();
    // The recovery code of the previous version still opens it, and sets a new password.
    const b = caller(new Workspace(dir, () => new Date('2026-11-25T10:00:00')));
    await b.ok('privacy.recover', { code: 'aaaa bbbb cccc dddd eeee ffff', password: 'новый-пароль-2' });
    expect((await b.ok('records.list', { entity: 'pupil' })).rows.map((r) => r.full_name)).toContain(NAME);
    const ring = JSON.parse(readFileSync(path + '.keyring', 'utf8')) as { ways: Record<string, unknown>; legacy?: unknown };
    expect(Object.keys(ring.ways).sort()).toEqual(['password', 'recovery']);
    expect(ring.legacy).toBeUndefined();
  });
});
