/** The risk-group registry: inclusion of a pupil and the status history that follows. */
import type { ServiceContext } from './context.js';
import type { EntityValue, Row } from '../../preload/contract/index.js';
import { writeRecord, stampChange } from './records.js';
import { AppError, notFound } from './errors.js';

/** Creates the pupil (or reuses one by id), the entry and its first status change, all or nothing. */
export function includePupil(
  ctx: ServiceContext,
  pupil: EntityValue<'pupil'>,
  entry: Omit<EntityValue<'risk_entry'>, 'pupil_id'>,
): { pupilId: string; entryId: string } {
  return ctx.raw.transaction(() => {
    const p = writeRecord(ctx, 'pupil', pupil);
    const active = ctx.raw.prepare("SELECT id FROM risk_entry WHERE pupil_id = ? AND status = 'included' AND deleted_at IS NULL").get(p.id);
    if (active) throw new AppError('already_included', 'Этот обучающийся уже состоит в группе риска. Откройте его запись и добавьте категорию.');
    const e = writeRecord(ctx, 'risk_entry', { ...entry, pupil_id: p.id });
    writeRecord(ctx, 'risk_status_change', { entry_id: e.id, status: 'included', changed_on: entry.included_on, reason: entry.reason });
    return { pupilId: p.id, entryId: e.id };
  })();
}

/** Removes from (or returns to) the group with a dated reason; the history keeps every change. */
export function changeStatus(ctx: ServiceContext, input: { entryId: string; status: 'included' | 'removed'; changed_on: string; reason: string }): Row {
  return ctx.raw.transaction(() => {
    const entry = ctx.raw.prepare('SELECT * FROM risk_entry WHERE id = ? AND deleted_at IS NULL').get(input.entryId) as Row | undefined;
    if (!entry) throw notFound('Запись группы риска');
    if (entry.status === input.status) {
      throw new AppError('same_status', input.status === 'removed' ? 'Обучающийся уже снят с учёта.' : 'Обучающийся уже состоит в группе риска.');
    }
    if (input.changed_on < String(entry.included_on)) {
      throw new AppError('invalid_input', 'Дата изменения статуса раньше даты постановки на учёт.', { changed_on: 'Дата раньше постановки' });
    }
    writeRecord(ctx, 'risk_status_change', { entry_id: input.entryId, status: input.status, changed_on: input.changed_on, reason: input.reason });
    const s = stampChange(ctx);
    ctx.raw.prepare('UPDATE risk_entry SET status = @status, removed_on = @removed_on, removal_reason = @removal_reason, origin = @origin, hlc = @hlc, updated_at = @updated_at WHERE id = @id')
      .run({
        id: input.entryId, status: input.status,
        removed_on: input.status === 'removed' ? input.changed_on : null,
        removal_reason: input.status === 'removed' ? input.reason : '',
        ...s,
      });
    return ctx.raw.prepare('SELECT * FROM risk_entry WHERE id = ?').get(input.entryId) as Row;
  })();
}
