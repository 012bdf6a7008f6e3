/** Importing files and folders from disk: what to pick up, reading with limits, one outcome per file. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../core/errors.js';
import type { ExchangeContext } from './keys.js';
import { BundleError, LIMITS, megabytes } from './reasons.js';
import { importBundle, type ImportOutcome } from './import.js';
import { assertDatabaseSound } from '../core/db-errors.js';
import { getRole } from '../core/school-profile.js';
import { Prereader } from './preread-pool.js';
import { asBuffer, type Preread } from './preread.js';


/** Files and folders → the bundle files to import (folders: their *.opora files, one level deep, no hidden or partial files). */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as unreadable by importFile
      continue;
    }
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        if (f.startsWith('.') || !f.toLowerCase().endsWith('.opora')) continue;
        const full = join(p, f);
        try {
          if (statSync(full).isFile()) out.push(full);
        } catch {
          /* vanished */
        }
      }
    } else out.push(p);
  }
  return out;
}

export function importFile(ctx: ExchangeContext, path: string, opts: { dryRun?: boolean; pre?: Preread } = {}): ImportOutcome {
  const fileName = basename(path);
  let bytes: Buffer;
  // Read ahead by the batch's worker: the same stat and size checks passed there (a failure is repeated here, in words).
  if (opts.pre?.bytes) return { ...importBundle(ctx, { fileName, bytes: asBuffer(opts.pre.bytes), dryRun: opts.dryRun, pre: opts.pre }), file: path };
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new BundleError('read_error', 'это не файл');
    if (st.size > LIMITS.fileBytes) throw new BundleError('too_large', `файл ${megabytes(st.size)} при пределе ${megabytes(LIMITS.fileBytes)}`);
    bytes = readFileSync(path);
  } catch (e) {
    const err = e instanceof AppError ? e : new BundleError('read_error', (e as NodeJS.ErrnoException).code);
    return { file: path, status: 'rejected', reasonCode: err.code, reason: err.message, dryRun: !!opts.dryRun };
  }
  return { ...importBundle(ctx, { fileName, bytes, dryRun: opts.dryRun }), file: path };
}

export function importPaths(ctx: ExchangeContext, paths: string[], opts: { dryRun?: boolean; onProgress?: (done: number, total: number, last: ImportOutcome) => void } = {}): ImportOutcome[] {
  const files = expandPaths(paths);
  return inBatch(ctx, files.map((path) => ({
    name: path,
    ahead: { path },
    run: (pre) => importFile(ctx, path, { dryRun: opts.dryRun, pre }),
  })), { ...opts, checkSound: true });
}

/**
 * The import screen's files, several per call (the window sends them in groups): the same batch as a folder's, the
 * next file checked on the second core while this one is written. Each file is still its own transaction.
 */
export function importBuffers(ctx: ExchangeContext, files: { fileName: string; bytes: Buffer }[], opts: { dryRun?: boolean } = {}): ImportOutcome[] {
  return inBatch(ctx, files.map((f) => ({
    name: f.fileName,
    ahead: { bytes: f.bytes },
    run: (pre) => importBundle(ctx, { fileName: f.fileName, bytes: f.bytes, dryRun: opts.dryRun, pre }),
  })), opts);
}

interface BatchItem {
  /** What a refusal of the whole batch names it by. */
  name: string;
  ahead: { path: string } | { bytes: Uint8Array };
  run(pre: Preread | undefined): ImportOutcome;
}

function inBatch(ctx: ExchangeContext, items: BatchItem[], opts: { dryRun?: boolean; checkSound?: boolean; onProgress?: (done: number, total: number, last: ImportOutcome) => void }): ImportOutcome[] {
  // A folder from the command line: once per batch, not per file (it reads the whole database), nothing is merged
  // into a damaged file. The window's groups are checked as its single files are, by the app's own checks.
  try {
    if (opts.checkSound) assertDatabaseSound(ctx.raw);
  } catch (e) {
    const err = e as AppError;
    return items.map((f) => ({ file: f.name, status: 'rejected', reasonCode: err.code, reason: err.message, dryRun: !!opts.dryRun }));
  }
  const out: ImportOutcome[] = [];
  // The department's batch: the next file is read and checked on the second core while this one is written.
  const ahead = items.length > 1 && getRole(ctx) === 'municipality' ? Prereader.acquire(ctx.raw) : null;
  try {
    // The first file is read here while the worker starts (and reads the second): nobody waits for its start.
    let next = ahead?.ask(ctx, items[1]!.ahead) ?? null;
    items.forEach((f, i) => {
      const pre = i > 0 ? ahead?.take(next) : undefined;
      if (i > 0) next = ahead && i + 1 < items.length ? ahead.ask(ctx, items[i + 1]!.ahead) : null;
      const r = f.run(pre);
      out.push(r);
      opts.onProgress?.(i + 1, items.length, r);
    });
  } finally {
    ahead?.release();
  }
  return out;
}
