/** Personal data at rest: the bytes of a demo school's file, its WAL and a VACUUM INTO copy hold no pupil's name or birth date. */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { testWorkspace, tempDir } from '../helpers.js';
import { revealRows, sealPlaintext } from '../../main/services/privacy/vault.js';
import { openDatabase } from '../../db/open.js';
import { Workspace } from '../../main/workspace.js';

function pupils(raw: BetterSqlite3.Database) {
  return revealRows(raw, raw.prepare("SELECT full_name, birth_date FROM pupil WHERE deleted_at IS NULL AND full_name <> ''").all() as { full_name: string; birth_date: string | null }[]);
}

/** Names of adults (staff, the profile's director) are not children's data; a pupil who shares one is not looked for. */
function adults(raw: BetterSqlite3.Database): Set<string> {
  const staff = raw.prepare('SELECT full_name FROM staff').pluck().all() as string[];
  const p = raw.prepare('SELECT director, deputy FROM school_profile').all() as { director: string; deputy: string }[];
  return new Set([...staff, ...p.flatMap((r) => [r.director, r.deputy])]);
}

function found(bytes: Buffer, needles: string[]): string[] {
  return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
}

describe('персональные данные на диске', () => {
  it('в файле демо-школы, его WAL и копии VACUUM INTO нет ни одного ФИО и даты рождения', async () => {
    const t = testWorkspace();
    await t.ok('workspace.openDemo', { size: 'small' });
    const raw = t.ws.ctx().raw;
    const list = pupils(raw);
    expect(list.length).toBeGreaterThan(10);
    const grown = adults(raw);
    const names = list.map((p) => p.full_name).filter((n) => !grown.has(n));
    const dates = list.map((p) => p.birth_date!).filter(Boolean);
    // the lists still show them: the names are there, just not in plaintext
    const page = await t.ok('records.list', { entity: 'risk_entry', limit: 500 });
    expect(page.rows.every((r) => typeof r.pupil_name === 'string' && !String(r.pupil_name).startsWith('enc1:'))).toBe(true);

    const db = t.ws.dbPath('demo');
    expect(existsSync(db + '-wal')).toBe(true);
    const copy = join(tempDir(), 'backup.sqlite');
    raw.prepare('VACUUM INTO ?').run(copy);
    for (const file of [db, db + '-wal', copy]) {
      const bytes = readFileSync(file);
      expect(found(bytes, names), file).toEqual([]);
      expect(found(bytes, dates), file).toEqual([]);
    }
    // and after the WAL is folded into the file
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(db);
    expect(found(bytes, names)).toEqual([]);
    expect(found(bytes, dates)).toEqual([]);
  });

  it('поиск и сортировка по ФИО работают над зашифрованными записями', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Тестовая школа»' });
    const entry = { categories: ['absenteeism'] as const, included_on: '2026-09-15', reason: 'Пропуски', responsible: '' };
    for (const [full_name, class_name] of [['Яковлев Ян', '5А'], ['Алексеева Анна', '6Б'], ['Ёлкин Егор', '7В'], ['Борисов Борис', '8Г']] as const) {
      await t.ok('riskGroup.include', { pupil: { full_name, birth_date: null, class_name }, entry: { ...entry, categories: [...entry.categories] } });
    }
    const all = await t.ok('records.list', { entity: 'risk_entry' });
    expect(all.rows.map((r) => r.pupil_name)).toEqual(['Алексеева Анна', 'Борисов Борис', 'Ёлкин Егор', 'Яковлев Ян']);
    const desc = await t.ok('records.list', { entity: 'risk_entry', sort: { field: 'pupil_name', dir: 'desc' }, limit: 2 });
    expect(desc.rows.map((r) => r.pupil_name)).toEqual(['Яковлев Ян', 'Ёлкин Егор']);
    expect(desc.total).toBe(4);
    const search = await t.ok('records.list', { entity: 'risk_entry', search: 'борис' });
    expect(search.rows.map((r) => r.pupil_name)).toEqual(['Борисов Борис']);
    const pupilsPage = await t.ok('records.list', { entity: 'pupil', search: 'ёлк' });
    expect(pupilsPage.rows.map((r) => r.full_name)).toEqual(['Ёлкин Егор']);
    expect(readFileSync(t.ws.dbPath('main') + '-wal').includes(Buffer.from('Борисов'))).toBe(false);
  });

  it('файл прежней версии: открытые ФИО шифруются при первом открытии', () => {
    const dir = tempDir();
    const path = join(dir, 'opora.sqlite');
    const o = openDatabase(path);
    o.raw.prepare('DELETE FROM privacy_key').run();
    o.raw.prepare("INSERT INTO pupil (id, owner, origin, hlc, created_at, updated_at, full_name, birth_date, class_name) VALUES ('p1', 'o', 'o', '0', '', '', 'Старинов Пётр', '2012-05-17', '9А')").run();
    o.raw.close();
    const ws = new Workspace(dir);
    const raw = ws.ctx().raw;
    expect(raw.prepare('SELECT full_name FROM pupil').pluck().get()).toMatch(/^enc1:/);
    expect(pupils(raw)).toEqual([{ full_name: 'Старинов Пётр', birth_date: '2012-05-17' }]);
    expect(sealPlaintext(raw)).toBe(0);
    void ws.close();
    for (const f of [path, path + '-wal']) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from('Старинов'))).toBe(false);
  });
});
