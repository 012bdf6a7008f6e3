/**
 * The one contract between the renderer and main: every call's name, zod input schema and output type.
 * main validates each input against it; the preload and the browser host relay nothing else; the
 * renderer's `api` is typed by it, so a call that does not exist does not compile.
 */
import { z } from 'zod';
import { call, type CallDef, type CallResult } from './define.js';
import { entitySchemas, ENTITY_NAMES, type EntityName } from './entities.js';
import { id, date, optText, optDate, text, oneOf } from './fields.js';
import { riskStatus, activityStatus } from '../../common/labels.js';
import type { Row, ListResult, WorkspaceState, SchoolDashboard, AttachmentInfo, AttachmentData, RiskGroupSummary, FromMunicipality } from './types.js';

export * from './types.js';
export * from './entities.js';
export type { CallResult } from './define.js';
// exchange (types and schemas)
export * from './exchange.js';
import * as X from './exchange.js';
// reports and municipality (types and schemas)
export * from './municipality.js';
import * as M from './municipality.js';

const entityName = z.enum(ENTITY_NAMES, { message: 'Неизвестный вид записи' });

const saveInput = z.discriminatedUnion(
  'entity',
  ENTITY_NAMES.map((e) => z.object({ entity: z.literal(e), value: z.unknown() })) as never,
) as unknown as z.ZodType<{ entity: EntityName; value: unknown }>;

export const listInput = z.object({
  entity: entityName,
  search: z.string().max(200).default(''),
  /** Equality filters on columns the entity allows (see LISTS in main/services/records.ts). */
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
  sort: z.object({ field: z.string().max(64), dir: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  includeDeleted: z.boolean().default(false),
});

export const contract = {
  'workspace.state': call<WorkspaceState>()(z.strictObject({})),
  'workspace.createSchool': call<WorkspaceState>()(entitySchemas.school_profile),
  'workspace.openDemo': call<WorkspaceState>()(z.object({ size: z.enum(['small', 'large']).default('small') })),
  'workspace.leaveDemo': call<WorkspaceState>()(z.strictObject({})),

  'records.list': call<ListResult<Row>>()(listInput),
  'records.get': call<Row>()(z.object({ entity: entityName, id })),
  /** Creates when value.id is absent, updates otherwise. value is checked against entitySchemas[entity] in main. */
  'records.save': call<Row>()(saveInput),
  'records.remove': call<{ removed: number }>()(z.object({ entity: entityName, id })),

  'riskGroup.include': call<{ pupilId: string; entryId: string }>()(
    z.object({
      pupil: entitySchemas.pupil,
      entry: entitySchemas.risk_entry.omit({ pupil_id: true }),
    }),
  ),
  'riskGroup.changeStatus': call<Row>()(
    z.object({ entryId: id, status: oneOf('Статус', riskStatus.codes), changed_on: date('Дата'), reason: text('Причина', 2000) }),
  ),
  'riskGroup.summary': call<RiskGroupSummary>()(z.object({})),
  /** Creates the pupil (or reuses the same child already known) and the gifted-pupil record in one transaction. */
  'gifted.include': call<{ pupilId: string; giftedId: string }>()(
    z.object({
      pupil: entitySchemas.pupil,
      gifted: entitySchemas.gifted_pupil.omit({ pupil_id: true }),
    }),
  ),

  'attachments.add': call<AttachmentInfo>()(
    z.object({
      eventId: id,
      fileName: text('Имя файла', 255).refine((n) => !/[\\/\0]/.test(n), { message: 'Имя файла не должно содержать / или \\' }),
      mime: optText('Тип файла', 200),
      /** Base64 of the file: the renderer reads the file itself, so the same call works in a browser tab. */
      dataBase64: z.string().max(Math.ceil((25 * 1024 * 1024 * 4) / 3) + 4, { message: 'Файл больше 25 МБ — приложите файл поменьше' }),
    }),
  ),
  'attachments.read': call<AttachmentData>()(z.object({ id })),
  'attachments.list': call<AttachmentInfo[]>()(z.object({ eventId: id })),
  /** Tombstones the attachment's record; attachments are not an EntityName, so records.remove cannot take them. */
  'attachments.remove': call<{ removed: number }>()(z.object({ id })),

  'dashboard.school': call<SchoolDashboard>()(z.object({ today: date('Сегодня').optional() })),

  // reports and municipality
  'municipality.roster.list': call<M.RosterRow[]>()(z.object({})),
  'municipality.roster.save': call<M.RosterRow>()(M.rosterSchoolInput),
  'municipality.roster.remove': call<{ removed: true }>()(z.object({ id })),
  'municipality.roster.importPreview': call<M.RosterImportPreview>()(M.fileInput),
  'municipality.roster.importApply': call<M.RosterImportPreview>()(M.fileInput),
  'municipality.roster.xlsx': call<M.FileData>()(z.object({})),
  'municipality.groups.list': call<M.PartnerGroupView[]>()(z.object({})),
  'municipality.groups.save': call<Row>()(M.partnerGroupInput),
  'municipality.groups.remove': call<{ removed: true }>()(z.object({ id })),
  'municipality.curators.list': call<M.CuratorView[]>()(z.object({})),
  'municipality.curators.save': call<Row>()(M.curatorInput),
  'municipality.curators.remove': call<{ removed: true }>()(z.object({ id })),
  'municipality.coordination.list': call<Row[]>()(z.object({})),
  'municipality.coordination.save': call<Row>()(M.coordinationInput),
  'municipality.coordination.remove': call<{ removed: true }>()(z.object({ id })),
  'municipality.roadmap.get': call<M.RoadmapView>()(z.object({ today: date('Сегодня').optional() })),
  'municipality.roadmap.save': call<Row>()(M.roadmapInput),
  'municipality.roadmap.saveActivity': call<M.RoadmapActivityRow>()(M.roadmapActivityInput),
  'municipality.roadmap.removeActivity': call<{ removed: true }>()(z.object({ id })),
  'municipality.dashboard': call<M.MunicipalityDashboard>()(z.object({ today: date('Сегодня').optional() })),
  'municipality.school': call<M.SchoolDrillDown>()(z.object({ schoolId: id, today: date('Сегодня').optional() })),
  'municipality.comment': call<{ id: string }>()(z.object({ schoolId: id, text: text('Комментарий', 5000), author: optText('Автор', 300) })),
  'municipality.charts': call<M.ChartsData>()(z.object({ indicator: z.string().max(500).optional(), schoolIds: z.array(id).max(5000).optional(), today: date('Сегодня').optional() })),
  'municipality.reportSettings.get': call<M.ReportSettings>()(z.object({})),
  'municipality.reportSettings.save': call<M.ReportSettings>()(M.reportSettingsInput),
  'reports.start': call<M.ReportJob>()(M.reportStartInput),
  'reports.progress': call<M.ReportJob>()(z.object({ jobId: id })),
  'reports.result': call<M.FileData>()(z.object({ jobId: id })),
  'reports.tableXlsx': call<M.FileData>()(M.tableInput),

  // school side of what came down from the municipality (services in main/services/exchange/municipal.ts)
  'fromMunicipality.get': call<FromMunicipality>()(z.object({})),
  'fromMunicipality.mark': call<{ id: string }>()(
    z.object({
      activityId: id,
      status: oneOf('Статус', activityStatus.codes),
      completion_mark: optText('Отметка о выполнении'),
      completed_on: optDate('Дата выполнения'),
    }).refine((v) => v.status !== 'done' || v.completion_mark.length > 0, { message: 'Для выполненного мероприятия заполните отметку о выполнении', path: ['completion_mark'] }),
  ),

  // exchange: bundles on a flash drive between a school and its municipality (main/services/exchange)
  'exchange.state': call<X.ExchangeState>()(z.object({})),
  /** First run: make this workspace a municipality's. */
  'exchange.initMunicipality': call<WorkspaceState>()(X.exchangeInputs.initMunicipality),
  /** Reads an enrollment file without changing anything (to show the municipality and its key fingerprint). */
  'exchange.previewEnrollment': call<X.ExchangeEnrollmentInfo>()(X.exchangeInputs.enrollmentFile),
  /** First run or later: open the municipality's enrollment file (creates the school when the workspace is empty). */
  'exchange.openEnrollment': call<{ state: WorkspaceState; enrollment: X.ExchangeEnrollmentInfo }>()(X.exchangeInputs.openEnrollment),
  /** One bundle per call, so the import screen's progress bar advances per file. */
  'exchange.import': call<X.ExchangeImportResult>()(X.exchangeInputs.importBundle),
  /** Desktop: asks for a folder (flash drive) and writes there; { cancelled } when the dialog was closed. */
  'exchange.exportToFolder': call<{ cancelled: boolean; written: X.ExchangeWritten[] }>()(X.exchangeInputs.exportInput),
  /** Browser mode: the bundles come back to be downloaded. */
  'exchange.exportDownload': call<X.ExchangeFile[]>()(X.exchangeInputs.exportInput),
  'exchange.history': call<X.ExchangeHistoryItem[]>()(z.object({})),
  'exchange.quarantine': call<X.ExchangeQuarantineItem[]>()(z.object({})),
  'exchange.quarantineDecide': call<X.ExchangeImportResult | { refused: true }>()(X.exchangeInputs.quarantineDecide),
  'exchange.conflicts': call<X.ExchangeConflict[]>()(z.object({})),
  'exchange.resolveConflict': call<{ resolved: true }>()(X.exchangeInputs.resolveConflict),
  'exchange.schools': call<X.ExchangeSchool[]>()(z.object({})),
  'exchange.enrollSchool': call<X.ExchangeFile & { schoolId: string }>()(X.exchangeInputs.enrollSchool),
  'exchange.reissueEnrollment': call<X.ExchangeFile & { schoolId: string }>()(X.exchangeInputs.reissue),
} satisfies Record<string, CallDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallParsed<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['__output']>;

/** The object the preload exposes as window.opora (and the browser host imitates). */
export interface OporaBridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>>;
}
export const CALL_NAMES = Object.keys(contract) as CallName[];
