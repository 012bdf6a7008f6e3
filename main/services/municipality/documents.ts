/**
 * The register of documents the municipality issues — справка, приказ, письмо, протокол — with the requisites
 * of ГОСТ Р 7.0.97-2025 as the user sets them (number and date included: never silently today's), and the
 * drafts prefilled from the settings: a справка about a meeting, a приказ approving a справка. Printing is in
 * reports/documents/print.ts.
 */
import type { z } from 'zod';
import type { ServiceContext } from '../core/context.js';
import { removeWithBin } from '../core/recycle-bin.js';
import type { RemoveResult } from '../../../preload/contract/index.js';
import type { DocumentBlank, DocumentCard, DocumentListRow, documentSaveInput } from '../../../preload/contract/meetings.js';
import { requireMunicipality } from '../core/municipality-profile.js';
import { liveRow, liveRows, writeRow, type Row } from '../core/writer.js';
import { AppError, notFound } from '../core/errors.js';
import { getReportSettings, type ReportSettings } from './report-settings.js';
import { eventKindGenitive } from '../../../common/labels.js';
import { resultsTitle } from '../../../common/results-title.js';
import { formatDate } from '../../../common/format.js';
import { genitiveOfBody } from '../../../common/body-genitive.js';
import { parsePersonName, type PersonName } from '../../../common/person-name.js';
import { DOCUMENT_KINDS, MEETING_SECTIONS } from '../../../db/registry/meetings.js';

export type SectionCode = keyof typeof MEETING_SECTIONS;
export const SECTION_CODES = Object.keys(MEETING_SECTIONS) as SectionCode[];
export const lines = (t: unknown) => String(t ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
export const kindOf = (d: Row): keyof typeof DOCUMENT_KINDS => (String(d.kind) in DOCUMENT_KINDS ? (d.kind as keyof typeof DOCUMENT_KINDS) : 'spravka');

export function sectionsOf(d: Row): SectionCode[] {
  try {
    const s = JSON.parse(String(d.sections || 'null')) as unknown;
    return Array.isArray(s) ? SECTION_CODES.filter((c) => s.includes(c)) : SECTION_CODES;
  } catch {
    return SECTION_CODES;
  }
}

/** The three stored columns of a name, or null when the surname is empty. */
export function nameFrom(d: Row, prefix: string): PersonName | null {
  const surname = String(d[`${prefix}surname`] ?? '').trim();
  return surname ? { surname, name: String(d[`${prefix}first_name`] ?? ''), patronymic: String(d[`${prefix}patronymic`] ?? '') } : null;
}

export function listDocuments(ctx: ServiceContext): DocumentListRow[] {
  return ctx.raw.prepare(`SELECT d.id, d.kind, d.issuer, d.number, d.doc_date, d.title, d.event_id, e.topic AS event_topic, d.roadmap_id, d.approves_id, d.printed_at
    FROM mun_document d LEFT JOIN mun_event e ON e.id = d.event_id AND e.deleted_at IS NULL
    WHERE d.deleted_at IS NULL ORDER BY d.doc_date IS NULL DESC, d.doc_date DESC, d.created_at DESC`).all() as DocumentListRow[];
}

export function getDocument(ctx: ServiceContext, id: string): DocumentCard {
  const document = liveRow(ctx, 'mun_document', id);
  if (!document) throw notFound('Документ');
  return { document: { ...document, snapshot: document.snapshot ? 'есть' : '' }, sections: sectionsOf(document) };
}

export function saveDocument(ctx: ServiceContext, input: z.output<typeof documentSaveInput>): DocumentCard {
  requireMunicipality(ctx);
  const d = input.document;
  for (const [col, table, what] of [['event_id', 'mun_event', 'Мероприятие'], ['roadmap_id', 'roadmap', 'Дорожная карта'], ['approves_id', 'mun_document', 'Утверждаемый документ']] as const) {
    const v = d[col];
    if (v && !liveRow(ctx, table, v)) throw notFound(what);
  }
  if (d.approves_id && d.approves_id === d.id) throw new AppError('invalid_input', 'Приказ не может утверждать сам себя. Выберите справку.', { approves_id: 'Выберите другой документ' });
  const row = writeRow(ctx, 'mun_document', { ...d, ...(input.sections ? { sections: JSON.stringify(input.sections) } : {}) });
  return getDocument(ctx, row.id);
}

export function removeDocument(ctx: ServiceContext, id: string): RemoveResult {
  requireMunicipality(ctx);
  // To the recycle bin with what the registry's cascade takes, so «Отменить» and «Корзина» bring it back.
  return removeWithBin(ctx, [['mun_document', id]]);
}

/** A new document as the editor opens it, not saved: the place and the signer from the settings (or a справка about an event). */
export function blankDocument(ctx: ServiceContext, kind: keyof typeof DOCUMENT_KINDS, from: { eventId?: string; approvesId?: string; roadmap?: boolean } = {}): DocumentBlank {
  requireMunicipality(ctx);
  // Prefilled from what it is about, yet not saved: closing it unsaved leaves no draft in the register.
  if (from.approvesId) return { document: orderDraftFields(ctx, from.approvesId) as DocumentBlank['document'], sections: SECTION_CODES };
  if (from.roadmap) return { document: roadmapDraftFields(ctx) as DocumentBlank['document'], sections: SECTION_CODES };
  if (from.eventId) return { document: eventDraftFields(ctx, from.eventId) as DocumentBlank['document'], sections: SECTION_CODES };
  const s = getReportSettings(ctx);
  return {
    document: { ...signerOf(s), kind, issuer: 'department', number: '', doc_date: null, place: s.place, title: '', addressees: kind === 'letter' ? 'Руководителям общеобразовательных организаций' : '' },
    sections: SECTION_CODES,
  };
}

/** A new справка about an event, its requisites prefilled from the municipality's settings (no number, no date). */
export function draftFromEvent(ctx: ServiceContext, eventId: string): DocumentCard {
  requireMunicipality(ctx);
  return saveDocument(ctx, { document: eventDraftFields(ctx, eventId), sections: null });
}

/**
 * The fields of that draft, not saved: draftFromEvent saves them; `opora report --kind meeting` prints them
 * as they are when the register has no справка about the event (the command line does not add to the register).
 */
export function eventDraftFields(ctx: ServiceContext, eventId: string): z.output<typeof documentSaveInput>['document'] {
  const e = liveRow(ctx, 'mun_event', eventId);
  if (!e) throw notFound('Мероприятие');
  const s = getReportSettings(ctx);
  const kind = eventKindGenitive[e.kind as keyof typeof eventKindGenitive] ?? 'мероприятия';
  return {
    ...signerOf(s), kind: 'spravka', issuer: String(e.organiser_body) === 'centre' && s.centre ? 'centre' : 'department', number: '', doc_date: null, place: s.place,
    title: resultsTitle(kind, String(e.topic)),
    addressees: 'Руководителям общеобразовательных организаций', event_id: eventId,
    // The meeting's files (its protocol, the presentation) are what such a справка usually goes out with: offered
    // as its «Приложение» lines by name, for the user to add «на 2 л. в 1 экз.» or strike out.
    attachments: (ctx.raw.prepare('SELECT file_name FROM mun_event_attachment WHERE event_id = ? AND deleted_at IS NULL ORDER BY created_at').pluck().all(eventId) as string[])
      .map((n) => n.replace(/\.[A-Za-z0-9]{1,5}$/, '')).join('\n'),
  } as z.output<typeof documentSaveInput>['document'];
}

/**
 * The справка a приказ approves, in the cases the order's heading and first point need: its title already says
 * what kind it is («Информационная справка по итогам …») — «Об утверждении информационной справки по итогам …»,
 * never «Об утверждении справки Информационная справка …».
 */
export function approvedSpravka(title: string): { genitive: string; accusative: string } {
  const t = title.trim();
  const m = /^(информационная|аналитическая|итоговая|тематическая)?\s*справк[аи]\s*/iu.exec(t);
  const rest = (m ? t.slice(m[0].length) : t).replace(/^Об итогах/, 'об итогах').replace(/^По итогам/, 'по итогам').replace(/^О /, 'о ');
  const adj = (m?.[1] ?? '').toLowerCase();
  const stem = adj.slice(0, -2);
  const gen = adj ? `${stem}ой справки` : 'справки';
  const acc = adj ? `${stem}ую справку` : 'справку';
  return { genitive: rest ? `${gen} ${rest}` : gen, accusative: rest ? `${acc} ${rest}` : acc };
}

/** A приказ approving a справка of the register (seed 002): its heading, preamble and first point prefilled. */
export function draftOrder(ctx: ServiceContext, approvesId: string): DocumentCard {
  requireMunicipality(ctx);
  return saveDocument(ctx, { document: orderDraftFields(ctx, approvesId), sections: null });
}

/** The fields of that приказ, not saved: the editor opens them as a new document. */
export function orderDraftFields(ctx: ServiceContext, approvesId: string): z.output<typeof documentSaveInput>['document'] {
  const a = liveRow(ctx, 'mun_document', approvesId);
  if (!a) throw notFound('Документ');
  const s = getReportSettings(ctx);
  const rm = a.roadmap_id ? liveRow(ctx, 'roadmap', String(a.roadmap_id)) : undefined;
  // About the roadmap: «информационная справка», and the preamble cites the приказ that approved the roadmap.
  const what = approvedSpravka(rm && !/^\S*\s*справк/iu.test(String(a.title)) ? `Информационная справка ${String(a.title)}` : String(a.title));
  return {
      ...signerOf(s), kind: 'order', issuer: 'department', number: '', doc_date: null, place: s.place,
      title: `Об утверждении ${what.genitive}`, approves_id: approvesId, event_id: (a.event_id as string | null) ?? null,
      roadmap_id: rm ? rm.id : null,
      preamble: rm ? roadmapPreamble(rm, s.organisation) : 'В соответствии с муниципальной программой повышения качества образования',
      points: `Утвердить ${what.accusative} (Приложение 1).\nРуководителям общеобразовательных организаций принять справку к сведению и исполнению.\nКонтроль за исполнением настоящего приказа оставляю за собой.`,
  } as z.output<typeof documentSaveInput>['document'];
}

/**
 * «муниципальной дорожной карты «…»» for a roadmap's title, in the genitive; a title that already says
 * «Муниципальная дорожная карта по …» is put in the genitive itself rather than quoted after the same words.
 */
export function roadmapOf(title: string): string {
  // Quotes round the whole title only: «Дорожная карта» по поддержке … keeps its own.
  const raw = title.trim();
  const t = /^«[^«»]*»$/.test(raw) ? raw.slice(1, -1) : raw;
  const m = /^(муниципальная\s+)?(«)?дорожная карта(»)?\s*/i.exec(t);
  if (m) return `муниципальной ${m[2] ? '«' : ''}дорожной карты${m[3] ? '»' : ''}${t.slice(m[0].length) ? ` ${t.slice(m[0].length)}` : ''}`;
  return `муниципальной дорожной карты «${t}»`;
}

/** «В соответствии с приказом Управления образования … от 30.12.2020 № 676 «Об утверждении муниципальной дорожной карты …»». */
function roadmapPreamble(rm: Row, organisation: string): string {
  const body = genitiveOfBody(organisation);
  const req = [rm.approval_date ? `от ${formatDate(String(rm.approval_date))}` : '', rm.approval_number ? `№ ${String(rm.approval_number)}` : ''].filter(Boolean).join(' ');
  return `В соответствии с приказом${body ? ` ${body}` : ''}${req ? ` ${req}` : ''} «Об утверждении ${roadmapOf(String(rm.title))}»`;
}

/**
 * A new справка about the current roadmap (seed 002), its requisites from the settings and no number or date:
 * the period is the roadmap's years, the closing empty (the computed summary is offered in the editor).
 */
export function draftFromRoadmap(ctx: ServiceContext): DocumentCard {
  requireMunicipality(ctx);
  return saveDocument(ctx, { document: roadmapDraftFields(ctx), sections: null });
}

/** The fields of that справка, not saved: the editor opens them as a new document. */
export function roadmapDraftFields(ctx: ServiceContext): z.output<typeof documentSaveInput>['document'] {
  const rm = liveRows(ctx, 'roadmap', 'year_from DESC, created_at DESC')[0];
  if (!rm) throw new AppError('not_found', 'Дорожная карта ещё не создана: справку об итогах составить не по чему.');
  const s = getReportSettings(ctx);
  const [yf, yt] = [Number(rm.year_from), Number(rm.year_to)];
  const year = yt === yf + 1 ? ` в ${yf}-${yt} учебном году` : '';
  return {
    ...signerOf(s), kind: 'spravka', issuer: 'department', number: '', doc_date: null, place: s.place,
    title: `Об итогах реализации ${roadmapOf(String(rm.title))}${year}`,
    addressees: '', roadmap_id: rm.id,
    period_from: yt > yf ? `${yf}-09-01` : `${yf}-01-01`, period_to: yt > yf ? `${yt}-08-31` : `${yt}-12-31`, period_text: '',
  } as z.output<typeof documentSaveInput>['document'];
}

function signerOf(s: ReportSettings) {
  const n = parsePersonName(s.headName);
  return { signer_position: s.headPosition, signer_surname: n?.surname ?? '', signer_first_name: n?.name ?? '', signer_patronymic: n?.patronymic ?? '' };
}

