/**
 * Reads an attached file's text in a worker thread (file-text-worker.ts), so no file can freeze or exhaust
 * the app: the thread has its own heap limit, and a wall-clock limit — past it the thread is terminated and
 * the file «cannot be read whole». Within the thread file-text.ts bounds inflated bytes, parts and depth.
 *
 * The worker's code: under vitest/tsx the TypeScript source (through tsx's loader); in the bundles
 * (dist/main.cjs, web.cjs, cli.cjs, built by scripts/build-node.mjs) dist/file-text-worker.cjs, read as text
 * and started with `eval`, which works from inside Electron's app.asar too.
 */
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { READ_LIMITS, type Extracted } from './file-text.js';

/** How long one file may take to read; a real protocol takes well under a second. */
export const READ_TIMEOUT_MS = 10_000;
/** The thread's heap: a file that needs more is stopped by V8 (ERR_WORKER_OUT_OF_MEMORY), not the app. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
/** An idle thread is let go after this long; the next file starts a new one. */
const IDLE_MS = 30_000;

/** The limits in words, for the messages and the README. */
export const LIMITS_IN_WORDS = `больше ${READ_LIMITS.maxInflatedBytes / 1024 / 1024} МБ в распакованном виде, больше ${READ_LIMITS.maxParts} частей, документы, вложенные глубже ${READ_LIMITS.maxDepth} уровней, или чтение дольше ${READ_TIMEOUT_MS / 1000} секунд`;

function workerCode(): string {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) {
    // The bundle: its CommonJS code gets the module wrapper a file would get.
    const code = readFileSync(join(dirname(fileURLToPath(here)), 'file-text-worker.cjs'), 'utf8');
    return `(function (exports, module) {\n${code}\n})({}, { exports: {} });`;
  }
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./file-text-worker.ts', here));
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
}

let current: Worker | null = null;
let idle: NodeJS.Timeout | null = null;

function worker(): Worker {
  if (idle) clearTimeout(idle);
  if (!current) {
    const w = new Worker(workerCode(), { eval: true, resourceLimits: RESOURCE_LIMITS });
    w.unref();
    // Out of memory or any other end: the next file gets a new thread.
    const gone = () => { if (current === w) current = null; };
    w.on('error', gone);
    w.on('exit', gone);
    current = w;
  }
  return current;
}

function stop(w: Worker | null): void {
  if (current === w) current = null;
  void w?.terminate();
}

function letGoLater(): void {
  if (idle) clearTimeout(idle);
  const w = current;
  idle = setTimeout(() => stop(w), IDLE_MS);
  idle.unref();
}

/**
 * The text of the file, or why it cannot be read whole. Blocks the calling thread while the worker reads
 * (at most `timeoutMs`): the export builds its bundle inside one database transaction and needs the answer
 * before it goes on. A legible file comes back in milliseconds; a hostile one is refused as fast.
 */
export function readWholeSync(fileName: string, bytes: Uint8Array, timeoutMs = READ_TIMEOUT_MS): Extracted {
  const w = worker();
  const { port1, port2 } = new MessageChannel();
  const done = new SharedArrayBuffer(4);
  try {
    w.postMessage({ fileName, bytes, port: port2, done }, [port2]);
    Atomics.wait(new Int32Array(done), 0, 0, timeoutMs);
    const answer = receiveMessageOnPort(port1);
    if (!answer) {
      // Still reading, or the thread died (its heap limit): either way the file cannot be read whole.
      stop(w);
      return { ok: false, why: 'limit' };
    }
    return answer.message as Extracted;
  } finally {
    port1.close();
    letGoLater();
  }
}

/** The same without blocking: for a caller that can wait (a screen's request). */
export function readWhole(fileName: string, bytes: Uint8Array, timeoutMs = READ_TIMEOUT_MS): Promise<Extracted> {
  const w = worker();
  const { port1, port2 } = new MessageChannel();
  return new Promise<Extracted>((resolve) => {
    const finish = (r: Extracted) => {
      clearTimeout(timer);
      w.off('exit', onExit);
      port1.close();
      letGoLater();
      resolve(r);
    };
    const onExit = () => finish({ ok: false, why: 'limit' });
    const timer = setTimeout(() => { stop(w); finish({ ok: false, why: 'limit' }); }, timeoutMs);
    port1.once('message', (m: Extracted) => finish(m));
    w.once('exit', onExit);
    w.postMessage({ fileName, bytes, port: port2, done: new SharedArrayBuffer(4) }, [port2]);
  });
}
