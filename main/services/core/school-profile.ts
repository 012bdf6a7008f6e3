/** The school's own profile and the first-run set-up of a school workspace. */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context.js';
import type { EntityValue, Row, Role } from '../../../preload/contract/index.js';
import { AppError } from './errors.js';
import { getMeta, setMeta, originId } from './clock.js';
import { writeRow } from './writer.js';
import riskFactors from '../../../resources/catalogues/risk-factors.json' with { type: 'json' };
import deficits from '../../../resources/catalogues/deficits.json' with { type: 'json' };

export type { Role };

export function getRole(ctx: ServiceContext): Role {
  return (getMeta(ctx.raw, 'role') as Role | undefined) ?? 'none';
}

export function getSchoolProfile(ctx: ServiceContext): Row | null {
  return (ctx.raw.prepare('SELECT * FROM school_profile WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1').get() as Row | undefined) ?? null;
}

/**
 * Makes this database a school workspace: the profile (its id becomes the owner of every record), and
 * the catalogues a user picks from and can extend. All in one transaction.
 */
export function createSchool(ctx: ServiceContext, profile: EntityValue<'school_profile'>, opts: { schoolId?: string } = {}): Row {
  return ctx.raw.transaction(() => {
    if (getRole(ctx) !== 'none') throw new AppError('already_initialised', 'Рабочее место уже создано. Повторно создать школу нельзя.');
    originId(ctx.raw);
    const schoolId = opts.schoolId ?? randomUUID();
    setMeta(ctx.raw, 'role', 'school');
    setMeta(ctx.raw, 'owner_id', schoolId);
    const { id: _ignored, ...fields } = profile;
    writeRow(ctx, 'school_profile', fields, { id: schoolId, upsert: true });
    seedCatalogues(ctx);
    return getSchoolProfile(ctx)!;
  })();
}

function seedCatalogues(ctx: ServiceContext) {
  for (const f of riskFactors) writeRow(ctx, 'risk_factor', { ...f, builtin: 1 });
  for (const d of deficits) writeRow(ctx, 'deficit', { ...d, builtin: 1 });
}

export function updateSchoolProfile(ctx: ServiceContext, profile: EntityValue<'school_profile'>): Row {
  const current = getSchoolProfile(ctx);
  if (!current) throw new AppError('no_school', 'Профиль школы ещё не создан.');
  return writeRow(ctx, 'school_profile', profile, { id: current.id }) as Row;
}
