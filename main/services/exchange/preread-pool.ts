/**
 * The department's batch import on two cores: while file N is written into the database, file N+1 is read,
 * verified, decrypted, inflated, hashed, parsed and checked in a worker thread (preread-worker.ts). The import
 * itself stays one synchronous call: the main thread takes the worker's answer through a shared flag (Atomics).
 *
 * The worker's code: under vitest/tsx the TypeScript source (through tsx's loader); in the bundles
 * (dist/main.cjs, web.cjs, cli.cjs, built by scripts/build-node.mjs) dist/preread-worker.cjs, read as text and
 * started with `eval`, which works from inside Electron's app.asar too. Without it, files are read one by one
 * on the main thread, exactly as before.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { ensureIdentity, type ExchangeContext } from './keys.js';
import type { Preread, Senders } from './preread.js';

/**
 * How long the main thread waits for a file the worker has not finished: a moment, then it reads the file itself and
 * the worker drops it. The worker normally finishes first (it reads a file in less time than the main thread writes
 * one); on a computer busy with something else the import never stands waiting for it. Tests set it higher, to
 * know the worker's answer is used.
 */
export const READ_AHEAD = { graceMs: 50 };
/** A worker that has not loaded by then will not: the batch goes on without it. */
const START_MS = 5_000;

/** The bundled worker beside the app's bundle, as code to `eval` (from inside app.asar too); null when it is not there. */
export function bundledWorkerCode(dir: string): string | null {
  const file = join(dir, 'preread-worker.cjs');
  if (!existsSync(file)) return null;
  return `(function (exports, module) {\n${readFileSync(file, 'utf8')}\n})({}, { exports: {} });`;
}

function workerCode(): string | null {
  try {
    const here = import.meta.url;
    if (here.endsWith('.cjs')) return bundledWorkerCode(dirname(fileURLToPath(here)));
    const source = fileURLToPath(new URL('./preread-worker.ts', here));
    if (!existsSync(source)) return null;
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  } catch {
    return null;
  }
}

/** Which schools' files may be opened ahead, from the roster as it is now (see preread.ts). */
function senders(raw: BetterSqlite3.Database): { senders: Senders; held: Record<string, string> } {
  const rows = raw.prepare('SELECT id, status, fingerprint, secret_hash FROM municipality_school').all() as
    { id: string; status: string; fingerprint: string | null; secret_hash: string | null }[];
  const out: Senders = {};
  const held: Record<string, string> = {};
  for (const r of rows) {
    if (r.fingerprint && r.status !== 'invited') held[r.fingerprint] ??= r.id;
    if (r.status === 'blocked') continue;
    out[r.id] = { fingerprint: r.status === 'enrolled' ? r.fingerprint : null, enrollable: !!r.secret_hash };
  }
  return { senders: out, held };
}

/** Files whose checked tables came from the worker, since the app started: the bench and the tests show it was used. */
export const prereadStats = { tablesAhead: 0 };

export interface Pending {
  port: MessagePort;
  /** [0]: 1 once the answer is on the port; [1]: 1 when the main thread has taken the file back. */
  flags: Int32Array;
}

/** A worker left idle this long after a batch ends: the import screen's next group (a call later) finds it started. */
const IDLE_MS = 60_000;

/** The read-ahead worker of each open database: one batch at a time uses it (the import is one synchronous call). */
const pools = new WeakMap<BetterSqlite3.Database, Prereader>();

/** The read-ahead worker; a batch acquires it and releases it when done; it ends itself after IDLE_MS unused. */
export class Prereader {
  private readonly started = Date.now();
  private idle: NodeJS.Timeout | null = null;

  private constructor(private worker: Worker | null, private readonly ready: Int32Array) {}

  /** The worker for a batch on this database, started if needed; null when its code is not at hand (the batch is then read on this thread). */
  static acquire(raw: BetterSqlite3.Database): Prereader | null {
    const kept = pools.get(raw);
    if (kept?.worker) {
      if (kept.idle) clearTimeout(kept.idle);
      kept.idle = null;
      return kept;
    }
    // One core: the worker would only take turns with the main thread and add the cost of handing files over.
    if (availableParallelism() < 2) return null;
    const code = workerCode();
    if (!code) return null;
    const ready = new SharedArrayBuffer(4);
    const w = new Worker(code, { eval: true, workerData: { ready } });
    w.unref();
    // A worker that fails to load or dies says so only on the event loop this thread is not returning to: its
    // answers just never come, and the files are read here.
    w.on('error', () => {});
    const pool = new Prereader(w, new Int32Array(ready));
    pools.set(raw, pool);
    return pool;
  }

  /** The batch is done: the worker waits for the next one a while, then ends. */
  release(): void {
    if (!this.worker) return;
    this.idle = setTimeout(() => this.close(), IDLE_MS);
    this.idle.unref();
  }

  /** Starts reading a file ahead: from disk (`path`), or from the bytes the window sent (copied to the worker). */
  ask(ctx: ExchangeContext, file: { path: string } | { bytes: Uint8Array }): Pending | null {
    if (!this.worker) return null;
    const id = ensureIdentity(ctx);
    const { port1, port2 } = new MessageChannel();
    const flags = new SharedArrayBuffer(8);
    this.worker.postMessage({ ...file, key: id.keys.encryptPrivate, keyPublic: id.keys.encryptPublic, ...senders(ctx.raw), port: port2, flags }, [port2]);
    return { port: port1, flags: new Int32Array(flags) };
  }

  /** The worker's answer if it is there (or comes within the grace); otherwise undefined and the file is read here. */
  take(p: Pending | null): Preread | undefined {
    if (!p) return undefined;
    try {
      if (Atomics.wait(p.flags, 0, 0, READ_AHEAD.graceMs) === 'timed-out') {
        Atomics.store(p.flags, 1, 1);
        if (Atomics.load(this.ready, 0) === 0 && Date.now() - this.started > START_MS) this.close();
        return undefined;
      }
      const pre = receiveMessageOnPort(p.port)?.message as Preread | undefined;
      if (pre?.tables?.length) prereadStats.tablesAhead++;
      return pre;
    } finally {
      p.port.close();
    }
  }

  close(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    void this.worker?.terminate();
    this.worker = null;
  }
}
