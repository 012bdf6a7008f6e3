/**
 * Create, update, tombstone and list any record kind of the contract. What is the same for all kinds comes
 * from the table registry (columns, references, cascade, list spec) and the one writer (writer.ts);
 * area-specific rules live in the area modules (risk-group.ts, attachments.ts …).
 */
import type { z } from 'zod';
import { entitySchemas, type EntityName, type Row, type ListResult } from '../../../preload/contract/index.js';
import { formSchema } from '../../../preload/contract/from-registry.js';
import type { listInput } from '../../../preload/contract/index.js';
import type { ServiceContext } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { zodToAppError } from '../core/validation.js';
import { writeRow, liveRow } from '../core/writer.js';
import { removeWithBin, planOf, previewOf } from '../core/recycle-bin.js';
import type { RemoveResult, DeletionPreview } from '../../../preload/contract/recycle-bin.js';
import { isSynced, tableSpec, BOOKKEEPING, type ListSpec } from '../../../db/registry/index.js';
import { dayOf } from '../../../db/rules.js';
import { revealRow } from '../privacy/vault.js';
import { assertHealthConsent, afterConsentChange } from '../privacy/consent.js';
import { logAccess } from '../privacy/access-log.js';
import { touchesPersonal, listInMemory, orderTerms } from '../privacy/lists.js';

export function tableOf(entity: string): string {
  if (!isSynced(entity)) throw new AppError('bad_entity', 'Неизвестный вид записи');
  return entity;
}

function listSpec(entity: string): ListSpec {
  const spec = tableSpec(tableOf(entity)).list;
  if (!spec) throw new AppError('bad_entity', 'Неизвестный вид записи');
  return spec;
}

/** The form schema of a record kind: the contract's, or one derived from the registry for a table registered later. */
function schemaOf(entity: string): z.ZodType {
  listSpec(entity);
  return (entitySchemas as Record<string, z.ZodType>)[entity] ?? formSchema(tableSpec(entity));
}

function withoutBookkeeping(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const c of BOOKKEEPING) if (c !== 'id') delete out[c];
  return out;
}

/** Validates and writes one record in a transaction; returns the stored row. */
export function saveRecord(ctx: ServiceContext, entity: EntityName | (string & {}), input: unknown): Row {
  // The door (the contract's records.save) refuses unknown keys; code inside main that hands back a stored
  // row has its bookkeeping columns ignored here, since the one writer sets them itself.
  const parsed = schemaOf(entity).safeParse(withoutBookkeeping(input));
  if (!parsed.success) throw zodToAppError(parsed.error);
  const value = parsed.data as Record<string, unknown>;
  if (entity === 'risk_entry') assertHealthConsent(ctx, typeof value.id === 'string' ? value.id : undefined, value.health_details);
  return ctx.raw.transaction(() => {
    const row = writeRow(ctx, entity, value) as Row;
    if (entity === 'consent') afterConsentChange(ctx, String(row.entry_id));
    return row;
  })();
}

/** Tombstones a record and everything it owns, in one transaction. Returns how many rows were tombstoned. */
/**
 * What deleting a record takes: its cascade, and a pupil kept for no list any more — personal data with no
 * purpose goes too (152-ФЗ, minimisation). The delete, its preview and the recycle bin's group read this one plan.
 */
function deletionRoots(ctx: ServiceContext, table: string, id: string): [string, string][] {
  const row = liveRow(ctx, table, id);
  if (!row) throw notFound('Запись');
  const roots: [string, string][] = [[table, id]];
  if ((table === 'risk_entry' || table === 'gifted_pupil') && typeof row.pupil_id === 'string') {
    const stillListed = ctx.raw.prepare(`SELECT 1 FROM risk_entry WHERE pupil_id = @p AND deleted_at IS NULL AND id <> @id
      UNION ALL SELECT 1 FROM gifted_pupil WHERE pupil_id = @p AND deleted_at IS NULL AND id <> @id`).get({ p: row.pupil_id, id });
    if (!stillListed && liveRow(ctx, 'pupil', row.pupil_id)) roots.push(['pupil', row.pupil_id]);
  }
  return roots;
}

/** Tombstones a record with its cascade as one group of the recycle bin. */
export function removeRecordToBin(ctx: ServiceContext, entity: EntityName | 'attachment' | (string & {}), id: string): RemoveResult {
  const table = tableOf(entity);
  return ctx.raw.transaction(() => {
    const row = liveRow(ctx, table, id);
    const result = removeWithBin(ctx, deletionRoots(ctx, table, id));
    // Withdrawing a consent closes what the consent allowed (privacy/consent.ts).
    if (table === 'consent' && row) afterConsentChange(ctx, String(row.entry_id));
    return result;
  })();
}

export function removeRecord(ctx: ServiceContext, entity: EntityName | 'attachment' | (string & {}), id: string): number {
  return removeRecordToBin(ctx, entity, id).removed;
}

/** How many records a delete would take with it, by kind: the same plan the delete runs. */
export function removePreview(ctx: ServiceContext, entity: EntityName | (string & {}), id: string): DeletionPreview {
  const table = tableOf(entity);
  return previewOf(planOf(ctx, deletionRoots(ctx, table, id)));
}

export function getRecord(ctx: ServiceContext, entity: EntityName | (string & {}), id: string): Row {
  const view = listSpec(entity);
  const row = ctx.raw.prepare(`SELECT t.*${view.extra ? ', ' + view.extra : ''} FROM ${entity} t ${view.joins ?? ''} WHERE t.id = ? AND t.deleted_at IS NULL`)
    .get(id, ...(view.extra?.includes('@day') ? [{ day: dayOf(ctx.now()) }] : [])) as Row | undefined;
  if (!row) throw notFound('Запись');
  const open = revealRow(ctx.raw, row);
  // Who looked: the card of a risk-group entry or a gifted pupil (access_log, never exported).
  if ((entity === 'risk_entry' || entity === 'gifted_pupil') && typeof row.pupil_id === 'string') logAccess(ctx, 'open_card', row.pupil_id, entity === 'risk_entry' ? 'группа риска' : 'одарённые дети');
  return open;
}

/** A pupil's code as a search: «№ 5», «обучающийся №5», «обучающаяся № 5» — a bare «5» stays a search for the class. */
export const PUPIL_CODE_QUERY = /^(?:обучающ[а-яё]*\s*№?|№)\s*(\d{1,6})$/u;

/** One page of a list, with the total for the pager. Unknown filter or sort fields are refused. */
export function listRecords(ctx: ServiceContext, input: Omit<z.output<typeof listInput>, 'entity'> & { entity: EntityName | (string & {}) }): ListResult<Row> {
  const entity = input.entity;
  const spec = listSpec(entity);
  const where: string[] = [input.includeDeleted ? '1' : 't.deleted_at IS NULL'];
  const params: unknown[] = [];
  let search = input.search.trim().toLowerCase();
  // «№ 5», «обучающийся № 5», «5» typed into a pupil list: the code the exchange's messages name, found exactly (not № 15, № 50).
  const code = spec.filters.pupil_code ? PUPIL_CODE_QUERY.exec(search) : null;
  if (code) {
    where.push(`${spec.filters.pupil_code} = ?`);
    params.push(Number(code[1]));
    search = '';
  }
  // Names are sealed (privacy/envelope.ts): lists that show them search and sort after opening them.
  const inMemory = touchesPersonal(entity, spec);
  if (search && !inMemory) {
    where.push('(' + spec.search.map((e) => `lower_ru(${e}) LIKE ? ESCAPE '\\'`).join(' OR ') + ')');
    const like = '%' + search.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    for (let i = 0; i < spec.search.length; i++) params.push(like);
  }
  for (const [name, value] of Object.entries(input.filters)) {
    const expr = spec.filters[name];
    if (!expr) throw new AppError('bad_filter', `Фильтр «${name}» для этого списка не поддерживается.`);
    if (expr.includes('?')) { where.push(expr); params.push(value); }
    else if (value === null) where.push(`${expr} IS NULL`);
    else { where.push(`${expr} = ?`); params.push(value); }
  }
  let order = spec.defaultSort;
  if (input.sort) {
    const expr = spec.sorts[input.sort.field];
    if (!expr) throw new AppError('bad_sort', `Сортировка по «${input.sort.field}» для этого списка не поддерживается.`);
    const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
    order = (typeof expr === 'string' ? expr.split(',') : expr).map((e) => `${e.trim()} ${dir}`).join(', ');
  }
  const base = `SELECT t.*${spec.extra ? ', ' + spec.extra : ''} FROM ${entity} t ${spec.joins ?? ''} WHERE ${where.join(' AND ')}`;
  // @day is bound only where a rule uses it: better-sqlite3 refuses named parameters a statement lacks.
  const named = base.includes('@day') ? [{ day: dayOf(ctx.now()) }] : [];
  if (inMemory) {
    const sorted = input.sort ? spec.sorts[input.sort.field]! : spec.defaultSort;
    const terms = input.sort
      ? (typeof sorted === 'string' ? orderTerms(sorted) : sorted.map((e) => ({ expr: e, desc: false }))).map((t) => ({ expr: t.expr, desc: input.sort!.dir === 'desc' }))
      : orderTerms(spec.defaultSort);
    return listInMemory<Row>(ctx.raw, {
      select: `SELECT t.*${spec.extra ? ', ' + spec.extra : ''}`, from: `FROM ${entity} t ${spec.joins ?? ''} WHERE ${where.join(' AND ')}`,
      params, named: base.includes('@day') || terms.some((t) => t.expr.includes('@day')) ? [{ day: dayOf(ctx.now()) }] : [],
      searchExprs: spec.search, search, order: terms, limit: input.limit, offset: input.offset,
    });
  }
  const total = ctx.raw.prepare(`SELECT COUNT(*) FROM (${base})`).pluck().get(...params, ...named) as number;
  const rows = ctx.raw.prepare(`${base} ORDER BY ${order}, t.id LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset, ...named) as Row[];
  return { rows, total };
}
