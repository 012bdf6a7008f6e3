/** reports.*: report jobs with progress, and Excel of any table on screen (services in jobs.ts and index.ts). */
import { defineArea } from '../area-handlers.js';
import { startReportJob, reportProgress, reportResult } from './jobs.js';
import { tableToXlsx } from './index.js';

export const reportsHandlers = defineArea({
  'reports.start': (env, input) => startReportJob(env.ctx(), input),
  'reports.progress': (_env, input) => reportProgress(input.jobId),
  'reports.result': (_env, input) => reportResult(input.jobId),
  'reports.tableXlsx': async (_env, input) => {
    const f = await tableToXlsx(input);
    return { fileName: f.fileName, mime: f.mime, bytes: f.data };
  },
});
