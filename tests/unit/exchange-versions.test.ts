/**
 * Schools upgrade on different days (issue 21): a file says the oldest schema that can read it, a table or column
 * added later that holds nothing for the recipient is left out so an older app reads the file, and a file that
 * carries what the recipient cannot keep is refused with the sender's version and what to do. The older app is
 * simulated by a registry fixture: a down table of a later schema, taken out of the registry before the import.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { originId } from '../../main/services/core/clock.js';
import { f, registerTable, unregisterTable, table } from '../../db/registry/index.js';
import { migrations } from '../../db/migrations/index.js';
import { versionTriggerSql } from '../../db/migrations/0020_exchange.js';
import { saveRecord } from '../../main/services/records/records.js';
import { openContainer } from '../../main/services/exchange/container.js';
import { APP_VERSION, RELEASES, currentSchema } from '../../main/services/exchange/versions.js';
import { makePair } from './exchange-fixtures.js';
import { updatesNeeded } from '../../main/services/exchange/readers.js';
import pkg from '../../package.json' with { type: 'json' };
import { count } from '../../common/format.js';
import { NOUNS } from '../../common/nouns.js';

const notice = table({
  name: 'fixture_notice', title: 'Объявление управления', side: 'municipality', travel: 'down', since: 9001,
  fields: { title: f.req('Заголовок', 300), body: f.opt('Текст', 2000) },
});
const m9001 = {
  version: 9001, name: 'fixture_notice',
  sql: `CREATE TABLE fixture_notice (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, origin TEXT NOT NULL, hlc TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
    title TEXT NOT NULL, body TEXT NOT NULL DEFAULT '');
  ${versionTriggerSql('fixture_notice')}`,
};

/** As the department knows a school whose last file came from the first release (0.1.0, schema 70). */
function firstRelease(p: ReturnType<typeof makePair>) {
  p.muni.ctx.raw.prepare("UPDATE municipality_school SET app_version = '0.1.0', reads_schema = 70 WHERE id = ?").run(p.schoolId);
}

/** The app of the next release: it has the table. */
function newerApp() {
  registerTable(notice);
  migrations.push(m9001);
}
/** This release's app on the school's computer: it never knew the table. */
function olderApp() {
  unregisterTable('fixture_notice');
  if (migrations.at(-1) === m9001) migrations.pop();
}

describe('files an older app can read', () => {
  beforeEach(newerApp);
  afterEach(olderApp);

  it('a later table that holds nothing for the school is left out, and the older app reads the file', () => {
    const p = makePair();
    try {
      expect(currentSchema()).toBe(9001);
      // The school's last file came from the first release (schema 70): its file must stay readable there.
      p.importToMuni(p.exportSchool());
      firstRelease(p);
      expect(updatesNeeded(p.muni.ctx)).toEqual([]);
      const [path] = p.exportMuni(p.schoolId);
      const m = openContainer(readFileSync(path!)).manifest;
      expect(m.schemaVersion).toBe(70);
      expect(m.receipts).toBeUndefined();
      expect(m.entries.map((e) => e.name)).not.toContain('data/fixture_notice.json');
      olderApp();
      expect(currentSchema()).toBeLessThan(9001);
      const r = p.importToSchool(path!);
      expect(r.reason).toBeUndefined();
      expect(r.status).toBe('accepted');
    } finally {
      p.close();
    }
  });

  it('refuses, with the department\'s version and what to do, when the later table holds something', () => {
    const p = makePair();
    try {
      // Written as the next release's own screens would (the records service compiles its forms at start-up).
      const origin = originId(p.muni.ctx.raw);
      const at = p.clock.now().toISOString();
      p.muni.ctx.raw.prepare('INSERT INTO fixture_notice (id, owner, origin, hlc, created_at, updated_at, title) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(randomUUID(), p.muniId, origin, `${String(Date.now()).padStart(15, '0')}:000000:${origin}`, at, at, 'Совещание директоров перенесено на 15 декабря');
      p.importToMuni(p.exportSchool());
      firstRelease(p);
      // Before writing, the department is told who will need an update to read its file.
      expect(updatesNeeded(p.muni.ctx)).toEqual([{ schoolId: p.schoolId, name: 'МКОУ «Энская ООШ» (вымышленная)', appVersion: '0.1.0', needVersion: APP_VERSION }]);
      const [path] = p.exportMuni(p.schoolId);
      expect(openContainer(readFileSync(path!)).manifest.schemaVersion).toBe(9001);
      olderApp();
      const before = p.school.ctx.raw.prepare('SELECT COUNT(*) FROM municipal_activity').pluck().get();
      const r = p.importToSchool(path!);
      expect(r.status).toBe('rejected');
      expect(r.reasonCode).toBe('newer_data');
      expect(r.reason).toContain('Файл записан более новой версией «Опоры» и содержит данные, которые эта версия сохранить не может');
      expect(r.reason).toContain(`У управления образования «Опора» ${APP_VERSION}, на этом компьютере — ${APP_VERSION}`);
      expect(r.reason).toContain(`Установите «Опору» ${APP_VERSION} или новее`);
      expect(p.school.ctx.raw.prepare('SELECT COUNT(*) FROM municipal_activity').pluck().get()).toBe(before);
    } finally {
      p.close();
    }
  });
});

describe('a later column', () => {
  it('travels only when it holds something; cleared at the school, it is cleared at the department', () => {
    const p = makePair();
    try {
      const prog = p.school.ctx.raw.prepare('SELECT * FROM programme WHERE deleted_at IS NULL LIMIT 1').get() as Record<string, unknown>;
      const manifestOf = (path: string) => openContainer(readFileSync(path)).manifest;
      const first = p.exportSchool();
      // Nothing finished yet: a department on the first released schema (70) can read the school's file.
      expect(manifestOf(first).schemaVersion).toBe(70);
      expect(p.importToMuni(first).status).toBe('accepted');

      saveRecord(p.school.ctx, 'programme', { ...prog, archived_on: '2026-11-20' });
      const second = p.exportSchool();
      expect(manifestOf(second).schemaVersion).toBe(86);
      expect(p.importToMuni(second).status).toBe('accepted');
      const atMuni = () => p.muni.ctx.raw.prepare('SELECT archived_on FROM programme WHERE id = ?').pluck().get(prog.id);
      expect(atMuni()).toBe('2026-11-20');

      saveRecord(p.school.ctx, 'programme', { ...prog, archived_on: null });
      const third = p.exportSchool();
      expect(manifestOf(third).schemaVersion).toBe(70);
      expect(p.importToMuni(third).status).toBe('accepted');
      expect(atMuni()).toBeNull();
    } finally {
      p.close();
    }
  });
});

describe('the released version', () => {
  it('is package.json\'s, in every file\'s manifest, and the department learns each school\'s from its last file', () => {
    const p = makePair();
    try {
      expect(APP_VERSION).toBe(pkg.version);
      // Each release is listed with the schema it reads: the department tells a school's schema by its version.
      expect(RELEASES.find((r) => r.version === pkg.version)?.schema).toBe(currentSchema());
      expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
      const path = p.exportSchool();
      expect(openContainer(readFileSync(path)).manifest.appVersion).toBe(pkg.version);
      p.importToMuni(path);
      expect(p.muni.ctx.raw.prepare('SELECT app_version, reads_schema FROM municipality_school WHERE id = ?').get(p.schoolId))
        .toEqual({ app_version: pkg.version, reads_schema: currentSchema() });
    } finally {
      p.close();
    }
  });
});

describe('receipts', () => {
  it('a school sees which of its files the department loaded, when, with how many records and conflicts', async () => {
    const p = makePair();
    try {
      const { sentFiles } = await import('../../main/services/exchange/receipts.js');
      const { receiptWords } = await import('../../common/receipts.js');
      const first = p.exportSchool();
      expect(sentFiles(p.school.ctx).map(receiptWords)).toEqual(['ещё не загружен управлением образования']);
      const loaded = p.importToMuni(first);
      expect(loaded.status).toBe('accepted');
      const c = loaded.counts!;
      const records = c.new + c.updated + c.unchanged + c.deleted;
      expect(records).toBeGreaterThan(100);
      const loadedAt = p.clock.now().toISOString();

      // A second file the department has not seen yet when it writes its own.
      const second = p.exportSchool();
      const [down] = p.exportMuni(p.schoolId);
      expect(openContainer(readFileSync(down!)).manifest.receipts).toHaveLength(1);
      expect(p.importToSchool(down!).status).toBe('accepted');

      const files = sentFiles(p.school.ctx);
      expect(files.map((f) => f.seq)).toEqual([2, 1]);
      expect(files[1]).toMatchObject({ received_at: loadedAt, received_records: records, received_conflicts: c.conflicts });
      expect(receiptWords(files[1]!)).toMatch(new RegExp(`^загружен управлением образования \\d\\d\\.\\d\\d\\.2026 в \\d\\d:\\d\\d: принято ${count(records, NOUNS.record)}, конфликтов 0$`));
      expect(receiptWords(files[0]!)).toBe('ещё не загружен управлением образования');

      // The next round answers the second file too, and the first keeps its receipt.
      p.importToMuni(second);
      const [down2] = p.exportMuni(p.schoolId);
      p.importToSchool(down2!);
      expect(sentFiles(p.school.ctx).map((f) => f.received_at !== null)).toEqual([true, true]);
      expect(sentFiles(p.school.ctx)[1]!.received_at).toBe(loadedAt);
    } finally {
      p.close();
    }
  });
});

describe('a later vocabulary code', () => {
  it('a roadmap row «выполнено частично» or a sub-row needs the schema that knows them; an ordinary row does not', async () => {
    const { schemaNeeded, FIRST_SCHEMA } = await import('../../main/services/exchange/versions.js');
    const columns = ['id', 'status', 'parent_id'];
    const rows = (status: string, parent: string | null) => ({ table: 'municipal_activity', columns, rows: [[randomUUID(), status, parent]] });
    expect(schemaNeeded([rows('done', null)])).toBe(FIRST_SCHEMA);
    expect(schemaNeeded([rows('partly', null)])).toBe(92);
    expect(schemaNeeded([rows('done', randomUUID())])).toBe(92);
  });
});
