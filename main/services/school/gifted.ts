/** Gifted pupils: inclusion of a pupil in the list, in one transaction with the pupil's own record. */
import type { ServiceContext } from '../core/context.js';
import type { EntityValue } from '../../../preload/contract/index.js';
import { writeRow } from '../core/writer.js';
import { AppError } from '../core/errors.js';
import { findSamePupil } from './risk-group.js';

/** Creates the pupil (or reuses the same pupil already known) and the gifted-pupil record, all or nothing. */
export function includeGifted(
  ctx: ServiceContext,
  pupil: EntityValue<'pupil'>,
  gifted: Omit<EntityValue<'gifted_pupil'>, 'pupil_id'>,
): { pupilId: string; giftedId: string } {
  return ctx.raw.transaction(() => {
    const same = pupil.id ? undefined : findSamePupil(ctx, pupil);
    const p = writeRow(ctx, 'pupil', same ? { ...pupil, id: same } : pupil);
    const existing = ctx.raw.prepare('SELECT id FROM gifted_pupil WHERE pupil_id = ? AND deleted_at IS NULL').get(p.id);
    if (existing) {
      throw new AppError('already_included', `${p.full_name} (${p.class_name}) уже в списке одарённых детей. Откройте его карточку и дополните её.`);
    }
    const g = writeRow(ctx, 'gifted_pupil', { ...gifted, pupil_id: p.id });
    return { pupilId: p.id, giftedId: g.id };
  })();
}
