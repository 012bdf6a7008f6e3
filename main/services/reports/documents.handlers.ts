/** Generated documents saved to «Документы/Опора» and opened with the system's program (documents.ts). */
import { defineArea } from '../core/area-handlers.js';
import { saveDocument, openDocument } from '../core/documents.js';
import { reportResult } from './jobs.js';

export const documentsHandlers = defineArea({
  'reports.saveResult': (env, input) => {
    // A browser tab has nowhere to save: it downloads the result through reports.result instead.
    if (!env.documentsDir || !env.openPath) return { path: null, fileName: null };
    const f = reportResult(input.jobId);
    return { path: saveDocument(env, f.fileName, f.bytes), fileName: f.fileName };
  },
  'files.open': async (env, input) => {
    await openDocument(env, input.path, input.reveal);
    return { opened: true as const };
  },
});
