/**
 * The recycle bin: a deletion a person makes is one group — the record and what the registry's cascade took
 * with it (writer.ts cascadeOf) — remembered in the local `deletion` table (migration 0060), so that
 * «Восстановить» brings back exactly that group. Restoring goes through the one writer (reviveRow: a new HLC),
 * so the next bundle carries the rows like any edit and they win over the tombstones at the other side.
 * Personal data a tombstone erased (pupils' names and birth dates) is gone for good; the bin says so. So are
 * the bytes of deleted files after the bin's term (attachments.ts eraseDeletedFiles): such a file's record is
 * not brought back, since a file nobody can open is worse than none, and the bin says so too.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context.js';
import { AppError, notFound } from './errors.js';
import { cascadeOf, liveRow, reviveRow, tombstoneRow, type Row } from './writer.js';
import { allTables, fileTables, tableSpec, type Field } from '../../../db/registry/index.js';
import { fileBytesPresent } from './attachment-path.js';
import type { DeletedEntry, DeletionPreview, KindCount, RemoveResult, RestoreResult } from '../../../preload/contract/recycle-bin.js';

type Group = [string, string][];

/** Files of the group whose bytes were erased after the bin's term. */
const filesGone = (ctx: ServiceContext, group: Group) => {
  const files = new Set(fileTables());
  return group.filter(([t, id]) => files.has(t) && !fileBytesPresent(ctx, t, id)).length;
};

const hasPersonal = (table: string) => Object.values(tableSpec(table).fields as Record<string, Field>).some((f) => f.personal);

/** How a record is called in the bin: its title, name or text as the user wrote it, else its kind. */
function titleOf(table: string, row: Row | undefined): string {
  const v = row ? [row.title, row.topic, row.full_name, row.file_name, row.text, row.name, row.description, row.number].find((x) => typeof x === 'string' && x.trim()) : undefined;
  const s = typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
  return s.length > 160 ? s.slice(0, 157) + '…' : s || tableSpec(table).title;
}

function countKinds(group: Group): KindCount[] {
  const by = new Map<string, number>();
  for (const [t] of group) {
    const kind = tableSpec(t).title;
    by.set(kind, (by.get(kind) ?? 0) + 1);
  }
  return [...by].map(([kind, count]) => ({ kind, count }));
}

/** What deleting `plan`'s roots would take: the cascade of each, once. */
export function planOf(ctx: ServiceContext, roots: Group): Group {
  const seen = new Set<string>();
  const out: Group = [];
  for (const [t, id] of roots) for (const r of cascadeOf(ctx, t, id)) if (!seen.has(r.join(':'))) { seen.add(r.join(':')); out.push(r); }
  return out;
}

export function previewOf(group: Group): DeletionPreview {
  return { total: group.length, others: countKinds(group.slice(1)), personalErased: group.some(([t]) => hasPersonal(t)) };
}

/** Tombstones the roots with their cascade and remembers them as one group. In the caller's transaction, or its own. */
export function removeWithBin(ctx: ServiceContext, roots: Group): RemoveResult {
  return ctx.raw.transaction(() => {
    const group = planOf(ctx, roots);
    if (!group.length) throw notFound('Запись');
    let removed = 0;
    for (const [t, id] of group) if (liveRow(ctx, t, id)) removed += tombstoneRow(ctx, t, id);
    const deletionId = randomUUID();
    ctx.raw.prepare('INSERT INTO deletion (id, deleted_at, table_name, row_id, rows) VALUES (?, ?, ?, ?, ?)')
      .run(deletionId, ctx.now().toISOString(), group[0]![0], group[0]![1], JSON.stringify(group));
    return { removed, deletionId };
  })();
}

interface DeletionRow { id: string; deleted_at: string; table_name: string; row_id: string; rows: string; restored_at: string | null }

/** The last 500 deletions, newest first. */
export function listDeletions(ctx: ServiceContext): DeletedEntry[] {
  const rows = ctx.raw.prepare('SELECT * FROM deletion ORDER BY deleted_at DESC LIMIT 500').all() as DeletionRow[];
  return rows.map((d) => {
    const group = JSON.parse(d.rows) as Group;
    const root = ctx.raw.prepare(`SELECT * FROM ${tableSpec(d.table_name).name} WHERE id = ?`).get(d.row_id) as Row | undefined;
    return {
      id: d.id, deletedAt: d.deleted_at, kind: tableSpec(d.table_name).title, title: titleOf(d.table_name, root),
      others: countKinds(group.slice(1)), total: group.length, personalErased: group.some(([t]) => hasPersonal(t)), restoredAt: d.restored_at,
      filesErased: d.restored_at ? 0 : filesGone(ctx, group),
    };
  });
}

/** Brings the group back, parents first; refuses in words if what it belongs to is itself deleted. */
export function restoreDeletion(ctx: ServiceContext, id: string): RestoreResult {
  return ctx.raw.transaction(() => {
    const d = ctx.raw.prepare('SELECT * FROM deletion WHERE id = ?').get(id) as DeletionRow | undefined;
    if (!d) throw notFound('Удалённая запись');
    if (d.restored_at) throw new AppError('already_restored', 'Эта запись уже восстановлена.');
    let restored = 0;
    let filesLost = 0;
    const files = new Set(fileTables());
    // In the registry's merge order, parents before children: a pupil before its risk entry.
    const order = new Map(allTables().map((t, i) => [t.name, i]));
    const group = (JSON.parse(d.rows) as Group).map((r, i) => ({ r, i })).sort((a, b) => (order.get(a.r[0])! - order.get(b.r[0])!) || a.i - b.i).map((x) => x.r);
    for (const [t, rid] of group) {
      if (files.has(t) && !fileBytesPresent(ctx, t, rid)) {
        filesLost++;
        continue;
      }
      try {
        if (reviveRow(ctx, t, rid)) restored++;
      } catch (e) {
        if (e instanceof AppError && e.code === 'bad_reference') {
          throw new AppError('parent_deleted', `«${titleOf(d.table_name, undefined)}» относится к записи, которая тоже удалена. Сначала восстановите её — она выше в корзине.`);
        }
        throw e;
      }
    }
    ctx.raw.prepare('UPDATE deletion SET restored_at = ? WHERE id = ?').run(ctx.now().toISOString(), id);
    return { restored, filesLost };
  })();
}
