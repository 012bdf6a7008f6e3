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

// Which tables are synced, how they travel, their field rules and personal columns: db/registry.

// ───────────────────────── exchange (migration 0020) ─────────────────────────
// Bundles between schools and the municipality: version vectors, conflicts, sequence numbers, history,
// quarantine, the municipality's roster (minimal) and the tables that travel down and the marks that come up.

export interface SyncVersionTable { tbl: string; id: string; vv: string }
export interface SyncConflictTable { tbl: string; id: string; hlc: string; origin: string; vv: string; data: string; detected_at: string; dismissed: number }
export interface ExchangeOriginSeqTable { issuer_id: string; origin: string; last_seq: number; last_sha256: string; last_at: string }
export interface ExchangeImportTable {
  id: number; at: string; file_name: string; sha256: string; size: number; kind: string; issuer_id: string; issuer_name: string;
  origin: string; seq: number | null; status: string; reason_code: string; reason: string; counts: string;
}
export interface ExchangeQuarantineTable {
  id: string; received_at: string; file_name: string; stored_path: string; sha256: string; issuer_id: string; issuer_name: string;
  issuer_role: string; fingerprint: string; sign_public: string; encrypt_public: string; reason_code: string; status: string; decided_at: string | null;
}
export interface ExchangeExportTable {
  id: number; at: string; path: string; sha256: string; size: number; recipient_id: string; origin: string; seq: number; counts: string;
}
export interface MunicipalitySchoolTable {
  id: string; name: string; status: string; sign_public: string | null; encrypt_public: string | null; fingerprint: string | null;
  secret_hash: string | null; created_at: string; enrolled_at: string | null;
}
export interface MunicipalActivityTable extends SyncColumns {
  number: string; section: string; title: string; timing_text: string; date_from: string | null; date_to: string | null; responsible: string;
}
export interface MunicipalActivityMarkTable extends SyncColumns { activity_id: string; status: string; completion_mark: string; completed_on: string | null }
export interface SchoolClassificationTable extends SyncColumns { school_id: string; cluster: string; quality_group: string; partner_group: string; curator: string }
export interface CuratorCommentTable extends SyncColumns { school_id: string; target_table: string; target_id: string; text: string; author: string; written_on: string }

export interface ExchangeDatabase {
  sync_version: SyncVersionTable;
  sync_conflict: SyncConflictTable;
  exchange_origin_seq: ExchangeOriginSeqTable;
  exchange_import: ExchangeImportTable;
  exchange_quarantine: ExchangeQuarantineTable;
  exchange_export: ExchangeExportTable;
  municipality_school: MunicipalitySchoolTable;
  municipal_activity: MunicipalActivityTable;
  municipal_activity_mark: MunicipalActivityMarkTable;
  school_classification: SchoolClassificationTable;
  curator_comment: CuratorCommentTable;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the exchange tables into Database
export interface Database extends ExchangeDatabase {}

// ───────────────────────── municipality (migration 0030) ─────────────────────────
// The roster's classification (columns added to municipality_school), partner groups, curators, the
// coordination group, the roadmap header and the schools a municipal activity concerns.

export interface PartnerGroupTable extends SyncColumns { number: number; title: string; territory: string; note: string }
export interface CuratorTable extends SyncColumns { full_name: string; position: string; organisation: string; phone: string; email: string; note: string }
export interface CoordinationMemberTable extends SyncColumns { position_no: number; full_name: string; position: string; organisation: string; role: string }
export interface RoadmapTable extends SyncColumns {
  title: string; year_from: number; year_to: number; approval_number: string; approval_date: string | null; goals: string; tasks: string;
}
export interface MunicipalActivitySchoolTable extends SyncColumns { activity_id: string; school_id: string }
/** Columns 0030 adds to municipality_school. */
export interface RosterColumns {
  short_name: string; cluster: number | null; quality_group: number | null; quality_level: string; social_group: number | null; social_level: string;
  is_nor: number; is_nsu: number; is_pilot: number; base_site: string; partner_group_id: string | null; is_resource_centre: number;
  curator_id: string | null; roster_note: string; roster_updated_at: string | null;
}
/** Columns 0030 adds to municipal_activity. */
export interface RoadmapActivityColumns { roadmap_id: string | null; status: string; completion_mark: string; completed_on: string | null; all_schools: number }

export interface MunicipalityDatabase {
  partner_group: PartnerGroupTable;
  curator: CuratorTable;
  coordination_member: CoordinationMemberTable;
  roadmap: RoadmapTable;
  municipal_activity_school: MunicipalActivitySchoolTable;
}

