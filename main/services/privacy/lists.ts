/**
 * Lists that show personal data, searched and sorted in memory. Names are sealed with a random IV each
 * (envelope.ts), so SQL can neither compare nor order them; a school has a few hundred pupils, and the
 * whole filtered list is opened, searched and sorted here in a few milliseconds (npm run bench measures it).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { isSynced, personalColumns, type ListSpec } from '../../../db/registry/index.js';
import { revealRow, requireUnlocked } from './vault.js';

/** A list whose rows or joins hold personal columns: the table itself, or a table it joins (pupil). */
export function touchesPersonal(entity: string, spec: ListSpec): boolean {
  if (personalColumns(entity).length) return true;
  for (const m of (spec.joins ?? '').matchAll(/JOIN\s+(\w+)/gi)) if (isSynced(m[1]!) && personalColumns(m[1]!).length) return true;
  return false;
}

/** `a, f(b, c) DESC` → [['a', asc], ['f(b, c)', desc]]: commas inside brackets do not split. */
export function orderTerms(order: string): { expr: string; desc: boolean }[] {
  const parts: string[] = [];
  let depth = 0, cur = '';
  for (const ch of order) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean).map((p) => {
    const m = /^(.*?)\s+(ASC|DESC)$/i.exec(p);
    return m ? { expr: m[1]!, desc: m[2]!.toUpperCase() === 'DESC' } : { expr: p, desc: false };
  });
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

/** SQLite's order: NULL first, numbers before text; text by Russian alphabet (ё with е), numbers inside as numbers. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(String(a), String(b));
}

export interface MemoryListQuery {
  /** `SELECT t.*, …` (without FROM). */
  select: string;
  /** `FROM … WHERE …` with the filters already in; `?` parameters first, then the named ones. */
  from: string;
  params: unknown[];
  named: object[];
  searchExprs: string[];
  /** Lower-cased search text, '' for none. */
  search: string;
  order: { expr: string; desc: boolean }[];
  limit: number;
  offset: number;
}

export function listInMemory<R extends Record<string, unknown>>(raw: BetterSqlite3.Database, q: MemoryListQuery): { rows: R[]; total: number } {
  requireUnlocked(raw);
  const helpers = [...q.searchExprs.map((e, i) => `(${e}) AS __s${i}`), ...q.order.map((o, i) => `(${o.expr}) AS __o${i}`)];
  const all = (raw.prepare(`${q.select}${helpers.length ? ', ' + helpers.join(', ') : ''} ${q.from}`).all(...q.params, ...q.named) as Record<string, unknown>[])
    .map((r) => revealRow(raw, r));
  const found = q.search ? all.filter((r) => q.searchExprs.some((_, i) => r[`__s${i}`] != null && String(r[`__s${i}`]).toLowerCase().includes(q.search))) : all;
  found.sort((a, b) => {
    for (let i = 0; i < q.order.length; i++) {
      const c = compare(a[`__o${i}`], b[`__o${i}`]);
      if (c) return q.order[i]!.desc ? -c : c;
    }
    return String(a.id).localeCompare(String(b.id));
  });
  const page = found.slice(q.offset, q.offset + q.limit).map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (!k.startsWith('__')) out[k] = v;
    return out as R;
  });
  return { rows: page, total: found.length };
}
