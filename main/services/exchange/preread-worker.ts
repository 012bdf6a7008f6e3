/**
 * The worker thread that reads the department's next school file ahead (preread.ts) while the main thread writes
 * the current one. Each request brings its own port and a shared flag, so the main thread can wait for the answer
 * without returning to its event loop (the import runs inside one synchronous call).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { preread, type PrereadRequest } from './preread.js';

interface Request extends PrereadRequest {
  port: MessagePort;
  /** Two Int32 flags: [0] set here once the answer is on the port, [1] set by the main thread if it read the file itself. */
  flags: SharedArrayBuffer;
}

parentPort?.on('message', (req: Request) => {
  const flags = new Int32Array(req.flags);
  let answer: ReturnType<typeof preread>;
  try {
    answer = preread(req, () => Atomics.load(flags, 1) === 1);
  } catch {
    answer = { out: {}, transfer: [] };
  }
  try {
    req.port.postMessage(answer.out, answer.transfer);
  } catch {
    req.port.postMessage({});
  }
  req.port.close();
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
});

// Loaded: the main thread may wait for answers now.
if (workerData?.ready) {
  const ready = new Int32Array(workerData.ready as SharedArrayBuffer);
  Atomics.store(ready, 0, 1);
  Atomics.notify(ready, 0);
}
