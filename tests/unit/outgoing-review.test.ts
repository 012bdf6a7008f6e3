/**
 * «Что уходит» (issue 17, item 4): before a file is written the school sees every outgoing text that is new or
 * changed since the last file, with what looks like a pupil's name or birth date marked; one value or all can
 * be replaced by codes; `opora export --review` prints the same list. Real databases, real bundle files.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makePair, type Pair } from './exchange-fixtures.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { saveRecord } from '../../main/services/records/records.js';
import { outgoingReview, replaceInValue, ensureIdentity } from '../../main/services/exchange/index.js';
import { reviewLines } from '../../main/cli/commands/export.js';
import { runCli } from '../../main/cli/index.js';
import { AppError } from '../../main/services/core/errors.js';

const pairs: Pair[] = [];
afterEach(() => {
  while (pairs.length) pairs.pop()!.close();
});

const OUTCOMES = 'Разобрали пропуски Лебедева Дмитрия (20.03.2014 г.р.); классному руководителю — беседа с семьёй';

function setUp() {
  const p = makePair({ demo: null });
  pairs.push(p);
  includePupil(p.school.ctx, { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20', class_name: '5А' },
    { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Лебедев Дмитрий пропускает уроки', responsible: 'Сидорова А. В.' });
  const event = saveRecord(p.school.ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes: OUTCOMES });
  const programme = saveRecord(p.school.ctx, 'programme', { title: 'Программа (вымышленная)', year_from: 2025, year_to: 2027 });
  const activity = saveRecord(p.school.ctx, 'activity', { programme_id: programme.id, title: 'Методический семинар', timing_kind: 'deadline', timing_text: 'до 20.11.2026', date_to: '2026-11-20' });
  return { p, owner: ensureIdentity(p.school.ctx).ownerId, eventId: event.id as string, activityId: activity.id as string };
}

describe('the review of outgoing texts', () => {
  it('before the first file: every outgoing text, the one naming a pupil first, with the name and the date marked', () => {
    const { p, owner, eventId } = setUp();
    const r = outgoingReview(p.school.ctx, owner);
    expect(r.firstFile).toBe(true);
    expect(r.flagged).toBe(1);
    const first = r.items[0]!;
    expect(first).toMatchObject({ table: 'event', id: eventId, column: 'outcomes', record: 'Мероприятие журнала «Совет профилактики»', field: 'Итоги' });
    const marked = first.marks.map((m) => [m.kind, first.text.slice(m.start, m.end)]);
    expect(marked).toEqual([['name', 'Лебедева Дмитрия'], ['birth_date', '20.03.2014']]);
    // The programme's texts are listed too (they leave), unmarked; the risk entry's reason never leaves, so it is not listed.
    expect(r.items.map((i) => i.text)).toEqual(expect.arrayContaining(['Методический семинар', 'Программа (вымышленная)']));
    expect(r.items.some((i) => i.table === 'risk_entry' || i.text.includes('пропускает уроки'))).toBe(false);
    expect(r.total).toBe(r.items.length);
  });

  it('«Заменить кодом» on one value; after the file is written only what changed since is listed', () => {
    const { p, owner, eventId, activityId } = setUp();
    expect(replaceInValue(p.school.ctx, owner, { table: 'event', id: eventId, column: 'outcomes' })).toEqual({ replaced: true });
    const fixed = p.school.ctx.raw.prepare('SELECT outcomes FROM event WHERE id = ?').pluck().get(eventId);
    expect(fixed).toBe('Разобрали пропуски обучающегося № 1 (дата рождения не указывается г.р.); классному руководителю — беседа с семьёй');
    expect(outgoingReview(p.school.ctx, owner).flagged).toBe(0);

    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    expect(outgoingReview(p.school.ctx, owner)).toEqual({ firstFile: false, total: 0, flagged: 0, items: [] });

    saveRecord(p.school.ctx, 'activity', { id: activityId, programme_id: p.school.ctx.raw.prepare('SELECT programme_id FROM activity WHERE id = ?').pluck().get(activityId),
      title: 'Методический семинар', timing_kind: 'deadline', timing_text: 'до 20.11.2026', date_to: '2026-11-20', status: 'done', completion_mark: 'Проведён; был Д. Лебедев' });
    const r = outgoingReview(p.school.ctx, owner);
    expect(r.items.map((i) => [i.field, i.text])).toEqual([['Отметка о выполнении', 'Проведён; был Д. Лебедев']]);
    expect(r.flagged).toBe(1);
  });

  it('refuses to «replace» in a field that does not leave, or a record of another owner', () => {
    const { p, owner } = setUp();
    const entry = p.school.ctx.raw.prepare('SELECT id FROM risk_entry').pluck().get() as string;
    expect(() => replaceInValue(p.school.ctx, owner, { table: 'risk_entry', id: entry, column: 'reason' })).toThrow(AppError);
    expect(() => replaceInValue(p.school.ctx, owner, { table: 'pupil', id: entry, column: 'full_name' })).toThrow(AppError);
    expect(() => replaceInValue(p.school.ctx, owner, { table: 'event', id: '00000000-0000-4000-8000-000000000001', column: 'outcomes' })).toThrow(/не найдена/);
  });

  it('`opora export --review` prints the same list, the name in ⟦ ⟧, and exits 3 while something is marked', async () => {
    const { p, owner } = setUp();
    const lines = reviewLines(outgoingReview(p.school.ctx, owner));
    expect(lines[0]).toMatch(/^Первая выгрузка: уходят все тексты — \d+, из них похожи на ФИО или дату рождения обучающегося: 1\.$/);
    expect(lines[1]).toBe('! Мероприятие журнала «Совет профилактики» — поле «Итоги»: Разобрали пропуски ⟦Лебедева Дмитрия⟧ (⟦20.03.2014⟧ г.р.); классному руководителю — беседа с семьёй');
    const path = `${p.dir}/school.sqlite`;
    p.school.close();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['export', '--db', path, '--review'], { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-11-25T10:00:00Z') });
    expect(code, err.join('\n')).toBe(3);
    expect(out).toEqual(lines);
  });
});
