/**
 * A «copy» handed to the school. Found: restoring a crafted copy of the school's own file kept a trigger that
 * rewrote the department's encryption key before each export, adopted another municipality's keys from its
 * `meta` without re-enrollment, and took key-derivation settings from the file. Now a copy brings data only:
 * the app's own schema objects, the keys the workspace already pins, password settings within bounds —
 * otherwise it is refused in words and nothing is replaced.
 */
import { describe, it, expect } from 'vitest';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { tempDir, testWorkspace } from '../helpers.js';
import { Keyring } from '../../db/keyring.js';
import { applyKey, whichKey } from '../../db/cipher.js';
import { backupDirFor, listBackups } from '../../main/services/backup/backup.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment } from '../../main/services/exchange/index.js';
import { newKeyPairs } from '../../main/services/core/crypto.js';
import { getMeta } from '../../main/services/core/meta.js';

const now = () => new Date('2026-11-25T10:00:00');

/** A school enrolled with a real enrollment file of a real department workspace, with two pupils, and a copy of it. */
async function enrolledSchool() {
  const muni = openWorkspaceFile(join(tempDir(), 'muni.sqlite'), now);
  initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
  const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
  muni.close();
  const a = testWorkspace(now);
  openEnrollment(a.ws.ctx(), enr.bytes, enr.code);
  for (const full_name of ['Вымыслова Анна', 'Придумов Олег']) {
    await a.ok('riskGroup.include', { pupil: { full_name, birth_date: '2013-01-05', class_name: '7Б' }, entry: { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски', responsible: '' } });
  }
  await a.ok('backup.makeNow', {});
  const path = a.ws.dbPath('main');
  const copy = join(tempDir(), 'копия.sqlite');
  copyFileSync(join(backupDirFor(path), listBackups(backupDirFor(path))[0]!.name), copy);
  return { a, path, copy };
}

/** Changes the copy as an attacker with the file (and its key, from the same computer) would. */
function craft(copy: string, dbPath: string, sql: (raw: BetterSqlite3.Database) => void) {
  const k = whichKey(copy, Keyring.existing(dbPath)!.keys('file')) as { key: Buffer };
  const raw = new BetterSqlite3(copy);
  applyKey(raw, k.key);
  sql(raw);
  raw.close();
}

async function restore(a: Awaited<ReturnType<typeof enrolledSchool>>['a'], copy: string) {
  return a.call('backup.restoreUpload', { fileName: 'копия.sqlite', dataBase64: readFileSync(copy).toString('base64') });
}

function nothingReplaced(a: Awaited<ReturnType<typeof enrolledSchool>>['a'], path: string, pinned: string | undefined) {
  const raw = a.ws.ctx().raw;
  expect(raw.prepare("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'view') AND name LIKE 'evil%'").all()).toEqual([]);
  expect(getMeta(raw, 'municipality_sign_public')).toBe(pinned);
  expect(raw.prepare('SELECT COUNT(*) FROM pupil').pluck().get()).toBe(2);
  expect(readdirSync(backupDirFor(path)).filter((n) => n.endsWith('-restore.sqlite'))).toEqual([]);
}

describe('восстановление подложенной копии', () => {
  it('триггер в копии: отказ словами, триггер не попадает в рабочее место', async () => {
    const { a, path, copy } = await enrolledSchool();
    const pinned = getMeta(a.ws.ctx().raw, 'municipality_sign_public');
    craft(copy, path, (raw) => raw.exec(`CREATE TRIGGER evil_export AFTER INSERT ON exchange_export BEGIN
      UPDATE meta SET value = 'ключ-злоумышленника' WHERE key = 'municipality_encrypt_public'; END;`));
    const r = await restore(a, copy);
    expect(r).toMatchObject({ ok: false, code: 'backup_foreign_schema' });
    if (!r.ok) {
      expect(r.message).toContain('триггер «evil_export»');
      expect(r.message).toMatch(/текущие данные не изменены/);
    }
    nothingReplaced(a, path, pinned);
  });

  it('представление, лишняя таблица и изменённая таблица тоже отказ', async () => {
    const { a, path, copy } = await enrolledSchool();
    const pinned = getMeta(a.ws.ctx().raw, 'municipality_sign_public');
    for (const [sql, word] of [
      ['CREATE VIEW evil_view AS SELECT * FROM pupil', 'представление «evil_view»'],
      ['CREATE TABLE evil_table (x)', 'таблица «evil_table»'],
      ["ALTER TABLE meta ADD COLUMN extra TEXT DEFAULT 'x'", 'изменено устройство (таблица «meta»)'],
    ] as const) {
      const c = join(tempDir(), 'c.sqlite');
      copyFileSync(copy, c);
      craft(c, path, (raw) => raw.exec(sql));
      const r = await restore(a, c);
      expect(r).toMatchObject({ ok: false, code: 'backup_foreign_schema' });
      if (!r.ok) expect(r.message).toContain(word);
      nothingReplaced(a, path, pinned);
    }
  });

  it('ключи другого управления в копии: отказ с обоими отпечатками, закреплённый ключ прежний', async () => {
    const { a, path, copy } = await enrolledSchool();
    const pinned = getMeta(a.ws.ctx().raw, 'municipality_sign_public');
    const theirs = newKeyPairs();
    craft(copy, path, (raw) => {
      raw.prepare("UPDATE meta SET value = ? WHERE key = 'municipality_sign_public'").run(theirs.signPublic);
      raw.prepare("UPDATE meta SET value = ? WHERE key = 'municipality_encrypt_public'").run(theirs.encryptPublic);
    });
    const r = await restore(a, copy);
    expect(r).toMatchObject({ ok: false, code: 'backup_other_keys' });
    if (!r.ok) expect(r.message).toMatch(/отпечаток [0-9A-F]{4} .*ключу [0-9A-F]{4} /);
    nothingReplaced(a, path, pinned);
  });

  it('управление: ключ школы в копии не тот, что закреплён, — отказ, ключ школы прежний', async () => {
    const m = testWorkspace(now);
    initMunicipality(m.ws.ctx(), 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(m.ws.ctx(), 'МКОУ «Энская ООШ» (вымышленная)');
    await m.ok('backup.makeNow', {});
    const path = m.ws.dbPath('main');
    const copy = join(tempDir(), 'копия.sqlite');
    copyFileSync(join(backupDirFor(path), listBackups(backupDirFor(path))[0]!.name), copy);
    craft(copy, path, (raw) => raw.prepare('UPDATE municipality_school SET sign_public = ? WHERE id = ?').run(newKeyPairs().signPublic, enr.schoolId));
    const r = await m.call('backup.restoreUpload', { fileName: 'копия.sqlite', dataBase64: readFileSync(copy).toString('base64') });
    expect(r).toMatchObject({ ok: false, code: 'backup_other_keys' });
    if (!r.ok) expect(r.message).toContain('«МКОУ «Энская ООШ» (вымышленная)»: в копии');
    expect(m.ws.ctx().raw.prepare('SELECT sign_public FROM municipality_school WHERE id = ?').pluck().get(enr.schoolId)).toBeNull();
  });

  it('параметры защиты пароля вне границ: отказ до замены', async () => {
    const { a, path, copy } = await enrolledSchool();
    const pinned = getMeta(a.ws.ctx().raw, 'municipality_sign_public');
    craft(copy, path, (raw) => raw.prepare("INSERT INTO privacy_key (slot, kdf, wrapped, created_at) VALUES ('password', ?, 'x', '2026-11-01')")
      .run(JSON.stringify({ N: 2 ** 30, r: 8, p: 1, salt: Buffer.alloc(16).toString('base64') })));
    const r = await restore(a, copy);
    expect(r).toMatchObject({ ok: false, code: 'backup_bad_kdf' });
    nothingReplaced(a, path, pinned);
  });

  it('настоящая копия этого же рабочего места восстанавливается', async () => {
    const { a, copy } = await enrolledSchool();
    await a.ok('riskGroup.include', { pupil: { full_name: 'Третья Мария', birth_date: '2013-02-05', class_name: '7Б' }, entry: { categories: ['absenteeism'], included_on: '2026-09-16', reason: 'Пропуски', responsible: '' } });
    const r = await restore(a, copy);
    expect(r).toMatchObject({ ok: true });
    expect(a.ws.ctx().raw.prepare('SELECT COUNT(*) FROM pupil').pluck().get()).toBe(2);
  });
});
