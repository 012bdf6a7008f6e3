/**
 * The flags the lists carry are the server's rules on the workspace's day (25.11.2026 in tests), so the
 * screens never work them out themselves: a pair that starts next month is not current, a young teacher
 * hired next month does not need a mentor yet, a dismissal dated next week still lets the teacher work.
 */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';

async function school() {
  const t = testWorkspace();
  await t.ok('workspace.createSchool', { name: 'МКОУ «Берёзовская ООШ»' });
  const staff = (full_name: string, more: Record<string, unknown> = {}) =>
    t.ok('records.save', { entity: 'staff', value: { full_name, category: 'none', ...more } });
  return { ...t, staff };
}

describe('flags of the lists, on the workspace day', () => {
  it('mentoring pairs: going on, not yet started, over — as the Pairs tab shows and filters them', async () => {
    const s = await school();
    const mentor = await s.staff('Соколова Ирина Павловна');
    const a = await s.staff('Громова Анна Сергеевна', { young_specialist: 1 });
    const b = await s.staff('Лисин Олег Петрович', { newly_arrived: 1 });
    const c = await s.staff('Белова Ольга Ивановна', { young_specialist: 1 });
    const pair = (mentee: string, started_on: string, ended_on: string | null = null) =>
      s.ok('records.save', { entity: 'mentoring_pair', value: { mentor_id: mentor.id, mentee_id: mentee, reason: 'young', started_on, ended_on } });
    await pair(a.id, '2026-09-01');
    await pair(b.id, '2026-12-15');
    await pair(c.id, '2025-09-01', '2026-05-31');
    const all = await s.ok('records.list', { entity: 'mentoring_pair', sort: { field: 'started_on', dir: 'asc' } });
    expect(all.rows.map((r) => [r.mentee_name, r.state, r.current])).toEqual([
      ['Белова Ольга Ивановна', 'ended', 0], ['Громова Анна Сергеевна', 'current', 1], ['Лисин Олег Петрович', 'upcoming', 0],
    ]);
    const byState = async (state: string) => (await s.ok('records.list', { entity: 'mentoring_pair', filters: { state } })).rows.map((r) => r.mentee_name);
    expect(await byState('current')).toEqual(['Громова Анна Сергеевна']);
    expect(await byState('upcoming')).toEqual(['Лисин Олег Петрович']);
    expect(await byState('ended')).toEqual(['Белова Ольга Ивановна']);
    // A pair that starts next month gives no mentor today.
    const needing = await s.ok('records.list', { entity: 'staff', filters: { needs_mentor: 1 } });
    expect(needing.rows.map((r) => r.full_name).sort()).toEqual(['Белова Ольга Ивановна', 'Лисин Олег Петрович']);
  });

  it('staff: who is to have a mentor today, and who still works though a dismissal is dated', async () => {
    const s = await school();
    await s.staff('Громова Анна Сергеевна', { young_specialist: 1, hired_on: '2026-08-25' });
    await s.staff('Новикова Дарья Андреевна', { young_specialist: 1, hired_on: '2026-12-20' });
    await s.staff('Лисин Олег Петрович', { newly_arrived: 1, hired_on: '2026-03-01', left_on: '2026-12-31' });
    await s.staff('Белова Ольга Ивановна', { young_specialist: 1, hired_on: '2024-09-01', left_on: '2026-06-30' });
    const rows = (await s.ok('records.list', { entity: 'staff', sort: { field: 'full_name', dir: 'asc' } })).rows;
    expect(rows.map((r) => [r.full_name, r.mentor_due, r.needs_mentor, r.not_left])).toEqual([
      ['Белова Ольга Ивановна', 0, 0, 0],
      ['Громова Анна Сергеевна', 1, 1, 1],
      ['Лисин Олег Петрович', 1, 1, 1],
      ['Новикова Дарья Андреевна', 0, 0, 1],
    ]);
    const due = await s.ok('records.list', { entity: 'staff', filters: { mentor_due: 1 } });
    expect(due.total).toBe(2);
    // The default staff list («работают») keeps a teacher hired next month and one leaving next month.
    const working = await s.ok('records.list', { entity: 'staff', filters: { working: 1 } });
    expect(working.rows.map((r) => r.full_name).sort()).toEqual(['Громова Анна Сергеевна', 'Лисин Олег Петрович', 'Новикова Дарья Андреевна']);
  });
});
