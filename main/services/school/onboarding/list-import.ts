/**
 * Staff and pupil lists from Excel or CSV: the header row found by its words, a column mapping (guessed or
 * remembered), each row checked, duplicates in the file and against what is kept shown by line number, and
 * the import in one transaction through the one writer. Pupils' names and birth dates are sealed by the
 * writer like any pupil entered by hand; no message here ever quotes a name.
 */
import type { ServiceContext } from '../../core/context.js';
import { writeRow, type Row } from '../../core/writer.js';
import { revealRows } from '../../privacy/vault.js';
import { parseRuDate } from '../../../../common/format.js';
import type { ListColumn, ListField, ListKind, ListPreview, ListRowPreview } from '../../../../preload/contract/onboarding.js';
import { ImportRefused } from './errors.js';
import { readTable, type Cell } from './table-reader.js';
import { mappingFor, rememberMapping, guessField } from './mapping.js';
import { same } from './programme-import.js';

/** An Excel serial day (1 = 01.01.1900, with Excel's 1900 leap-year bug) as a date. */
function serialDay(n: number): string | null {
  if (!Number.isFinite(n) || n < 367 || n > 73050) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function dateOf(v: Cell): string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return serialDay(v);
  const t = v.trim().replace(/\s*г\.?\s*$/, '');
  if (/^\d{5}$/.test(t)) return serialDay(Number(t));
  return parseRuDate(t) ?? parseRuDate(t.replace(/T.*$/, ''));
}

const CATEGORY: [RegExp, string][] = [[/высш/i, 'highest'], [/перв/i, 'first'], [/соотв|сзд/i, 'soot']];
const text = (v: Cell | undefined) => (v == null ? '' : String(v).replace(/\s+/g, ' ').trim());

function headerRow(kind: ListKind, rows: Cell[][]): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 15); i++) {
    const fields = rows[i]!.map((c) => guessField(kind, text(c)));
    const named = fields.some((f) => f === 'full_name' || f === 'last_name');
    const score = fields.filter(Boolean).length + (named ? 2 : 0);
    if (named && score > bestScore) { best = i; bestScore = score; }
  }
  return best;
}

interface Parsed { line: number; value: Record<string, unknown>; shown: Record<string, string | null>; error: string | null }

function parseRow(kind: ListKind, cells: Cell[], fields: (ListField | null)[], line: number): Parsed {
  const got: Partial<Record<ListField, Cell>> = {};
  fields.forEach((f, i) => { if (f && got[f] == null) got[f] = cells[i] ?? null; });
  const name = text(got.full_name ?? null) || [got.last_name, got.first_name, got.middle_name].map(text).filter(Boolean).join(' ');
  const errors: string[] = [];
  if (!name) errors.push('нет фамилии и имени');
  const birth = got.birth_date != null && text(got.birth_date) !== '' ? dateOf(got.birth_date) : null;
  if (got.birth_date != null && text(got.birth_date) !== '' && !birth) errors.push('дата рождения не читается (нужно, например, 01.09.2012)');
  if (kind === 'pupils') {
    const cls = text(got.class_name ?? null).replace(/[«»"\s]/g, '').toUpperCase().slice(0, 20);
    if (!cls) errors.push('не указан класс');
    return {
      line, value: { full_name: name.slice(0, 300), birth_date: birth, class_name: cls },
      // The preview shows the person the file they chose; the server never logs it.
      shown: { full_name: name, birth_date: birth, class_name: cls }, error: errors.length ? errors.join('; ') : null,
    };
  }
  const exp = text(got.experience_years ?? null);
  const years = exp ? Number(/(\d+(?:[.,]\d+)?)/.exec(exp)?.[1]?.replace(',', '.') ?? NaN) : null;
  if (exp && (years === null || !Number.isFinite(years) || years > 70)) errors.push('стаж не читается (нужно число лет)');
  const hired = got.hired_on != null && text(got.hired_on) !== '' ? dateOf(got.hired_on) : null;
  const cat = text(got.category ?? null);
  const value = {
    full_name: name.slice(0, 300), position: text(got.position ?? null).slice(0, 300), subjects: text(got.subjects ?? null).slice(0, 500),
    category: CATEGORY.find(([re]) => re.test(cat))?.[1] ?? 'none', education: text(got.education ?? null).slice(0, 500),
    experience_years: years !== null && Number.isFinite(years) ? Math.floor(years) : null, hired_on: hired,
  };
  return { line, value, shown: { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? null : String(v)])), category: cat || null }, error: errors.length ? errors.join('; ') : null };
}

const staffKey = (v: Record<string, unknown>) => `${same(String(v.full_name))}|${same(String(v.position ?? ''))}`;
const pupilKey = (v: Record<string, unknown>) => `${same(String(v.full_name))}|${v.birth_date ?? ''}`;

function keptRows(ctx: ServiceContext, kind: ListKind): Row[] {
  const table = kind === 'staff' ? 'staff' : 'pupil';
  const rows = ctx.raw.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NULL`).all() as Row[];
  return kind === 'pupils' ? revealRows(ctx.raw, rows) : rows;
}

/** Kept rows by normalised name: a 1,000-row list is matched in one pass, not a thousand. */
function byName(kept: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const k of kept) {
    const n = same(String(k.full_name));
    m.set(n, [...(m.get(n) ?? []), k]);
  }
  return m;
}

function keptMatch(kind: ListKind, kept: Map<string, Row[]>, v: Record<string, unknown>): Row | undefined {
  const namesake = kept.get(same(String(v.full_name))) ?? [];
  if (kind === 'staff') return namesake.find((k) => staffKey(k) === staffKey(v)) ?? namesake.find((k) => !k.position);
  // A child known by name and birth date; without a birth date on either side, by name and class.
  return namesake.find((k) => (k.birth_date && v.birth_date ? k.birth_date === v.birth_date : same(String(k.class_name)) === same(String(v.class_name))));
}

const differs = (k: Row, v: Record<string, unknown>) => Object.entries(v).some(([c, x]) => (x ?? '') !== '' && String(k[c] ?? '') !== String(x ?? ''));

async function analyse(ctx: ServiceContext, kind: ListKind, fileName: string, bytes: Uint8Array, given?: (ListField | null)[]) {
  const table = await readTable(fileName, bytes);
  const h = headerRow(kind, table);
  if (h < 0 && !given) throw new ImportRefused('not_list');
  const headerCells = h >= 0 ? table[h]! : table[0] ?? [];
  const width = Math.max(headerCells.length, ...table.slice(0, 50).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) => text(headerCells[i] ?? null) || `Столбец ${i + 1}`);
  const auto = mappingFor(ctx.raw, kind, headers);
  const fields = given ? headers.map((_, i) => given[i] ?? null) : auto.fields;
  if (!fields.some((f) => f === 'full_name' || f === 'last_name')) throw new ImportRefused('not_list');
  const kept = byName(keptRows(ctx, kind));
  const seen = new Map<string, number>();
  const rows: (ListRowPreview & { value: Record<string, unknown>; match?: Row })[] = [];
  table.forEach((cells, i) => {
    if (i <= h || cells.every((c) => text(c) === '')) return;
    const p = parseRow(kind, cells, fields, i + 1);
    if (p.error) { rows.push({ line: p.line, values: p.shown, change: 'error', note: `Строка ${p.line}: ${p.error}`, value: p.value }); return; }
    const k = kind === 'staff' ? staffKey(p.value) : pupilKey(p.value);
    const twin = seen.get(k);
    if (twin) { rows.push({ line: p.line, values: p.shown, change: 'duplicate', note: `Строка ${p.line} повторяет строку ${twin} — не будет загружена`, value: p.value }); return; }
    seen.set(k, p.line);
    const match = keptMatch(kind, kept, p.value);
    const change = !match ? 'new' : differs(match, p.value) ? 'changed' : 'same';
    rows.push({ line: p.line, values: p.shown, change, note: match ? 'Уже есть в списке' : null, value: p.value, match });
  });
  const columns: ListColumn[] = headers.map((header, index) => ({ index, header, field: fields[index] ?? null }));
  return { headers, fields, rows, columns, remembered: !given && auto.remembered };
}

export async function previewList(ctx: ServiceContext, kind: ListKind, fileName: string, bytes: Uint8Array, mapping?: (ListField | null)[]): Promise<ListPreview> {
  const a = await analyse(ctx, kind, fileName, bytes, mapping);
  const totals = { new: 0, same: 0, changed: 0, duplicate: 0, error: 0 };
  for (const r of a.rows) totals[r.change]++;
  return { kind, columns: a.columns, remembered: a.remembered, rows: a.rows.map(({ value: _v, match: _m, ...r }) => r), totals };
}

/** Saves the new and changed rows, all in one transaction, and remembers the mapping for the next file. */
export async function applyList(ctx: ServiceContext, kind: ListKind, fileName: string, bytes: Uint8Array, mapping?: (ListField | null)[]) {
  const a = await analyse(ctx, kind, fileName, bytes, mapping);
  const table = kind === 'staff' ? 'staff' : 'pupil';
  return ctx.raw.transaction(() => {
    const res = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    for (const r of a.rows) {
      if (r.change === 'error' || r.change === 'duplicate') { res.skipped++; continue; }
      if (r.change === 'same') { res.unchanged++; continue; }
      // An update fills what the file gives and keeps what the school added by hand.
      const v = r.match ? Object.fromEntries(Object.entries(r.value).filter(([, x]) => x !== null && x !== '')) : r.value;
      if (r.match) { writeRow(ctx, table, v, { id: String(r.match.id) }); res.updated++; } else { writeRow(ctx, table, v); res.created++; }
    }
    rememberMapping(ctx.raw, kind, a.headers, a.fields);
    return res;
  })();
}
