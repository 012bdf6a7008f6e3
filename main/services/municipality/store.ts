/**
 * Writing the municipality's own synced tables (partner groups, curators, coordination group, roadmap,
 * municipal activities): the same bookkeeping as records.ts (stamps, tombstones), for tables the school
 * contract does not know. Column names are checked against a list per table, never taken from input.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context.js';
import { stampNew, stampChange } from '../records.js';
import { AppError, notFound } from '../errors.js';
import { getRole } from '../school.js';

import type { Row } from '../../../preload/contract/index.js';

export type { Row };

export const MUN_TABLES = {
  partner_group: ['number', 'title', 'territory', 'note'],
  curator: ['full_name', 'position', 'organisation', 'phone', 'email', 'note'],
  coordination_member: ['position_no', 'full_name', 'position', 'organisation', 'role'],
  roadmap: ['title', 'year_from', 'year_to', 'approval_number', 'approval_date', 'goals', 'tasks'],
  municipal_activity: ['roadmap_id', 'number', 'section', 'title', 'timing_text', 'date_from', 'date_to', 'responsible', 'status', 'completion_mark', 'completed_on', 'all_schools'],
  municipal_activity_school: ['activity_id', 'school_id'],
} as const;
export type MunTable = keyof typeof MUN_TABLES;

export function requireMunicipality(ctx: ServiceContext): void {
  if (getRole(ctx) !== 'municipality') throw new AppError('not_municipality', 'Это действие доступно только на рабочем месте муниципалитета.');
}

export function liveRow(ctx: ServiceContext, table: MunTable, id: string): Row | undefined {
  return ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
}

/** Inserts (no id) or updates (id) one row; returns it. Only the table's known columns are written. */
export function writeMun(ctx: ServiceContext, table: MunTable, value: Record<string, unknown>): Row {
  const cols = MUN_TABLES[table] as readonly string[];
  const data: Record<string, unknown> = {};
  for (const c of cols) if (c in value) data[c] = value[c] === undefined ? null : value[c];
  const id = typeof value.id === 'string' ? value.id : undefined;
  if (id) {
    if (!liveRow(ctx, table, id)) throw notFound('Запись');
    const all = { ...data, ...stampChange(ctx) };
    ctx.raw.prepare(`UPDATE ${table} SET ${Object.keys(all).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...all, id });
    return liveRow(ctx, table, id)!;
  }
  const all = { id: randomUUID(), ...stampNew(ctx), ...data };
  ctx.raw.prepare(`INSERT INTO ${table} (${Object.keys(all).join(', ')}) VALUES (${Object.keys(all).map((c) => '@' + c).join(', ')})`).run(all);
  return liveRow(ctx, table, all.id)!;
}

export function tombstoneMun(ctx: ServiceContext, table: MunTable, id: string): void {
  const s = stampChange(ctx);
  const r = ctx.raw.prepare(`UPDATE ${table} SET deleted_at = @at, updated_at = @at, origin = @origin, hlc = @hlc WHERE id = @id AND deleted_at IS NULL`)
    .run({ at: s.updated_at, origin: s.origin, hlc: s.hlc, id });
  if (!r.changes) throw notFound('Запись');
}

export function listMun(ctx: ServiceContext, table: MunTable, order: string): Row[] {
  return ctx.raw.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NULL ORDER BY ${order}`).all() as Row[];
}
