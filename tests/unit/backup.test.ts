/**
 * Backups over real files: a copy every day, before an import and before a migration; thinning keeps the
 * newest few, one a day for a week and one a week for a month; a restore checks the copy first, keeps the
 * file it replaces, and gives the workspace a new origin with its clock past the replaced file's.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { existsSync, utimesSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, readdirSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { testWorkspace, tempDir, openCopy } from '../helpers.js';
import { Workspace } from '../../main/workspace.js';
import { dispatch } from '../../main/handlers.js';
import { backupDirFor, keepSet, listBackups, KEEP, parseBackupName, makeBackup } from '../../main/services/backup/backup.js';
import { makePair } from './exchange-fixtures.js';
import { openDatabase } from '../../db/open.js';
import { migrations } from '../../db/migrations/index.js';
import { safeFileName } from '../../common/file-names.js';
import type { BackupInfo } from '../../preload/contract/index.js';

const staff = (name: string) => ({ full_name: name, position: 'Учитель математики' });

function clock(start: string) {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), add: (ms: number) => { t += ms; } };
}

const DAY = 86_400_000;

async function school(now: () => Date) {
  const t = testWorkspace(now);
  await t.ok('workspace.createSchool', { name: 'МБОУ "Средняя школа № 13"', short_name: 'Школа № 13' });
  return t;
}

async function staffNames(t: Awaited<ReturnType<typeof school>>) {
  const r = await t.ok('records.list', { entity: 'staff', limit: 100 });
  return r.rows.map((row) => String(row.full_name)).sort();
}

describe('thinning', () => {
  it('keeps the newest few, one per day for a week, one per week for a month', () => {
    // Four copies a day for 60 days, newest first.
    const list: BackupInfo[] = [];
    for (let d = 0; d < 60; d++) {
      for (const h of [20, 15, 10, 5]) {
        const at = new Date(2026, 10, 30 - d, h, 0, 0);
        list.push({ name: `c-${d}-${h}`, at: at.toISOString(), reason: 'daily', size: 1 });
      }
    }
    const keep = keepSet(list);
    // 3 newest (all of day 0) + newest of 7 days (day 0 shared) + newest of 4 weeks (shared with days where they overlap).
    expect(keep.has('c-0-20') && keep.has('c-0-15') && keep.has('c-0-10')).toBe(true);
    for (let d = 0; d < KEEP.days; d++) expect(keep.has(`c-${d}-20`)).toBe(true);
    expect(keep.has(`c-${KEEP.days}-20`) || [...keep].some((n) => n.startsWith(`c-${KEEP.days}-`))).toBeDefined();
    expect(keep.size).toBeLessThanOrEqual(KEEP.latest + KEEP.days + KEEP.weeks);
    // Nothing older than about a month survives.
    expect([...keep].every((n) => Number(n.split('-')[1]) < 35)).toBe(true);
  });

  it('a copy stamped by a clock set back is kept, not thinned away at once', () => {
    const dir = tempDir();
    const raw = new BetterSqlite3(join(dir, 'x.sqlite'));
    raw.exec('CREATE TABLE t (a)');
    for (let d = 0; d < 20; d++) makeBackup(raw, 'daily', new Date(2026, 10, 20 - d + 20, 10));
    const back = makeBackup(raw, 'import', new Date(2025, 0, 1, 10))!;
    expect(listBackups(backupDirFor(join(dir, 'x.sqlite'))).map((b) => b.name)).toContain(back.name);
    raw.close();
  });

  it('reads its own names back and ignores other files', () => {
    expect(parseBackupName('opora-20261201-223005-import.sqlite')).toMatchObject({ reason: 'import' });
    expect(parseBackupName('opora-20261201-223005-2-manual.sqlite')).toMatchObject({ reason: 'manual' });
    expect(parseBackupName('notes.txt')).toBeNull();
    expect(parseBackupName('opora-20261201-223005-weird.sqlite')).toBeNull();
  });
});

describe('automatic copies', () => {
  it('once a day on a workspace in use, never for the demo', async () => {
    const c = clock('2026-11-25T10:00:00');
    const t = await school(c.now);
    await t.ok('records.save', { entity: 'staff', value: staff('Петрова Анна Сергеевна') });
    const dir = backupDirFor(t.ws.dbPath('main'));
    // The first call of the day after the school exists makes one on the next open.
    await t.ws.close();
    await t.ok('records.list', { entity: 'staff' });
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily']);
    c.add(60_000);
    await t.ok('records.list', { entity: 'staff' });
    expect(listBackups(dir)).toHaveLength(1);
    c.add(DAY);
    await t.ok('records.list', { entity: 'staff' });
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily', 'daily']);
    // The copy is a whole database with the record in it.
    const copy = openCopy(join(dir, listBackups(dir)[0]!.name), t.ws.dbPath('main'));
    expect(copy.prepare('SELECT full_name FROM staff').pluck().all()).toEqual(['Петрова Анна Сергеевна']);
    copy.close();
    await t.ok('workspace.openDemo', { size: 'small' });
    c.add(DAY);
    await t.ok('workspace.state', {});
    expect(listBackups(backupDirFor(t.ws.dbPath('demo')))).toEqual([]);
    expect((await t.ok('backup.list', {})).demo).toBe(true);
  });

  it('before an import is committed (one per batch), never for a dry run', () => {
    const p = makePair();
    const dir = backupDirFor(p.muni.ctx.raw.name);
    const bundle = p.exportSchool();
    p.importToMuni(bundle, true);
    expect(listBackups(dir)).toEqual([]);
    expect(p.importToMuni(bundle).status).toBe('accepted');
    const first = listBackups(dir);
    expect(first.map((b) => b.reason)).toEqual(['import']);
    // The copy holds the municipality as it was before the file: no school data yet.
    const copy = openCopy(join(dir, first[0]!.name), p.muni.ctx.raw.name);
    expect(copy.prepare('SELECT COUNT(*) FROM staff').pluck().get()).toBe(0);
    copy.close();
    p.clock.tick(60_000);
    p.importToMuni(p.exportSchool());
    expect(listBackups(dir)).toHaveLength(1);
    // Ten minutes later by both clocks (the file's own time is set back as the real clock would have moved).
    p.clock.tick(11 * 60_000);
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(join(dir, first[0]!.name), old, old);
    p.importToMuni(p.exportSchool());
    expect(listBackups(dir)).toHaveLength(2);
    p.close();
  });

  it('one copy for a batch that goes on for longer than ten minutes, a new one after a pause', () => {
    const p = makePair();
    const dir = backupDirFor(p.muni.ctx.raw.name);
    p.importToMuni(p.exportSchool());
    const [first] = listBackups(dir);
    // A file a minute (each export moves the clock by one) for twelve minutes, the copy's file time moving back as
    // the real clock would have moved.
    for (let m = 1; m <= 12; m++) {
      const back = new Date(Date.now() - m * 60_000);
      utimesSync(join(dir, first!.name), back, back);
      expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    }
    expect(listBackups(dir)).toHaveLength(1);
    // Three minutes with nothing loaded: the batch is over, and the copy is older than ten minutes.
    p.clock.tick(3 * 60_000);
    const back = new Date(Date.now() - 15 * 60_000);
    utimesSync(join(dir, first!.name), back, back);
    p.importToMuni(p.exportSchool());
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['import', 'import']);
    p.close();
  });

  it('before a migration runs on an existing file, and not on a new one', async () => {
    const dir = tempDir();
    const path = join(dir, 'opora.sqlite');
    const older = migrations.slice(0, -1);
    const o = openDatabase(path, older);
    const oldVersion = o.raw.pragma('user_version', { simple: true }) as number;
    o.raw.prepare("INSERT INTO meta (key, value) VALUES ('role', 'school')").run();
    await o.close();
    const ws = new Workspace(dir, () => new Date('2026-11-25T10:00:00'));
    ws.ctx();
    const list = listBackups(backupDirFor(path));
    expect(list.map((b) => b.reason)).toContain('migration');
    const copy = openCopy(join(backupDirFor(path), list.find((b) => b.reason === 'migration')!.name), path);
    expect(copy.pragma('user_version', { simple: true })).toBe(oldVersion);
    copy.close();
    await ws.close();
    const fresh = tempDir();
    const ws2 = new Workspace(fresh);
    ws2.ctx();
    expect(existsSync(join(fresh, 'backups'))).toBe(false);
    await ws2.close();
  });
});

describe('restore', () => {
  it('brings the data back, keeps the replaced file, takes a new origin with a later clock', async () => {
    const c = clock('2026-11-25T10:00:00');
    const t = await school(c.now);
    await t.ok('records.save', { entity: 'staff', value: staff('Петрова Анна Сергеевна') });
    const made = await t.ok('backup.makeNow', {});
    expect(made.cancelled).toBe(false);
    c.add(60_000);
    await t.ok('records.save', { entity: 'staff', value: staff('Иванов Пётр Ильич') });
    const raw = t.ws.ctx().raw;
    const originBefore = raw.prepare("SELECT value FROM meta WHERE key = 'origin_id'").pluck().get() as string;
    const hlcBefore = raw.prepare("SELECT value FROM meta WHERE key = 'hlc_last'").pluck().get() as string;
    const list = await t.ok('backup.list', {});
    const manual = list.items.find((b) => b.reason === 'manual')!;
    c.add(60_000);
    const r = await t.ok('backup.restore', { name: manual.name });
    expect(r.state.school?.short_name).toBe('Школа № 13');
    expect(await staffNames(t)).toEqual(['Петрова Анна Сергеевна']);
    // The replaced file is a copy of its own, and restoring it brings the second record back.
    expect(r.keptName).toMatch(/-restore\.sqlite$/);
    const raw2 = t.ws.ctx().raw;
    expect(raw2.prepare("SELECT value FROM meta WHERE key = 'origin_id'").pluck().get()).not.toBe(originBefore);
    expect(String(raw2.prepare("SELECT value FROM meta WHERE key = 'hlc_last'").pluck().get()) > hlcBefore).toBe(true);
    // A record saved now is stamped after everything the replaced file had.
    const saved = await t.ok('records.save', { entity: 'staff', value: staff('Сидорова Мария Олеговна') });
    expect(String(saved.hlc) > hlcBefore).toBe(true);
    await t.ok('backup.restore', { name: r.keptName! });
    expect(await staffNames(t)).toEqual(['Иванов Пётр Ильич', 'Петрова Анна Сергеевна']);
  });

  it('refuses a damaged copy, another school\'s copy and a file that is not Опора, changing nothing', async () => {
    const t = await school(() => new Date('2026-11-25T10:00:00'));
    await t.ok('records.save', { entity: 'staff', value: staff('Петрова Анна Сергеевна') });
    await t.ok('backup.makeNow', {});
    const dir = backupDirFor(t.ws.dbPath('main'));
    const name = listBackups(dir)[0]!.name;
    const live = t.ws.dbPath('main');

    // Damage the page headers after the first (the schema page stays readable, so only the check can tell).
    const bytes = readFileSync(join(dir, name));
    const damaged = Buffer.from(bytes);
    const page = bytes.readUInt16BE(16) || 65536;
    for (let at = page; at < damaged.length; at += page) damaged.fill(0xff, at, at + 8);
    const r1 = await t.call('backup.restoreUpload', { fileName: 'копия.sqlite', dataBase64: damaged.toString('base64') });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.message).toMatch(/поврежден|не является базой|не открывается/);

    const r2 = await t.call('backup.restoreUpload', { fileName: 'заметки.sqlite', dataBase64: Buffer.from('просто текст').toString('base64') });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.message).toMatch(/«Опоры»/);

    const other = await school(() => new Date('2026-11-25T10:00:00'));
    await other.ok('backup.makeNow', {});
    const otherCopy = readFileSync(join(backupDirFor(other.ws.dbPath('main')), listBackups(backupDirFor(other.ws.dbPath('main')))[0]!.name));
    const r3 = await t.call('backup.restoreUpload', { fileName: 'чужая.sqlite', dataBase64: otherCopy.toString('base64') });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.message).toMatch(/другого рабочего места/);

    const muni = testWorkspace();
    await muni.ok('exchange.initMunicipality', { name: 'Управление образования' });
    await muni.ok('backup.makeNow', {});
    const muniCopy = readFileSync(join(backupDirFor(muni.ws.dbPath('main')), listBackups(backupDirFor(muni.ws.dbPath('main')))[0]!.name));
    const r4 = await t.call('backup.restoreUpload', { fileName: 'муниципалитет.sqlite', dataBase64: muniCopy.toString('base64') });
    expect(r4.ok).toBe(false);
    // Another data folder's copy is encrypted with keys this workspace does not have: refused before its role is read.
    if (!r4.ok) expect(r4.message).toMatch(/ни одним ключом этого рабочего места/);

    expect(await staffNames(t)).toEqual(['Петрова Анна Сергеевна']);
    expect(existsSync(live + '.restoring')).toBe(false);
    // No copy was made for refused restores.
    expect(listBackups(dir).filter((b) => b.reason === 'restore')).toEqual([]);
  });

  it('a live file damaged on disk is replaced by a copy and the data come back', async () => {
    const t = await school(() => new Date('2026-11-25T10:00:00'));
    await t.ok('records.save', { entity: 'staff', value: staff('Петрова Анна Сергеевна') });
    await t.ok('backup.makeNow', {});
    const name = listBackups(backupDirFor(t.ws.dbPath('main')))[0]!.name;
    // The copy survives the live file being overwritten in the middle.
    const live = t.ws.dbPath('main');
    await t.ws.close();
    const fd = openSync(live, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x55), 0, 8192, 4096);
    closeSync(fd);
    const broken = await t.call('workspace.state', {});
    expect(broken.ok).toBe(false);
    // The copies are listed and restorable although the live file does not open (the error screen offers them).
    expect((await t.ok('backup.list', {})).items.map((b) => b.name)).toContain(name);
    await t.ok('backup.restore', { name });
    expect(await staffNames(t)).toEqual(['Петрова Анна Сергеевна']);
    expect(readdirSync(backupDirFor(live)).some((f) => f.startsWith('повреждённый-'))).toBe(true);
  });
});

describe('workspace files', () => {
  it('a school and a municipality side by side, switched from the list', async () => {
    const t = await school(() => new Date('2026-11-25T10:00:00'));
    const state = await t.ok('workspace.newFile', {});
    expect(state.role).toBe('none');
    await t.ok('exchange.initMunicipality', { name: 'Управление образования Энского района' });
    const files = await t.ok('workspace.files', {});
    expect(files.files.map((f) => [f.role, f.name, f.active])).toEqual([
      ['school', 'Школа № 13', false],
      ['municipality', 'Управление образования Энского района', true],
    ]);
    const back = await t.ok('workspace.openFile', { path: files.files[0]!.path });
    expect(back.role).toBe('school');
    // A path main does not know is refused: the renderer cannot open any file on the disk by naming it.
    const r = await t.call('workspace.openFile', { path: '/etc/passwd' });
    expect(r.ok).toBe(false);
    // A restart opens the same file.
    await t.ws.close();
    const again = new Workspace(t.ws.dataDir);
    const s = await dispatch(again, 'workspace.state', {}, () => {});
    expect(s.ok && (s.value as { role: string }).role).toBe('school');
    await again.close();
  });

  it('an uploaded copy becomes a workspace of its own; a wrong file changes nothing', async () => {
    const t = await school(() => new Date('2026-11-25T10:00:00'));
    await t.ok('records.save', { entity: 'staff', value: staff('Петрова Анна Сергеевна') });
    const dl = await t.ok('backup.download', {});
    expect(dl.fileName).toBe('Опора — Школа № 13 — копия от 25.11.2026 10-00.sqlite');
    const other = testWorkspace();
    const bad = await other.call('workspace.uploadFile', { fileName: 'x.sqlite', dataBase64: Buffer.from('нет').toString('base64') });
    expect(bad.ok).toBe(false);
    expect(readdirSync(join(other.ws.dataDir, 'workspaces'))).toEqual([]);
    // The copy is encrypted: another data folder has no key to it (its keyring stays with the workspace's folder).
    const foreign = await other.call('workspace.uploadFile', { fileName: dl.fileName, dataBase64: dl.dataBase64 });
    expect(foreign).toMatchObject({ ok: false, code: 'not_opora' });
    if (!foreign.ok) expect(foreign.message).toMatch(/ключ/);
    expect(readdirSync(join(other.ws.dataDir, 'workspaces'))).toEqual([]);
    // On this computer it becomes a workspace of its own, with a copy of the keys.
    const s = await t.ok('workspace.uploadFile', { fileName: dl.fileName, dataBase64: dl.dataBase64 });
    expect(s.role).toBe('school');
    const list = await t.ok('records.list', { entity: 'staff' });
    expect(list.rows.map((r) => r.full_name)).toEqual(['Петрова Анна Сергеевна']);
    writeFileSync(join(other.ws.dataDir, 'unused'), '');
  });
});

describe('safe file names', () => {
  it('keep the school\'s name readable and valid on Windows', () => {
    expect(safeFileName('Подключение МБОУ "Средняя школа № 13"')).toBe('Подключение МБОУ «Средняя школа № 13»');
    expect(safeFileName('a/b\\c:d*e?f<g>h|i')).toBe('a b c d e f g h i');
    expect(safeFileName('  отчёт.  ')).toBe('отчёт');
    expect(safeFileName('CON')).toBe('файл');
    expect(safeFileName('x'.repeat(200)).length).toBe(80);
  });
});
