/**
 * The requisites of a registered document (model.ts) → the frame of a ReportDoc: organisation, kind, date
 * and number, place, addressees, heading, attachments, signature, visas and executor in the printed forms
 * of ГОСТ Р 7.0.97-2025 (names «И.О. Фамилия» at a signature and a visa, in full for the executor).
 */
import { formatDate } from '../../../../common/format.js';
import { fullName, nameOrText, type PersonName } from '../../../../common/person-name.js';
import { BLANK_DATE, BLANK_NUMBER, type Block, type ReportDoc, type Requisites } from '../model.js';
import type { DocumentKind, DocumentRequisites } from './model.js';

/** The kind as printed above the date: a приказ spaced out as in seed 002; a letter has none. */
export const KIND_TEXT: Record<DocumentKind, string> = { spravka: 'Справка', order: 'П Р И К А З', letter: '', protocol: 'Протокол' };

export const sig = (n: PersonName | null) => nameOrText(n, '');

export function requisitesOf(r: DocumentRequisites, fallbackTitle: string): Requisites {
  return {
    organisation: r.body.filter(Boolean),
    subordinate: r.subordinate || undefined,
    contacts: r.contacts?.filter(Boolean).length ? r.contacts.filter(Boolean) : undefined,
    kind: KIND_TEXT[r.kind],
    date: r.date ?? '',
    number: r.number,
    place: r.place,
    title: r.title || fallbackTitle,
    addressees: r.addressees.filter(Boolean),
    replyTo: r.replyTo ? { number: r.replyTo.number, date: r.replyTo.date ?? '' } : undefined,
  };
}

/** Everything a document carries besides its requisites and its text. */
export function frameOf(r: DocumentRequisites, subject: string, fallbackTitle: string, blocks: Block[]): ReportDoc {
  const executor = r.executor && (r.executor.name || r.executor.phone)
    ? [r.executor.name ? fullName(r.executor.name) : '', r.executor.phone ? `тел. ${r.executor.phone}` : ''].filter(Boolean).join('\n')
    : undefined;
  return {
    subject,
    requisites: requisitesOf(r, fallbackTitle),
    blocks,
    attachments: r.attachments.filter(Boolean),
    signature: r.signer.position || r.signer.name ? { position: r.signer.position, name: sig(r.signer.name) } : undefined,
    agreed: r.agreed.map((a) => ({ position: a.position, name: sig(a.name) })),
    executor,
  };
}

// In common/, since a draft приказ's preamble (municipality/documents.ts) names the body in the genitive too.
export { genitiveOfBody } from '../../../../common/body-genitive.js';

/** «от 26.07.2021 № 374», with lines for what is not set yet. */
export const dateAndNumber = (date: string | null, number: string) => `от ${date ? formatDate(date) : BLANK_DATE} № ${number || BLANK_NUMBER}`;

/** A sentence as given, without a trailing full stop, so the caller may add its own punctuation. */
export const clause = (t: string) => {
  const x = t.trim();
  // «… Чащина Т.В.»: the dot of an initial stays.
  return /(^|[\s.])[А-ЯЁ]\.$/.test(x) ? x : x.replace(/[.;,\s]+$/, '');
};
export const sentence = (t: string) => (/[.!?…]$/.test(t.trim()) ? t.trim() : `${clause(t)}.`);

/** Free text split into paragraphs at blank or single line breaks. */
export const paragraphs = (t: string): Block[] =>
  t.split(/\n+/).map((x) => x.trim()).filter(Boolean).map((text) => ({ kind: 'paragraph', text }) as Block);
