/**
 * Issue 18, item 3: the same school's snapshot re-sent from fresh origins (a restored copy, a second computer,
 * or someone replaying it with new stamps) made hundreds of open conflicts at the department. A version identical
 * in content to the merged one is never a conflict, whichever origin sent it; a version that says something else
 * still is.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import { makePair, schoolSigned, type Pair } from './exchange-fixtures.js';
import { tableEntry } from '../../main/services/exchange/export.js';
import { importBundle } from '../../main/services/exchange/index.js';
import { upTables } from '../../db/registry/index.js';
import { formatHlc } from '../../main/services/core/clock.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

/** The school's snapshot with every row re-stamped by a fresh origin, unchanged otherwise. */
function resent(p: Pair, wall: number, change?: (table: string, columns: string[], row: unknown[]) => void) {
  const origin = randomUUID();
  return upTables().map((table) => {
    const { entry } = tableEntry(p.school.ctx.raw, table, 't.owner = ?', [p.schoolId]);
    const d = JSON.parse(entry.data.toString('utf8')) as { table: string; columns: string[]; rows: unknown[][] };
    const [iOrigin, iHlc, iVv] = ['origin', 'hlc', '_vv'].map((c) => d.columns.indexOf(c)) as [number, number, number];
    d.rows.forEach((r, k) => {
      r[iOrigin] = origin;
      r[iHlc] = formatHlc(wall, k, origin);
      r[iVv] = null;
      change?.(table, d.columns, r);
    });
    return { name: entry.name, data: Buffer.from(JSON.stringify(d), 'utf8') };
  });
}

describe('identical content is never a conflict', () => {
  it('the snapshot re-sent from 15 fresh origins: accepted, no conflict, nothing changed', () => {
    const p = makePair({ demo: 'small', seed: 2 });
    pairs.push(p);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const snapshot = () => upTables().map((t) => JSON.stringify(p.muni.ctx.raw.prepare(`SELECT * FROM ${t} WHERE owner = ? ORDER BY id`).all(p.schoolId)
      .map((r) => { const { origin, hlc, updated_at, ...rest } = r as Record<string, unknown>; void origin; void hlc; void updated_at; return rest; })));
    const before = snapshot();
    for (let k = 0; k < 15; k++) {
      const r = importBundle(p.muni.ctx, { fileName: `resend-${k}.opora`, bytes: schoolSigned(p, resent(p, Date.parse('2026-11-26T10:00:00Z') + k * 1000), 10 + k) });
      expect(r.status, r.reason).toBe('accepted');
      expect(r.counts!.conflicts).toBe(0);
      expect(r.counts!.updated).toBe(0);
    }
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM sync_conflict').pluck().get()).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('a re-sent version that says something else is still a conflict for a person to decide', () => {
    const p = makePair({ demo: 'small', seed: 2 });
    pairs.push(p);
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const entries = resent(p, Date.parse('2026-11-26T10:00:00Z'), (table, cols, row) => {
      if (table === 'programme') row[cols.indexOf('title')] = 'Программа (другая редакция)';
    });
    const r = importBundle(p.muni.ctx, { fileName: 'other.opora', bytes: schoolSigned(p, entries, 10) });
    expect(r.status).toBe('accepted');
    const programmes = p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM programme WHERE owner = ?').pluck().get(p.schoolId) as number;
    expect(r.counts!.conflicts).toBe(programmes);
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(DISTINCT id) FROM sync_conflict WHERE dismissed = 0").pluck().get()).toBe(programmes);
  });
});
