/** Output shapes of calls. Plain data only: it crosses IPC and HTTP as JSON (bytes through the codecs of bytes.ts). */
import { z } from 'zod';
import { bytes, fromBase64, toBase64 } from './bytes.js';
import type { Role } from './define.js';
import type { activityStatus, roadmapActivityStatus } from '../../common/labels.js';

/** A roadmap activity's status code (planned, in_progress, done, not_done, cancelled). */
export type ActivityStatus = (typeof activityStatus.codes)[number];
export type RoadmapActivityStatus = (typeof roadmapActivityStatus.codes)[number];

/** A stored record as the UI sees it: its columns plus, for some lists, joined labels (e.g. mentor_name). */
export type Row = Record<string, string | number | null> & { id: string };

export interface ListResult<R> {
  rows: R[];
  total: number;
}

export interface WorkspaceState {
  /** 'none' until the first-run screen has created something. */
  role: Role;
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
  /** How many programmes the activity counts cover (a finished one's activities are counted, never overdue). */
  programmes: number;
  /** The department's roadmap activities and assignments due this month and not finished by the school. */
  municipalDueThisMonth: { activities: number; assignments: number };
}

export interface AttachmentInfo {
  id: string;
  event_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: string;
  /** A school's file passed on to the department (its bytes travel); always 0 for the department's own files. */
  share: number;
}

const attachmentFields = {
  id: z.string(), event_id: z.string(), file_name: z.string(), mime: z.string(), size: z.number(), sha256: z.string(), created_at: z.string(), share: z.number(),
} satisfies Record<keyof AttachmentInfo, z.ZodType>;

/** An attached file with its bytes: the handler returns `bytes`, the renderer receives `dataBase64`. */
export const attachmentOutput = z.codec(
  z.object({ ...attachmentFields, dataBase64: z.string() }),
  z.object({ ...attachmentFields, bytes: bytes }),
  {
    decode: ({ dataBase64, ...rest }) => ({ ...rest, bytes: fromBase64(dataBase64) }),
    encode: ({ bytes: b, ...rest }) => ({ ...rest, dataBase64: toBase64(b) }),
  },
);
export type AttachmentData = z.input<typeof attachmentOutput>;
export type AttachmentBytes = z.output<typeof attachmentOutput>;

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
    mark: { status: ActivityStatus; completion_mark: string; completed_on: string | null } | null;
    comments: { id: string; text: string; author: string; written_on: string }[];
  }[];
  /** Curator's comments on the school's own programme activities. */
  comments: { id: string; text: string; author: string; written_on: string; activity_id: string; activity_number: string | null; activity_title: string | null }[];
}

/** One result of the search across everything: the record's kind and title in words, and whose it is. */
export interface SearchHit {
  table: string;
  kindTitle: string;
  id: string;
  title: string;
  /** At the municipality: the school the record came from. */
  school: string | null;
}
