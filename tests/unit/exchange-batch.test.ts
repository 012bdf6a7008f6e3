/**
 * The department loads a folder of school files in one go (importPaths, `opora import <папка>`): the next file is
 * read, decrypted and checked in a worker thread while the current one is written. The outcome must be exactly the
 * one-by-one import's — the same database, the same refusals in the same words, the same quarantine — and a bad
 * file in the middle is refused alone, the files before and after it taken.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePair, signedBySchool, type Pair } from './exchange-fixtures.js';
import { openWorkspaceFile, type OpenWorkspace } from '../../main/cli/workspace-file.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { enrollSchool, openEnrollment, exportToFolder, importBuffers, importFile, importPaths, keyFilePath, type ImportOutcome } from '../../main/services/exchange/index.js';
import { buildContainer } from '../../main/services/exchange/container.js';
import { ensureIdentity } from '../../main/services/exchange/keys.js';
import { newKeyPairs, fingerprint } from '../../main/services/core/crypto.js';
import { tableEntry, APP_VERSION } from '../../main/services/exchange/export.js';
import { upTables } from '../../main/services/exchange/tables.js';
import { bundledWorkerCode, prereadStats, READ_AHEAD } from '../../main/services/exchange/preread-pool.js';
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LATEST_VERSION } from '../../db/migrations/index.js';

let p: Pair;
let second: OpenWorkspace;
let batch: string;
let pristine: string;
/** The folder's outcome, which the window's groups must repeat. */
let together: ImportOutcome[] = [];

/** Everything the department holds that an import can change, in a comparable form (random ids and paths left out). */
function state(w: OpenWorkspace): string {
  const raw = w.ctx.raw;
  const all = (sql: string) => JSON.stringify(raw.prepare(sql).all());
  return [
    ...upTables().map((t) => all(`SELECT * FROM ${t} ORDER BY id`)),
    all('SELECT * FROM sync_version ORDER BY tbl, id'),
    all('SELECT * FROM sync_conflict ORDER BY tbl, id, hlc'),
    all('SELECT * FROM exchange_origin_seq ORDER BY issuer_id, origin'),
    all('SELECT * FROM municipality_school ORDER BY id'),
    all('SELECT at, file_name, sha256, kind, issuer_id, origin, seq, status, reason_code, reason, counts FROM exchange_import ORDER BY id'),
    all('SELECT file_name, sha256, issuer_id, fingerprint, reason_code, records, status FROM exchange_quarantine ORDER BY file_name'),
  ].join('\n');
}

/** A fresh copy of the department before anything arrived. */
function pristineCopy(name: string): OpenWorkspace {
  for (const ext of ['', '.keys', '.keyring']) copyFileSync(pristine + ext, join(p.dir, name + ext));
  return openWorkspaceFile(join(p.dir, name), p.clock.now);
}

const brief = (rs: ImportOutcome[]) => rs.map((r) => ({ status: r.status, code: r.reasonCode ?? null, reason: r.reason ?? null, counts: r.counts ?? null }));

beforeAll(() => {
  p = makePair({ demo: 'small', seed: 3 });
  const enr = enrollSchool(p.muni.ctx, 'МБОУ «Вторая СОШ» (вымышленная)');
  second = openWorkspaceFile(join(p.dir, 'second.sqlite'), p.clock.now);
  openEnrollment(second.ctx, enr.bytes, enr.code);
  generateDemo(second.ctx, { size: 'small', seed: 4 });
  // The department before anything arrives: the one-by-one import starts from this copy.
  pristine = join(p.dir, 'pristine.sqlite');
  p.muni.ctx.raw.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(join(p.dir, 'muni.sqlite'), pristine);
  copyFileSync(keyFilePath(p.muni.ctx.raw), pristine + '.keys');
  copyFileSync(join(p.dir, 'muni.sqlite.keyring'), pristine + '.keyring');

  batch = join(p.dir, 'batch');
  mkdirSync(batch);
  const put = (name: string, bytes: Buffer) => writeFileSync(join(batch, name), bytes);
  put('01-первая.opora', readFileSync(p.exportSchool()));
  // Signed by the first school's own key, sealed for the department, one row with a date that does not exist.
  const { entry } = tableEntry(p.school.ctx.raw, 'event', 't.owner = ?', [p.schoolId]);
  const d = JSON.parse(entry.data.toString('utf8')) as { columns: string[]; rows: unknown[][] };
  const iDate = d.columns.findIndex((_, i) => typeof d.rows[0]![i] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.rows[0]![i] as string));
  expect(iDate).toBeGreaterThanOrEqual(0);
  d.rows[d.rows.length - 1]![iDate] = '2026-02-30';
  put('03-неверная-дата.opora', signedBySchool(p.school, p.muni, [{ name: entry.name, data: Buffer.from(JSON.stringify(d), 'utf8') }], 2));
  p.clock.tick();
  const secondFile = readFileSync(exportToFolder(second.ctx, join(p.dir, 'second-out'))[0]!.path);
  put('02-вторая.opora', secondFile);
  // Nobody the department knows: the quarantine, as ever.
  const k = newKeyPairs();
  const stranger = 'aaaaaaaa-0000-4000-8000-000000000001';
  put('04-незнакомец.opora', buildContainer({
    kind: 'school-data',
    issuer: { id: stranger, name: 'Незнакомая школа', role: 'school', origin: 'aaaaaaaa-0000-4000-8000-000000000002', signKey: k.signPublic, encryptKey: k.encryptPublic, fingerprint: fingerprint(k.signPublic) },
    recipient: { id: p.muniId, name: 'Управление' }, sequence: 1, createdAt: new Date().toISOString(), appVersion: APP_VERSION, schemaVersion: LATEST_VERSION,
    counts: {}, enrollmentProof: false, acks: [],
  }, [], k.signPrivate, ensureIdentity(p.muni.ctx).keys.encryptPublic));
  put('05-первая-снова.opora', readFileSync(p.exportSchool()));
  // The second school's file with one byte changed: its hash no longer matches the signed manifest.
  const broken = Buffer.from(secondFile);
  broken[broken.length - 40] = broken[broken.length - 40]! ^ 0xff;
  put('06-испорченная.opora', broken);
});

afterAll(() => {
  second?.close();
  p?.close();
});

describe('a folder of school files at the department', () => {
  it('ends exactly as importing the files one by one, a bad file refused alone', () => {
    const before = prereadStats.tablesAhead;
    // On two shared cores the worker may lose the race for a file (the main thread then reads it itself): here the
    // main thread waits for it, so the worker's answers are what this test compares.
    const grace = READ_AHEAD.graceMs;
    READ_AHEAD.graceMs = 60_000;
    try {
      together = importPaths(p.muni.ctx, [batch]);
    } finally {
      READ_AHEAD.graceMs = grace;
    }
    // The worker really read ahead: the files of known schools after the first (the bad one too) came checked from it.
    expect(prereadStats.tablesAhead - before).toBe(3);

    const alone = pristineCopy('one-by-one.sqlite');
    try {
      const files = [...together.map((r) => r.file)];
      const oneByOne = files.map((f) => importFile(alone.ctx, f));
      expect(brief(together)).toEqual(brief(oneByOne));
      expect(together.map((r) => [r.status, r.reasonCode ?? null])).toEqual([
        ['accepted', null],
        ['accepted', null],
        ['rejected', 'bad_record'],
        ['quarantined', 'unknown_sender'],
        ['accepted', null],
        ['rejected', 'tampered'],
      ]);
      expect(together[2]!.reason).toMatch(/строка \d+, поле «[^»]+»: не дата/);
      expect(together[0]!.counts!.new).toBeGreaterThan(0);
      expect(together[1]!.counts!.new).toBeGreaterThan(0);
      expect(state(p.muni)).toBe(state(alone));
    } finally {
      alone.close();
    }
  });

  it('the import screen\'s group (the files\' bytes in one call) ends the same, the next file checked ahead', () => {
    expect(together.length).toBe(6);
    const w = pristineCopy('groups.sqlite');
    const before = prereadStats.tablesAhead;
    const grace = READ_AHEAD.graceMs;
    READ_AHEAD.graceMs = 60_000;
    try {
      const files = readdirSync(batch).sort().map((n) => ({ fileName: n, bytes: readFileSync(join(batch, n)) }));
      const rs = importBuffers(w.ctx, files);
      expect(prereadStats.tablesAhead - before).toBe(3);
      expect(brief(rs)).toEqual(brief(together));
      expect(rs.map((r) => r.file)).toEqual(files.map((f) => f.fileName));
      expect(state(w)).toBe(state(p.muni));
    } finally {
      READ_AHEAD.graceMs = grace;
      w.close();
    }
  });

  // What the packaged app runs: dist/preread-worker.cjs, started from its text (npm test builds it first).
  it.runIf(existsSync(resolve('dist/preread-worker.cjs')))('the bundled worker loads and hands back a school file checked', async () => {
    const ready = new SharedArrayBuffer(4);
    const w = new Worker(bundledWorkerCode(resolve('dist'))!, { eval: true, workerData: { ready } });
    try {
      expect(Atomics.wait(new Int32Array(ready), 0, 0, 20_000)).not.toBe('timed-out');
      const id = ensureIdentity(p.muni.ctx);
      const { port1, port2 } = new MessageChannel();
      const flags = new SharedArrayBuffer(8);
      const schools = p.muni.ctx.raw.prepare('SELECT id, fingerprint FROM municipality_school').all() as { id: string; fingerprint: string }[];
      w.postMessage({ path: join(batch, '01-первая.opora'), key: id.keys.encryptPrivate, keyPublic: id.keys.encryptPublic,
        senders: Object.fromEntries(schools.map((r) => [r.id, { fingerprint: r.fingerprint, enrollable: false }])),
        held: Object.fromEntries(schools.map((r) => [r.fingerprint, r.id])), port: port2, flags }, [port2]);
      expect(Atomics.wait(new Int32Array(flags), 0, 0, 20_000)).not.toBe('timed-out');
      const pre = receiveMessageOnPort(port1)?.message as { tables?: [string, { rows?: unknown[] }][] };
      expect(pre.tables!.length).toBeGreaterThan(3);
      expect(pre.tables!.every(([, t]) => Array.isArray(t.rows))).toBe(true);
    } finally {
      await w.terminate();
    }
  });
});
