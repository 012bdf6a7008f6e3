/**
 * Merge semantics: the merged result does not depend on the order in which bundles arrive (property test
 * over random orders), concurrent edits from two origins of one school are kept as a conflict, and wrong
 * wall clocks (2031, 2009) neither win nor lose forever.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makePair, roadmapActivity, type Pair } from './exchange-fixtures.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { saveRecord, removeRecord } from '../../main/services/records/records.js';
import {
  importBundle, enrollSchool, openEnrollment, exportToFolder, listConflicts, resolveConflict, keyFilePath,
} from '../../main/services/exchange/index.js';
import { upTables } from '../../main/services/exchange/tables.js';
const UP_TABLES = upTables();
import { sha256 } from '../../main/services/core/crypto.js';

const ev = (title: string, date = '2026-10-01') => ({ title, kind: 'seminar', level: 'school', format: 'in_person', date_from: date });

describe('order independence', () => {
  let p: Pair;
  let pristine: string;
  const bundles: { name: string; bytes: Buffer }[] = [];
  let e1 = '';

  beforeAll(async () => {
    p = makePair({ demo: null });
    const dir = p.dir;
    // The municipality before anything arrives: copied afresh for every order tried.
    pristine = join(dir, 'pristine.sqlite');
    p.muni.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(dir, 'muni.sqlite'), pristine);
    copyFileSync(keyFilePath(p.muni.ctx.raw), pristine + '.keys');
    copyFileSync(join(dir, 'muni.sqlite.keyring'), pristine + '.keyring');

    const take = (name: string) => bundles.push({ name, bytes: readFileSync(p.exportSchool()) });
    const S = () => p.school.ctx;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await saveRecord(S(), 'event', ev(`Событие ${i + 1}`))).id);
    e1 = ids[0]!;
    take('A-O1-1');
    const dbPath = join(dir, 'school.sqlite');
    S().raw.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(dbPath, join(dir, 'backup.sqlite'));
    p.clock.tick();
    await saveRecord(S(), 'event', { ...ev('Событие 1 — правка на первом компьютере'), id: ids[0] });
    removeRecord(S(), 'event', ids[1]!);
    await saveRecord(S(), 'event', ev('Новое событие на первом компьютере'));
    take('A-O1-2');
    p.clock.tick();
    await saveRecord(S(), 'event', { ...ev('Событие 3 — вторая правка'), id: ids[2] });
    take('A-O1-3');
    // The school restores its backup (made after the first bundle) and keeps working: a second origin.
    p.school.close();
    for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
    copyFileSync(join(dir, 'backup.sqlite'), dbPath);
    p.school = openWorkspaceFile(dbPath, p.clock.now);
    p.clock.tick();
    await saveRecord(S(), 'event', { ...ev('Событие 1 — правка после восстановления'), id: ids[0] });
    await saveRecord(S(), 'event', { ...ev('Событие 4 — правка после восстановления'), id: ids[3] });
    take('A-O2-1');
    p.clock.tick();
    await saveRecord(S(), 'event', { ...ev('Событие 1 — ещё одна правка после восстановления'), id: ids[0] });
    removeRecord(S(), 'event', ids[4]!);
    take('A-O2-2');

    // A second school, independent.
    const enr = enrollSchool(p.muni.ctx, 'Вторая школа (вымышленная)');
    p.muni.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(dir, 'muni.sqlite'), pristine); // the roster now has both schools, nothing imported yet
    const s2 = openWorkspaceFile(join(dir, 's2.sqlite'), p.clock.now);
    openEnrollment(s2.ctx, enr.bytes, enr.code);
    const b = await saveRecord(s2.ctx, 'event', ev('Событие второй школы'));
    bundles.push({ name: 'B-1', bytes: readFileSync(exportToFolder(s2.ctx, join(dir, 'b1'))[0]!.path) });
    await saveRecord(s2.ctx, 'event', { ...ev('Событие второй школы — правка'), id: b.id });
    bundles.push({ name: 'B-2', bytes: readFileSync(exportToFolder(s2.ctx, join(dir, 'b2'))[0]!.path) });
    s2.close();
  });
  afterAll(() => p.close());

  let run = 0;
  function mergedState(order: { name: string; bytes: Buffer }[]): { hash: string; statuses: string[] } {
    const dir = tempDir('opora-order-');
    const db = join(dir, 'm.sqlite');
    copyFileSync(pristine, db);
    copyFileSync(pristine + '.keys', db + '.keys');
    // The file is encrypted: its keyring goes with it, as a copied data folder carries it.
    copyFileSync(pristine + '.keyring', db + '.keyring');
    const w = openWorkspaceFile(db, () => new Date('2026-12-01T00:00:00Z'));
    try {
      const statuses = order.map((b) => {
        const r = importBundle(w.ctx, { fileName: b.name, bytes: b.bytes });
        return `${b.name}:${r.status}:${r.reasonCode ?? ''}`;
      });
      const raw = w.ctx.raw;
      const parts = [
        ...UP_TABLES.map((t) => JSON.stringify(raw.prepare(`SELECT * FROM ${t} ORDER BY id`).all())),
        JSON.stringify(raw.prepare('SELECT * FROM sync_version ORDER BY tbl, id').all()),
        JSON.stringify(raw.prepare('SELECT tbl, id, hlc, origin, vv, data, dismissed FROM sync_conflict ORDER BY tbl, id, hlc').all()),
        JSON.stringify(raw.prepare('SELECT id, status, fingerprint FROM municipality_school ORDER BY id').all()),
        JSON.stringify(raw.prepare('SELECT issuer_id, origin, last_seq, last_sha256 FROM exchange_origin_seq ORDER BY issuer_id, origin').all()),
      ];
      run++;
      return { hash: sha256(parts.join('\n')), statuses };
    } finally {
      w.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('the same merged result for every order of the same bundles (property test)', async () => {
    expect(bundles).toHaveLength(7);
    const reference = mergedState(bundles);
    // In arrival order everything is accepted and the two origins' edits of event 1 are a conflict.
    expect(reference.statuses.every((s) => s.includes(':accepted:'))).toBe(true);
    fc.assert(
      fc.property(fc.shuffledSubarray(bundles, { minLength: bundles.length, maxLength: bundles.length }), (order) => {
        const got = mergedState(order);
        // An older bundle of an origin arriving after a newer one is refused as a replay — and changes nothing.
        for (const s of got.statuses) expect(s).toMatch(/:accepted:$|:rejected:replay$/);
        expect(got.hash).toBe(reference.hash);
      }),
      { numRuns: 25 },
    );
    expect(run).toBeGreaterThan(20);
  });

  it('concurrent edits of one record by two origins are both kept as a conflict, and a person can choose', async () => {
    const dir = tempDir('opora-conflict-');
    const db = join(dir, 'm.sqlite');
    copyFileSync(pristine, db);
    copyFileSync(pristine + '.keys', db + '.keys');
    // The file is encrypted: its keyring goes with it, as a copied data folder carries it.
    copyFileSync(pristine + '.keyring', db + '.keyring');
    const w = openWorkspaceFile(db);
    try {
      for (const b of bundles) expect(importBundle(w.ctx, { fileName: b.name, bytes: b.bytes }).status).toBe('accepted');
      const conflicts = listConflicts(w.ctx);
      expect(conflicts).toHaveLength(1);
      const c = conflicts[0]!;
      expect(c.table).toBe('event');
      expect(c.id).toBe(e1);
      const titles = c.versions.map((v) => v.data.title).sort();
      expect(titles).toEqual(['Событие 1 — ещё одна правка после восстановления', 'Событие 1 — правка на первом компьютере']);
      // The other events edited on only one side merged without conflict.
      expect(w.ctx.raw.prepare("SELECT title FROM event WHERE title LIKE 'Событие 3%'").pluck().get()).toBe('Событие 3 — вторая правка');
      expect(w.ctx.raw.prepare("SELECT title FROM event WHERE title LIKE 'Событие 4%'").pluck().get()).toBe('Событие 4 — правка после восстановления');
      // Keep the first computer's version.
      const keep = c.versions.find((v) => v.data.title === 'Событие 1 — правка на первом компьютере')!;
      resolveConflict(w.ctx, 'event', e1, keep.hlc);
      expect(listConflicts(w.ctx)).toHaveLength(0);
      expect(w.ctx.raw.prepare('SELECT title FROM event WHERE id = ?').pluck().get(e1)).toBe('Событие 1 — правка на первом компьютере');
      // Importing the bundles again does not reopen the question.
      for (const b of bundles) importBundle(w.ctx, { fileName: b.name, bytes: b.bytes });
      expect(listConflicts(w.ctx)).toHaveLength(0);
    } finally {
      w.close();
    }
  });
});

describe('wrong wall clocks', () => {
  it('a school PC set to 2031 does not win forever, nor one set to 2009 lose forever', async () => {
    const p = makePair({ demo: null });
    try {
      const id = (await saveRecord(p.school.ctx, 'event', ev('Исходное название'))).id;
      expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
      const title = () => p.muni.ctx.raw.prepare('SELECT title FROM event WHERE id = ?').pluck().get(id);

      p.clock.set('2031-06-01T10:00:00Z');
      await saveRecord(p.school.ctx, 'event', { ...ev('Правка с часами в 2031 году'), id });
      expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
      expect(title()).toBe('Правка с часами в 2031 году');

      p.clock.set('2026-11-26T10:00:00Z'); // clock corrected
      await saveRecord(p.school.ctx, 'event', { ...ev('Правка после исправления часов'), id });
      let r = p.importToMuni(p.exportSchool());
      expect(r.counts).toMatchObject({ updated: 1, conflicts: 0 });
      expect(title()).toBe('Правка после исправления часов');

      p.clock.set('2009-01-01T10:00:00Z'); // battery died
      await saveRecord(p.school.ctx, 'event', { ...ev('Правка с часами в 2009 году'), id });
      r = p.importToMuni(p.exportSchool());
      expect(r.counts).toMatchObject({ updated: 1, conflicts: 0 });
      expect(title()).toBe('Правка с часами в 2009 году');

      // Same on the way down: the municipality's PC set to 2031, then corrected.
      p.clock.set('2031-01-01T00:00:00Z');
      const a = roadmapActivity(p.muni.ctx, { title: 'Мероприятие, созданное в «2031»' });
      expect(p.importToSchool(p.exportMuni(p.schoolId)[0]!).status).toBe('accepted');
      p.clock.set('2026-11-27T00:00:00Z');
      roadmapActivity(p.muni.ctx, { id: a, title: 'Мероприятие после исправления часов' });
      expect(p.importToSchool(p.exportMuni(p.schoolId)[0]!).counts).toMatchObject({ updated: 1, conflicts: 0 });
      expect(p.school.ctx.raw.prepare('SELECT title FROM municipal_activity WHERE id = ?').pluck().get(a)).toBe('Мероприятие после исправления часов');
    } finally {
      p.close();
    }
  });
});

describe('a copied school folder', () => {
  // The school's folder (database and key file together) copied to a second computer: both computers edit
  // the same event. Both edits must reach the municipality and stand side by side as a conflict, whatever
  // the order in which the files arrive — never a refusal that a re-export turns into a silent overwrite.
  it('keeps both computers\u2019 edits as a conflict, for every arrival order (property test)', async () => {
    const p = makePair({ demo: null });
    const bundles: { name: string; bytes: Buffer }[] = [];
    let id = '';
    try {
      p.muni.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
      const pristine = join(p.dir, 'pristine-copy.sqlite');
      copyFileSync(join(p.dir, 'muni.sqlite'), pristine);
      copyFileSync(keyFilePath(p.muni.ctx.raw), pristine + '.keys');
      copyFileSync(join(p.dir, 'muni.sqlite.keyring'), pristine + '.keyring');
      id = (await saveRecord(p.school.ctx, 'event', ev('Общее событие'))).id;
      bundles.push({ name: 'first-1', bytes: readFileSync(p.exportSchool()) });
      // The whole folder goes to a second computer.
      p.school.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
      const copyDb = join(tempDir('opora-second-pc-'), 'school.sqlite');
      copyFileSync(join(p.dir, 'school.sqlite'), copyDb);
      copyFileSync(keyFilePath(p.school.ctx.raw), copyDb + '.keys');
      copyFileSync(join(p.dir, 'school.sqlite.keyring'), copyDb + '.keyring');
      const second = openWorkspaceFile(copyDb, p.clock.now);
      try {
        p.clock.tick();
        await saveRecord(p.school.ctx, 'event', { ...ev('Правка на первом компьютере'), id });
        bundles.push({ name: 'first-2', bytes: readFileSync(p.exportSchool()) });
        p.clock.tick();
        await saveRecord(second.ctx, 'event', { ...ev('Правка на втором компьютере'), id });
        bundles.push({ name: 'second-1', bytes: readFileSync(exportToFolder(second.ctx, join(p.dir, 'second-1'))[0]!.path) });
        p.clock.tick();
        bundles.push({ name: 'second-2', bytes: readFileSync(exportToFolder(second.ctx, join(p.dir, 'second-2'))[0]!.path) });
      } finally {
        second.close();
      }
      let i = 0;
      fc.assert(
        fc.property(fc.shuffledSubarray(bundles, { minLength: bundles.length, maxLength: bundles.length }), (order) => {
          const db = join(p.dir, `m-copy-${++i}.sqlite`);
          copyFileSync(pristine, db);
          copyFileSync(pristine + '.keys', db + '.keys');
          copyFileSync(pristine + '.keyring', db + '.keyring');
          const w = openWorkspaceFile(db, () => new Date('2026-12-01T00:00:00Z'));
          try {
            for (const b of order) expect(importBundle(w.ctx, { fileName: b.name, bytes: b.bytes }).status).toMatch(/accepted|rejected/);
            // Whatever came late, both computers' newest files are merged...
            for (const b of ['first-2', 'second-2']) {
              expect(importBundle(w.ctx, { fileName: b, bytes: bundles.find((x) => x.name === b)!.bytes }).reasonCode ?? 'ok').not.toBe('sequence_clash');
            }
            // ...and the two edits of the same event stand side by side for a person to choose.
            const conflicts = listConflicts(w.ctx);
            expect(conflicts).toHaveLength(1);
            expect(conflicts[0]!.versions.map((v) => v.data.title).sort()).toEqual(['Правка на втором компьютере', 'Правка на первом компьютере']);
          } finally {
            w.close();
          }
        }),
        { numRuns: 12 },
      );
    } finally {
      p.close();
    }
  });
});
