/**
 * The conflicts tab's data in words (school, kind, title, only the differing fields with Russian labels and
 * formatted values, who and when), a decision, its undo from the history of decisions, and the refusal to
 * undo once the record has changed again.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { conflictPair } from './conflict-fixture.js';
import { listConflicts, resolveConflict, listDecisions, undoDecision } from '../../main/services/exchange/index.js';
import type { Pair } from './exchange-fixtures.js';

const pairs: Pair[] = [];
afterEach(() => {
  for (const p of pairs.splice(0)) p.close();
});

const ISO = /\d{4}-\d{2}-\d{2}/;
const LATIN_WORD = /\b[a-z_]{3,}\b/i;

describe('a conflict in words', () => {
  it('names the school, the kind and the title, and only the fields that differ, formatted', async () => {
    const { pair } = await conflictPair();
    pairs.push(pair);
    const [c] = listConflicts(pair.muni.ctx);
    expect(c).toBeDefined();
    expect(c!.school).toBe('МКОУ «Энская ООШ» (вымышленная)');
    expect(c!.kindTitle).toBe('Мероприятие журнала');
    expect(c!.title).toMatch(/Семинар/);
    const byLabel = Object.fromEntries(c!.fields.map((f) => [f.label, f.values]));
    expect(Object.keys(byLabel).sort()).toEqual(['Дата', 'Название', 'Уровень', 'Формат', 'Число участников'].sort());
    expect(byLabel['Уровень']!.sort()).toEqual(['Муниципальный', 'Школьный'].sort());
    expect(byLabel['Дата']!.sort()).toEqual(['01.10.2026', '02.10.2026']);
    expect(byLabel['Формат']!.sort()).toEqual(['Дистанционно', 'Очно']);
    for (const f of c!.fields) for (const v of f.values) {
      expect(v).not.toMatch(ISO);
      expect(v).not.toMatch(LATIN_WORD);
    }
    for (const v of c!.versions) {
      expect(v.changedBy).toMatch(/Энская ООШ/);
      expect(v.changedAt).toMatch(ISO); // an ISO moment: the screen formats it
    }
    expect(new Set(c!.versions.map((v) => v.changedBy)).size).toBe(2);
  });

  it('a choice can be undone from the history while the record is unchanged', async () => {
    const { pair, eventId } = await conflictPair();
    pairs.push(pair);
    const ctx = pair.muni.ctx;
    const [c] = listConflicts(ctx);
    const other = c!.versions.find((v) => !v.current)!;
    const before = ctx.raw.prepare('SELECT * FROM event WHERE id = ?').get(eventId) as Record<string, unknown>;
    const vvBefore = ctx.raw.prepare("SELECT vv FROM sync_version WHERE tbl = 'event' AND id = ?").pluck().get(eventId);
    resolveConflict(ctx, 'event', eventId, other.hlc);
    expect(listConflicts(ctx)).toEqual([]);
    expect((ctx.raw.prepare('SELECT title FROM event WHERE id = ?').pluck().get(eventId))).toBe(other.data.title);
    const [d] = listDecisions(ctx);
    expect(d).toMatchObject({ table: 'event', id: eventId, kindTitle: 'Мероприятие журнала', school: 'МКОУ «Энская ООШ» (вымышленная)', undoable: true });

    undoDecision(ctx, 'event', eventId);
    expect(ctx.raw.prepare('SELECT * FROM event WHERE id = ?').get(eventId)).toEqual(before);
    expect(ctx.raw.prepare("SELECT vv FROM sync_version WHERE tbl = 'event' AND id = ?").pluck().get(eventId)).toEqual(vvBefore);
    const again = listConflicts(ctx);
    expect(again).toHaveLength(1);
    expect(again[0]!.versions.map((v) => v.hlc).sort()).toEqual(c!.versions.map((v) => v.hlc).sort());
    expect(listDecisions(ctx)).toEqual([]);

    // Keep the current one this time; then a new edit from the school makes the decision final.
    resolveConflict(ctx, 'event', eventId, again[0]!.versions.find((v) => v.current)!.hlc);
    expect(listConflicts(ctx)).toEqual([]);
    undoDecision(ctx, 'event', eventId);
    expect(listConflicts(ctx)).toHaveLength(1);
    resolveConflict(ctx, 'event', eventId, other.hlc);
    ctx.raw.prepare("UPDATE event SET title = 'Правка после решения', hlc = hlc || 'x' WHERE id = ?").run(eventId);
    expect(listDecisions(ctx)[0]!.undoable).toBe(false);
    expect(() => undoDecision(ctx, 'event', eventId)).toThrow(/изменилась после решения/);
  });
});
