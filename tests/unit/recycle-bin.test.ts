/**
 * The recycle bin (issue 11, item 3) on real files: a delete is one group with its cascade, the preview counts
 * it with the same cascade, «Восстановить» brings the whole group back through the one writer, and the
 * restored rows travel in the next bundle and come back at the municipality too.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { makePair, type Pair } from './exchange-fixtures.js';
import { removeRecordToBin, removePreview } from '../../main/services/records/records.js';
import { listDeletions, restoreDeletion } from '../../main/services/core/recycle-bin.js';
import { testWorkspace } from '../helpers.js';

const pairs: Pair[] = [];
afterEach(() => {
  for (const p of pairs.splice(0)) p.close();
});

describe('the recycle bin', () => {
  it('deletes an activity with its links as one group, and restores the group; the restored rows travel up', () => {
    const p = makePair();
    pairs.push(p);
    const raw = p.school.ctx.raw;
    expect(p.importToMuni(p.exportSchool()).status).toBe('accepted');
    const act = raw.prepare('SELECT a.id, a.title FROM activity a JOIN event_activity l ON l.activity_id = a.id AND l.deleted_at IS NULL WHERE a.deleted_at IS NULL LIMIT 1').get() as { id: string; title: string };
    const links = raw.prepare('SELECT COUNT(*) FROM event_activity WHERE activity_id = ? AND deleted_at IS NULL').pluck().get(act.id) as number;

    const preview = removePreview(p.school.ctx, 'activity', act.id);
    expect(preview.total).toBe(1 + links);
    expect(preview.others).toEqual([{ kind: 'Связь мероприятия журнала с программой', count: links }]);

    p.clock.tick();
    const r = removeRecordToBin(p.school.ctx, 'activity', act.id);
    expect(r.removed).toBe(preview.total);
    const [entry] = listDeletions(p.school.ctx);
    expect(entry).toMatchObject({ id: r.deletionId, kind: 'Мероприятие программы', title: act.title, total: preview.total, others: preview.others, restoredAt: null, personalErased: false });
    expect(p.importToMuni(p.exportSchool()).counts).toMatchObject({ deleted: preview.total });
    expect(p.muni.ctx.raw.prepare('SELECT deleted_at FROM activity WHERE id = ?').pluck().get(act.id)).not.toBeNull();

    p.clock.tick();
    const hlcBefore = raw.prepare('SELECT hlc FROM activity WHERE id = ?').pluck().get(act.id) as string;
    expect(restoreDeletion(p.school.ctx, r.deletionId)).toEqual({ restored: preview.total, filesLost: 0 });
    expect(raw.prepare('SELECT deleted_at FROM activity WHERE id = ?').pluck().get(act.id)).toBeNull();
    expect(raw.prepare('SELECT COUNT(*) FROM event_activity WHERE activity_id = ? AND deleted_at IS NULL').pluck().get(act.id)).toBe(links);
    expect((raw.prepare('SELECT hlc FROM activity WHERE id = ?').pluck().get(act.id) as string) > hlcBefore).toBe(true);
    expect(listDeletions(p.school.ctx)[0]!.restoredAt).not.toBeNull();
    expect(() => restoreDeletion(p.school.ctx, r.deletionId)).toThrow(/уже восстановлена/);

    // The next bundle carries the restored rows as edits; the municipality has them live again.
    const back = p.importToMuni(p.exportSchool());
    expect(back.status).toBe('accepted');
    expect(back.counts).toMatchObject({ updated: preview.total, conflicts: 0 });
    expect(p.muni.ctx.raw.prepare('SELECT deleted_at FROM activity WHERE id = ?').pluck().get(act.id)).toBeNull();
    expect(p.muni.ctx.raw.prepare('SELECT COUNT(*) FROM event_activity WHERE activity_id = ? AND deleted_at IS NULL').pluck().get(act.id)).toBe(links);
  });

  it('says that pupils\' personal data does not come back, and refuses a child whose parent is still deleted', async () => {
    const t = testWorkspace();
    await t.ok('workspace.createSchool', { name: 'МКОУ «Осинцевская ООШ»' });
    const inc = await t.ok('riskGroup.include', {
      pupil: { full_name: 'Лебедев Дмитрий', class_name: '5А' },
      entry: { categories: ['absenteeism'], included_on: '2026-09-10', reason: 'Пропуски без уважительной причины' },
    });
    const entryId = inc.entryId;
    const preview = await t.ok('records.removePreview', { entity: 'risk_entry', id: entryId });
    expect(preview.personalErased).toBe(true);
    const removed = await t.ok('records.remove', { entity: 'risk_entry', id: entryId });
    expect(removed.removed).toBe(preview.total);
    const [entry] = await t.ok('recycleBin.list', {});
    expect(entry!.personalErased).toBe(true);
    await t.ok('recycleBin.restore', { id: removed.deletionId });
    const pupil = t.ws.ctx().raw.prepare('SELECT p.full_name, p.deleted_at FROM risk_entry e JOIN pupil p ON p.id = e.pupil_id WHERE e.id = ?').get(entryId) as { full_name: string; deleted_at: string | null };
    expect(pupil).toEqual({ full_name: '', deleted_at: null });

    // A programme deleted after its activity: the activity waits until the programme is back.
    const prog = await t.ok('records.save', { entity: 'programme', value: { title: 'Программа', year_from: 2024, year_to: 2027 } });
    const act = await t.ok('records.save', { entity: 'activity', value: { programme_id: prog.id, title: 'Мероприятие', timing_kind: 'permanent', timing_text: 'Постоянно' } });
    const a = await t.ok('records.remove', { entity: 'activity', id: act.id });
    const pr = await t.ok('records.remove', { entity: 'programme', id: prog.id });
    const refused = await t.call('recycleBin.restore', { id: a.deletionId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/Сначала восстановите/);
    await t.ok('recycleBin.restore', { id: pr.deletionId });
    await t.ok('recycleBin.restore', { id: a.deletionId });
    expect((await t.ok('records.get', { entity: 'activity', id: act.id })).title).toBe('Мероприятие');
  });
});
