/**
 * The municipality's own documents (issue 10) as plain data, filled from its event journal and document
 * register (main/services/municipality/…), laid out by meeting.ts / order.ts into a ReportDoc and then by
 * docx.ts to ГОСТ Р 7.0.97-2025. Dates are YYYY-MM-DD or null (printed as a blank line to fill in by hand:
 * a document is never silently dated today).
 */
import type { PersonName } from '../../../../common/person-name.js';

export type DocumentKind = 'spravka' | 'order' | 'letter' | 'protocol';

/** The requisites of one registered document (its row in the register). */
export interface DocumentRequisites {
  kind: DocumentKind;
  /** Issuing body lines, the parent body first («Администрация …», «Управление образования …»). */
  body: string[];
  /** A subordinate body that issues or organises (МБУ «Методический центр»), or '' when the department itself. */
  subordinate: string;
  /** Registration number and date; '' / null print as a line to fill in. */
  number: string;
  date: string | null;
  place: string;
  /** Заголовок к тексту. */
  title: string;
  /** Адресат block, one line each («Руководителям МБОУ», «Ирбитского МО»). Empty: no block. */
  addressees: string[];
  /** «На № … от …» when the document answers a letter. */
  replyTo: { number: string; date: string | null } | null;
  signer: { position: string; name: PersonName | null };
  executor: { name: PersonName | null; phone: string } | null;
  /** Отметка о наличии приложения: one line per attachment. */
  attachments: string[];
  /** Гриф согласования (приказ): who agreed, in order. */
  agreed: { position: string; name: PersonName | null }[];
}

export interface MeetingParticipants {
  /** School names (as printed), in roster order. */
  present: string[];
  absent: { school: string; note: string }[];
  /** Invited, no mark yet (a future event, or not recorded). */
  invited: string[];
  /** Other participants by name. */
  others: { name: PersonName | null; text: string; position: string; organisation: string }[];
}

export interface MeetingGroup {
  title: string;
  kindLabel: string;
  period: { from: string | null; to: string | null };
  members: { name: PersonName | null; text: string; position: string; organisation: string; role: string; leader: boolean }[];
}

/** «Справка об итогах совещания (мероприятия)». */
export interface MeetingDocModel {
  requisites: DocumentRequisites;
  event: {
    kindLabel: string; levelLabel: string; formatLabel: string;
    dateFrom: string; dateTo: string | null;
    organiser: string; topic: string; place: string;
    /** What took place, in the user's words (may be ''). */
    summary: string;
  };
  participants: MeetingParticipants;
  agenda: { title: string; speaker: string; note: string }[];
  conclusions: { text: string; schools: string[]; factors: string }[];
  /** Grouped by addressee in the order the user gave them. */
  proposals: { addressee: string; items: string[] }[];
  groups: MeetingGroup[];
  assignments: { text: string; responsible: string; due: string | null; schools: string[] }[];
  /** A free-text conclusion the user adds before printing ('' for none). */
  closing: string;
  /** Which sections to print. */
  sections: { participants: boolean; agenda: boolean; conclusions: boolean; proposals: boolean; groups: boolean; assignments: boolean };
  /** A short version: no per-school lists, groups without members. */
  short: boolean;
}

/** «Приказ» approving a справка or a roadmap (seed 002). */
export interface OrderDocModel {
  requisites: DocumentRequisites;
  /** «В соответствии с …» — the preamble, ending before «приказываю». */
  preamble: string;
  /** Numbered points («Утвердить справку … (Приложение 1).», «Контроль … оставляю за собой.»). */
  points: string[];
  /** Приложение 1: the approved справка laid out after the order, or null. */
  appendix: { title: string; doc: import('../model.js').ReportDoc } | null;
}
