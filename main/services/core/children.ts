/**
 * A record saved together with its children, as a person edits a document: the list on screen is the truth.
 * Children kept keep their ids (so the other side sees an edit, not a delete and a new row), the ones removed
 * are tombstoned, new ones are created — all through the one writer, inside the caller's transaction.
 */
import type { ServiceContext } from './context.js';
import { tombstoneRow, writeRow, type Row } from './writer.js';
import { AppError } from './errors.js';

/** Makes the live children of `parentId` in `table` exactly `items`; returns the saved rows in the given order. */
export function syncChildren(ctx: ServiceContext, table: string, parentColumn: string, parentId: string, items: readonly Record<string, unknown>[]): Row[] {
  const existing = new Set(ctx.raw.prepare(`SELECT id FROM ${table} WHERE ${parentColumn} = ? AND deleted_at IS NULL`).pluck().all(parentId) as string[]);
  const kept = new Set(items.map((i) => i.id).filter((x): x is string => typeof x === 'string'));
  for (const k of kept) {
    if (!existing.has(k)) throw new AppError('not_found', 'Строка, которую вы правили, уже удалена. Обновите экран и повторите.');
  }
  for (const e of existing) if (!kept.has(e)) tombstoneRow(ctx, table, e);
  return items.map((item) => writeRow(ctx, table, { ...item, [parentColumn]: parentId }, { id: typeof item.id === 'string' ? item.id : undefined }));
}

/** Makes the live link rows (school_id) of a record exactly `schoolIds`. */
export function syncSchoolLinks(ctx: ServiceContext, table: string, column: string, rowId: string, schoolIds: readonly string[]): void {
  const existing = ctx.raw.prepare(`SELECT id, school_id FROM ${table} WHERE ${column} = ? AND deleted_at IS NULL`).all(rowId) as { id: string; school_id: string }[];
  const want = new Set(schoolIds);
  for (const e of existing) if (!want.has(e.school_id)) tombstoneRow(ctx, table, e.id);
  const have = new Set(existing.map((e) => e.school_id));
  for (const s of want) if (!have.has(s)) writeRow(ctx, table, { [column]: rowId, school_id: s });
}

/** Live link rows of many records at once: record id → school ids. */
export function schoolLinks(ctx: ServiceContext, table: string, column: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of ctx.raw.prepare(`SELECT ${column} AS rid, school_id FROM ${table} WHERE deleted_at IS NULL ORDER BY rowid`).all() as { rid: string; school_id: string }[]) {
    const list = out.get(r.rid) ?? [];
    list.push(r.school_id);
    out.set(r.rid, list);
  }
  return out;
}
