/**
 * The справка about the municipal roadmap as a document of the register (issue 20): printed with the requisites
 * the user set (its number and date, never today's unasked), over the period kept with it, the table of the
 * plan, and her closing text. A приказ approving it carries it, table and all, as «Приложение 1» (print.ts).
 */
import type { ServiceContext } from '../../core/context.js';
import { liveRow, type Row } from '../../core/writer.js';
import { AppError } from '../../core/errors.js';
import { requireMunicipality } from '../../core/municipality-profile.js';
import { notFound } from '../../core/errors.js';
import { dayOf } from '../../../../db/rules.js';
import { schoolYearOf } from '../../../../common/periods.js';
import type { Period, ReportDoc } from '../model.js';
import type { DocumentRequisites } from './model.js';
import { roadmapBody, roadmapSummary } from '../roadmap.js';
import { frameOf } from './requisites.js';

/** The dates the справка covers: as kept with it, else the school year of its date (of today while it has none). */
export function documentPeriod(d: Row, today: string): Period {
  const day = (d.doc_date as string | null) ?? today;
  const year = schoolYearOf(day);
  return { from: (d.period_from as string | null) ?? year.from, to: (d.period_to as string | null) ?? (d.doc_date ? day : year.to) };
}

export function roadmapSpravka(ctx: ServiceContext, d: Row, r: DocumentRequisites): ReportDoc {
  const roadmapId = String(d.roadmap_id);
  if (!liveRow(ctx, 'roadmap', roadmapId)) throw new AppError('not_found', 'Дорожная карта, по которой составлена справка, удалена. Напечатать справку заново по данным нельзя.');
  const today = dayOf(ctx.now());
  const { blocks, title } = roadmapBody(ctx, documentPeriod(d, today), (d.doc_date as string | null) ?? today, {
    conclusions: String(d.closing ?? ''), periodText: String(d.period_text ?? ''), roadmapId,
  });
  const doc = frameOf(r, 'Информационная справка об итогах реализации муниципальной дорожной карты', title, blocks);
  doc.requisites.kind = 'Информационная справка';
  return doc;
}

/** The closing computed from the data over the справка's period, offered to the methodologist to edit. */
export function roadmapDocumentSummary(ctx: ServiceContext, id: string): { text: string } {
  requireMunicipality(ctx);
  const d = liveRow(ctx, 'mun_document', id);
  if (!d) throw notFound('Документ');
  const today = dayOf(ctx.now());
  return { text: roadmapSummary(ctx, documentPeriod(d, today), (d.doc_date as string | null) ?? today, d.roadmap_id ? String(d.roadmap_id) : undefined) };
}
