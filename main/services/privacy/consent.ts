/**
 * Consent to process health data (152-ФЗ art. 10: special category, written consent of the legal
 * representative). The rule itself is db/rules.ts (riskEntrySpecial, consentOnFile, consentMissing); here
 * it is enforced: health details are refused without a consent on file, and erased when the last consent is
 * withdrawn. The consent form to print comes prefilled with the pupil and the school.
 */
import type { ServiceContext } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { rule, dayOf } from '../../../db/rules.js';
import { revealRow } from './vault.js';
import { getSchoolProfile } from '../school.js';
import { formatDate } from '../../../common/format.js';
import { riskCategory } from '../../../common/labels.js';
import type { ReportDoc } from '../reports/model.js';

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

const BLANK = '________________________________________';

/** The consent form for one entry, prefilled with the pupil, the school and the purpose; signed on paper. */
export function consentFormDoc(ctx: ServiceContext, entryId: string): { doc: ReportDoc; pupilId: string } {
  const row = ctx.raw.prepare(`SELECT t.categories, t.pupil_id, p.full_name, p.birth_date, p.class_name FROM risk_entry t JOIN pupil p ON p.id = t.pupil_id
    WHERE t.id = ? AND t.deleted_at IS NULL`).get(entryId) as Record<string, unknown> | undefined;
  if (!row) throw notFound('Запись группы риска');
  const r = revealRow(ctx.raw, row);
  const school = getSchoolProfile(ctx);
  const schoolName = String(school?.name ?? 'образовательная организация');
  const born = r.birth_date ? `, ${formatDate(String(r.birth_date))} г. р.` : '';
  const cats = (() => { try { return (JSON.parse(String(r.categories)) as string[]).map((c) => riskCategory.labels[c as keyof typeof riskCategory.labels] ?? c); } catch { return []; } })();
  const doc: ReportDoc = {
    subject: 'Согласие на обработку сведений о здоровье',
    requisites: { organisation: [schoolName], kind: 'СОГЛАСИЕ', date: dayOf(ctx.now()), number: '', place: '', title: 'законного представителя на обработку сведений о состоянии здоровья обучающегося' },
    blocks: [
      { kind: 'paragraph', text: `Я, ${BLANK}`, noIndent: true },
      { kind: 'paragraph', text: '(фамилия, имя, отчество законного представителя; документ, удостоверяющий личность: серия, номер, кем и когда выдан)', italic: true, noIndent: true },
      { kind: 'paragraph', text: `являясь законным представителем (родителем, усыновителем, опекуном, попечителем) обучающегося (${r.full_name}${born}, ${r.class_name} класс), в соответствии со статьями 9 и 10 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие ${schoolName} на обработку сведений о состоянии здоровья ребёнка: наличие ограниченных возможностей здоровья (ОВЗ), инвалидности, рекомендации психолого-медико-педагогической комиссии${cats.length ? ` (учитываемые категории: ${cats.join(', ')})` : ''}.` },
      { kind: 'paragraph', text: 'Цель обработки: организация психолого-педагогической помощи и индивидуальных мер поддержки обучающегося в рамках программы повышения качества образования школы.' },
      { kind: 'paragraph', text: 'Сведения хранятся только на компьютере школы в зашифрованном виде и не передаются третьим лицам, в том числе органу управления образованием: в отчёты школы попадает только общая численность обучающихся без фамилий и дат рождения. После снятия обучающегося с учёта и истечения срока хранения сведения стираются.' },
      { kind: 'paragraph', text: 'Согласие действует со дня подписания до снятия обучающегося с учёта. Я вправе отозвать его в любое время письменным заявлением на имя руководителя школы.' },
      { kind: 'paragraph', text: '«___» ______________ 20___ г.          ______________ / ______________________', noIndent: true },
      { kind: 'paragraph', text: '(дата)                                                   (подпись)          (расшифровка подписи)', italic: true, noIndent: true },
    ],
  };
  return { doc, pupilId: String(r.pupil_id) };
}
