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
  /** The letterhead's contact and registration block, one line each (absent or empty: none). */
  contacts?: string[];
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
  /** `deficits`: management or professional deficits, printed apart from the risk factors. */
  conclusions: { text: string; schools: string[]; factors: string; deficits?: string }[];
  /** Grouped by addressee in the order the user gave them; addressee '' is a proposal to no one in particular (its own point). */
  proposals: { addressee: string; items: string[] }[];
  groups: MeetingGroup[];
  /**
   * `to`, the addressee in the dative («Рабочей группе», «Руководителям общеобразовательных организаций»): the
   * items to one addressee with one deadline print as one block «Рабочей группе в срок до 19.03.2021: – …; – …».
   */
  assignments: { text: string; responsible: string; due: string | null; schools: string[]; to?: string }[];
  /** A free-text conclusion the user adds before printing ('' for none). */
  closing: string;
  /** Which sections to print. */
  sections: { participants: boolean; agenda: boolean; conclusions: boolean; proposals: boolean; groups: boolean; assignments: boolean };
  /** A short version: no per-school lists, groups without members. */
  short: boolean;
  /** The generated opening sentence (date, kind, topic); false when the user's own text opens the справка. Default true. */
  intro?: boolean;
  /** The user's words before the agenda («Рассмотрены вопросы:»); '' prints «Повестка:». */
  agendaLead?: string;
  /** The agenda numbered (default) or as a dash list. */
  agendaNumbered?: boolean;
  /** Group members with full names instead of «Фамилия И.О.». */
  fullNames?: boolean;
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
