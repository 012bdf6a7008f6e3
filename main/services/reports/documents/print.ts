/**
 * Printing the documents of the municipality's register from the data: a справка about a meeting from the event
 * journal, a приказ approving a справка (Приложение 1), a letter or a protocol from its text. A document
 * registered with its number and date is printed from the snapshot taken at its first printing, so printing it
 * again gives the same document; `refresh` takes a new snapshot deliberately. An empty date prints as a line.
 */
import type { ServiceContext } from '../../core/context.js';
import { requireMunicipality } from '../../core/municipality-profile.js';
import { liveRow, writeRow, type Row } from '../../core/writer.js';
import { AppError, notFound } from '../../core/errors.js';
import { getReportSettings, letterheadLines } from '../../municipality/report-settings.js';
import { getEvent } from '../../municipality/events.js';
import { kindOf, lines, nameFrom, sectionsOf, SECTION_CODES } from '../../municipality/documents.js';
import { dayOf } from '../../../../db/rules.js';
import { DOCUMENT_KINDS, GROUP_KINDS, PARTICIPATION, PROPOSAL_ADDRESSEES } from '../../../../db/registry/meetings.js';
import { eventKind, eventLevel, eventFormat } from '../../../../common/labels.js';
import { formatDate } from '../../../../common/format.js';
import { parsePersonName } from '../../../../common/person-name.js';
import { safeFileName } from '../../../../common/file-names.js';
import type { ReportDoc } from '../model.js';
import type { DocumentRequisites, MeetingDocModel } from './model.js';
import { meetingDoc } from './meeting.js';
import { orderDoc } from './order.js';
import { roadmapSpravka } from './roadmap-doc.js';
import { meetingGroupOf } from './groups.js';
import { frameOf, paragraphs } from './requisites.js';
import { renderDocx } from '../docx.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function requisitesOf(ctx: ServiceContext, d: Row): DocumentRequisites {
  const s = getReportSettings(ctx);
  const executor = nameFrom(d, 'executor_');
  return {
    kind: kindOf(d), body: [s.parent, s.organisation].filter(Boolean), subordinate: d.issuer === 'centre' ? s.centre : '', contacts: letterheadLines(s),
    number: String(d.number ?? ''), date: (d.doc_date as string | null) ?? null, place: String(d.place || s.place), title: String(d.title),
    addressees: lines(d.addressees),
    replyTo: d.reply_number || d.reply_date ? { number: String(d.reply_number ?? ''), date: (d.reply_date as string | null) ?? null } : null,
    signer: { position: String(d.signer_position ?? ''), name: nameFrom(d, 'signer_') },
    executor: executor || d.executor_phone ? { name: executor, phone: String(d.executor_phone ?? '') } : null,
    attachments: lines(d.attachments),
    // «Заместитель начальника — Д.А. Самарин»: a line a position and a name, split at a dash or a tab.
    agreed: lines(d.agreed).map((l) => {
      const [position, name = ''] = l.split(/\s+[—–-]\s+|\t/);
      return { position: position!.trim(), name: parsePersonName(name) };
    }),
  };
}

function meetingModel(ctx: ServiceContext, d: Row, eventId: string): MeetingDocModel {
  const card = getEvent(ctx, eventId);
  const e = card.event;
  const s = getReportSettings(ctx);
  const schoolName = new Map(card.schools.map((x) => [x.school_id, x.name]));
  const roster = new Map((ctx.raw.prepare("SELECT id, COALESCE(NULLIF(short_name, ''), name) AS name FROM municipality_school").all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const nameOfSchool = (id: string) => schoolName.get(id) ?? roster.get(id) ?? 'школа удалена из реестра';
  const groupTo = new Map(card.groups.map((g) => [g.id, groupDative(g.kind, g.title, card.groups.length > 1)]));
  // «Всем школам» as this meeting words it («Руководителям МБОУ с низкими образовательными результатами»): typed once, on any of them.
  const allSchools = card.proposals.map((p) => String(p.item.addressee_text).trim()).find((t, i) => t && card.proposals[i]!.item.addressee === 'all_schools')
    || 'Руководителям общеобразовательных организаций';
  const addresseeOf = (p: Row, ids: string[]) => {
    const a = String(p.addressee) as keyof typeof PROPOSAL_ADDRESSEES;
    const typed = String(p.addressee_text ?? '').trim();
    if (a === 'all_schools') return allSchools;
    if (a === 'some_schools') return typed || `Руководителям общеобразовательных организаций: ${ids.map(nameOfSchool).join(', ')}`;
    if (a === 'centre') return typed || s.centre || 'Методическому центру';
    if (a === 'group') return typed || (p.group_id && groupTo.get(String(p.group_id))) || 'Рабочей группе';
    if (a === 'none') return '';
    // «Другим» with no one named is a proposal to no one in particular, printed as a point of its own.
    return typed;
  };
  const proposals: MeetingDocModel['proposals'] = [];
  for (const { item, school_ids } of card.proposals) {
    const who = addresseeOf(item, school_ids);
    // One «Кому» for several items: each line of the text is an item under it.
    const items = lines(item.text);
    const group = who ? proposals.find((x) => x.addressee === who) : undefined;
    if (group) group.items.push(...items);
    else proposals.push({ addressee: who, items });
  }
  const sections = new Set(sectionsOf(d));
  const by = (st: keyof typeof PARTICIPATION) => card.schools.filter((x) => x.status === st);
  return {
    requisites: requisitesOf(ctx, d),
    event: {
      kindLabel: eventKind.labels[e.kind as keyof typeof eventKind.labels] ?? '', levelLabel: eventLevel.labels[e.level as keyof typeof eventLevel.labels] ?? '',
      formatLabel: eventFormat.labels[e.format as keyof typeof eventFormat.labels] ?? '', dateFrom: String(e.date_from), dateTo: (e.date_to as string | null) ?? null,
      // The department issues the справка: it is named as organiser only when typed, or when the centre organised.
      organiser: String(e.organiser || (e.organiser_body === 'centre' ? s.centre : '')), topic: String(e.topic), place: String(e.place), summary: String(e.summary),
    },
    participants: {
      present: by('present').map((x) => x.name), absent: by('absent').map((x) => ({ school: x.name, note: x.note })), invited: by('invited').map((x) => x.name),
      others: card.persons.map((p) => ({ name: nameFrom(p, ''), text: String(p.surname), position: String(p.position), organisation: String(p.organisation) })),
    },
    agenda: card.agenda.map((a) => ({ title: String(a.title), speaker: String(a.speaker), note: String(a.note) })),
    conclusions: card.conclusions.map(({ item, school_ids }) => ({ text: String(item.text), schools: item.all_participants ? [] : school_ids.map(nameOfSchool), factors: String(item.factors), deficits: String(item.deficits ?? '') })),
    proposals,
    groups: card.groups.map((g) => meetingGroupOf(g, nameOfSchool)),
    assignments: card.assignments.map((a) => {
      // Addressed to every school of the meeting: said once, not a list of every participant after every line.
      const everyParticipant = card.schools.length > 1 && a.school_ids.length === card.schools.length && card.schools.every((s) => a.school_ids.includes(s.school_id));
      const responsible = a.responsible || a.group_title || (a.all_schools ? 'руководители общеобразовательных организаций' : everyParticipant ? 'руководители общеобразовательных организаций, приглашённых на мероприятие' : '');
      // To a group, or to every school with no one else named: said once over a block of items with one deadline.
      const to = a.group_id && groupTo.has(a.group_id) ? groupTo.get(a.group_id)! : !a.responsible && (a.all_schools || everyParticipant) ? allSchools : '';
      if (to) return { text: a.text, responsible: a.responsible, due: a.due_on, schools: [], to };
      return { text: a.text, responsible, due: a.due_on, schools: a.all_schools || everyParticipant ? [] : a.school_ids.map(nameOfSchool) };
    }),
    closing: String(d.closing ?? ''),
    sections: Object.fromEntries(SECTION_CODES.map((c) => [c, sections.has(c)])) as MeetingDocModel['sections'],
    short: d.short === 1,
    intro: d.intro_auto !== 0, agendaLead: String(d.agenda_lead ?? ''), agendaNumbered: d.agenda_numbered !== 0, fullNames: d.full_names === 1,
  };
}

const GROUP_DATIVE: Record<keyof typeof GROUP_KINDS, string> = {
  working: 'Рабочей группе', coordination: 'Координационной группе', rmo: 'Районному методическому объединению', creative: 'Творческой группе', other: 'Группе',
};

/** «Рабочей группе»; with its name when the meeting formed more than one; «Рабочая группа по …» → «Рабочей группе по …». */
function groupDative(kind: keyof typeof GROUP_KINDS, title: string, several: boolean): string {
  const t = title.trim().replace(/^«|»$/g, '');
  const word = GROUP_KINDS[kind].split(' (')[0]!;
  if (t.toLowerCase().startsWith(word.toLowerCase())) return `${GROUP_DATIVE[kind]}${t.slice(word.length)}`;
  return several && t ? `${GROUP_DATIVE[kind]} «${t}»` : GROUP_DATIVE[kind];
}

/** The document as printed first, or null when there is none or it cannot be read (then it is built again from the data). */
function snapshotOf(d: Row): ReportDoc | null {
  if (!d.snapshot) return null;
  try {
    const doc = JSON.parse(String(d.snapshot)) as unknown;
    return doc && typeof doc === 'object' && Array.isArray((doc as ReportDoc).blocks) ? (doc as ReportDoc) : null;
  } catch {
    return null;
  }
}

/** The document as data, from today's records (no snapshot). */
export function buildDocument(ctx: ServiceContext, d: Row, depth = 0): ReportDoc {
  const kind = kindOf(d);
  const r = requisitesOf(ctx, d);
  if (kind === 'order') {
    const approved = d.approves_id ? liveRow(ctx, 'mun_document', String(d.approves_id)) : undefined;
    if (d.approves_id && !approved) throw new AppError('not_found', 'Справка, которую утверждает приказ, удалена из реестра. Выберите другую или уберите её из приказа.');
    return orderDoc({
      requisites: r, preamble: String(d.preamble ?? ''), points: lines(d.points),
      // The справка as it was registered (its snapshot), since the order approves that text and not a later one.
      appendix: approved && depth === 0 ? { title: appendixTitle(approved), doc: snapshotOf(approved) ?? buildDocument(ctx, approved, depth + 1) } : null,
    });
  }
  if (kind === 'spravka' && d.event_id) {
    if (!liveRow(ctx, 'mun_event', String(d.event_id))) throw new AppError('not_found', 'Мероприятие, по которому составлена справка, удалено. Напечатать её заново по данным нельзя.');
    return meetingDoc(meetingModel(ctx, d, String(d.event_id)));
  }
  if (kind === 'spravka' && d.roadmap_id) return roadmapSpravka(ctx, d, r);
  return frameOf(r, DOCUMENT_KINDS[kind], DOCUMENT_KINDS[kind], paragraphs(String(d.closing ?? '')));
}

/** The approved справка's heading in «Приложение 1»: the roadmap справка names its kind, as seed 002 does. */
function appendixTitle(a: Row): string {
  const t = String(a.title);
  return a.roadmap_id && !a.event_id && !/^информационная справка/i.test(t) ? `Информационная справка ${t.replace(/^Об /, 'об ')}` : t;
}

/**
 * Prints a document of the register. A registered one (number and date set) is printed from the snapshot of
 * its first printing; `refresh` takes a new snapshot from today's data.
 */
export async function printDocument(ctx: ServiceContext, id: string, refresh = false): Promise<{ fileName: string; mime: string; bytes: Buffer }> {
  requireMunicipality(ctx);
  const d = liveRow(ctx, 'mun_document', id);
  if (!d) throw notFound('Документ');
  let doc: ReportDoc;
  const kept = refresh ? null : snapshotOf(d);
  if (kept) doc = kept;
  else {
    doc = buildDocument(ctx, d);
    if (d.number && d.doc_date) writeRow(ctx, 'mun_document', { snapshot: JSON.stringify(doc), printed_at: dayOf(ctx.now()) }, { id });
  }
  const kind = DOCUMENT_KINDS[kindOf(d)];
  // «12/01-13» keeps its look as «12-01-13»: a slash cannot be in a file name, and a space would read as two numbers.
  const number = String(d.number ?? '').replace(/\s*[\\/]\s*/g, '-');
  const stem = [kind, number ? `№ ${number}` : 'без номера', d.doc_date ? `от ${formatDate(String(d.doc_date))}` : ''].filter(Boolean).join(' ');
  return { fileName: `${safeFileName(stem)}.docx`, mime: DOCX, bytes: await renderDocx(doc) };
}
