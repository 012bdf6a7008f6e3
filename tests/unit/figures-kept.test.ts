/**
 * The department's summary reads kept figures (figures-cache.ts, migration 0105). What a user must never see is a
 * kept figure that is out of date: the school sends a new file, a row changes by any path, a day passes. Each case
 * below changes something after the summary was looked at, and the summary must show the new figure — the same as
 * computed from the rows with nothing kept. Real files, the real export → import path.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makePair, type Pair } from './exchange-fixtures.js';
import { saveRecord } from '../../main/services/records/records.js';
import { municipalityDashboard, municipalityCharts } from '../../main/services/municipality/overview.js';
import { figuresByOwner, schoolFigures, riskGroupByOwner, riskGroupOn } from '../../main/services/school/figures.js';

const TODAY = '2026-11-25';
let p: Pair;
let programmeId: string;

const rowOf = (day = TODAY) => municipalityDashboard(p.muni.ctx, day).rows.find((r) => r.schoolId === p.schoolId)!;
const send = () => expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
/** The figures of every school as the rows give them, nothing kept. */
const computed = (day: string) => schoolFigures(p.muni.ctx, p.schoolId, { day });

beforeAll(async () => {
  p = makePair({ demo: 'small', seed: 3 });
  send();
  programmeId = (p.school.ctx.raw.prepare('SELECT id FROM programme WHERE deleted_at IS NULL').get() as { id: string }).id;
});
afterAll(() => p.close());

describe('kept figures of the department’s summary', () => {
  it('are the figures computed from the rows, for every school and figure', () => {
    const kept = figuresByOwner(p.muni.ctx, { day: TODAY });
    expect(kept.size).toBeGreaterThan(0);
    expect(kept.get(p.schoolId)).toEqual(computed(TODAY));
    // Asked again, they come from what was kept — and are still the same.
    expect(p.muni.ctx.raw.prepare("SELECT COUNT(*) FROM figures_cache WHERE kind = 'figures' AND day = ?").pluck().get(TODAY)).toBe(kept.size);
    expect(figuresByOwner(p.muni.ctx, { day: TODAY }).get(p.schoolId)).toEqual(computed(TODAY));
  });

  it('change when the school sends a file with a new overdue activity, and again when it is marked done', async () => {
    const before = rowOf();
    const a = await saveRecord(p.school.ctx, 'activity', { programme_id: programmeId, number: '99', title: 'Провести пробный ВПР по математике', timing_kind: 'deadline', date_to: '2026-11-01', responsible: 'Заместитель директора по УВР' });
    send();
    const after = rowOf();
    expect(after.activitiesTotal).toBe(before.activitiesTotal + 1);
    expect(after.activitiesOverdue).toBe(before.activitiesOverdue + 1);
    await saveRecord(p.school.ctx, 'activity', { ...a, status: 'done', completed_on: '2026-11-20', completion_mark: 'Проведено' });
    send();
    expect(rowOf().activitiesOverdue).toBe(before.activitiesOverdue);
    expect(rowOf().activitiesDone).toBe(before.activitiesDone + 1);
    expect(figuresByOwner(p.muni.ctx, { day: TODAY }).get(p.schoolId)).toEqual(computed(TODAY));
  });

  it('change when a row changes by a path that is not the merge (any writer: triggers keep count)', () => {
    const before = figuresByOwner(p.muni.ctx, { day: TODAY }).get(p.schoolId)!;
    const working = p.muni.ctx.raw.prepare('SELECT id FROM staff WHERE owner = ? AND deleted_at IS NULL AND (hired_on IS NULL OR hired_on <= ?) AND (left_on IS NULL OR left_on > ?) LIMIT 1')
      .pluck().get(p.schoolId, TODAY, TODAY) as string;
    p.muni.ctx.raw.prepare("UPDATE staff SET left_on = '2026-10-01' WHERE id = ?").run(working);
    const after = figuresByOwner(p.muni.ctx, { day: TODAY }).get(p.schoolId)!;
    expect(after.staff.working).toBe(before.staff.working - 1);
    expect(after).toEqual(computed(TODAY));
  });

  it('are a day’s own: another day is computed for that day, and the charts’ quarters agree with the rows', () => {
    const later = '2027-03-10';
    expect(figuresByOwner(p.muni.ctx, { day: later }).get(p.schoolId)).toEqual(computed(later));
    for (const day of ['2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30']) {
      expect(riskGroupByOwner(p.muni.ctx, day).get(p.schoolId) ?? { total: 0, byCategory: {} }).toEqual(riskGroupOn(p.muni.ctx, p.schoolId, day));
    }
    const charts = municipalityCharts(p.muni.ctx, { today: TODAY });
    const total = (pt: Record<string, unknown>) => Object.entries(pt).filter(([k]) => k !== 'period').reduce((s, [, v]) => s + Number(v), 0);
    expect(total(charts.riskOverTime.at(-1)!)).toBe(Object.values(computed(TODAY).risk.byCategory).reduce((a, b) => a + b, 0));
  });

  it('do not pile up: a month of days asked keeps about a week of them', () => {
    for (let d = 1; d <= 30; d++) figuresByOwner(p.muni.ctx, { day: `2026-12-${String(d).padStart(2, '0')}` });
    const days = p.muni.ctx.raw.prepare("SELECT COUNT(DISTINCT day) FROM figures_cache WHERE kind = 'figures'").pluck().get() as number;
    expect(days).toBeLessThanOrEqual(8);
  });
});
