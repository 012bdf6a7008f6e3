/**
 * Bundles are untrusted input. Every hostile case here is built with the enrolled school's real signing
 * key where that matters (so it is the content check that must refuse it, not the signature), imported
 * for real, and must be refused with its reason — nothing merged, the app still running. Then every
 * single-byte change and every truncation of a sample bundle must be refused.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, truncateSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { makePair, type Pair } from './exchange-fixtures.js';
import { importBundle, importFile, ensureIdentity, type ImportOutcome } from '../../main/services/exchange/index.js';
import { buildContainer, assemble, openContainer, MAGIC, type EntryInput, type ManifestHead, type Manifest } from '../../main/services/exchange/container.js';
import { sha256, encryptFor } from '../../main/services/core/crypto.js';
import { tableEntry, APP_VERSION } from '../../main/services/exchange/export.js';
import { upTables } from '../../main/services/exchange/tables.js';
const UP_TABLES = upTables();
import { LATEST_VERSION } from '../../db/migrations/index.js';
import { saveRecord } from '../../main/services/records/records.js';

let p: Pair;
let good: Buffer;
let sample: Buffer;
let seq = 100;

beforeAll(async () => {
  p = makePair({ demo: null });
  await saveRecord(p.school.ctx, 'event', { title: 'Семинар (вымышленный)', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
  good = readFileSync(p.exportSchool());
  // The first bundle pins the school's key; everything below is from a known, trusted sender.
  expect(importBundle(p.muni.ctx, { fileName: 'first.opora', bytes: good }).status).toBe('accepted');
  sample = readFileSync(p.exportSchool());
});
afterAll(() => p.close());

function keys() {
  return ensureIdentity(p.school.ctx);
}

function head(patch: Partial<ManifestHead> = {}): ManifestHead {
  const id = keys();
  return {
    kind: 'school-data',
    issuer: { id: p.schoolId, name: 'МКОУ «Энская ООШ» (вымышленная)', role: 'school', origin: id.origin, signKey: id.keys.signPublic, encryptKey: id.keys.encryptPublic, fingerprint: id.fingerprint },
    recipient: { id: p.muniId, name: 'Управление' },
    sequence: ++seq,
    createdAt: new Date().toISOString(),
    appVersion: APP_VERSION,
    schemaVersion: LATEST_VERSION,
    counts: {},
    enrollmentProof: false,
    acks: [],
    ...patch,
  };
}

const muniKey = () => ensureIdentity(p.muni.ctx).keys.encryptPublic;

/** A correctly signed bundle with the given data entries (counts filled in from them). */
function signed(entries: EntryInput[], opts: { encrypt?: boolean; patch?: Partial<ManifestHead> } = {}): Buffer {
  const counts: Record<string, number> = {};
  for (const e of entries) {
    const m = /^data\/([a-z_]+)\.json$/.exec(e.name);
    if (!m) continue;
    try {
      counts[m[1]!] = (JSON.parse(e.data.toString('utf8')) as { rows: unknown[] }).rows.length;
    } catch {
      counts[m[1]!] = 0;
    }
  }
  return buildContainer(head({ counts, ...opts.patch }), entries, keys().keys.signPrivate, opts.encrypt === false ? null : muniKey());
}

/** Re-signs a bundle after changing its manifest (and optionally its payload). */
function resign(bytes: Buffer, change: (m: Manifest) => void, payload?: (p: Buffer) => Buffer): Buffer {
  const c = openContainer(bytes);
  const m = JSON.parse(c.manifestBytes.toString('utf8')) as Manifest;
  let pay: Buffer = Buffer.from(c.payload);
  if (payload) {
    pay = payload(pay);
    m.payload.size = pay.length;
    m.payload.sha256 = sha256(pay);
  }
  change(m);
  return assemble(Buffer.from(JSON.stringify(m), 'utf8'), keys().keys.signPrivate, pay);
}

/** A real table entry of the school with one row changed. */
function tableWith(table: string, change: (cols: string[], rows: unknown[][]) => void): EntryInput {
  const { entry } = tableEntry(p.school.ctx.raw, table, 't.owner = ?', [p.schoolId]);
  const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
  change(d.columns, d.rows);
  return { name: entry.name, data: Buffer.from(JSON.stringify(d), 'utf8') };
}

function stateHash(): string {
  const raw = p.muni.ctx.raw;
  return sha256(UP_TABLES.map((t) => JSON.stringify(raw.prepare(`SELECT * FROM ${t} ORDER BY id`).all())).join('|') + JSON.stringify(raw.prepare('SELECT * FROM exchange_origin_seq ORDER BY issuer_id, origin').all()) + JSON.stringify(raw.prepare('SELECT * FROM municipality_school').all()));
}

function refused(bytes: Buffer, reason: string | RegExp, name = 'hostile.opora'): ImportOutcome {
  const before = stateHash();
  const r = importBundle(p.muni.ctx, { fileName: name, bytes });
  expect(r.status, `${name}: ${r.reason}`).toBe('rejected');
  if (typeof reason === 'string') expect(r.reasonCode, r.reason).toBe(reason);
  else expect(r.reasonCode).toMatch(reason);
  expect(r.reason).toMatch(/[А-Яа-я]/);
  expect(stateHash()).toBe(before);
  return r;
}

describe('hostile bundles are refused with their reason, nothing merged', () => {
  it('a well-formed bundle from the same sender is still accepted (control)', async () => {
    expect(importBundle(p.muni.ctx, { fileName: 'ok.opora', bytes: signed([tableWith('risk_factor', () => {})]), dryRun: true }).status).toBe('accepted');
  });

  it('not an Опора bundle, truncated, newer format', async () => {
    refused(Buffer.from('PK\x03\x04 это zip, а не файл обмена'), 'not_bundle');
    refused(Buffer.alloc(0), 'not_bundle');
    refused(sample.subarray(0, 5), 'truncated');
    refused(sample.subarray(0, sample.length - 10), 'truncated');
    refused(sample.subarray(0, 200), 'truncated');
    const newer = Buffer.from(sample);
    newer.writeUInt16BE(2, 8);
    refused(newer, 'newer_format');
    refused(resign(sample, (m) => { (m as { formatVersion: number }).formatVersion = 2; }), 'newer_format');
    // same container, tables from a newer database schema
    refused(resign(sample, (m) => { (m as { schemaVersion: number }).schemaVersion = 99_999; }), 'newer_data');
  });

  it('bad signature and a signature by a key that is not the one named', async () => {
    const b = Buffer.from(sample);
    const sigAt = 14 + b.readUInt32BE(10) + 2;
    b[sigAt + 10]! ^= 0x20;
    refused(b, 'bad_signature');
    const m = JSON.parse(openContainer(sample).manifestBytes.toString('utf8')) as Manifest;
    m.issuer.name = 'Подменённое имя';
    // Manifest changed, old signature kept.
    const c = openContainer(sample);
    const mb = Buffer.from(JSON.stringify(m));
    const h = Buffer.alloc(14);
    MAGIC.copy(h);
    h.writeUInt16BE(1, 8);
    h.writeUInt32BE(mb.length, 10);
    const sl = Buffer.alloc(2);
    sl.writeUInt16BE(64);
    refused(Buffer.concat([h, mb, sl, c.signature, c.payload]), 'bad_signature');
  });

  it('tampered, missing and extra entries; a wrong or short AES-GCM tag', async () => {
    // Payload changed and the manifest's payload hash updated, but the entry's own hash not: unencrypted.
    const clear = signed([tableWith('risk_factor', () => {})], { encrypt: false });
    refused(resign(clear, () => {}, (pay) => { const x = Buffer.from(pay); x[x.length - 3]! ^= 1; return x; }), /tampered|missing_entry/);
    // An entry listed in the manifest but absent from the payload.
    refused(resign(clear, (m) => { m.entries.push({ ...m.entries[0]!, name: 'data/deficit.json' }); }), 'missing_entry');
    // Extra bytes after the listed entries.
    refused(resign(clear, () => {}, (pay) => Buffer.concat([pay, Buffer.from('лишнее')])), 'tampered');
    // Payload hash in the manifest does not match.
    refused(resign(clear, (m) => { m.payload.sha256 = sha256('другое'); }), 'tampered');
    // Encrypted: a flipped tag byte, a short tag, a payload for another key — the tag never verifies.
    const enc = signed([tableWith('risk_factor', () => {})]);
    refused(resign(enc, () => {}, (pay) => { const x = Buffer.from(pay); x[x.length - 1]! ^= 0x01; return x; }), 'decrypt_failed');
    refused(resign(enc, () => {}, (pay) => pay.subarray(0, pay.length - 8)), 'decrypt_failed');
    refused(resign(enc, () => {}, (pay) => { const x = Buffer.from(pay); x[0]! ^= 0x01; return x; }), 'decrypt_failed');
    const other = encryptFor(keys().keys.encryptPublic, Buffer.from('x'), Buffer.from('x'));
    refused(resign(enc, (m) => { m.payload.encryption!.recipientKey = other.header.recipientKey; }), 'decrypt_failed');
  });

  it('path traversal, odd names, duplicate entries and links', async () => {
    for (const name of ['../../../etc/passwd', 'data/../../x.json', '/etc/passwd', 'files\\..\\..\\evil', 'data/activity.json\u0000.png', 'C:/Windows/evil', 'files/../../evil']) {
      // The bundle's own name is an ordinary one: the odd name is the part's inside it.
      refused(signed([{ name, data: Buffer.from('{}') }]), 'bad_entry_name');
    }
    const rf = tableWith('risk_factor', () => {});
    refused(signed([rf, rf]), 'duplicate_entry');
    refused(resign(signed([rf], { encrypt: false }), (m) => { (m.entries[0] as { type: string }).type = 'symlink'; }), 'link_entry');
  });

  it('zip bombs and size limits: ratio, declared size, entry count, file size', async () => {
    // 40 MB of zeros in a few dozen kilobytes.
    refused(signed([{ name: 'data/risk_factor.json', data: Buffer.alloc(40 * 1024 * 1024, 0x20) }]), 'too_large');
    // An entry that inflates to far more than its declared size.
    const bomb = deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const small = signed([{ name: 'data/risk_factor.json', data: Buffer.from('{}') }], { encrypt: false });
    refused(resign(small, (m) => { m.entries[0] = { ...m.entries[0]!, size: 1000, storedSize: bomb.length, compression: 'deflate', sha256: sha256('x') }; }, () => bomb), 'too_large');
    // Declared sizes beyond the limits.
    refused(resign(small, (m) => { m.entries[0]!.size = 300 * 1024 * 1024; m.entries[0]!.compression = 'deflate'; }), 'too_large');
    refused(resign(small, (m) => { m.entries = Array.from({ length: 50_001 }, (_, i) => ({ ...m.entries[0]!, name: `files/${String(i).padStart(8, '0')}-0000-4000-8000-000000000000` })); }), 'too_large');
    // A file over the size limit is refused before it is read.
    const big = join(p.dir, 'huge.opora');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 600 * 1024 * 1024);
    const r = importFile(p.muni.ctx, big);
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('too_large');
  });

  it('invalid UTF-8, deeply nested and malformed JSON', async () => {
    refused(signed([{ name: 'data/risk_factor.json', data: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }]), 'invalid_utf8');
    refused(signed([{ name: 'data/risk_factor.json', data: Buffer.from('['.repeat(5_000) + ']'.repeat(5_000)) }]), 'json_too_deep');
    refused(signed([{ name: 'data/risk_factor.json', data: Buffer.from('{"table": "risk_factor", "columns": [') }]), 'bad_json');
    // Invalid UTF-8 in the manifest itself.
    const c = openContainer(sample);
    const mb = Buffer.concat([c.manifestBytes.subarray(0, 30), Buffer.from([0xc3, 0x28]), c.manifestBytes.subarray(32)]);
    refused(assemble(mb, keys().keys.signPrivate, c.payload), 'invalid_utf8');
  });

  it('wrong types and values: every record is validated against its schema', async () => {
    const cases: [string, (cols: string[], rows: unknown[][]) => void][] = [
      ['число вместо текста', (c, r) => { r[0]![c.indexOf('title')] = 12345; }],
      ['null в обязательном поле', (c, r) => { r[0]![c.indexOf('title')] = null; }],
      ['объект вместо текста', (c, r) => { r[0]![c.indexOf('title')] = { x: 1 }; }],
      ['не UUID', (c, r) => { r[0]![c.indexOf('id')] = '../../etc'; }],
      ['неизвестный столбец', (c, r) => { c.push('evil'); r.forEach((x) => x.push(1)); }],
      ['лишнее поле в строке', (_c, r) => { r[0]!.push('x'); }],
      ['неверная отметка времени', (c, r) => { r[0]![c.indexOf('hlc')] = '2031'; }],
      ['неверная дата удаления', (c, r) => { r[0]![c.indexOf('deleted_at')] = 'вчера'; }],
      ['не из словаря', (c, r) => { r[0]![c.indexOf('kind')] = 'hacker'; }],
      ['дробное в целом', (c, r) => { r[0]![c.indexOf('builtin')] = 0.5; }],
      ['повтор записи', (_c, r) => { r.push([...r[0]!]); }],
      ['строка не массив', (_c, r) => { r[0] = 'строка' as never; }],
      ['нет обязательного столбца', (c, r) => { const i = c.indexOf('title'); c.splice(i, 1); r.forEach((x) => x.splice(i, 1)); }],
    ];
    for (const [label, change] of cases) refused(signed([tableWith('risk_factor', change)]), 'bad_record', label);
    refused(signed([tableWith('event', (c, r) => { r[0]![c.indexOf('date_from')] = '2026-02-30'; })]), 'bad_record', 'несуществующая дата');
    refused(signed([tableWith('event', (c, r) => { r[0]![c.indexOf('participants_count')] = '12'; })]), 'bad_record', 'строка вместо числа');
    // Names and birth dates of pupils are refused even if a sender tries to send them.
    refused(signed([tableWith('pupil', (c, r) => { c.push('full_name'); r.forEach((x) => x.push('Иванов Иван')); })]), 'bad_record', 'ФИО обучающегося');
    // A table that does not travel upwards.
    refused(signed([{ name: 'data/municipal_activity.json', data: Buffer.from(JSON.stringify({ table: 'municipal_activity', columns: [], rows: [] })) }]), 'bad_record');
    // Counts in the manifest that do not match the rows.
    refused(signed([tableWith('risk_factor', () => {})], { patch: { counts: { risk_factor: 1 } } }), 'tampered');
  });

  it('records the sender may not own, and a plan sent to the municipality', async () => {
    refused(signed([tableWith('risk_factor', (c, r) => { r[0]![c.indexOf('owner')] = p.muniId; })]), 'wrong_owner');
    refused(signed([tableWith('risk_factor', () => {})], { patch: { kind: 'municipality-plan' } }), 'wrong_kind');
    refused(signed([tableWith('risk_factor', () => {})], { patch: { recipient: { id: p.schoolId, name: 'не тот' } } }), 'wrong_recipient');
  });

  it('the app keeps working: a good bundle still imports after all of that', async () => {
    const r = importBundle(p.muni.ctx, { fileName: 'ok.opora', bytes: readFileSync(p.exportSchool()) });
    expect(r.status, r.reason).toBe('accepted');
  });
});

describe('every single-byte change and every truncation of a sample bundle is refused', () => {
  it('byte flips (two patterns per byte) and all truncations', async () => {
    const bytes = readFileSync(p.exportSchool());
    expect(bytes.length).toBeLessThan(20_000);
    expect(importBundle(p.muni.ctx, { fileName: 'sample.opora', bytes, dryRun: true }).status).toBe('accepted');
    const before = stateHash();
    let checked = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0xff, 0x01]) {
        const b = Buffer.from(bytes);
        b[i]! ^= mask;
        // Dry run for speed; every 97th change is imported for real to show nothing is written either.
        const real = (i * 2 + (mask === 1 ? 1 : 0)) % 97 === 0;
        const r = importBundle(p.muni.ctx, { fileName: `flip-${i}.opora`, bytes: b, dryRun: !real });
        if (r.status !== 'rejected') throw new Error(`byte ${i} ^ ${mask}: ${r.status}`);
        checked++;
      }
    }
    for (let n = 0; n < bytes.length; n++) {
      const r = importBundle(p.muni.ctx, { fileName: `cut-${n}.opora`, bytes: bytes.subarray(0, n), dryRun: n % 97 !== 0 });
      if (r.status !== 'rejected') throw new Error(`truncated to ${n}: ${r.status}`);
      checked++;
    }
    expect(checked).toBe(bytes.length * 3);
    expect(stateHash()).toBe(before);
    writeFileSync(join(p.dir, 'sample.opora'), bytes);
  }, 240_000); // thousands of imports by design: minutes when other test files share the two cores
});
