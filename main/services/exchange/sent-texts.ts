/**
 * The school's outgoing texts, read once per export, and what its last file carried of them.
 *
 * `sent_text` (local, never synced) keeps a hash of every outgoing text value the last school file carried;
 * meta `sent_text_checked_with` says which check passed them: the app's version and a hash of the pupils and
 * adults it looked for. The review («Что уходит») lists what changed since. The export's check skips a value
 * the last file carried unchanged only when it would look for the very same names with the very same code —
 * the verdict on the same text, the same names and the same code is the same — so a pupil added, renamed or
 * erased since, or a new version of the app, makes it read every text again.
 */
import { hash } from 'node:crypto';
import { tableSpec, upTables, travels, columnsOf, type Field } from '../../../db/registry/index.js';
import type { ServiceContext } from '../core/context.js';
import { getMeta, setMeta } from '../core/clock.js';
import { deleteMeta } from '../core/meta.js';

export const textHash = (v: string): string => hash('sha256', v, 'base64').slice(0, 22);

export const textKey = (table: string, id: string, column: string): string => `${table}|${id}|${column}`;

/** The text columns of a table that leave the school (registry: `travels`); the others are never looked at. */
export function textColumns(table: string): [string, Field][] {
  return Object.entries(tableSpec(table).fields as Record<string, Field>).filter(([c, f]) => f.kind === 'text' && travels(table, c));
}

export interface OutgoingText {
  table: string;
  id: string;
  column: string;
  label: string;
  value: string;
  row: Record<string, unknown>;
  /** A row of the built-in catalogue (the same in every school): the review does not list it. */
  builtin: boolean;
}

/** Every non-empty outgoing text value of this owner, live and tombstoned (tombstones travel too). */
export function* outgoingTexts(ctx: ServiceContext, owner: string): Generator<OutgoingText> {
  for (const table of upTables()) {
    const cols = textColumns(table);
    if (!cols.length) continue;
    const rows = ctx.raw.prepare(`SELECT ${selected(table, cols)} FROM ${table} WHERE owner = ? ORDER BY created_at, id`).all(owner) as Record<string, unknown>[];
    for (const row of rows) {
      for (const [column, field] of cols) {
        const value = row[column];
        if (typeof value === 'string' && value.trim()) yield { table, id: String(row.id), column, label: field.label, value, row, builtin: row.builtin === 1 };
      }
    }
  }
}

/** What a finding is said by (outgoing-check.ts recordTitle), and the texts: not every column of the row. */
const TITLE_COLUMNS = ['id', 'deleted_at', 'builtin', 'pupil_id', 'entry_id', 'target_id', 'number', 'title', 'name', 'full_name', 'file_name'];
function selected(table: string, cols: [string, Field][]): string {
  const all = new Set(columnsOf(table));
  return [...new Set([...TITLE_COLUMNS.filter((c) => all.has(c)), ...cols.map(([c]) => c)])].join(', ');
}

export function sentHashes(ctx: ServiceContext): Map<string, string> {
  const rows = ctx.raw.prepare('SELECT tbl, id, col, hash FROM sent_text').raw().all() as [string, string, string, string][];
  return new Map(rows.map(([t, i, c, h]) => [textKey(t, i, c), h]));
}

/** The check that passed the last file's texts, or undefined (never, or not known). */
export const sentCheckedWith = (ctx: ServiceContext): string | undefined => getMeta(ctx.raw, 'sent_text_checked_with');

/** What one export's check passed: each carried value's hash by key, and the check that passed them. */
export interface PassedTexts {
  hashes: Map<string, string>;
  checkedWith: string;
  /** sent_text as it was before the check, when the check read it. */
  before?: Map<string, string>;
}

/**
 * Once a school file is written: what it carried is what the next review compares with. Only the values that
 * changed are written. Without `passed` (no check ran for this file) the texts are read and hashed here, and
 * nothing is said about a check, so the next export reads every text.
 */
export function recordSentTexts(ctx: ServiceContext, owner: string, passed?: PassedTexts): void {
  ctx.raw.transaction(() => {
    const now = passed?.hashes ?? new Map([...outgoingTexts(ctx, owner)].filter((t) => !t.builtin).map((t) => [textKey(t.table, t.id, t.column), textHash(t.value)]));
    const old = passed?.before ?? sentHashes(ctx);
    const put = ctx.raw.prepare('INSERT OR REPLACE INTO sent_text (tbl, id, col, hash) VALUES (?, ?, ?, ?)');
    const del = ctx.raw.prepare('DELETE FROM sent_text WHERE tbl = ? AND id = ? AND col = ?');
    for (const [k, h] of now) {
      if (old.get(k) !== h) put.run(...k.split('|'), h);
      old.delete(k);
    }
    for (const k of old.keys()) del.run(...k.split('|'));
    if (passed) setMeta(ctx.raw, 'sent_text_checked_with', passed.checkedWith);
    else deleteMeta(ctx.raw, 'sent_text_checked_with');
  })();
}
