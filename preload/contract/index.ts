/**
 * The one contract between the renderer and main: every call's name, the roles that may make it, its zod
 * input schema and its output type. main validates each input against it and refuses a call the open
 * workspace's role may not make; the preload and the browser host relay nothing else; the renderer's `api`
 * is typed by it, so a call that does not exist does not compile.
 */
import { z } from 'zod';
import { call, callWithBytes, ANY_ROLE, type CallDef, type CallResult } from './define.js';
import { entitySchemas, ENTITY_NAMES, type EntityName } from './entities.js';
import { id, date, optText, optDate, text, oneOf } from './fields.js';
import { base64Bytes, fileOutput, LIMITS } from './bytes.js';
import { riskStatus, activityStatus } from '../../common/labels.js';
import { incomingFileNameProblem } from '../../common/file-names.js';
import { attachmentOutput, type Row, type ListResult, type WorkspaceState, type SchoolDashboard, type AttachmentInfo, type RiskGroupSummary, type FromMunicipality, type SearchHit } from './types.js';

export * from './types.js';
export * from './entities.js';
export { ANY_ROLE, type CallResult, type Role } from './define.js';
export { base64Size, LIMITS, type FileData, type FileBytes } from './bytes.js';
export { describeIssues } from './issues.js';
// exchange (types and schemas)
export * from './exchange.js';
import * as X from './exchange.js';
// reports and municipality (types and schemas)
export * from './municipality.js';
import * as M from './municipality.js';
// the municipality's own work: events, groups, assignments, documents (types and schemas)
export * from './meetings.js';
import * as W from './meetings.js';
// backups and workspace files (types and schemas)
export * from './backup.js';
import * as B from './backup.js';
// children's data on the school's computer: the lock, consent, erasure, the access log
export * from './privacy.js';
import { privacyCalls } from './privacy.js';
// a school's programme and lists from its own files (types and schemas)
export * from './onboarding.js';
import { onboardingCalls } from './onboarding.js';
// the recycle bin (types and calls)
export * from './recycle-bin.js';
import { recycleBinCalls, type RemoveResult, type DeletionPreview } from './recycle-bin.js';
// program updates from a flash drive
export * from './update.js';
import { updateCalls } from './update.js';

const entityName = z.enum(ENTITY_NAMES, { message: 'Неизвестный вид записи' });

/** records.save for one record kind: the kind, and a value its own schema checks. */
function saveOption<E extends EntityName>(entity: E) {
  return z.strictObject({ entity: z.literal(entity), value: entitySchemas[entity] });
}
type SaveOption = { [E in EntityName]: ReturnType<typeof saveOption<E>> }[EntityName];
/**
 * One option per record kind, so `value` is typed by `entity` on both sides. `map` cannot tell TypeScript
 * that each element pairs its own kind with its own schema; this one assertion says so, in one place.
 */
const saveInput = z.discriminatedUnion('entity', ENTITY_NAMES.map(saveOption) as [SaveOption, ...SaveOption[]]);

export const listInput = z.strictObject({
  entity: entityName,
  search: z.string().max(200).default(''),
  /** Equality filters on columns the entity allows (see LISTS in main/services/records/records.ts). */
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
  sort: z.strictObject({ field: z.string().max(64), dir: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  includeDeleted: z.boolean().default(false),
});

export const contract = {
  ...privacyCalls,
  ...onboardingCalls,
  // the workspace file itself: first run, the demo; services refuse what the file's state does not allow
  'workspace.state': call<WorkspaceState>(...ANY_ROLE)(z.strictObject({})),
  'workspace.createSchool': call<WorkspaceState>(...ANY_ROLE)(entitySchemas.school_profile),
  'workspace.openDemo': call<WorkspaceState>(...ANY_ROLE)(z.strictObject({ size: z.enum(['small', 'large']).default('small') })),
  'workspace.leaveDemo': call<WorkspaceState>(...ANY_ROLE)(z.strictObject({})),
  // «Рабочие места»: several workspace files on one computer (main/services/backup/files.ts)
  'workspace.files': call<B.WorkspaceFiles>(...ANY_ROLE)(z.strictObject({})),
  /** Opens a file from the list main keeps (a path it does not know is refused). */
  'workspace.openFile': call<WorkspaceState>(...ANY_ROLE)(B.backupInputs.openFile),
  /** Desktop: a file chosen in the system dialog. */
  'workspace.pickFile': call<{ cancelled: boolean; state: WorkspaceState }>(...ANY_ROLE)(z.strictObject({})),
  'workspace.newFile': call<WorkspaceState>(...ANY_ROLE)(z.strictObject({})),
  /** Browser tab: an uploaded copy of a workspace file becomes a file of its own and opens. */
  'workspace.uploadFile': call<WorkspaceState>(...ANY_ROLE)(B.backupInputs.upload),
  'workspace.forgetFile': call<B.WorkspaceFiles>(...ANY_ROLE)(B.backupInputs.openFile),

  // backups of the open file (main/services/backup)
  /** Any role: a file too damaged to open has no role to check, and its copies must still be reachable. */
  'backup.list': call<B.BackupList>(...ANY_ROLE)(z.strictObject({})),
  /** A copy into the backups folder, or (desktop, toFolder) into a folder the user picks, e.g. a flash drive. */
  'backup.makeNow': call<{ path: string; size: number; cancelled: boolean }>('school', 'municipality')(B.backupInputs.makeNow),
  /** Browser tab: the copy comes back to be downloaded. */
  'backup.download': callWithBytes(fileOutput, 'school', 'municipality')(z.strictObject({})),
  /** Replaces the open file with a copy from the list, after checking it; the replaced file is kept as a copy. */
  'backup.restore': call<{ state: WorkspaceState; keptName: string | null; found: string }>(...ANY_ROLE)(B.backupInputs.restore),
  'backup.restoreUpload': call<{ state: WorkspaceState; keptName: string | null; found: string }>(...ANY_ROLE)(B.backupInputs.upload),

  'records.list': call<ListResult<Row>>('school')(listInput),
  'records.get': call<Row>('school')(z.strictObject({ entity: entityName, id })),
  /** Creates when value.id is absent, updates otherwise; value is checked against entitySchemas[entity]. */
  'records.save': call<Row>('school')(saveInput, { fieldsAt: 'value' }),
  'records.remove': call<RemoveResult>('school')(z.strictObject({ entity: entityName, id })),
  /** What a delete would take with it, counted by the same cascade the delete applies. */
  'records.removePreview': call<DeletionPreview>('school')(z.strictObject({ entity: entityName, id })),

  'riskGroup.include': call<{ pupilId: string; entryId: string }>('school')(
    z.strictObject({
      pupil: entitySchemas.pupil,
      entry: entitySchemas.risk_entry.omit({ pupil_id: true }),
    }),
  ),
  'riskGroup.changeStatus': call<Row>('school')(
    z.strictObject({ entryId: id, status: oneOf('Статус', riskStatus.codes), changed_on: date('Дата'), reason: text('Причина', 2000) }),
  ),
  'riskGroup.summary': call<RiskGroupSummary>('school')(z.strictObject({})),
  /** Creates the pupil (or reuses the same child already known) and the gifted-pupil record in one transaction. */
  'gifted.include': call<{ pupilId: string; giftedId: string }>('school')(
    z.strictObject({
      pupil: entitySchemas.pupil,
      gifted: entitySchemas.gifted_pupil.omit({ pupil_id: true }),
    }),
  ),

  /**
   * Files of an event: at a school, of its journal's event; at the department, of its own meeting. Main picks
   * the table by the workspace's role (attachments.ts), never by anything the caller says.
   */
  'attachments.add': call<AttachmentInfo>('school', 'municipality')(
    z.strictObject({
      eventId: id,
      fileName: text('Имя файла', 255).superRefine((n, c) => { const p = incomingFileNameProblem(n); if (p) c.addIssue({ code: 'custom', message: p }); }),
      mime: optText('Тип файла', 200),
      /** The renderer reads the file itself (base64), so the same call works in a browser tab. */
      dataBase64: base64Bytes(LIMITS.attachment),
    }).transform(({ dataBase64, ...rest }) => ({ ...rest, bytes: dataBase64 })),
  ),
  'attachments.read': callWithBytes(attachmentOutput, 'school', 'municipality')(z.strictObject({ id })),
  'attachments.list': call<AttachmentInfo[]>('school', 'municipality')(z.strictObject({ eventId: id })),
  /** Moves the file to the recycle bin (its bytes wait there); attachments are not an EntityName, so records.remove cannot take them. */
  'attachments.remove': call<RemoveResult>('school', 'municipality')(z.strictObject({ id })),
  /**
   * Passes a school's file on to the department, or takes it back: its bytes go with the next bundle only while
   * shared. A file with a pupil's name or birth date in it is refused. A file the app cannot read whole (photo,
   * PDF, pictures, damaged, over a limit) is refused too (code `file_unreadable`) unless `checked`: the person
   * ticked «Я проверил(а): в файле нет данных обучающихся» — main records the tick in the access log.
   */
  'attachments.share': call<AttachmentInfo>('school')(z.strictObject({ id, share: z.boolean(), checked: z.boolean().optional() })),
  /** At the department: a file a school passed on with its journal (listed on the school's card, «Мероприятия»). */
  'municipality.schoolFile': callWithBytes(attachmentOutput, 'municipality')(z.strictObject({ id })),

  /** Records of every registry list by title, name or number (the header's search, Ctrl+K). */
  'search.all': call<SearchHit[]>('school', 'municipality')(z.strictObject({ query: z.string().max(200) })),

  'dashboard.school': call<SchoolDashboard>('school')(z.strictObject({ today: date('Сегодня').optional() })),

  // the municipality's workspace (main/services/municipality)
  'municipality.roster.list': call<M.RosterRow[]>('municipality')(z.strictObject({})),
  'municipality.roster.save': call<M.RosterRow>('municipality')(M.rosterSchoolInput),
  'municipality.roster.remove': call<{ removed: true }>('municipality')(z.strictObject({ id })),
  'municipality.roster.importPreview': call<M.RosterImportPreview>('municipality')(M.fileInput),
  'municipality.roster.importApply': call<M.RosterImportPreview>('municipality')(M.fileInput),
  'municipality.roster.xlsx': callWithBytes(fileOutput, 'municipality')(z.strictObject({})),
  'municipality.groups.list': call<M.PartnerGroupView[]>('municipality')(z.strictObject({})),
  'municipality.groups.save': call<Row>('municipality')(M.partnerGroupInput),
  /** The group's schools chosen from the group itself (seed 004's lists); resource centres among them. */
  'municipality.groups.setSchools': call<{ changed: number }>('municipality')(z.strictObject({ groupId: id, schoolIds: z.array(id).max(5000), resourceCentreIds: z.array(id).max(5000).default([]) })),
  'municipality.groups.remove': call<{ removed: true }>('municipality')(z.strictObject({ id })),
  'municipality.curators.list': call<M.CuratorView[]>('municipality')(z.strictObject({})),
  'municipality.curators.save': call<Row>('municipality')(M.curatorInput),
  'municipality.curators.remove': call<{ removed: true }>('municipality')(z.strictObject({ id })),
  'municipality.coordination.list': call<Row[]>('municipality')(z.strictObject({})),
  'municipality.coordination.save': call<Row>('municipality')(M.coordinationInput),
  'municipality.coordination.remove': call<{ removed: true }>('municipality')(z.strictObject({ id })),
  'municipality.roadmap.get': call<M.RoadmapView>('municipality')(z.strictObject({ today: date('Сегодня').optional() })),
  'municipality.roadmap.save': call<Row>('municipality')(M.roadmapInput),
  'municipality.roadmap.saveActivity': call<M.RoadmapActivityRow>('municipality')(M.roadmapActivityInput),
  'municipality.roadmap.removeActivity': call<{ removed: true }>('municipality')(z.strictObject({ id })),
  'municipality.dashboard': call<M.MunicipalityDashboard>('municipality')(z.strictObject({ today: date('Сегодня').optional() })),
  'municipality.school': call<M.SchoolDrillDown>('municipality')(z.strictObject({ schoolId: id, today: date('Сегодня').optional() })),
  'municipality.comment': call<{ id: string }>('municipality')(z.strictObject({ schoolId: id, text: text('Комментарий', 5000), author: optText('Автор', 300) })),
  'municipality.charts': call<M.ChartsData>('municipality')(z.strictObject({ indicator: z.string().max(500).optional(), schoolIds: z.array(id).max(5000).optional(), today: date('Сегодня').optional() })),
  'municipality.reportSettings.get': call<M.ReportSettings>('municipality')(z.strictObject({})),
  'municipality.reportSettings.save': call<M.ReportSettings>('municipality')(M.reportSettingsInput),

  // the municipality's own work (main/services/municipality/events.ts, groups.ts, assignments.ts, documents.ts)
  'municipality.events.list': call<W.EventListRow[]>('municipality')(W.eventListInput),
  'municipality.events.get': call<W.EventCard>('municipality')(z.strictObject({ id })),
  'municipality.events.save': call<W.EventCard>('municipality')(W.eventSaveInput),
  'municipality.events.remove': call<RemoveResult>('municipality')(z.strictObject({ id })),
  'municipality.workGroups.list': call<W.GroupView[]>('municipality')(z.strictObject({ eventId: id.optional() })),
  'municipality.workGroups.save': call<W.GroupView>('municipality')(W.groupSaveInput),
  'municipality.workGroups.remove': call<RemoveResult>('municipality')(z.strictObject({ id })),
  'municipality.assignments.list': call<W.AssignmentView[]>('municipality')(z.strictObject({ eventId: id.optional(), groupId: id.optional() })),
  'municipality.assignments.save': call<W.AssignmentView>('municipality')(W.assignmentSaveInput),
  'municipality.assignments.remove': call<RemoveResult>('municipality')(z.strictObject({ id })),
  'municipality.assignments.markMember': call<W.AssignmentView>('municipality')(W.memberMarkInput),
  'municipality.documents.list': call<W.DocumentListRow[]>('municipality')(z.strictObject({})),
  'municipality.documents.get': call<W.DocumentCard>('municipality')(z.strictObject({ id })),
  'municipality.documents.save': call<W.DocumentCard>('municipality')(W.documentSaveInput),
  'municipality.documents.remove': call<RemoveResult>('municipality')(z.strictObject({ id })),
  /**
   * A new document's fields, not saved: the place and the signer from the requisites (a справка about an event
   * prefilled from it). It enters the register only when the user saves it; closing leaves nothing behind.
   */
  'municipality.documents.blank': call<W.DocumentBlank>('municipality')(z.strictObject({ kind: z.enum(['spravka', 'order', 'letter', 'protocol']), eventId: id.optional(), approvesId: id.optional(), roadmap: z.boolean().optional() })),
  /** A draft справка about an event, its requisites from the settings. */
  'municipality.documents.fromEvent': call<W.DocumentCard>('municipality')(z.strictObject({ eventId: id })),
  /** A draft приказ approving a справка of the register. */
  'municipality.documents.order': call<W.DocumentCard>('municipality')(z.strictObject({ approvesId: id })),
  /** A draft справка about the current roadmap (issue 20): no number, no date, the roadmap's years as its period. */
  'municipality.documents.fromRoadmap': call<W.DocumentCard>('municipality')(z.strictObject({})),
  /** The closing of a roadmap справка computed from the data, offered to the methodologist to edit. */
  'municipality.documents.roadmapSummary': call<{ text: string }>('municipality')(z.strictObject({ id })),
  'municipality.documents.print': callWithBytes(fileOutput, 'municipality')(W.documentPrintInput),
  /** Desktop: prints into «Документы/Опора» and returns the path to open; { path: null } in a browser tab (it downloads through .print). */
  'municipality.documents.printSave': call<{ path: string | null; fileName: string | null }>('municipality')(W.documentPrintInput),

  // reports: the school's own справка at the school, every kind at the municipality (main/services/reports)
  'reports.start': call<M.ReportJob>('school', 'municipality')(M.reportStartInput),
  'reports.progress': call<M.ReportJob>('school', 'municipality')(z.strictObject({ jobId: id })),
  'reports.result': callWithBytes(fileOutput, 'school', 'municipality')(z.strictObject({ jobId: id })),
  /** One assignment of the department's meetings: its execution by school, in Word or Excel. */
  'reports.assignmentMarks': callWithBytes(fileOutput, 'municipality')(z.strictObject({ id, format: z.enum(['docx', 'xlsx']) })),
  'reports.tableXlsx': callWithBytes(fileOutput, 'school', 'municipality')(M.tableInput),
  /** Desktop: the finished report saved to «Документы/Опора» (path null in a browser tab, which downloads it). */
  'reports.saveResult': call<{ path: string | null; fileName: string | null }>('school', 'municipality')(z.strictObject({ jobId: id })),
  /** Desktop: opens a document the app saved, or shows it in its folder. */
  'files.open': call<{ opened: true }>('school', 'municipality')(z.strictObject({ path: z.string().min(1).max(4096), reveal: z.boolean().default(false) })),

  // school side of what came down from the municipality (services in main/services/exchange/municipal.ts)
  'fromMunicipality.get': call<FromMunicipality>('school')(z.strictObject({})),
  'fromMunicipality.mark': call<{ id: string }>('school')(
    z.strictObject({
      activityId: id,
      status: oneOf('Статус', activityStatus.codes),
      completion_mark: optText('Отметка о выполнении'),
      completed_on: optDate('Дата выполнения'),
    }).refine((v) => v.status !== 'done' || v.completion_mark.length > 0, { message: 'Для выполненного мероприятия заполните отметку о выполнении', path: ['completion_mark'] }),
  ),

  /** The municipality's events the school took part in and the assignments addressed to it. */
  'fromMunicipality.work': call<W.SchoolFromMunicipalityWork>('school')(z.strictObject({})),
  'fromMunicipality.markAssignment': call<{ id: string }>('school')(W.assignmentMarkInput),

  // exchange: bundles on a flash drive between a school and its municipality (main/services/exchange)
  'exchange.state': call<X.ExchangeState>('school', 'municipality')(z.strictObject({})),
  /** First run: make this workspace a municipality's (the service refuses a file that already is something). */
  'exchange.initMunicipality': call<WorkspaceState>(...ANY_ROLE)(X.exchangeInputs.initMunicipality),
  /** Reads an enrollment file without changing anything (to show the municipality and its key fingerprint). */
  'exchange.previewEnrollment': call<X.ExchangeEnrollmentInfo>('none', 'school')(X.exchangeInputs.enrollmentFile),
  /** First run or later: open the municipality's enrollment file (creates the school when the workspace is empty). */
  'exchange.openEnrollment': call<{ state: WorkspaceState; enrollment: X.ExchangeEnrollmentInfo }>('none', 'school')(X.exchangeInputs.openEnrollment),
  /** An enrolled school changes its municipality key deliberately: both fingerprints seen, the new one's first group typed. */
  'exchange.reEnroll': call<{ state: WorkspaceState; enrollment: X.ExchangeEnrollmentInfo }>('school')(X.exchangeInputs.reEnroll),
  /** Up to IMPORT_BATCH_FILES bundles per call, each its own transaction, a result each; the screen's progress advances per group. */
  'exchange.import': call<X.ExchangeImportResult[]>('school', 'municipality')(X.exchangeInputs.importGroup),
  /** Desktop: asks for a folder (flash drive) and writes there; { cancelled } when the dialog was closed. */
  /** New municipality keys, and a rotation file per enrolled school (signed by the old key) into a chosen folder. */
  'exchange.rotateMunicipalityKey': call<{ cancelled: boolean; fingerprintDisplay: string | null; written: { path: string; recipientName: string; sequence: number }[] }>('municipality')(z.strictObject({})),
  'exchange.exportToFolder': call<{ cancelled: boolean; written: X.ExchangeWritten[] }>('school', 'municipality')(X.exchangeInputs.exportInput),
  /** Browser mode: the bundles come back to be downloaded. */
  'exchange.exportDownload': callWithBytes(z.array(X.exchangeFileOutput), 'school', 'municipality')(X.exchangeInputs.exportInput),
  /** One click on the export panel: every pupil's name found in outgoing text becomes the pupil's code, a birth date a neutral phrase. */
  'exchange.replacePupilNames': call<{ replaced: number }>('school')(z.strictObject({})),
  /** Before the file is written: every outgoing text new or changed since the last file, what looks like a name marked. */
  'exchange.review': call<X.OutgoingReview>('school')(z.strictObject({})),
  /** «Заменить кодом» on one reviewed value. */
  'exchange.replaceInValue': call<{ replaced: boolean }>('school')(X.exchangeInputs.reviewItem),
  'exchange.history': call<X.ExchangeHistoryItem[]>('school', 'municipality')(z.strictObject({})),
  'exchange.sentFiles': call<X.SentFileItem[]>('school')(z.strictObject({})),
  'exchange.quarantine': call<X.ExchangeQuarantineItem[]>('school', 'municipality')(z.strictObject({})),
  'exchange.quarantineDecide': call<X.ExchangeImportResult | { refused: true }>('school', 'municipality')(X.exchangeInputs.quarantineDecide),
  'exchange.conflicts': call<X.ExchangeConflict[]>('school', 'municipality')(z.strictObject({})),
  'exchange.resolveConflict': call<{ resolved: true }>('school', 'municipality')(X.exchangeInputs.resolveConflict),
  'exchange.conflictDecisions': call<X.ExchangeConflictDecision[]>('school', 'municipality')(z.strictObject({})),
  /** Puts the record back as before the last decision and reopens the conflict. */
  'exchange.undoConflict': call<{ undone: true }>('school', 'municipality')(X.exchangeInputs.undoConflict),
  'exchange.schools': call<X.ExchangeSchool[]>('municipality')(z.strictObject({})),
  'exchange.updatesNeeded': call<X.UpdateNeeded[]>('municipality')(z.strictObject({})),
  'exchange.enrollSchool': callWithBytes(X.enrollmentFileOutput, 'municipality')(X.exchangeInputs.enrollSchool),
  'exchange.reissueEnrollment': callWithBytes(X.enrollmentFileOutput, 'municipality')(X.exchangeInputs.reissue),

  ...recycleBinCalls,
  ...updateCalls,
} satisfies Record<string, CallDef<z.ZodType, unknown, unknown>>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What the renderer sends. */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the handler receives: the input after the schema (defaults, trims, base64 decoded to bytes). */
export type CallParsed<K extends CallName> = z.output<Contract[K]['input']>;
/** What the renderer receives. */
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['__types']>['wire'];
/** What the handler returns (bytes where the wire carries base64). */
export type CallResultValue<K extends CallName> = NonNullable<Contract[K]['__types']>['result'];

/** The object the preload exposes as window.opora (and the browser host imitates). */
export interface OporaBridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>>;
}
export const CALL_NAMES = Object.keys(contract) as CallName[];
