/**
 * Issue 18, items 3 and 4: what one school may send and the department keeps is bounded, with a refusal that
 * says which bound; an honest file — three 22 МБ photos passed on, a blank form that compresses 300:1 — goes
 * through the export, the door and the import alike, since all three take their limit from one place.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { addAttachment, shareAttachment } from '../../main/services/school/attachments.js';
import { saveRecord } from '../../main/services/records/records.js';
import { importBundle, exportToFolder } from '../../main/services/exchange/index.js';
import { exchangeInputs } from '../../preload/contract/exchange.js';
import { LIMITS as CALL_LIMITS } from '../../preload/contract/bytes.js';
import { LIMITS } from '../../main/services/exchange/reasons.js';
import { writeFailure } from '../../main/services/exchange/export.js';
import { formatHlc } from '../../main/services/core/clock.js';
import { tempDir } from '../helpers.js';
import { AppError } from '../../main/services/core/errors.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

const MB = 1024 * 1024;

function schoolWithEvent() {
  const p = makePair({ demo: null });
  pairs.push(p);
  const ev = saveRecord(p.school.ctx, 'event', { title: 'Методический день (вымышленный)', kind: 'seminar', level: 'school', format: 'in_person', date_from: '2026-10-01' });
  // A photo cannot be read, so it goes with the person's «Я проверил(а)»; the blank form is read and passes.
  const share = (name: string, bytes: Buffer, mime = 'image/jpeg') => shareAttachment(p.school.ctx, addAttachment(p.school.ctx, { eventId: ev.id as string, fileName: name, mime, bytes }).id, true, true);
  return { p, share };
}

describe('an honest school file gets through', () => {
  it('three 22 МБ photos passed on: written, taken by the door, merged', () => {
    const { p, share } = schoolWithEvent();
    for (const k of [1, 2, 3]) share(`фото ${k}.jpg`, randomBytes(22 * MB));
    const path = p.exportSchool();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(66 * MB);
    expect(bytes.length).toBeLessThanOrEqual(CALL_LIMITS.bundle.maxBytes);
    expect(exchangeInputs.importGroup.safeParse({ files: [{ fileName: 'школа.opora', dataBase64: bytes.toString('base64') }] }).success).toBe(true);
    const r = p.importToMuni(path);
    expect(r.status, r.reason).toBe('accepted');
  }, 120_000);

  it('a blank form that compresses 300:1 is written, read back and merged', () => {
    const { p, share } = schoolWithEvent();
    const form = Buffer.from(`<w:p><w:r><w:t>${' '.repeat(200)}</w:t></w:r></w:p>`.repeat(60_000));
    share('бланк.xml', form, 'application/xml');
    const r = p.importToMuni(p.exportSchool());
    expect(r.status, r.reason).toBe('accepted');
  }, 60_000);
});

describe('what the department would refuse is not written, and says why', () => {
  it('six 22 МБ photos: the export names the largest files and what to do; no number is burnt', () => {
    const { p, share } = schoolWithEvent();
    for (const k of [1, 2, 3, 4, 5, 6]) share(`фото ${k}.jpg`, randomBytes(22 * MB));
    const seq = p.school.ctx.raw.prepare("SELECT COUNT(*) FROM exchange_export").pluck().get();
    let e: unknown = null;
    try {
      exportToFolder(p.school.ctx, tempDir());
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/^Файл обмена не записан: управление образования его не примет — переданные файлы занимают 132 МБ \(6 шт\.\), а в один файл обмена помещается до 128 МБ/);
    expect((e as AppError).message).toMatch(/«фото \d\.jpg» — 22 МБ/);
    expect(p.school.ctx.raw.prepare("SELECT COUNT(*) FROM exchange_export").pluck().get()).toBe(seq);
  }, 120_000);

  it('a school that keeps sending new rows is stopped at its bound, and the refused file changes nothing', () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const rowsOf = (k: number) => {
      const origin = randomUUID();
      const cols = ['id', 'owner', 'origin', 'hlc', 'created_at', 'updated_at', 'deleted_at', 'title', 'kind', 'builtin', '_vv'];
      const rows = Array.from({ length: 20_000 }, (_, i) => [randomUUID(), p.schoolId, origin, formatHlc(Date.parse('2026-11-26T10:00:00Z') + k, i, origin),
        '2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00.000Z', null, `Фактор ${k}-${i} (вымышленный)`, 'internal', 0, null]);
      return [{ name: 'data/risk_factor.json', data: Buffer.from(JSON.stringify({ table: 'risk_factor', columns: cols, rows }), 'utf8') }];
    };
    const held = () => p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM risk_factor WHERE owner = ?').pluck().get(p.schoolId) as number;
    expect(importBundle(p.muni.ctx, { fileName: '1.opora', bytes: schoolSigned(p, rowsOf(1), 10) }).status).toBe('accepted');
    expect(importBundle(p.muni.ctx, { fileName: '2.opora', bytes: schoolSigned(p, rowsOf(2), 11) }).status).toBe('accepted');
    const before = held();
    const r = importBundle(p.muni.ctx, { fileName: '3.opora', bytes: schoolSigned(p, rowsOf(3), 12) });
    expect(r.status).toBe('rejected');
    expect(r.reasonCode).toBe('school_limit');
    expect(r.reason).toMatch(/записей стало бы 6\d\s\d{3} при пределе 50\s000 на школу/);
    expect(held()).toBe(before);
    expect(p.muni.ctx.raw.prepare('SELECT rows_held FROM municipality_school WHERE id = ?').pluck().get(p.schoolId)).toBeLessThanOrEqual(LIMITS.perSchool.rows);
  }, 120_000);

  it('a refusal at the import names the bound in words, not a part’s name in bytes', () => {
    const p = makePair({ demo: null });
    pairs.push(p);
    const big = Buffer.from(JSON.stringify({ table: 'event', columns: ['id'], rows: [] }) + ' '.repeat(17 * MB));
    const r = importBundle(p.muni.ctx, { fileName: 'big.opora', bytes: schoolSigned(p, [{ name: 'data/event.json', data: big }], 10) });
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/таблица «Мероприятие журнала»: 17 МБ при пределе 16 МБ/);
    expect(r.reason).not.toMatch(/data\/|байт/);
  });

  it('a failed write says what happened, never the system’s code', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: something`), { code });
    expect(writeFailure('/media/флешка', 70 * MB, err('ENOSPC'))).toBe('На флешке (в папке «/media/флешка») закончилось место: файлу нужно 70 МБ. Освободите место или возьмите другую флешку и выгрузите снова.');
    expect(writeFailure('/media/флешка', MB, err('EROFS'))).toMatch(/защищены от записи/);
    for (const c of ['ENOSPC', 'EROFS', 'EIO', 'EFBIG', 'EWHATEVER']) expect(writeFailure('/x', MB, err(c))).not.toMatch(/\bE[A-Z]{3,}\b|something/);
  });
});
