/**
 * Create, update, tombstone and list any record kind of the contract, with the bookkeeping every synced
 * row needs. Area-specific rules live in the area modules (risk-group.ts, attachments.ts …); this module
 * holds what is the same for all: validation against the contract's schema, references that must point
 * at live records, cascade of tombstones to owned children, and the paged list with search/filter/sort.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { entitySchemas, type EntityName, type Row, type ListResult } from '../../preload/contract/index.js';
import type { listInput } from '../../preload/contract/index.js';
import type { ServiceContext } from './context.js';
import { AppError, notFound } from './errors.js';
import { nextHlc, getMeta } from './clock.js';
import { zodToAppError } from './validation.js';
import { SYNCED_TABLES, type SyncedTable } from '../../db/schema.js';

/** Which table a reference column points to, and the name the user knows it by. */
const REFERENCES: Record<string, { table: SyncedTable; label: string }> = {
  programme_id: { table: 'programme', label: 'Программа' },
  direction_id: { table: 'direction', label: 'Направление' },
  risk_factor_id: { table: 'risk_factor', label: 'Фактор риска' },
  staff_id: { table: 'staff', label: 'Сотрудник' },
  mentor_id: { table: 'staff', label: 'Наставник' },
  mentee_id: { table: 'staff', label: 'Наставляемый' },
  deficit_id: { table: 'deficit', label: 'Дефицит' },
  pupil_id: { table: 'pupil', label: 'Обучающийся' },
  entry_id: { table: 'risk_entry', label: 'Запись группы риска' },
  event_id: { table: 'event', label: 'Мероприятие журнала' },
  activity_id: { table: 'activity', label: 'Мероприятие программы' },
  indicator_id: { table: 'indicator', label: 'Показатель' },
};

/** Owned children that are tombstoned with their parent: [child table, column pointing at the parent]. */
const CHILDREN: Partial<Record<SyncedTable, [SyncedTable, string][]>> = {
  programme: [['programme_task', 'programme_id'], ['programme_problem', 'programme_id'], ['direction', 'programme_id'],
    ['activity', 'programme_id'], ['indicator', 'programme_id'], ['local_act', 'programme_id']],
  indicator: [['indicator_value', 'indicator_id']],
  activity: [['event_activity', 'activity_id']],
  staff: [['staff_deficit', 'staff_id'], ['course', 'staff_id'], ['development_plan', 'staff_id'],
    ['mentoring_pair', 'mentor_id'], ['mentoring_pair', 'mentee_id']],
  deficit: [['staff_deficit', 'deficit_id']],
  pupil: [['risk_entry', 'pupil_id'], ['gifted_pupil', 'pupil_id']],
  risk_entry: [['risk_status_change', 'entry_id'], ['support_measure', 'target_id']],
  gifted_pupil: [['support_measure', 'target_id']],
  event: [['event_activity', 'event_id'], ['decision', 'event_id'], ['attachment', 'event_id']],
};

export function tableOf(entity: EntityName | 'attachment'): SyncedTable {
  if (!(SYNCED_TABLES as readonly string[]).includes(entity)) throw new AppError('bad_entity', 'Неизвестный вид записи');
  return entity as SyncedTable;
}

export function ownerId(ctx: ServiceContext): string {
  return getMeta(ctx.raw, 'owner_id') ?? getMeta(ctx.raw, 'origin_id') ?? 'local';
}

/** Bookkeeping for a new row. */
export function stampNew(ctx: ServiceContext) {
  const now = ctx.now().toISOString();
  return { owner: ownerId(ctx), origin: getOrigin(ctx), hlc: nextHlc(ctx.raw, ctx.now()), created_at: now, updated_at: now, deleted_at: null };
}

function getOrigin(ctx: ServiceContext) {
  return getMeta(ctx.raw, 'origin_id')!;
}

export function stampChange(ctx: ServiceContext) {
  return { origin: getOrigin(ctx), hlc: nextHlc(ctx.raw, ctx.now()), updated_at: ctx.now().toISOString() };
}

function liveRow(ctx: ServiceContext, table: SyncedTable, id: string): Row | undefined {
  return ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
}

/** Validates and writes one record in a transaction; returns the stored row. */
export async function saveRecord(ctx: ServiceContext, entity: EntityName, input: unknown): Promise<Row> {
  const schema = entitySchemas[entity] as z.ZodType;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw zodToAppError(parsed.error);
  return writeRecord(ctx, entity, parsed.data as Record<string, unknown>);
}

/** Writes an already-validated value. Callers inside a bigger transaction use this directly. */
export function writeRecord(ctx: ServiceContext, entity: EntityName, value: Record<string, unknown>): Row {
  const table = tableOf(entity);
  const data = { ...value };
  for (const [k, v] of Object.entries(data)) if (Array.isArray(v)) data[k] = JSON.stringify(v);
  const id = typeof data.id === 'string' ? data.id : undefined;
  delete data.id;
  return ctx.raw.transaction(() => {
    checkReferencesSync(ctx, value);
    if (id) {
      if (!liveRow(ctx, table, id)) throw notFound('Запись');
      const stamp = stampChange(ctx);
      const all = { ...data, ...stamp };
      const sets = Object.keys(all).map((c) => `${c} = @${c}`).join(', ');
      ctx.raw.prepare(`UPDATE ${table} SET ${sets} WHERE id = @id`).run({ ...all, id });
      return liveRow(ctx, table, id)!;
    }
    const newId = randomUUID();
    const all = { id: newId, ...stampNew(ctx), ...data };
    const cols = Object.keys(all);
    ctx.raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(all);
    return liveRow(ctx, table, newId)!;
  })();
}

function checkReferencesSync(ctx: ServiceContext, value: Record<string, unknown>) {
  for (const [col, ref] of Object.entries(REFERENCES)) {
    const v = value[col];
    if (typeof v !== 'string') continue;
    if (!liveRow(ctx, ref.table, v)) {
      throw new AppError('bad_reference', `${ref.label}: выбранная запись не найдена или удалена. Выберите другую.`, { [col]: `${ref.label}: запись не найдена или удалена` });
    }
  }
  if (typeof value.target_kind === 'string' && typeof value.target_id === 'string') {
    const t = value.target_kind === 'risk' ? 'risk_entry' : 'gifted_pupil';
    if (!liveRow(ctx, t, value.target_id)) throw new AppError('bad_reference', 'Обучающийся, к которому относится мера, не найден или снят с учёта.');
  }
}

/** Tombstones a record and everything it owns, in one transaction. Returns how many rows were tombstoned. */
export function removeRecord(ctx: ServiceContext, entity: EntityName | 'attachment', id: string): number {
  const table = tableOf(entity);
  return ctx.raw.transaction(() => {
    const row = liveRow(ctx, table, id);
    if (!row) throw notFound('Запись');
    let n = tombstone(ctx, table, id);
    // A pupil kept for no list any more is personal data with no purpose: it goes too (152-ФЗ, minimisation).
    if ((table === 'risk_entry' || table === 'gifted_pupil') && typeof row.pupil_id === 'string') {
      const stillListed = ctx.raw.prepare(`SELECT 1 FROM risk_entry WHERE pupil_id = @p AND deleted_at IS NULL
        UNION ALL SELECT 1 FROM gifted_pupil WHERE pupil_id = @p AND deleted_at IS NULL`).get({ p: row.pupil_id });
      if (!stillListed && liveRow(ctx, 'pupil', row.pupil_id)) n += tombstone(ctx, 'pupil', row.pupil_id);
    }
    return n;
  })();
}

function tombstone(ctx: ServiceContext, table: SyncedTable, id: string): number {
  const stamp = stampChange(ctx);
  ctx.raw.prepare(`UPDATE ${table} SET deleted_at = @at, updated_at = @at, origin = @origin, hlc = @hlc WHERE id = @id AND deleted_at IS NULL`)
    .run({ at: stamp.updated_at, origin: stamp.origin, hlc: stamp.hlc, id });
  // A deleted pupil's name and birth date are erased, not just hidden: the tombstone keeps only the id.
  if (table === 'pupil') ctx.raw.prepare("UPDATE pupil SET full_name = '', birth_date = NULL WHERE id = ?").run(id);
  let n = 1;
  for (const [child, col] of CHILDREN[table] ?? []) {
    const ids = ctx.raw.prepare(`SELECT id FROM ${child} WHERE ${col} = ? AND deleted_at IS NULL`).pluck().all(id) as string[];
    for (const cid of ids) n += tombstone(ctx, child, cid);
  }
  return n;
}

export function getRecord(ctx: ServiceContext, entity: EntityName, id: string): Row {
  const view = LISTS[entity];
  const row = ctx.raw.prepare(`SELECT t.*${view.extra ? ', ' + view.extra : ''} FROM ${entity} t ${view.joins ?? ''} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw notFound('Запись');
  return row;
}

interface ListSpec {
  /** Extra selected expressions over alias t and the joins. */
  extra?: string;
  joins?: string;
  /** Expressions searched with LIKE (case-insensitive for Cyrillic via lower_ru). */
  search: string[];
  /** Columns (of t or joined, as "alias.col") that may be used as equality filters, by public name. */
  filters: Record<string, string>;
  /** Sortable fields by public name; several expressions when one column sorts by more than one key. */
  sorts: Record<string, string | string[]>;
  defaultSort: string;
}

/** A mentoring pair that is still going on: no end date, or an end date not yet passed (as the dashboard counts). */
/** A pair that has started and not ended: the same rule as the dashboards' «с наставником». */
const CURRENT_PAIR = "(p.started_on <= date('now','localtime') AND (p.ended_on IS NULL OR p.ended_on >= date('now','localtime')))";

/** «1.2» before «1.10»: numbers in programmes are section.item. */
const NUMBER_SORT = ['CAST(t.number AS INTEGER)', "CAST(substr(t.number, instr(t.number, '.') + 1) AS INTEGER)", 't.number'];

export const LISTS: Record<EntityName, ListSpec> = {
  school_profile: { search: ['t.name'], filters: {}, sorts: { name: 't.name' }, defaultSort: 't.name' },
  risk_factor: { search: ['t.title'], filters: { kind: 't.kind', builtin: 't.builtin' }, sorts: { title: 't.title', kind: 't.kind' }, defaultSort: 't.title' },
  programme: { search: ['t.title', 't.goal'], filters: {}, sorts: { title: 't.title', year_from: 't.year_from' }, defaultSort: 't.year_from DESC' },
  programme_task: { search: ['t.text'], filters: { programme_id: 't.programme_id' }, sorts: { position: 't.position' }, defaultSort: 't.position, t.created_at' },
  programme_problem: {
    extra: 'f.title AS factor_title', joins: 'LEFT JOIN risk_factor f ON f.id = t.risk_factor_id',
    search: ['t.description', 'f.title'], filters: { programme_id: 't.programme_id', kind: 't.kind' }, sorts: { kind: 't.kind', factor_title: 'f.title' }, defaultSort: 't.kind, t.created_at',
  },
  direction: { search: ['t.title'], filters: { programme_id: 't.programme_id' }, sorts: { position: 't.position', title: 't.title' }, defaultSort: 't.position, t.created_at' },
  activity: {
    extra: `d.title AS direction_title,
      CASE WHEN t.status IN ('planned','in_progress') AND t.date_to IS NOT NULL AND t.date_to < date('now','localtime') THEN 1 ELSE 0 END AS overdue`,
    joins: 'LEFT JOIN direction d ON d.id = t.direction_id',
    search: ['t.title', 't.number', 't.responsible', 't.completion_mark', 't.timing_text'],
    filters: { programme_id: 't.programme_id', direction_id: 't.direction_id', status: 't.status', timing_kind: 't.timing_kind', overdue: `(CASE WHEN t.status IN ('planned','in_progress') AND t.date_to IS NOT NULL AND t.date_to < date('now','localtime') THEN 1 ELSE 0 END)` },
    sorts: { number: NUMBER_SORT, title: 't.title', date_to: 't.date_to', status: 't.status', direction_title: 'd.title' },
    defaultSort: NUMBER_SORT.join(', ') + ', t.created_at',
  },
  indicator: { search: ['t.title'], filters: { programme_id: 't.programme_id', kind: 't.kind' }, sorts: { title: 't.title', kind: 't.kind' }, defaultSort: 't.kind, t.title' },
  indicator_value: { search: ['t.period'], filters: { indicator_id: 't.indicator_id' }, sorts: { period: 't.period' }, defaultSort: 't.period' },
  local_act: { search: ['t.title', 't.kind', 't.order_number'], filters: { programme_id: 't.programme_id' }, sorts: { title: 't.title', adopted_on: 't.adopted_on' }, defaultSort: 't.adopted_on DESC' },
  staff: {
    extra: `(SELECT COUNT(*) FROM mentoring_pair p WHERE p.mentee_id = t.id AND p.deleted_at IS NULL AND ${CURRENT_PAIR}) AS has_mentor,
      (SELECT COUNT(*) FROM staff_deficit s WHERE s.staff_id = t.id AND s.deleted_at IS NULL AND s.resolved_on IS NULL) AS open_deficits`,
    search: ['t.full_name', 't.position', 't.subjects'],
    filters: {
      category: 't.category', young_specialist: 't.young_specialist', newly_arrived: 't.newly_arrived',
      /** Young specialists and newly arrived teachers together (1) or the others (0). */
      newcomer: '(CASE WHEN t.young_specialist = 1 OR t.newly_arrived = 1 THEN 1 ELSE 0 END)',
      /** Still working (not dismissed, or dismissed on a future date). */
      working: `(CASE WHEN t.left_on IS NULL OR t.left_on > date('now','localtime') THEN 1 ELSE 0 END)`,
      /** A working young or newly arrived teacher without a current mentor. */
      needs_mentor: `(CASE WHEN (t.young_specialist = 1 OR t.newly_arrived = 1) AND (t.left_on IS NULL OR t.left_on > date('now','localtime'))
        AND NOT EXISTS (SELECT 1 FROM mentoring_pair p WHERE p.mentee_id = t.id AND p.deleted_at IS NULL AND ${CURRENT_PAIR}) THEN 1 ELSE 0 END)`,
    },
    sorts: { full_name: 't.full_name', position: 't.position', experience_years: 't.experience_years', category: 't.category' },
    defaultSort: 't.full_name',
  },
  deficit: { search: ['t.title', 't.area'], filters: { builtin: 't.builtin' }, sorts: { title: 't.title', area: 't.area' }, defaultSort: 't.area, t.title' },
  staff_deficit: {
    extra: 'd.title AS deficit_title, d.area AS deficit_area, s.full_name AS staff_name',
    joins: 'LEFT JOIN deficit d ON d.id = t.deficit_id LEFT JOIN staff s ON s.id = t.staff_id',
    search: ['d.title', 'd.area', 's.full_name', 't.note', 't.method'],
    filters: { staff_id: 't.staff_id', deficit_id: 't.deficit_id', resolved: '(CASE WHEN t.resolved_on IS NULL THEN 0 ELSE 1 END)' },
    sorts: { deficit_title: 'd.title', staff_name: 's.full_name', identified_on: 't.identified_on' }, defaultSort: 's.full_name, d.title',
  },
  mentoring_pair: {
    extra: 'm.full_name AS mentor_name, e.full_name AS mentee_name',
    joins: 'LEFT JOIN staff m ON m.id = t.mentor_id LEFT JOIN staff e ON e.id = t.mentee_id',
    search: ['m.full_name', 'e.full_name', 't.subject', 't.outcome'],
    filters: {
      reason: 't.reason', mentor_id: 't.mentor_id', mentee_id: 't.mentee_id',
      /** Pairs where the staff member is either the mentor or the mentee. */
      staff_id: '? IN (t.mentor_id, t.mentee_id)',
      current: `(CASE WHEN t.ended_on IS NULL OR t.ended_on >= date('now','localtime') THEN 1 ELSE 0 END)`,
    },
    sorts: { mentor_name: 'm.full_name', mentee_name: 'e.full_name', started_on: 't.started_on', reason: 't.reason' },
    defaultSort: 't.started_on DESC',
  },
  course: {
    extra: 's.full_name AS staff_name', joins: 'LEFT JOIN staff s ON s.id = t.staff_id',
    search: ['t.title', 't.provider', 's.full_name'], filters: { staff_id: 't.staff_id' },
    sorts: { title: 't.title', date_from: 't.date_from', staff_name: 's.full_name', hours: 't.hours' }, defaultSort: 't.date_from DESC',
  },
  development_plan: {
    extra: 's.full_name AS staff_name', joins: 'LEFT JOIN staff s ON s.id = t.staff_id',
    search: ['t.title', 't.goals', 's.full_name'], filters: { staff_id: 't.staff_id', status: 't.status' },
    sorts: { title: 't.title', date_from: 't.date_from', staff_name: 's.full_name' }, defaultSort: 't.date_from DESC',
  },
  pupil: { search: ['t.full_name', 't.class_name'], filters: { class_name: 't.class_name' }, sorts: { full_name: 't.full_name', class_name: 't.class_name' }, defaultSort: 't.full_name' },
  risk_entry: {
    extra: 'p.full_name AS pupil_name, p.class_name AS class_name, p.birth_date AS birth_date',
    joins: 'LEFT JOIN pupil p ON p.id = t.pupil_id',
    search: ['p.full_name', 'p.class_name', 't.reason', 't.responsible'],
    filters: { status: 't.status', class_name: 'p.class_name', pupil_id: 't.pupil_id',
      category: "EXISTS (SELECT 1 FROM json_each(t.categories) j WHERE j.value = ?)" },
    sorts: { pupil_name: 'p.full_name', class_name: 'p.class_name', included_on: 't.included_on', status: 't.status' },
    defaultSort: 'p.full_name',
  },
  risk_status_change: { search: ['t.reason'], filters: { entry_id: 't.entry_id' }, sorts: { changed_on: 't.changed_on' }, defaultSort: 't.changed_on, t.created_at' },
  gifted_pupil: {
    extra: 'p.full_name AS pupil_name, p.class_name AS class_name',
    joins: 'LEFT JOIN pupil p ON p.id = t.pupil_id',
    search: ['p.full_name', 't.area', 't.achievements'], filters: { class_name: 'p.class_name', pupil_id: 't.pupil_id' },
    sorts: { pupil_name: 'p.full_name', class_name: 'p.class_name', area: 't.area', included_on: 't.included_on' }, defaultSort: 'p.full_name',
  },
  support_measure: {
    search: ['t.title', 't.responsible', 't.result'], filters: { target_kind: 't.target_kind', target_id: 't.target_id', done: 't.done' },
    sorts: { date_from: 't.date_from', title: 't.title' }, defaultSort: 't.date_from, t.created_at',
  },
  event: {
    extra: `(SELECT COUNT(*) FROM decision x WHERE x.event_id = t.id AND x.deleted_at IS NULL AND x.done_on IS NULL) AS open_decisions,
      (SELECT COUNT(*) FROM attachment a WHERE a.event_id = t.id AND a.deleted_at IS NULL) AS attachments`,
    search: ['t.title', 't.organiser', 't.participants', 't.outcomes'],
    filters: { kind: 't.kind', level: 't.level', format: 't.format', year: "strftime('%Y', t.date_from)" },
    sorts: { date_from: 't.date_from', title: 't.title', kind: 't.kind', level: 't.level' },
    defaultSort: 't.date_from DESC',
  },
  event_activity: {
    extra: 'a.title AS activity_title, a.number AS activity_number', joins: 'LEFT JOIN activity a ON a.id = t.activity_id',
    search: ['a.title'], filters: { event_id: 't.event_id', activity_id: 't.activity_id' }, sorts: { activity_number: 'a.number' }, defaultSort: 'a.number',
  },
  decision: {
    extra: `e.title AS event_title, e.date_from AS event_date,
      CASE WHEN t.done_on IS NULL AND t.deadline IS NOT NULL AND t.deadline < date('now','localtime') THEN 1 ELSE 0 END AS overdue`,
    joins: 'LEFT JOIN event e ON e.id = t.event_id',
    search: ['t.text', 't.responsible', 'e.title'], filters: { event_id: 't.event_id', overdue: `(CASE WHEN t.done_on IS NULL AND t.deadline IS NOT NULL AND t.deadline < date('now','localtime') THEN 1 ELSE 0 END)`,
      open: '(CASE WHEN t.done_on IS NULL THEN 1 ELSE 0 END)' },
    sorts: { deadline: 't.deadline', responsible: 't.responsible', event_date: 'e.date_from', done_on: 't.done_on' }, defaultSort: 't.deadline',
  },
};

/** One page of a list, with the total for the pager. Unknown filter or sort fields are refused. */
export function listRecords(ctx: ServiceContext, input: z.output<typeof listInput>): ListResult<Row> {
  const entity = input.entity;
  const spec = LISTS[entity];
  const where: string[] = [input.includeDeleted ? '1' : 't.deleted_at IS NULL'];
  const params: unknown[] = [];
  const search = input.search.trim().toLowerCase();
  if (search) {
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
    order = (Array.isArray(expr) ? expr : expr.split(',')).map((e) => `${e.trim()} ${dir}`).join(', ');
  }
  const base = `SELECT t.*${spec.extra ? ', ' + spec.extra : ''} FROM ${entity} t ${spec.joins ?? ''} WHERE ${where.join(' AND ')}`;
  const total = ctx.raw.prepare(`SELECT COUNT(*) FROM (${base})`).pluck().get(...params) as number;
  const rows = ctx.raw.prepare(`${base} ORDER BY ${order}, t.id LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as Row[];
  return { rows, total };
}
