/**
 * The search across everything: records of every registry list by title, name or number, on the large demo
 * school; at a municipality, the roster's schools and each merged record with its school.
 */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';
import { searchAll } from '../../main/services/records/search.js';
import { allTables } from '../../db/registry/index.js';
import { makePair } from './exchange-fixtures.js';

describe('search across everything', () => {
  it('finds records of several registries by their words, with the kind in Russian', async () => {
    const t = testWorkspace();
    await t.ok('workspace.openDemo', { size: 'small' });
    const ctx = t.ws.ctx();
    // Pick words that are really there: a staff member's surname and an event's title word.
    const surname = String(ctx.raw.prepare('SELECT full_name FROM staff WHERE deleted_at IS NULL LIMIT 1').pluck().get()).split(' ')[0]!;
    const hits = await t.ok('search.all', { query: surname.toLowerCase() });
    expect(hits.some((h) => h.table === 'staff' && h.kindTitle === 'Сотрудник' && h.title.includes(surname))).toBe(true);
    const eventTitle = String(ctx.raw.prepare('SELECT title FROM event WHERE deleted_at IS NULL LIMIT 1').pluck().get());
    const word = eventTitle.split(/\s+/).find((w) => w.length > 5)!.replace(/[«»"]/g, '');
    const byWord = searchAll(ctx, word);
    expect(byWord.some((h) => h.table === 'event')).toBe(true);
    // Every list spec's search runs (a broken expression would throw here).
    expect(() => searchAll(ctx, 'ааа')).not.toThrow();
    expect(allTables().filter((s) => s.list).length).toBeGreaterThan(10);
    expect(searchAll(ctx, 'а')).toEqual([]);
  });

  it('at a municipality: schools of the roster and merged records with their school', () => {
    const p = makePair();
    try {
      p.importToMuni(p.exportSchool());
      const hits = searchAll(p.muni.ctx, 'энская');
      expect(hits[0]).toMatchObject({ table: 'municipality_school', kindTitle: 'Школа' });
      const staff = String(p.muni.ctx.raw.prepare('SELECT full_name FROM staff LIMIT 1').pluck().get()).split(' ')[0]!;
      const s = searchAll(p.muni.ctx, staff);
      expect(s.find((h) => h.table === 'staff')?.school).toBe('МКОУ «Энская ООШ» (вымышленная)');
    } finally {
      p.close();
    }
  });
});
