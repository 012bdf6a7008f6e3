/**
 * The one contract between the renderer and main: every call's name, zod input schema and output type.
 * main validates each input against it; the preload and the browser host relay nothing else; the
 * renderer's `api` is typed by it, so a call that does not exist does not compile.
 */
import { z } from 'zod';
import { call, type CallDef, type CallResult } from './define.js';
import { entitySchemas, ENTITY_NAMES, type EntityName } from './entities.js';
import { id, date, optText, text, oneOf } from './fields.js';
import { riskStatus } from '../../common/labels.js';
import type { Row, ListResult, WorkspaceState, SchoolDashboard, AttachmentInfo, AttachmentData, RiskGroupSummary } from './types.js';

export * from './types.js';
export * from './entities.js';
export type { CallResult } from './define.js';

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
