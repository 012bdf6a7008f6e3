/**
 * Consent to process health data (152-ФЗ art. 10: special category, written consent of the legal
 * representative). The rule itself is db/rules.ts (riskEntrySpecial, consentOnFile, consentMissing); here
 * it is enforced: health details are refused without a consent on file, and erased when the last consent is
 * withdrawn. The consent form to print comes prefilled with the pupil and the school.
 */
import type { ServiceContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { rule, dayOf } from '../../../db/rules.js';
import { revealRow } from './vault.js';
import { getSchoolProfile } from '../core/school-profile.js';
import { formatDate } from '../../../common/format.js';
import { riskCategory } from '../../../common/labels.js';

export function consentOnFile(ctx: ServiceContext, entryId: string): boolean {
  return !!ctx.raw.prepare(`SELECT 1 FROM risk_entry t WHERE t.id = @id AND ${rule.consentOnFile('t')}`).get({ id: entryId, day: dayOf(ctx.now()) });
}

export const NO_CONSENT = 'Сведения о здоровье можно внести только после того, как в карточке записано письменное согласие законного представителя (кнопка «Записать согласие»).';

/** Refuses health details for an entry without a consent on file (a new entry has none yet). */
export function assertHealthConsent(ctx: ServiceContext, entryId: string | undefined, healthDetails: unknown): void {
  if (typeof healthDetails !== 'string' || !healthDetails.trim()) return;
  if (entryId && consentOnFile(ctx, entryId)) return;
  throw new AppError('consent_required', NO_CONSENT, { health_details: 'Сначала запишите согласие законного представителя' });
}

/** After a consent is saved or removed: with no consent left on file, the entry's health details go. */
export function afterConsentChange(ctx: ServiceContext, entryId: string): void {
  if (consentOnFile(ctx, entryId)) return;
  ctx.raw.prepare("UPDATE risk_entry SET health_details = '' WHERE id = ? AND health_details <> ''").run(entryId);
}

/** How many entries in the group today hold special-category data without a consent (the dashboard's flag). */
export function consentMissingCount(ctx: ServiceContext): number {
  return ctx.raw.prepare(`SELECT COUNT(*) FROM risk_entry t WHERE t.deleted_at IS NULL AND ${rule.consentMissing('t')}`).pluck().get({ day: dayOf(ctx.now()) }) as number;
}
