/**
 * A partner group's schools set from the group itself, as seed 004 lists them («1 группа: МОУ «…» (ресурсный
 * центр), МОУ «…», …»): the chosen schools join the group (leaving any other — a school is in one group),
 * the schools no longer listed leave it, and the resource centres are marked. Each changed school's
 * classification goes down to it with the next file, as when it is edited in the roster.
 */
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { sendClassificationDown } from './roster.js';

export function setGroupSchools(ctx: ServiceContext, groupId: string, schoolIds: string[], resourceCentreIds: string[]): { changed: number } {
  requireMunicipality(ctx);
  const wanted = new Set(schoolIds);
  const centres = new Set(resourceCentreIds.filter((id) => wanted.has(id)));
  return ctx.raw.transaction(() => {
    if (!ctx.raw.prepare('SELECT 1 FROM partner_group WHERE id = ? AND deleted_at IS NULL').get(groupId)) throw new AppError('not_found', 'Партнёрская группа не найдена или удалена.');
    const known = new Set(ctx.raw.prepare("SELECT id FROM municipality_school WHERE status NOT IN ('removed', 'deleted')").pluck().all() as string[]);
    const missing = [...wanted].filter((id) => !known.has(id));
    if (missing.length) throw new AppError('not_found', 'Некоторых школ нет в реестре (возможно, их удалили). Обновите список и выберите снова.');
    const now = ctx.now().toISOString();
    const before = ctx.raw.prepare('SELECT id, partner_group_id, is_resource_centre FROM municipality_school').all() as { id: string; partner_group_id: string | null; is_resource_centre: number }[];
    const update = ctx.raw.prepare('UPDATE municipality_school SET partner_group_id = ?, is_resource_centre = ?, roster_updated_at = ? WHERE id = ?');
    let changed = 0;
    for (const s of before) {
      const inGroup = wanted.has(s.id);
      const next = inGroup ? { group: groupId, centre: centres.has(s.id) ? 1 : 0 } : s.partner_group_id === groupId ? { group: null, centre: 0 } : null;
      if (!next || (next.group === s.partner_group_id && next.centre === s.is_resource_centre)) continue;
      update.run(next.group, next.centre, now, s.id);
      sendClassificationDown(ctx, s.id);
      changed++;
    }
    return { changed };
  })();
}
