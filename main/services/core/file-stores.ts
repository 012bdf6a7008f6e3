/**
 * The folders of attached files put in order when a workspace is opened, before anything reads them. An import
 * writes a file's bytes before its transaction commits (`<id>.part`, then the old bytes aside as `<id>.prev`);
 * a kill -9 or a power cut in between leaves what this sweeps:
 *  - `.part`: never renamed into place, so never whole — removed;
 *  - `.prev`: the commit may or may not have happened; whichever of the two versions matches the record's
 *    checksum stays;
 *  - a file with no record in its table (the commit never happened): removed.
 * It also moves the department's meeting files out of the school files' folder, where versions before the
 * per-table stores kept them, and seals files an earlier version left in plain.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ServiceContext } from './context.js';
import { fileTables } from '../../../db/registry/index.js';
import { attachmentPath, fileStoreDir, readAttachmentBytes, sealPlainAttachments } from './attachment-path.js';

type FilesCtx = Pick<ServiceContext, 'filesDir' | 'raw'>;

export interface SettledStores {
  /** Half-written files removed. */
  partial: number;
  /** Files without a record removed. */
  orphans: number;
  /** Files put back from `.prev` (the import that replaced them never committed). */
  putBack: number;
  /** Files moved into their own table's folder. */
  moved: number;
  /** Files sealed (stored in plain by an earlier version). */
  sealed: number;
}

function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Moves files of `table` kept in the school files' folder (before per-table stores) into the table's own. */
function moveFromShared(ctx: FilesCtx, table: string): number {
  const shared = fileStoreDir(ctx, 'attachment');
  if (table === 'attachment' || !existsSync(shared)) return 0;
  // An id in both tables stays where it is: whose bytes those are cannot be told.
  const ids = ctx.raw.prepare(`SELECT t.id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM attachment a WHERE a.id = t.id)`).pluck().all() as string[];
  let n = 0;
  for (const id of ids) {
    const from = join(shared, id);
    const to = attachmentPath(ctx, table, id);
    if (!existsSync(from) || existsSync(to)) continue;
    mkdirSync(fileStoreDir(ctx, table), { recursive: true });
    renameSync(from, to);
    n++;
  }
  return n;
}

export function settleFileStores(ctx: FilesCtx): SettledStores {
  const out: SettledStores = { partial: 0, orphans: 0, putBack: 0, moved: 0, sealed: 0 };
  const tables = fileTables().filter((t) => ctx.raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
  for (const table of tables) out.moved += moveFromShared(ctx, table);
  for (const table of tables) {
    const dir = fileStoreDir(ctx, table);
    if (!existsSync(dir)) continue;
    const record = ctx.raw.prepare(`SELECT sha256 FROM ${table} WHERE id = ?`).pluck();
    // The school files' folder also holds other tables' files until they are moved (a foreign-keyed one stays).
    const elsewhere = tables.filter((t) => t !== table).map((t) => ctx.raw.prepare(`SELECT 1 FROM ${t} WHERE id = ?`).pluck());
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name.endsWith('.part')) {
        rmSync(path, { force: true });
        out.partial++;
        continue;
      }
      if (name.endsWith('.prev')) {
        const id = name.slice(0, -'.prev'.length);
        const want = record.get(id) as string | undefined;
        const current = existsSync(join(dir, id)) ? safeRead(ctx, table, id) : null;
        if (current && want && sha256(current) === want) rmSync(path, { force: true });
        else {
          renameSync(path, join(dir, id));
          out.putBack++;
        }
        continue;
      }
      if (record.get(name) === undefined && !elsewhere.some((q) => q.get(name) !== undefined)) {
        rmSync(path, { force: true });
        out.orphans++;
      }
    }
  }
  for (const table of tables) out.sealed += sealPlainAttachments(ctx, table);
  return out;
}

function safeRead(ctx: FilesCtx, table: string, id: string): Buffer | null {
  try {
    return readAttachmentBytes(ctx, table, id);
  } catch {
    return null;
  }
}
