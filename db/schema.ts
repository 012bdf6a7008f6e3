/**
 * The Kysely view of the database. Column types mirror the SQL in migrations/; dates are ISO strings
 * (YYYY-MM-DD for calendar dates, full ISO for timestamps); booleans are 0/1 integers as SQLite keeps them.
 */


export interface SyncColumns {
  id: string;
  owner: string;
  origin: string;
  hlc: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MetaTable { key: string; value: string }

export interface SchoolProfileTable extends SyncColumns {
  name: string; short_name: string; municipality: string; address: string; director: string;
  deputy: string; phone: string; email: string; pupils_count: number | null; is_nor: number; is_nsu: number;
}
export interface RiskFactorTable extends SyncColumns { title: string; kind: string; builtin: number }
export interface ProgrammeTable extends SyncColumns {
  title: string; year_from: number; year_to: number; approval_number: string; approval_date: string | null; goal: string;
}
export interface ProgrammeTaskTable extends SyncColumns { programme_id: string; position: number; text: string }
export interface ProgrammeProblemTable extends SyncColumns {
  programme_id: string; risk_factor_id: string | null; kind: string; description: string;
}
export interface DirectionTable extends SyncColumns { programme_id: string; position: number; title: string }
export interface ActivityTable extends SyncColumns {
  programme_id: string; direction_id: string | null; number: string; title: string;
  timing_kind: string; timing_text: string; date_from: string | null; date_to: string | null;
  responsible: string; status: string; completion_mark: string; completed_on: string | null;
}
export interface IndicatorTable extends SyncColumns {
  programme_id: string; title: string; kind: string; unit: string; higher_is_better: number;
}
export interface IndicatorValueTable extends SyncColumns {
  indicator_id: string; period: string; baseline: number | null; target: number | null; actual: number | null;
}
export interface LocalActTable extends SyncColumns {
  programme_id: string | null; title: string; kind: string; adopted_on: string | null; order_number: string; note: string;
}
export interface StaffTable extends SyncColumns {
  full_name: string; position: string; subjects: string; category: string; pedagogical_education: number;
  education: string; experience_years: number | null; young_specialist: number; newly_arrived: number;
  hired_on: string | null; left_on: string | null;
}
export interface DeficitTable extends SyncColumns { title: string; area: string; builtin: number }
export interface StaffDeficitTable extends SyncColumns {
  staff_id: string; deficit_id: string; identified_on: string | null; method: string; note: string; resolved_on: string | null;
}
export interface MentoringPairTable extends SyncColumns {
  mentor_id: string; mentee_id: string; reason: string; subject: string; started_on: string;
  ended_on: string | null; plan: string; outcome: string;
}
export interface CourseTable extends SyncColumns {
  staff_id: string; title: string; provider: string; hours: number | null; date_from: string | null;
  date_to: string | null; certificate: string;
}
export interface DevelopmentPlanTable extends SyncColumns {
  staff_id: string; title: string; date_from: string | null; date_to: string | null; goals: string; status: string; result: string;
}
export interface PupilTable extends SyncColumns { full_name: string; birth_date: string | null; class_name: string }
export interface RiskEntryTable extends SyncColumns {
  pupil_id: string; categories: string; included_on: string; reason: string; responsible: string;
  status: string; removed_on: string | null; removal_reason: string;
}
export interface RiskStatusChangeTable extends SyncColumns { entry_id: string; status: string; changed_on: string; reason: string }
export interface GiftedPupilTable extends SyncColumns {
  pupil_id: string; area: string; included_on: string; responsible: string; achievements: string; support_plan: string;
}
export interface SupportMeasureTable extends SyncColumns {
  target_kind: string; target_id: string; title: string; date_from: string | null; date_to: string | null;
  responsible: string; result: string; done: number;
}
export interface EventTable extends SyncColumns {
  title: string; kind: string; level: string; format: string; date_from: string; date_to: string | null;
  organiser: string; participants_count: number | null; participants: string; outcomes: string;
}
export interface EventActivityTable extends SyncColumns { event_id: string; activity_id: string }
export interface DecisionTable extends SyncColumns {
  event_id: string; text: string; responsible: string; deadline: string | null; done_on: string | null; note: string;
}
export interface AttachmentTable extends SyncColumns {
  event_id: string; file_name: string; mime: string; size: number; sha256: string;
}

export interface Database {
  meta: MetaTable;
  school_profile: SchoolProfileTable;
  risk_factor: RiskFactorTable;
  programme: ProgrammeTable;
  programme_task: ProgrammeTaskTable;
  programme_problem: ProgrammeProblemTable;
  direction: DirectionTable;
  activity: ActivityTable;
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  local_act: LocalActTable;
  staff: StaffTable;
  deficit: DeficitTable;
  staff_deficit: StaffDeficitTable;
  mentoring_pair: MentoringPairTable;
  course: CourseTable;
  development_plan: DevelopmentPlanTable;
  pupil: PupilTable;
  risk_entry: RiskEntryTable;
  risk_status_change: RiskStatusChangeTable;
  gifted_pupil: GiftedPupilTable;
  support_measure: SupportMeasureTable;
  event: EventTable;
  event_activity: EventActivityTable;
  decision: DecisionTable;
  attachment: AttachmentTable;
}

/** Tables whose rows carry SyncColumns and travel between machines by id. */
export const SYNCED_TABLES = [
  'school_profile', 'risk_factor', 'programme', 'programme_task', 'programme_problem', 'direction', 'activity',
  'indicator', 'indicator_value', 'local_act', 'staff', 'deficit', 'staff_deficit', 'mentoring_pair', 'course',
  'development_plan', 'pupil', 'risk_entry', 'risk_status_change', 'gifted_pupil', 'support_measure', 'event',
  'event_activity', 'decision', 'attachment',
] as const satisfies readonly (keyof Database)[];
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * Personal data of minors (152-ФЗ). These columns never leave the school's computer: the exchange
 * must drop them, and a test searches every bundle's bytes for them. Pupils travel under their UUID.
 */
export const PERSONAL_DATA: { readonly [T in keyof Database]?: readonly (keyof Database[T])[] } = {
  pupil: ['full_name', 'birth_date'],
};

