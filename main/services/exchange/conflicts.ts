/**
 * Conflicts: versions of one record made independently by two origins (e.g. a school's restored backup and
 * the copy that kept working). Both stay visible; a person keeps one, and the others are remembered as
 * dismissed so that the same version arriving again does not reopen the question. The last decision on a
 * record is remembered too (meta `conflict_decision.<table>.<id>`), so it can be undone from the history
 * of decisions as long as nobody has changed the record since.
 */
import type { ServiceContext } from '../core/context.js';
import type { ExchangeConflict, ExchangeConflictDecision } from '../../../preload/contract/exchange.js';
import { AppError } from '../core/errors.js';
import { joinVv } from './merge.js';
import type { VersionVector } from './tables.js';
import { columnsOf } from '../../../db/registry/index.js';
import { getMeta, setMeta, deleteMeta, type MetaKey } from '../core/meta.js';
import { differingFields, kindTitle, originWords, ownerName, recordTitle } from '../core/record-words.js';

/** A record with independent versions, as the conflicts screen shows it (the contract's type). */
export type Conflict = ExchangeConflict;
export type ConflictVersion = Conflict['versions'][number];

interface Decision {
  at: string;
  kept: string;
  /** The live row before the decision: its stamp and version vector (null when it had none of its own). */
  previous: { hlc: string; vv: string | null };
  /** The versions that were open before the decision. */
  reopen: string[];
}

const decisionKey = (table: string, id: string): MetaKey => `conflict_decision.${table}.${id}`;

export function listConflicts(ctx: ServiceContext, limit = 200): Conflict[] {
  const keys = ctx.raw.prepare('SELECT tbl, id, MIN(detected_at) AS detected_at FROM sync_conflict WHERE dismissed = 0 GROUP BY tbl, id ORDER BY detected_at DESC LIMIT ?').all(limit) as { tbl: string; id: string; detected_at: string }[];
  return keys.map((k) => {
    const row = ctx.raw.prepare(`SELECT * FROM ${k.tbl} WHERE id = ?`).get(k.id) as Record<string, unknown>;
    const others = ctx.raw.prepare('SELECT hlc, origin, data FROM sync_conflict WHERE tbl = ? AND id = ? AND dismissed = 0 ORDER BY hlc DESC').all(k.tbl, k.id) as { hlc: string; origin: string; data: string }[];
    const versions = [
      { hlc: String(row.hlc), origin: String(row.origin), current: true, data: row },
      ...others.map((o) => ({ hlc: o.hlc, origin: o.origin, current: false, data: JSON.parse(o.data) as Record<string, unknown> })),
    ];
    return {
      table: k.tbl, id: k.id, detected_at: k.detected_at,
      kindTitle: kindTitle(k.tbl), title: recordTitle(ctx.raw, k.tbl, row), school: ownerName(ctx.raw, row.owner),
      fields: differingFields(ctx.raw, k.tbl, versions.map((v) => v.data)),
      versions: versions.map((v) => ({ ...v, changedAt: String(v.data.updated_at ?? ''), changedBy: originWords(ctx.raw, v.origin) })),
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
    const prevVv = ctx.raw.prepare('SELECT vv FROM sync_version WHERE tbl = ? AND id = ?').pluck().get(table, id) as string | undefined;
    const decision: Decision = { at: ctx.now().toISOString(), kept: keepHlc, previous: { hlc: String(row.hlc), vv: prevVv ?? null }, reopen: open.map((o) => o.hlc) };
    if (row.hlc === keepHlc) {
      ctx.raw.prepare('UPDATE sync_conflict SET dismissed = 1 WHERE tbl = ? AND id = ? AND dismissed = 0').run(table, id);
      setMeta(ctx.raw, decisionKey(table, id), JSON.stringify(decision));
      return;
    }
    const keep = open.find((o) => o.hlc === keepHlc);
    if (!keep) throw new AppError('not_found', 'Выбранная версия не найдена.');
    const data = JSON.parse(keep.data) as Record<string, unknown>;
    // The row being replaced becomes a dismissed version, so it cannot come back as a conflict either.
    const rowVv = prevVv ?? JSON.stringify({ [String(row.origin)]: row.hlc });
    ctx.raw.prepare('INSERT OR REPLACE INTO sync_conflict (tbl, id, hlc, origin, vv, data, detected_at, dismissed) VALUES (?, ?, ?, ?, ?, ?, ?, 1)')
      .run(table, id, row.hlc, row.origin, rowVv, JSON.stringify(row), ctx.now().toISOString());
    writeRow(ctx, table, id, data);
    const vv: VersionVector = JSON.parse(keep.vv);
    if (Object.keys(vv).length > 1) ctx.raw.prepare('INSERT OR REPLACE INTO sync_version (tbl, id, vv) VALUES (?, ?, ?)').run(table, id, JSON.stringify(joinVv(vv)));
    else ctx.raw.prepare('DELETE FROM sync_version WHERE tbl = ? AND id = ?').run(table, id);
    ctx.raw.prepare('UPDATE sync_conflict SET dismissed = 1 WHERE tbl = ? AND id = ? AND dismissed = 0').run(table, id);
    setMeta(ctx.raw, decisionKey(table, id), JSON.stringify(decision));
  }).immediate();
}

function writeRow(ctx: ServiceContext, table: string, id: string, data: Record<string, unknown>) {
  const cols = columnsOf(table).filter((c) => c !== 'id' && c in data);
  ctx.raw.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => data[c]), id);
}

/** Decisions that can be looked at (and undone while the record is as the decision left it), newest first. */
export function listDecisions(ctx: ServiceContext, limit = 100): ExchangeConflictDecision[] {
  const rows = ctx.raw.prepare("SELECT key, value FROM meta WHERE key LIKE 'conflict\\_decision.%' ESCAPE '\\'").all() as { key: string; value: string }[];
  const out: ExchangeConflictDecision[] = [];
  for (const r of rows) {
    const [, table, id] = r.key.split('.') as [string, string, string];
    const d = JSON.parse(r.value) as Decision;
    let row: Record<string, unknown> | undefined;
    try {
      row = ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    } catch {
      continue; // a table this version no longer has
    }
    if (!row) continue;
    const keptVersion = d.kept === d.previous.hlc ? row : (JSON.parse(String(ctx.raw.prepare('SELECT data FROM sync_conflict WHERE tbl = ? AND id = ? AND hlc = ?').pluck().get(table, id, d.kept) ?? '{}')) as Record<string, unknown>);
    out.push({
      table, id, at: d.at, kindTitle: kindTitle(table), title: recordTitle(ctx.raw, table, row), school: ownerName(ctx.raw, row.owner),
      keptBy: originWords(ctx.raw, String(keptVersion.origin ?? row.origin)), keptAt: String(keptVersion.updated_at ?? ''),
      undoable: String(row.hlc) === d.kept,
    });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/** Puts the record back as it was before the last decision, and the versions back in the conflicts list. */
export function undoDecision(ctx: ServiceContext, table: string, id: string): void {
  ctx.raw.transaction(() => {
    const stored = getMeta(ctx.raw, decisionKey(table, id));
    if (!stored) throw new AppError('not_found', 'Решения по этой записи нет: возможно, его уже отменили.');
    const d = JSON.parse(stored) as Decision;
    const row = ctx.raw.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!row || String(row.hlc) !== d.kept) {
      throw new AppError('changed', 'Запись изменилась после решения (её правили или пришёл новый файл), поэтому отменить выбор нельзя. Исправьте запись обычным образом.');
    }
    if (d.kept !== d.previous.hlc) {
      const prev = ctx.raw.prepare('SELECT data FROM sync_conflict WHERE tbl = ? AND id = ? AND hlc = ?').pluck().get(table, id, d.previous.hlc) as string | undefined;
      if (!prev) throw new AppError('not_found', 'Прежняя версия записи не найдена; отменить выбор нельзя.');
      writeRow(ctx, table, id, JSON.parse(prev) as Record<string, unknown>);
      ctx.raw.prepare('DELETE FROM sync_conflict WHERE tbl = ? AND id = ? AND hlc = ?').run(table, id, d.previous.hlc);
      if (d.previous.vv) ctx.raw.prepare('INSERT OR REPLACE INTO sync_version (tbl, id, vv) VALUES (?, ?, ?)').run(table, id, d.previous.vv);
      else ctx.raw.prepare('DELETE FROM sync_version WHERE tbl = ? AND id = ?').run(table, id);
    }
    const reopen = ctx.raw.prepare('UPDATE sync_conflict SET dismissed = 0 WHERE tbl = ? AND id = ? AND hlc = ?');
    for (const h of d.reopen) reopen.run(table, id, h);
    deleteMeta(ctx.raw, decisionKey(table, id));
  }).immediate();
}
