/**
 * Which tables travel in which direction, and the check every incoming row passes before it may touch
 * the database. The row schema is read from the database itself (PRAGMA table_info), so a column added by
 * a later migration travels without changes here; on top of the SQL types come the rules the SQL does not
 * hold: UUIDs, clock stamps, real calendar dates, closed vocabularies, string lengths, and the personal
 * data that must never arrive.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SYNCED_TABLES, PERSONAL_DATA } from '../../../db/schema.js';
import { isRealDate } from '../../../common/format.js';
import {
  activityStatus, timingKind, problemKind, indicatorKind, staffCategory, mentoringReason, planStatus, riskStatus,
  eventKind, eventLevel, eventFormat, supportTarget,
} from '../../../common/labels.js';
import { BundleError, LIMITS } from './reasons.js';
import { UUID_RE } from './container.js';

/** School → municipality: everything the school owns (pupils without names and birth dates). */
export const UP_TABLES: readonly string[] = [...SYNCED_TABLES, 'municipal_activity_mark'];
/** Municipality → school: the roadmap, and this school's classification and curator comments. */
export const DOWN_TABLES: readonly string[] = ['municipal_activity', 'school_classification', 'curator_comment'];
/** Down tables that concern one school only, by the column naming it. */
export const PER_SCHOOL: Record<string, string> = { school_classification: 'school_id', curator_comment: 'school_id' };

export const BOOKKEEPING = ['id', 'owner', 'origin', 'hlc', 'created_at', 'updated_at', 'deleted_at'] as const;

export interface ColumnInfo {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL';
  notnull: boolean;
  hasDefault: boolean;
}

const columnCache = new WeakMap<BetterSqlite3.Database, Map<string, ColumnInfo[]>>();

export function columnsOf(raw: BetterSqlite3.Database, table: string): ColumnInfo[] {
  let m = columnCache.get(raw);
  if (!m) columnCache.set(raw, (m = new Map()));
  let cols = m.get(table);
  if (!cols) {
    const info = raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[];
    cols = info.map((c) => ({
      name: c.name,
      type: (/INT/i.test(c.type) ? 'INTEGER' : /REAL|FLOA|DOUB/i.test(c.type) ? 'REAL' : 'TEXT') as ColumnInfo['type'],
      notnull: c.notnull === 1,
      hasDefault: c.dflt_value !== null,
    }));
    m.set(table, cols);
  }
  return cols;
}

/** Columns that leave this computer for a table (never the personal data of minors). */
export function exportedColumns(raw: BetterSqlite3.Database, table: string): string[] {
  const personal = (PERSONAL_DATA as Record<string, readonly string[] | undefined>)[table] ?? [];
  return columnsOf(raw, table).map((c) => c.name).filter((c) => !personal.includes(c));
}

const VOCAB: Record<string, readonly string[]> = {
  'activity.status': activityStatus.codes,
  'activity.timing_kind': timingKind.codes,
  'programme_problem.kind': problemKind.codes,
  'risk_factor.kind': problemKind.codes,
  'indicator.kind': indicatorKind.codes,
  'staff.category': staffCategory.codes,
  'mentoring_pair.reason': mentoringReason.codes,
  'development_plan.status': planStatus.codes,
  'risk_entry.status': riskStatus.codes,
  'risk_status_change.status': riskStatus.codes,
  'event.kind': eventKind.codes,
  'event.level': eventLevel.codes,
  'event.format': eventFormat.codes,
  'support_measure.target_kind': supportTarget.codes,
  'municipal_activity_mark.status': activityStatus.codes,
};

const HLC_RE = /^(\d{15}):(\d{6}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const DATE_COLUMN = /(_on|_date|^date_from|^date_to|^deadline)$/;
const ID_COLUMN = /(^id|_id)$/;

export type VersionVector = Record<string, string>;

/** One validated incoming row: its column values in `columns` order, and its version vector if it has one. */
export interface IncomingTable {
  table: string;
  columns: string[];
  rows: unknown[][];
  vvIndex: number;
}

/**
 * Checks the shape of a data entry and every row in it. Throws BundleError('bad_record') naming the table,
 * the row and the column, so the Russian message says where the file is wrong.
 */
export function validateTable(raw: BetterSqlite3.Database, table: string, data: unknown): IncomingTable {
  const fail = (detail: string): never => {
    throw new BundleError('bad_record', `${table}: ${detail}`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('ожидался объект');
  const d = data as { table?: unknown; columns?: unknown; rows?: unknown };
  const keys = Object.keys(d);
  if (keys.length !== 3 || d.table !== table || !Array.isArray(d.columns) || !Array.isArray(d.rows)) fail('неверная структура');
  const columns = d.columns as unknown[];
  const rows = d.rows as unknown[];
  if (rows.length > LIMITS.rowsPerTable) throw new BundleError('too_large', table);
  const known = new Map(columnsOf(raw, table).map((c) => [c.name, c]));
  const personal = (PERSONAL_DATA as Record<string, readonly string[] | undefined>)[table] ?? [];
  const seen = new Set<string>();
  let vvIndex = -1;
  const checks: ((v: unknown, row: number) => void)[] = [];
  columns.forEach((name, i) => {
    if (typeof name !== 'string') fail('имя столбца не строка');
    const col = name as string;
    if (seen.has(col)) fail(`столбец «${col}» повторяется`);
    seen.add(col);
    if (col === '_vv') {
      vvIndex = i;
      checks.push((v, r) => {
        if (v === null) return;
        if (!v || typeof v !== 'object' || Array.isArray(v)) fail(`строка ${r + 1}: версия`);
        const entries = Object.entries(v as object);
        if (entries.length < 2 || entries.length > LIMITS.versionVectorEntries) fail(`строка ${r + 1}: версия`);
        for (const [o, h] of entries) {
          const m = typeof h === 'string' ? HLC_RE.exec(h) : null;
          if (!UUID_RE.test(o) || !m || m[3] !== o) fail(`строка ${r + 1}: версия`);
        }
      });
      return;
    }
    if (personal.includes(col)) fail(`персональные данные («${col}») не принимаются`);
    const info = known.get(col);
    if (!info) fail(`неизвестный столбец «${col}»`);
    checks.push(columnCheck(table, info!, fail));
  });
  for (const b of BOOKKEEPING) if (!seen.has(b)) fail(`нет столбца «${b}»`);
  for (const c of known.values()) {
    if (!seen.has(c.name) && c.notnull && !c.hasDefault && !personal.includes(c.name)) fail(`нет столбца «${c.name}»`);
  }
  const idx = (n: string) => columns.indexOf(n);
  const iOrigin = idx('origin');
  const iHlc = idx('hlc');
  const ids = new Set<string>();
  const iId = idx('id');
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== columns.length) fail(`строка ${r + 1}: неверное число полей`);
    const a = row as unknown[];
    for (let i = 0; i < checks.length; i++) checks[i]!(a[i], r);
    const m = HLC_RE.exec(a[iHlc] as string);
    if (!m || m[3] !== a[iOrigin]) fail(`строка ${r + 1}: отметка времени не соответствует источнику`);
    if (vvIndex >= 0 && a[vvIndex] !== null && (a[vvIndex] as VersionVector)[a[iOrigin] as string] !== a[iHlc]) fail(`строка ${r + 1}: версия`);
    const id = a[iId] as string;
    if (ids.has(id)) fail(`запись ${id} повторяется`);
    ids.add(id);
  }
  return { table, columns: columns as string[], rows: rows as unknown[][], vvIndex };
}

function columnCheck(table: string, c: ColumnInfo, fail: (d: string) => never): (v: unknown, r: number) => void {
  const where = (r: number) => `строка ${r + 1}, поле «${c.name}»`;
  const vocab = VOCAB[`${table}.${c.name}`];
  if (c.name === 'hlc') return (v, r) => { if (typeof v !== 'string' || !HLC_RE.test(v)) fail(where(r)); };
  if (c.name === 'created_at' || c.name === 'updated_at') return (v, r) => { if (typeof v !== 'string' || !TIMESTAMP_RE.test(v)) fail(where(r)); };
  if (c.name === 'deleted_at') return (v, r) => { if (v !== null && (typeof v !== 'string' || !TIMESTAMP_RE.test(v))) fail(where(r)); };
  const nullable = !c.notnull;
  if (c.type === 'INTEGER') {
    return (v, r) => {
      if (v === null) { if (!nullable) fail(where(r)); return; }
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(where(r));
    };
  }
  if (c.type === 'REAL') {
    return (v, r) => {
      if (v === null) { if (!nullable) fail(where(r)); return; }
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(where(r));
    };
  }
  const isId = ID_COLUMN.test(c.name) || c.name === 'owner' || c.name === 'origin';
  const isDate = DATE_COLUMN.test(c.name);
  return (v, r) => {
    if (v === null) { if (!nullable) fail(where(r)); return; }
    if (typeof v !== 'string' || v.length > LIMITS.stringChars) fail(where(r));
    const s = v as string;
    if (isId && !UUID_RE.test(s)) fail(where(r));
    else if (isDate && !isRealDate(s)) fail(where(r));
    else if (vocab && !vocab.includes(s)) fail(where(r));
  };
}
