/** The risk-group registry: inclusion of a pupil and the status history that follows. */
import type { ServiceContext } from '../core/context.js';
import type { EntityValue, Row, RiskGroupSummary } from '../../../preload/contract/index.js';
import { writeRow, ownerId } from '../core/writer.js';
import { AppError, notFound } from '../core/errors.js';
import { formatDate } from '../../../common/format.js';
import { riskGroupOn } from './figures.js';
import { rule, dayOf } from '../../../db/rules.js';
import { revealRows } from '../privacy/vault.js';
import { assertHealthConsent } from '../privacy/consent.js';

/** Creates the pupil (or reuses one by id), the entry and its first status change, all or nothing. */
export function includePupil(
  ctx: ServiceContext,
  pupil: EntityValue<'pupil'>,
  entry: Omit<EntityValue<'risk_entry'>, 'pupil_id' | 'health_details'> & { health_details?: string },
): { pupilId: string; entryId: string } {
  // A new entry has no consent on file yet: health details wait for it (privacy/consent.ts).
  assertHealthConsent(ctx, undefined, entry.health_details);
  return ctx.raw.transaction(() => {
    const same = pupil.id ? undefined : findSamePupil(ctx, pupil);
    const p = writeRow(ctx, 'pupil', same ? { ...pupil, id: same } : pupil);
    const prior = ctx.raw.prepare('SELECT status, removed_on FROM risk_entry WHERE pupil_id = ? AND deleted_at IS NULL ORDER BY status = \'included\' DESC').get(p.id) as Row | undefined;
    if (prior?.status === 'included') throw new AppError('already_included', 'Этот обучающийся уже состоит в группе риска. Откройте его запись и добавьте категорию.');
    if (prior) {
      throw new AppError('already_included', `Этот обучающийся уже был в группе риска и снят с учёта ${formatDate(String(prior.removed_on ?? ''))}. Найдите его запись среди снятых с учёта и нажмите «Вернуть в группу риска» — так сохранится вся история.`);
    }
    const e = writeRow(ctx, 'risk_entry', { ...entry, pupil_id: p.id });
    writeRow(ctx, 'risk_status_change', { entry_id: e.id, status: 'included', changed_on: entry.included_on, reason: entry.reason });
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
    const last = ctx.raw.prepare('SELECT MAX(changed_on) FROM risk_status_change WHERE entry_id = ? AND deleted_at IS NULL').pluck().get(input.entryId) as string | null;
    if (last && input.changed_on < last) {
      throw new AppError('invalid_input', `Дата раньше последнего изменения статуса (${formatDate(last)}).`, { changed_on: `Не раньше ${formatDate(last)}` });
    }
    writeRow(ctx, 'risk_status_change', { entry_id: input.entryId, status: input.status, changed_on: input.changed_on, reason: input.reason });
    return writeRow(ctx, 'risk_entry', {
      status: input.status,
      removed_on: input.status === 'removed' ? input.changed_on : null,
      removal_reason: input.status === 'removed' ? input.reason : '',
    }, { id: input.entryId }) as Row;
  })();
}

/**
 * A live pupil who is the same child as the one being entered: same name (case-insensitive) and the same
 * birth date, or, when either birth date is unknown, the same class. Keeps one pupil record per child.
 */
export function findSamePupil(ctx: ServiceContext, pupil: { full_name: string; birth_date: string | null; class_name: string }): string | undefined {
  // Names are sealed: the comparison runs on the opened rows (a few hundred), not in SQL.
  const name = pupil.full_name.trim().toLowerCase();
  const rows = revealRows(ctx.raw, ctx.raw.prepare("SELECT id, full_name, birth_date, class_name FROM pupil WHERE deleted_at IS NULL AND full_name <> '' ORDER BY created_at")
    .all() as { id: string; full_name: string; birth_date: string | null; class_name: string }[]).filter((r) => r.full_name.trim().toLowerCase() === name);
  const same = rows.find((r) => (r.birth_date && pupil.birth_date
    ? r.birth_date === pupil.birth_date
    : r.class_name.trim().toLowerCase() === pupil.class_name.trim().toLowerCase()));
  return same?.id;
}

/**
 * Counts for the page's summary strip (aggregate only) and the classes to filter by. «Сейчас в группе
 * риска» is the school's risk-group figure for today (figures.ts), the same as on the dashboard.
 */
export function riskGroupSummary(ctx: ServiceContext): RiskGroupSummary {
  const day = dayOf(ctx.now());
  const owner = ownerId(ctx);
  const now = riskGroupOn(ctx, owner, day);
  const byCategory = Object.entries(now.byCategory).map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  const counts = ctx.raw.prepare(`SELECT
      (SELECT COUNT(*) FROM risk_entry t WHERE t.deleted_at IS NULL AND t.owner = @owner AND ${rule.riskEntryRemoved('t')}) AS removed,
      (SELECT COUNT(*) FROM gifted_pupil WHERE deleted_at IS NULL) AS gifted`).get({ day, owner }) as { removed: number; gifted: number };
  const classes = (ctx.raw.prepare(`SELECT DISTINCT p.class_name FROM pupil p WHERE p.deleted_at IS NULL AND p.class_name <> ''
      AND (EXISTS (SELECT 1 FROM risk_entry r WHERE r.pupil_id = p.id AND r.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM gifted_pupil g WHERE g.pupil_id = p.id AND g.deleted_at IS NULL))`).pluck().all() as string[])
    .sort((a, b) => a.localeCompare(b, 'ru', { numeric: true }));
  return { included: now.total, ...counts, byCategory, classes };
}
