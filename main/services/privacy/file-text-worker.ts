/**
 * The worker thread that reads an attached file's text (file-text.ts) for read-whole.ts: a file that takes too
 * long or too much memory is stopped with the thread, never with the app. Each request brings its own port and
 * a shared flag, so the caller may wait for the answer blocking (Atomics.wait) or not.
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { extractText, type Extracted } from './file-text.js';

export interface ReadRequest {
  fileName: string;
  bytes: Uint8Array;
  port: MessagePort;
  /** Int32 flag: 1 once the answer is on the port. */
  done: SharedArrayBuffer;
}

parentPort?.on('message', (req: ReadRequest) => {
  let result: Extracted;
  try {
    result = extractText(req.fileName, req.bytes);
  } catch {
    result = { ok: false, why: 'damaged' };
  }
  req.port.postMessage(result);
  req.port.close();
  const flag = new Int32Array(req.done);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
