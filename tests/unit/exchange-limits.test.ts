/**
 * Bounded resources against a hostile sender who holds a valid key: bundles made with the enrolled school's
 * real keys through the project's own container code, written to disk and imported from there. Sizes and
 * row counts are refused before the entry is parsed whole; sequence numbers cannot jump to lock a school
 * out; the quarantine keeps a bounded number of files. The ≈40 MB case is in `npm run bench`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { makePair, type Pair } from './exchange-fixtures.js';
import { importFile, ensureIdentity, type ImportOutcome } from '../../main/services/exchange/index.js';
import { buildContainer, openContainer, assemble, type EntryInput, type ManifestHead, type Manifest } from '../../main/services/exchange/container.js';
import { newKeyPairs, fingerprint } from '../../main/services/core/crypto.js';
import { tableEntry, APP_VERSION } from '../../main/services/exchange/export.js';
import { LIMITS } from '../../main/services/exchange/reasons.js';
import { LATEST_VERSION } from '../../db/migrations/index.js';
import { saveRecord } from '../../main/services/records/records.js';

let p: Pair;
let n = 0;
/** Forged files come from an origin of their own, so that the school's real numbering stays its own. */
const FORGED: string = randomUUID();

beforeAll(async () => {
  p = makePair({ demo: null });
  await saveRecord(p.school.ctx, 'event', { title: 'Семинар (вымышленный)', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
  expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
});
afterAll(() => p.close());

const lastSeq = (origin = FORGED) => (p.muni.ctx.raw.prepare('SELECT last_seq FROM exchange_origin_seq WHERE issuer_id = ? AND origin = ?').pluck().get(p.schoolId, origin) as number | undefined) ?? 0;

function head(patch: Partial<ManifestHead>, origin = FORGED): ManifestHead {
  const id = ensureIdentity(p.school.ctx);
  return {
    kind: 'school-data',
    issuer: { id: p.schoolId, name: 'МКОУ «Энская ООШ» (вымышленная)', role: 'school', origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
    recipient: { id: p.muniId, name: 'Управление' },
    sequence: lastSeq(origin) + 1, createdAt: new Date().toISOString(), appVersion: APP_VERSION, schemaVersion: LATEST_VERSION,
    counts: {}, enrollmentProof: false, acks: [], ...patch,
  };
}

/** Signed with the school's own key, encrypted for the municipality, written to disk and imported from there. */
function importSigned(entries: EntryInput[], patch: Partial<ManifestHead>, origin = FORGED): ImportOutcome {
  const bytes = buildContainer(head(patch, origin), entries, ensureIdentity(p.school.ctx).keys.signPrivate, ensureIdentity(p.muni.ctx).keys.encryptPublic);
  const file = join(p.dir, `limits-${++n}.opora`);
  writeFileSync(file, bytes);
  return importFile(p.muni.ctx, file);
}

/** The school's real risk_factor entry with `rows` copies of its first row under fresh ids. */
function riskFactors(rows: number, change?: (r: unknown[], cols: string[], k: number) => void): EntryInput {
  const { entry } = tableEntry(p.school.ctx.raw, 'risk_factor', 't.owner = ?', [p.schoolId]);
  const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
  const iId = d.columns.indexOf('id');
  const out = Array.from({ length: rows }, (_, k) => {
    const r = d.rows[0]!.slice();
    r[iId] = randomUUID();
    change?.(r, d.columns, k);
    return r;
  });
  return { name: entry.name, data: Buffer.from(JSON.stringify({ ...d, rows: out }), 'utf8') };
}

function expectRefused(r: ImportOutcome, code: string, detail?: RegExp) {
  expect(r.status, r.reason).toBe('rejected');
  expect(r.reasonCode, r.reason).toBe(code);
  expect(r.reason).toMatch(/[А-Яа-я]/);
  if (detail) expect(r.reason).toMatch(detail);
}

describe('sizes and row counts are refused before an entry is parsed whole', () => {
  it('more rows than a table may hold, though the signed manifest claims one, is refused by counting, fast', () => {
    // Empty rows: 300 KB of JSON, so that the test shows the count, not the size, refusing it.
    const rows = '[],'.repeat(LIMITS.rowsPerTable) + '[]';
    const data = Buffer.from(`{"table":"risk_factor","columns":["id"],"rows":[${rows}]}`, 'utf8');
    const t = performance.now();
    expectRefused(importSigned([{ name: 'data/risk_factor.json', data, compress: false }], { counts: { risk_factor: 1 } }), 'too_large', /строк в таблице больше 25000/);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('an honest count above the limit is refused from the manifest alone', () => {
    expectRefused(importSigned([riskFactors(1)], { counts: { risk_factor: LIMITS.rowsPerTable + 1 } }), 'too_large');
  });

  it('a table entry declared larger than the limit is refused before it is inflated', () => {
    // The manifest (re-signed with the school's key) declares 70 MB for a real entry: no byte is inflated.
    const c = openContainer(buildContainer(head({ counts: { risk_factor: 1 } }), [riskFactors(1)], ensureIdentity(p.school.ctx).keys.signPrivate, ensureIdentity(p.muni.ctx).keys.encryptPublic));
    const m = JSON.parse(c.manifestBytes.toString('utf8')) as Manifest;
    m.entries[0]!.size = 70 * 1024 * 1024;
    const file = join(p.dir, `limits-${++n}.opora`);
    writeFileSync(file, assemble(Buffer.from(JSON.stringify(m)), ensureIdentity(p.school.ctx).keys.signPrivate, c.payload));
    expectRefused(importFile(p.muni.ctx, file), 'too_large', /таблица «Фактор риска»: 70 МБ при пределе 16 МБ/);
  });

  it('a bad row stops the import where it is, and good rows after it are not needed', () => {
    const r = importSigned([riskFactors(20_000, (row, cols, k) => { if (k === 3) row[cols.indexOf('title')] = 12345; })], { counts: { risk_factor: 20_000 } });
    expectRefused(r, 'bad_record', /строка 4, поле «Фактор риска»: не текст/);
  });

  it('an honest bundle of many rows is still accepted', () => {
    const r = importSigned([riskFactors(5_000)], { counts: { risk_factor: 5_000 } });
    expect(r.status, r.reason).toBe('accepted');
    expect(r.counts!.new).toBe(5_000);
  });
});

describe('sequence numbers cannot lock a school out of its own next file', () => {
  it('2^53-1 and any jump beyond the bound are refused; the school\'s own next file is accepted', () => {
    // Signed with the school's key under its real origin: the attack the issue describes.
    const origin = ensureIdentity(p.school.ctx).origin;
    const before = lastSeq(origin);
    expect(before).toBeGreaterThan(0);
    expectRefused(importSigned([riskFactors(1)], { sequence: Number.MAX_SAFE_INTEGER, counts: { risk_factor: 1 } }, origin), 'bad_manifest');
    expectRefused(importSigned([riskFactors(1)], { sequence: before + LIMITS.sequenceJump + 1, counts: { risk_factor: 1 } }, origin), 'sequence_jump', /неправдоподобно/);
    expect(lastSeq(origin)).toBe(before);
    const own = p.importToMuni(p.exportSchool());
    expect(own.status, own.reason).toBe('accepted');
  });
});

describe('the quarantine keeps a bounded number of files', () => {
  it('files from unknown senders beyond the bound are refused, not stored, with a Russian reason', () => {
    const stranger = (i: number, keys = newKeyPairs(), issuer = randomUUID()) => {
      const bytes = buildContainer({
        ...head({}),
        issuer: { id: issuer, name: `Неизвестная школа ${i}`, role: 'school', origin: randomUUID(), signKey: keys.signPublic, encryptKey: keys.encryptPublic, fingerprint: fingerprint(keys.signPublic) },
        sequence: 1,
      }, [{ name: 'files/00000000-0000-4000-8000-000000000000', data: Buffer.from(`вложение ${i} `.repeat(1000)) }], keys.signPrivate, null);
      const file = join(p.dir, `stranger-${++n}.opora`);
      writeFileSync(file, bytes);
      return importFile(p.muni.ctx, file);
    };
    const qDir = join(p.muni.ctx.filesDir, 'quarantine');
    // One sender (one key) sends many files: only the first few are kept.
    const keys = newKeyPairs();
    const issuer = randomUUID();
    const same = Array.from({ length: LIMITS.quarantine.perSenderFiles + 2 }, (_, i) => stranger(i, keys, issuer));
    expect(same.slice(0, LIMITS.quarantine.perSenderFiles).map((r) => r.status)).toEqual(Array(LIMITS.quarantine.perSenderFiles).fill('quarantined'));
    for (const r of same.slice(LIMITS.quarantine.perSenderFiles)) expectRefused(r, 'quarantine_full', /Карантин/);
    // Many senders: the total bound holds.
    const many = Array.from({ length: LIMITS.quarantine.totalFiles + 3 }, (_, i) => stranger(100 + i));
    expect(many.filter((r) => r.status === 'quarantined').length).toBe(LIMITS.quarantine.totalFiles - LIMITS.quarantine.perSenderFiles);
    expect(many.at(-1)!.reasonCode).toBe('quarantine_full');
    const stored = readdirSync(qDir).filter((f) => f.endsWith('.opora'));
    expect(stored.length).toBe(LIMITS.quarantine.totalFiles);
    expect(stored.reduce((a, f) => a + statSync(join(qDir, f)).size, 0)).toBeLessThanOrEqual(LIMITS.quarantine.totalBytes);
    // The trusted school is not affected.
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(readFileSync(join(qDir, stored[0]!)).length).toBeGreaterThan(0);
  });
});
