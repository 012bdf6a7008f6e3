/**
 * The two papers a school prints about one child: the consent form for health data (prefilled with the pupil,
 * the school and the purpose, signed on paper) and «Что хранится о ребёнке». The rules they follow live in
 * privacy/; here they only become documents, so privacy/ never depends on reports/.
 */
import type { ServiceContext } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { getSchoolProfile } from '../core/school-profile.js';
import { formatDate } from '../../../common/format.js';
import { riskCategory } from '../../../common/labels.js';
import { revealRow } from '../privacy/vault.js';
import { dayOf } from '../../../db/rules.js';
import type { ReportDoc } from './model.js';

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
