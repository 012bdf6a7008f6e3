/**
 * A damaged, read-only or full disk gets the truth: a healthy file on a read-only medium is not called
 * damaged; a damaged file is never exported from or imported into, and says how to get the data back;
 * a full disk during an import says so and leaves no attached file behind. Real files throughout: the
 * read-only medium is an immutable file and folder (chattr +i, which binds root too), the full disk is
 * SQLite's own max_page_count.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { openSync, writeSync, fstatSync, closeSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { makePair } from './exchange-fixtures.js';
import { importPaths, exportToFolder } from '../../main/services/exchange/index.js';
import { addAttachment, shareAttachment } from '../../main/services/school/attachments.js';
import { testWorkspace } from '../helpers.js';
import { dispatch } from '../../main/handlers.js';
import { Workspace } from '../../main/workspace.js';

const staff = { full_name: 'Петрова Анна Сергеевна', position: 'Учитель математики' };

function immutable(paths: string[], on: boolean) {
  execFileSync('chattr', [on ? '+i' : '-i', ...paths]);
}

describe('a healthy file on a read-only medium', () => {
  it('opens for reading with a read-only message, never «повреждён»', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МОУ «Ницинская ООШ»' });
    await t.ok('records.save', { entity: 'staff', value: staff });
    const path = t.ws.dbPath('main');
    await t.ws.close();
    const locked = [path, dirname(path)];
    immutable(locked, true);
    try {
      const ws = new Workspace(t.ws.dataDir);
      const r = await dispatch(ws, 'records.list', { entity: 'staff' }, () => {});
      if (!r.ok) {
        expect(r.message).not.toMatch(/поврежд/i);
        expect(r).toMatchObject({ code: 'db_readonly' });
        expect(r.message).toMatch(/только для чтения/);
      }
      await ws.close();
    } finally {
      immutable(locked, false);
    }
  });
});

/** Keeps the first page (it is still an SQLite file) and overwrites every page after it. */
function damagePagesAfterHeader(path: string) {
  const fd = openSync(path, 'r+');
  const size = fstatSync(fd).size;
  writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
  closeSync(fd);
}

describe('a damaged database is never exported from or imported into', () => {
  it('export and import refuse with what happened and how to get the data back', () => {
    const p = makePair({ demo: 'small' });
    try {
      const file = p.exportSchool();
      p.muni.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
      damagePagesAfterHeader(p.muni.ctx.raw.name);
      const [r] = importPaths(p.muni.ctx, [file]);
      expect(r).toMatchObject({ status: 'rejected', reasonCode: 'db_corrupt' });
      expect(r!.reason).toMatch(/повреждён.*копией.*ответственному за компьютеры/);
      p.school.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
      damagePagesAfterHeader(p.school.ctx.raw.name);
      expect(() => exportToFolder(p.school.ctx, join(p.dir, 'out-damaged'))).toThrow(/повреждён.*не выгружает/);
      expect(existsSync(join(p.dir, 'out-damaged'))).toBe(false);
    } finally {
      try { p.close(); } catch { /* the damaged files may refuse to close cleanly */ }
    }
  });
});

describe('a full disk during an import', () => {
  it('says the disk is full, not that the bundle is bad, and merges nothing', () => {
    const p = makePair({ demo: 'small' });
    try {
      const file = p.exportSchool();
      const raw = p.muni.ctx.raw;
      raw.pragma(`max_page_count = ${raw.pragma('page_count', { simple: true }) as number}`);
      const r = p.importToMuni(file);
      expect(r).toMatchObject({ status: 'rejected', reasonCode: 'disk_full' });
      expect(r.reason).toMatch(/^На диске закончилось место/);
      expect(r.reason).not.toMatch(/[A-Za-z]{4,}/);
      raw.pragma('max_page_count = 1073741823');
      expect(raw.prepare('SELECT COUNT(*) FROM event WHERE owner = ?').pluck().get(p.schoolId)).toBe(0);
      expect(p.importToMuni(file).status).toBe('accepted');
    } finally {
      p.close();
    }
  });

  it('attached files written by an import that did not commit are removed', () => {
    const p = makePair({ demo: 'small' });
    try {
      const event = p.school.ctx.raw.prepare('SELECT id FROM event LIMIT 1').pluck().get() as string;
      const a = addAttachment(p.school.ctx, { eventId: event, fileName: 'протокол-1.txt', mime: 'text/plain', bytes: Buffer.from('Протокол 1 (вымышленный)') });
      shareAttachment(p.school.ctx, a.id, true); // passed on to the department: its bytes travel
      const b = addAttachment(p.school.ctx, { eventId: event, fileName: 'протокол-2.txt', mime: 'text/plain', bytes: Buffer.from('Протокол 2 (вымышленный)') });
      shareAttachment(p.school.ctx, b.id, true); // passed on to the department: its bytes travel
      const file = p.exportSchool();
      // One of the two files cannot be written (a folder stands where its temporary file goes): the import
      // fails after the other may already be on disk.
      const dir = join(p.muni.ctx.filesDir, 'attachments');
      mkdirSync(join(dir, `${b.id}.part`), { recursive: true });
      const r = p.importToMuni(file);
      expect(r.status).toBe('rejected');
      expect(r.reason).toMatch(/[А-Яа-я]/);
      expect(existsSync(join(dir, a.id))).toBe(false);
      expect(existsSync(join(dir, b.id))).toBe(false);
      expect(readdirSync(dir)).toEqual([`${b.id}.part`]);
      expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM attachment').pluck().get()).toBe(0);
    } finally {
      p.close();
    }
  });
});
