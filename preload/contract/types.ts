/** Output shapes of calls. Plain data only: it crosses IPC and HTTP as JSON. */

/** A stored record as the UI sees it: its columns plus, for some lists, joined labels (e.g. mentor_name). */
export type Row = Record<string, string | number | null> & { id: string };

export interface ListResult<R> {
  rows: R[];
  total: number;
}

export interface WorkspaceState {
  /** 'none' until the first-run screen has created something. */
  role: 'none' | 'school' | 'municipality';
  demo: boolean;
  school: Row | null;
  /** The municipality's name when this file is a municipality workspace. */
  municipalityName: string | null;
  dataPath: string;
}

export interface SchoolDashboard {
  today: string;
  overdueActivities: Row[];
  dueThisMonth: Row[];
  overdueDecisions: Row[];
  /** All overdue decisions (the list above shows the first 50). */
  decisionsOverdue: number;
  mentoring: { needMentor: number; withMentor: number; withoutMentor: Row[] };
  riskByCategory: { category: string; count: number }[];
  riskTotal: number;
  recentEvents: Row[];
  activityCounts: { total: number; done: number; overdue: number; notDone: number };
}

export interface AttachmentInfo {
  id: string;
  event_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface AttachmentData extends AttachmentInfo {
  dataBase64: string;
}

/** The risk-group page's summary strip: aggregate counts only, and the classes to filter by. */
export interface RiskGroupSummary {
  included: number;
  removed: number;
  gifted: number;
  /** Pupils now in the group, by category (a pupil with two categories counts in both). */
  byCategory: { category: string; count: number }[];
  classes: string[];
}

/** What the school received from its municipality: classification, roadmap activities to mark, curator's comments. */
export interface FromMunicipality {
  classification: { cluster: string; quality_group: string; partner_group: string; curator: string } | null;
  activities: {
    id: string; number: string; section: string; title: string; timing_text: string; date_from: string | null; date_to: string | null; responsible: string;
    /** 1 when its date is behind and this school has not marked it done, not done or cancelled. */
    overdue: number;
    mark: { status: string; completion_mark: string; completed_on: string | null } | null;
    comments: { id: string; text: string; author: string; written_on: string }[];
  }[];
  /** Curator's comments on the school's own programme activities. */
  comments: { id: string; text: string; author: string; written_on: string; activity_id: string; activity_number: string | null; activity_title: string | null }[];
}
