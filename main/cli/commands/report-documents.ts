/**
 * `opora report --kind meeting|order`: the municipality's documents from its register (issue 10). A meeting
 * справка is the register's справка about the event when there is one (printed as the app prints it: a
 * registered one from its snapshot), else a draft built from the event and not saved — the command line
 * prints, it does not add documents to the register. A приказ is always one of the register's.
 */
import type { ServiceContext } from '../../services/core/context.js';
import { listEvents } from '../../services/municipality/events.js';
import { eventDraftFields, listDocuments } from '../../services/municipality/documents.js';
import { buildDocument, printDocument } from '../../services/reports/documents/print.js';
import { renderDocx } from '../../services/reports/docx.js';
import { requireMunicipality } from '../../services/core/municipality-profile.js';
import { liveRow } from '../../services/core/writer.js';
import { eventListInput, type DocumentListRow } from '../../../preload/contract/meetings.js';
import { eventKind } from '../../../common/labels.js';
import { formatDate, isoDay } from '../../../common/format.js';
import { CliError } from '../types.js';

export const DOCUMENT_KINDS_HELP = `  meeting     справка об итогах совещания (мероприятия) управления образования (база муниципалитета):
              --event ИДЕНТИФИКАТОР — какого; без него — последнего проведённого по дате (не позже сегодняшнего дня).
              Если в реестре документов есть справка об этом мероприятии, печатается она (зарегистрированная —
              такой, какой была напечатана впервые); если нет — черновик по данным мероприятия без номера и даты,
              в реестр он не записывается;
  order       приказ из реестра документов (база муниципалитета): --document ИДЕНТИФИКАТОР — какой; без него —
              последний по дате приказ (черновики без даты — только если датированных приказов нет).`;

export interface PrintedDocument { bytes: Buffer; what: string }

const byDateDesc = (a: DocumentListRow, b: DocumentListRow) => (b.doc_date ?? '').localeCompare(a.doc_date ?? '');

/** The meeting справка: the register's for the event, or an unsaved draft. */
export async function meetingDocument(ctx: ServiceContext, eventId: string | undefined): Promise<PrintedDocument> {
  requireMunicipality(ctx);
  const today = isoDay(ctx.now());
  let id = eventId;
  if (id) {
    if (!liveRow(ctx, 'mun_event', id)) throw new CliError(`Мероприятие «${id}» не найдено в журнале мероприятий.`);
  } else {
    const held = listEvents(ctx, eventListInput.parse({})).filter((e) => e.date_from <= today);
    if (!held.length) throw new CliError('В журнале мероприятий нет ни одного проведённого мероприятия. Внесите мероприятие или укажите --event.');
    id = held[0]!.id;
  }
  const e = liveRow(ctx, 'mun_event', id)!;
  const about = `${(eventKind.labels[e.kind as keyof typeof eventKind.labels] ?? 'мероприятие').toLowerCase()} «${String(e.topic)}» от ${formatDate(String(e.date_from))}`;
  // A registered справка (number and date) before a draft of the register; the latest of each.
  const docs = listDocuments(ctx).filter((d) => d.kind === 'spravka' && d.event_id === id);
  const registered = docs.filter((d) => d.number && d.doc_date).sort(byDateDesc);
  const doc = registered[0] ?? docs[0];
  if (doc) {
    const f = await printDocument(ctx, doc.id);
    return { bytes: f.bytes, what: `справка из реестра${doc.number ? ` № ${doc.number}` : ' без номера'}${doc.doc_date ? ` от ${formatDate(doc.doc_date)}` : ''} — ${about}` };
  }
  // An id no row has: the draft is printed, not stored.
  const draft = { ...eventDraftFields(ctx, id), id: '', sections: null, short: 0, closing: '' };
  return { bytes: await renderDocx(buildDocument(ctx, draft)), what: `черновик справки по данным мероприятия (в реестр не записан) — ${about}` };
}

/** A приказ of the register: the one named, or the latest by date. */
export async function orderDocument(ctx: ServiceContext, documentId: string | undefined): Promise<PrintedDocument> {
  requireMunicipality(ctx);
  const orders = listDocuments(ctx).filter((d) => d.kind === 'order');
  let doc: DocumentListRow | undefined;
  if (documentId) {
    doc = listDocuments(ctx).find((d) => d.id === documentId);
    if (!doc) throw new CliError(`Документ «${documentId}» не найден в реестре документов.`);
    if (doc.kind !== 'order') throw new CliError(`Документ «${documentId}» — не приказ. Для справки о мероприятии: --kind meeting --event ИДЕНТИФИКАТОР.`);
  } else {
    doc = orders.filter((d) => d.doc_date).sort(byDateDesc)[0] ?? orders[0];
    if (!doc) throw new CliError('В реестре документов нет ни одного приказа. Составьте его на вкладке «Документы» (в карточке справки — «Подготовить приказ об утверждении»).');
  }
  const f = await printDocument(ctx, doc.id);
  return { bytes: f.bytes, what: `приказ${doc.number ? ` № ${doc.number}` : ' без номера'}${doc.doc_date ? ` от ${formatDate(doc.doc_date)}` : ''} «${doc.title}»` };
}
