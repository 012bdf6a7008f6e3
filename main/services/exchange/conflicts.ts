/**
 * Conflicts: versions of one record made independently by two origins (e.g. a school's restored backup and
 * the copy that kept working). Both stay visible; a person keeps one, and the others are remembered as
 * dismissed so that the same version arriving again does not reopen the question.
 */
import type { ServiceContext } from '../context.js';
import type { ExchangeConflict } from '../../../preload/contract/exchange.js';
import { AppError } from '../errors.js';
import { joinVv } from './merge.js';
import type { VersionVector } from './tables.js';
import { columnsOf } from '../../../db/registry/index.js';

/** A record with independent versions, as the conflicts screen shows it (the contract's type). */
export type Conflict = ExchangeConflict;
export type ConflictVersion = Conflict['versions'][number];

export function listConflicts(ctx: ServiceContext, limit = 200): Conflict[] {
  const keys = ctx.raw.prepare('SELECT tbl, id, MIN(detected_at) AS detected_at FROM sync_conflict WHERE dismissed = 0 GROUP BY tbl, id ORDER BY detected_at DESC LIMIT ?').all(limit) as { tbl: string; id: string; detected_at: string }[];
  return keys.map((k) => {
    const row = ctx.raw.prepare(`SELECT * FROM ${k.tbl} WHERE id = ?`).get(k.id) as Record<string, unknown>;
    const others = ctx.raw.prepare('SELECT hlc, origin, data FROM sync_conflict WHERE tbl = ? AND id = ? AND dismissed = 0 ORDER BY hlc DESC').all(k.tbl, k.id) as { hlc: string; origin: string; data: string }[];
    return {
      table: k.tbl, id: k.id, detected_at: k.detected_at,
      versions: [
        { hlc: String(row.hlc), origin: String(row.origin), current: true, data: row },
        ...others.map((o) => ({ hlc: o.hlc, origin: o.origin, current: false, data: JSON.parse(o.data) as Record<string, unknown> })),
      ],
    };
  });
}

export function conflictCount(ctx: ServiceContext): number {
  return ctx.raw.prepare('SELECT COUNT(DISTINCT tbl || id) FROM sync_conflict WHERE dismissed = 0').pluck().get() as number;
}

/** Keeps the version with stamp `keepHlc`; the others are dismissed. */
export function resolveConflict(ctx: ServiceContext, table: string, id: string, keepHlc: string): void {
  ctx.raw.transaction(() => {
    const open = ctx.raw.prepare('SELECT hlc, origin, vv, data FROM sync_conflict WHERE tbl = ? AND id = ? AND dismissed = 0').all(table, id) as { hlc: string; origin: string; vv: string; data: string }[];
    if (!open.length) throw new AppError('not_found', 'Конфликт не найден: возможно, он уже разрешён.');
    const row = ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
    if (row.hlc === keepHlc) {
      ctx.raw.prepare('UPDATE sync_conflict SET dismissed = 1 WHERE tbl = ? AND id = ? AND dismissed = 0').run(table, id);
      return;
    }
    const keep = open.find((o) => o.hlc === keepHlc);
    if (!keep) throw new AppError('not_found', 'Выбранная версия не найдена.');
    const data = JSON.parse(keep.data) as Record<string, unknown>;
    const cols = columnsOf(table).filter((c) => c !== 'id' && c in data);
    // The row being replaced becomes a dismissed version, so it cannot come back as a conflict either.
    const rowVv = (ctx.raw.prepare('SELECT vv FROM sync_version WHERE tbl = ? AND id = ?').pluck().get(table, id) as string | undefined) ?? JSON.stringify({ [String(row.origin)]: row.hlc });
    ctx.raw.prepare('INSERT OR REPLACE INTO sync_conflict (tbl, id, hlc, origin, vv, data, detected_at, dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, 1)')
      .run(table, id, row.hlc, row.origin, rowVv, JSON.stringify(row), ctx.now().toISOString());
    ctx.raw.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => data[c]), id);
    const vv: VersionVector = JSON.parse(keep.vv);
    if (Object.keys(vv).length > 1) ctx.raw.prepare('INSERT OR REPLACE INTO sync_version (tbl, id, vv) VALUES (?, ?, ?)').run(table, id, JSON.stringify(joinVv(vv)));
    else ctx.raw.prepare('DELETE FROM sync_version WHERE tbl = ? AND id = ?').run(table, id);
    ctx.raw.prepare('UPDATE sync_conflict SET dismissed = 1 WHERE tbl = ? AND id = ? AND dismissed = 0').run(table, id);
  }).immediate();
}
