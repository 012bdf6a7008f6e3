/**
 * The check every incoming row passes before it may touch the database, compiled from the table registry:
 * the same field rules the app's own forms enforce (types, closed vocabularies, lengths, real dates, JSON
 * shapes, ids), the cross-field checks, the bookkeeping (UUIDs, clock stamps), and the personal data that
 * must never arrive. A signature proves who sent a file, not that its rows are sane.
 */
import { isRealDate } from '../../../common/format.js';
import { hasXmlForbidden } from '../../../common/xml-chars.js';
import { tableSpec, hasDefault, emptyValue, nullable, BOOKKEEPING, personalColumns, travels, type Field, type TableSpec } from '../../../db/registry/index.js';
import { BundleError, LIMITS } from './reasons.js';
import { UUID_RE } from './container.js';

export { upTables, downTables, exportedColumns, columnsOf } from '../../../db/registry/index.js';

const HLC_RE = /^(\d{15}):(\d{6}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

export type VersionVector = Record<string, string>;

/** One validated incoming row set: its column values in `columns` order, and its version vector if it has one. */
export interface IncomingTable {
  table: string;
  columns: string[];
  rows: unknown[][];
  vvIndex: number;
  /** The ids of `rows` (each once: validation refuses a repeated id). */
  ids?: ReadonlySet<string>;
}

/** A check of one value; returns what is wrong with it in words, or null. */
type Check = (v: unknown) => string | null;

/** UUID_RE by hand (lowercase hex, dashes at 8, 13, 18, 23): every id of every incoming row passes here. */
function isUuid(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = v.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function bookkeepingCheck(col: string): Check {
  if (col === 'hlc') return (v) => (typeof v === 'string' && HLC_RE.test(v) ? null : 'неверная отметка времени');
  if (col === 'created_at' || col === 'updated_at') return (v) => (typeof v === 'string' && TIMESTAMP_RE.test(v) ? null : 'неверное время');
  if (col === 'deleted_at') return (v) => (v === null || (typeof v === 'string' && TIMESTAMP_RE.test(v)) ? null : 'неверное время удаления');
  return (v) => (isUuid(v) ? null : 'неверный идентификатор');
}

function codesOk(v: string, codes: readonly string[], min: number): boolean {
  if (v.length > 2000) return false;
  let a: unknown;
  try {
    a = JSON.parse(v);
  } catch {
    return false;
  }
  return Array.isArray(a) && a.length >= min && new Set(a).size === a.length && a.every((c) => typeof c === 'string' && codes.includes(c));
}

/** The compiled rule of one field: what the form would have refused, said in words. */
export function fieldCheck(field: Field): Check {
  const canBeNull = nullable(field);
  const inner = valueCheck(field);
  return (v) => (v === null ? (canBeNull ? null : 'пустое значение') : inner(v));
}

function valueCheck(field: Field): Check {
  switch (field.kind) {
    case 'text': return (v) => typeof v !== 'string' ? 'не текст'
      : v.length > Math.min(field.max, LIMITS.stringChars) ? `длиннее ${field.max} символов`
        : field.required && v.trim() === '' ? 'пустое значение'
          : hasXmlForbidden(v) ? 'недопустимый служебный символ (такой текст не напечатать в документе)' : null;
    case 'date': return (v) => (typeof v === 'string' && isRealDate(v) ? null : 'не дата');
    case 'int': return (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= field.min && v <= field.max ? null : `не целое число от ${field.min} до ${field.max}`);
    case 'real': return (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'не число');
    case 'flag': return (v) => (v === 0 || v === 1 ? null : 'не 0 и не 1');
    case 'vocab': return (v) => (typeof v === 'string' && field.codes.includes(v) ? null : 'значение не из списка');
    case 'codes': return (v) => (typeof v === 'string' && codesOk(v, field.codes, field.min) ? null : 'не список значений из перечня');
    case 'ref':
    case 'uuid': return (v) => (isUuid(v) ? null : 'неверный идентификатор');
  }
}

function vvCheck(v: unknown): string | null {
  if (v === null) return null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'неверная версия';
  const entries = Object.entries(v as object);
  if (entries.length < 2 || entries.length > LIMITS.versionVectorEntries) return 'неверная версия';
  for (const [o, h] of entries) {
    const m = typeof h === 'string' ? HLC_RE.exec(h) : null;
    if (!UUID_RE.test(o) || !m || m[3] !== o) return 'неверная версия';
  }
  return null;
}

const compiledChecks = new Map<string, { checks: Map<string, Check>; optional: Set<string> }>();

/** Column checks of a table, by column name, and the columns that may be left out: compiled once per table. */
function compile(spec: TableSpec): { checks: Map<string, Check>; optional: Set<string> } {
  const done = compiledChecks.get(spec.name);
  if (done) return done;
  const checks = new Map<string, Check>();
  for (const b of BOOKKEEPING) checks.set(b, bookkeepingCheck(b));
  const optional = new Set<string>();
  for (const [name, field] of Object.entries(spec.fields as Record<string, Field>)) {
    if (!travels(spec.name, name)) continue;
    checks.set(name, fieldCheck(field));
    if (hasDefault(field)) optional.add(name);
  }
  compiledChecks.set(spec.name, { checks, optional });
  return { checks, optional };
}

/**
 * Checks the shape of a data entry and every row in it. Throws BundleError('bad_record') naming the table,
 * the row and the field in words, so the Russian message says where the file is wrong.
 */
export function validateTable(table: string, data: unknown): IncomingTable {
  const rows = (data as { rows?: unknown } | null)?.rows;
  const checker = tableChecker(table, data, Array.isArray(rows) ? rows.length : 0);
  if (Array.isArray(rows)) rows.forEach((row, r) => checker.add(row, r));
  return checker.result();
}

/** A data entry read row by row (stream-table.ts): the header's rows array holds the rows not streamed, if any. */
export function validateTableEntry(table: string, entry: { header: unknown; count: number; row(k: number): unknown }): IncomingTable {
  const inHeader = (entry.header as { rows?: unknown } | null)?.rows;
  const headerRows = Array.isArray(inHeader) ? inHeader : [];
  if (headerRows.length && entry.count) throw new BundleError('bad_record', `${tableSpec(table).title} (${table}): неверная структура`);
  const checker = tableChecker(table, entry.header, headerRows.length + entry.count);
  headerRows.forEach((row, r) => checker.add(row, r));
  for (let k = 0; k < entry.count; k++) checker.add(entry.row(k), k);
  return checker.result();
}

/** The table's shape (header) checked now; then each row as it comes, so nothing waits for the whole entry. */
function tableChecker(table: string, data: unknown, rowCount: number) {
  const spec = tableSpec(table);
  const fail = (detail: string): never => {
    throw new BundleError('bad_record', `${spec.title} (${table}): ${detail}`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('ожидался объект');
  const d = data as { table?: unknown; columns?: unknown; rows?: unknown };
  if (Object.keys(d).length !== 3 || d.table !== table || !Array.isArray(d.columns) || !Array.isArray(d.rows)) fail('неверная структура');
  const columns = d.columns as unknown[];
  if (rowCount > LIMITS.rowsPerTable) throw new BundleError('too_large', `таблица «${spec.title}»: записей ${rowCount} при пределе ${LIMITS.rowsPerTable}`);
  const { checks, vvIndex, labels, dropped, filled } = columnChecks(spec, table, columns, fail);
  const [iId, iOrigin, iHlc, iDel] = ['id', 'origin', 'hlc', 'deleted_at'].map((n) => columns.indexOf(n)) as [number, number, number, number];
  const ids = new Set<string>();
  const rows: unknown[][] = [];
  /** One object reused for every row's cross-field checks: a merge checks millions of rows. */
  const view: Record<string, unknown> = {};
  return {
    add(row: unknown, r: number) {
      if (!Array.isArray(row) || row.length !== columns.length) fail(`строка ${r + 1}: неверное число полей`);
      const a = row as unknown[];
      for (let i = 0; i < checks.length; i++) {
        const wrong = checks[i]!(a[i]);
        if (wrong) fail(`строка ${r + 1}, поле «${labels[i]}»: ${wrong}`);
      }
      // What an earlier version still sends of a local field is not kept: stored empty, as if never sent.
      for (const [i, empty] of dropped) a[i] = empty;
      // The stamp's shape is checked above (HLC_RE): its last 36 characters are the origin it was made at.
      const hlc = a[iHlc] as string;
      if (typeof hlc !== 'string' || hlc.length !== 59 || !hlc.endsWith(a[iOrigin] as string)) fail(`строка ${r + 1}: отметка времени не соответствует источнику`);
      if (vvIndex >= 0 && a[vvIndex] !== null && (a[vvIndex] as VersionVector)[a[iOrigin] as string] !== a[iHlc]) fail(`строка ${r + 1}: версия`);
      // A tombstone keeps what the row held when it was deleted; only live rows must satisfy cross-field rules.
      if (spec.checks?.length && a[iDel] === null) {
        for (let i = 0; i < columns.length; i++) view[columns[i] as string] = a[i];
        for (const c of spec.checks) if (!c.test(view)) fail(`строка ${r + 1}: ${c.message}`);
      }
      const id = a[iId] as string;
      if (ids.has(id)) fail(`запись ${id} повторяется`);
      ids.add(id);
      for (const [, empty] of filled) a.push(empty);
      rows.push(a);
    },
    result: (): IncomingTable => ({ table, columns: [...(columns as string[]), ...filled.map(([c]) => c)], rows, vvIndex, ids }),
  };
}

/** The check of each column, in the entry's column order; unknown, repeated, personal or missing columns fail. */
function columnChecks(spec: TableSpec, table: string, columns: unknown[], fail: (detail: string) => never) {
  const { checks: known, optional } = compile(spec);
  const personal = personalColumns(table);
  const fields = spec.fields as Record<string, Field>;
  const seen = new Set<string>();
  const checks: Check[] = [];
  const dropped: [number, '' | null][] = [];
  let vvIndex = -1;
  columns.forEach((name, i) => {
    if (typeof name !== 'string') fail('имя столбца не строка');
    const col = name as string;
    if (seen.has(col)) fail(`столбец «${col}» повторяется`);
    seen.add(col);
    if (col === '_vv') {
      vvIndex = i;
      checks.push(vvCheck);
      return;
    }
    if (personal.includes(col)) fail(`персональные данные («${fields[col]?.label ?? col}») не принимаются`);
    if (fields[col] && !travels(table, col)) {
      // A school on an earlier version still sends the free text of a pupil's record: the file is taken (the
      // department must not lose that school's figures), the text is checked for shape only and not kept.
      dropped.push([i, fields[col]!.kind === 'text' ? '' : null]);
      checks.push(localCheck);
      return;
    }
    const check = known.get(col);
    if (!check) fail(`неизвестный столбец «${col}»`);
    checks.push(check!);
  });
  for (const c of known.keys()) if (!seen.has(c) && !optional.has(c)) fail(`нет столбца «${c}»`);
  // A column added later and left out by the writer holds nothing (versions.ts shapeFor): merged as empty, so
  // a value the sender has cleared is cleared here too.
  const filled = Object.entries(fields).filter(([c, fl]) => fl.since && !seen.has(c) && known.has(c)).map(([c, fl]) => [c, emptyValue(fl)] as const);
  const labels = (columns as string[]).map((c) => fields[c]?.label ?? c);
  return { checks, vvIndex, labels, dropped, filled };
}

/** A local column an earlier version sent: bounded like any text, then dropped. */
const localCheck: Check = (v) => (v === null || (typeof v === 'string' && v.length <= LIMITS.stringChars) ? null : 'неверное значение');
