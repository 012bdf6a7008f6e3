/**
 * A conflict in the words of the person who decides it: the school, the record's kind and title, and only
 * the fields that differ, each with its Russian label and its values formatted as the forms show them
 * (vocabulary labels, dd.mm.yyyy dates, the title of a referenced record, «да»/«нет»), plus who made each
 * version and when. Everything is read from the table registry, so a new table needs nothing here.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { tableSpec, isSynced, fieldOf, personalColumns } from '../../../db/registry/index.js';
import type { Field } from '../../../db/registry/fields.js';
import { formatDate } from '../../../common/format.js';
import { getMeta } from './meta.js';
import { coordinationRole } from '../../../common/roster-labels.js';

/** Columns that say which record it is or how it travels, not what it says. */
const BOOKKEEPING = new Set(['id', 'owner', 'origin', 'hlc', 'created_at', 'updated_at']);
const TITLE_COLUMNS = ['title', 'name', 'full_name', 'short_name', 'text', 'description', 'measure', 'topic', 'content'];

/** Vocabularies the registry keeps as bare codes; their labels live with the screens that show them. */
const BARE_VOCABS: Record<string, Record<string, string>> = {
  'Роль': coordinationRole.labels,
  'К чему относится': { school: 'Школа в целом', activity: 'Мероприятие программы школы', municipal_activity: 'Мероприятие дорожной карты' },
};

/** The record's own name: the first title-like column that has text. */
export function recordTitle(raw: BetterSqlite3.Database, table: string, row: Record<string, unknown> | undefined): string {
  if (!row) return 'запись не найдена';
  const spec = tableSpec(table);
  const personal = new Set(personalColumns(table));
  for (const c of TITLE_COLUMNS) {
    if (!(c in spec.fields)) continue;
    if (personal.has(c) && !String(row[c] ?? '').trim()) return 'обучающийся (имя хранится только в школе)';
    const v = String(row[c] ?? '').trim();
    if (v) return v.length > 120 ? v.slice(0, 117) + '…' : v;
  }
  // No title column (a link between records): the first reference names it.
  for (const [c, field] of Object.entries(spec.fields)) {
    if (field.kind === 'ref' && row[c]) return refTitle(raw, field.table, String(row[c]));
  }
  return 'без названия';
}

function refTitle(raw: BetterSqlite3.Database, table: string, id: string): string {
  if (!isSynced(table)) return '—';
  const row = raw.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? `${tableSpec(table).title} «${recordTitle(raw, table, row)}»` : 'запись, которой здесь нет';
}

/** One value as the forms show it. */
export function formatValue(raw: BetterSqlite3.Database, field: Field, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.kind) {
    case 'text': {
      const s = String(value);
      return s.length > 400 ? s.slice(0, 397) + '…' : s;
    }
    case 'date':
      return formatDate(String(value));
    case 'flag':
      return Number(value) ? 'да' : 'нет';
    case 'vocab':
      return (field.labels ?? BARE_VOCABS[field.label])?.[String(value)] ?? 'другое значение';
    case 'codes': {
      let codes: unknown;
      try {
        codes = JSON.parse(String(value));
      } catch {
        return 'список не читается';
      }
      return Array.isArray(codes) && codes.length ? codes.map((c) => field.labels?.[String(c)] ?? 'другое значение').join(', ') : '—';
    }
    case 'ref':
      return refTitle(raw, field.table, String(value));
    case 'uuid':
      return 'связанная запись';
    case 'int':
    case 'real':
      return Number(value).toLocaleString('ru-RU');
  }
}

export interface DifferingField {
  label: string;
  /** One formatted value per version, in the versions' order. */
  values: string[];
}

/** The fields whose values differ between the versions, with «Запись удалена» as a field of its own. */
export function differingFields(raw: BetterSqlite3.Database, table: string, versions: Record<string, unknown>[]): DifferingField[] {
  const out: DifferingField[] = [];
  const spec = tableSpec(table);
  for (const [column, field] of Object.entries(spec.fields)) {
    if (BOOKKEEPING.has(column)) continue;
    const raws = versions.map((v) => v[column] ?? null);
    if (raws.every((v) => JSON.stringify(v) === JSON.stringify(raws[0]))) continue;
    out.push({ label: field.label, values: raws.map((v) => formatValue(raw, field, v)) });
  }
  const deleted = versions.map((v) => (v.deleted_at ? `удалена ${formatDate(String(v.deleted_at))}` : 'действует'));
  if (deleted.some((d) => d !== deleted[0])) out.push({ label: 'Состояние записи', values: deleted });
  return out;
}

/** Whose record it is: the school by its name (the municipality's roster, or this school's profile). */
export function ownerName(raw: BetterSqlite3.Database, owner: unknown): string | null {
  const id = String(owner ?? '');
  const self = getMeta(raw, 'owner_id');
  if (getMeta(raw, 'role') === 'municipality') {
    if (id === self) return getMeta(raw, 'municipality_name') ?? 'управление образования';
    const s = raw.prepare('SELECT name FROM municipality_school WHERE id = ?').pluck().get(id) as string | undefined;
    return s ?? null;
  }
  if (id === self) {
    const p = raw.prepare('SELECT name, short_name FROM school_profile WHERE id = ?').get(id) as { name: string; short_name: string } | undefined;
    return p ? p.short_name || p.name : 'эта школа';
  }
  return getMeta(raw, 'municipality_name') ?? 'управление образования';
}

/**
 * Who made a version: a copy of a database (origin), named by the sender it came from and told apart from
 * the sender's other copies — this computer, the sender's current copy, or an older copy (a restored backup,
 * a second computer).
 */
export function originWords(raw: BetterSqlite3.Database, origin: string): string {
  if (origin === getMeta(raw, 'origin_id')) return 'этот компьютер';
  const seen = raw.prepare('SELECT issuer_id FROM exchange_origin_seq WHERE origin = ?').pluck().get(origin) as string | undefined;
  if (!seen) return 'другая копия этой базы (например, восстановленная из резервной копии или на другом компьютере)';
  const name = ownerName(raw, seen) ?? 'отправитель';
  const copies = raw.prepare('SELECT origin FROM exchange_origin_seq WHERE issuer_id = ? ORDER BY last_at DESC').pluck().all(seen) as string[];
  if (copies.length < 2) return name;
  return copies[0] === origin ? `${name} (последняя присланная копия базы)` : `${name} (другая копия базы школы — например, восстановленная или на втором компьютере)`;
}

/** The registry title of a table, or a neutral phrase for one this version does not know. */
export function kindTitle(table: string): string {
  return isSynced(table) ? tableSpec(table).title : 'Запись';
}

export { fieldOf };
