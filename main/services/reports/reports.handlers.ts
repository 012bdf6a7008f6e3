/**
 * reports.*: report jobs with progress, and Excel of any table on screen (services in jobs.ts and index.ts);
 * also the roster's Excel, which is the municipality's call but a report's rendering (reports build on the
 * municipality, never the reverse).
 */
import { defineArea } from '../core/area-handlers.js';
import { startReportJob, reportProgress, reportResult } from './jobs.js';
import { tableToXlsx, MIME } from './index.js';
import { renderXlsx } from './xlsx.js';
import { listRoster } from '../municipality/roster.js';
import { rosterTable } from '../municipality/roster-import.js';
import { printDocument } from './documents/print.js';
import { roadmapDocumentSummary } from './documents/roadmap-doc.js';
import { assignmentMarksFile } from './assignment-marks.js';
import { saveDocument } from '../core/documents.js';

export const reportsHandlers = defineArea({
  'reports.start': (env, input) => startReportJob(env.ctx(), input),
  'reports.progress': (_env, input) => reportProgress(input.jobId),
  'reports.result': (_env, input) => reportResult(input.jobId),
  'municipality.documents.print': (env, input) => printDocument(env.ctx(), input.id, input.refresh),
  'municipality.documents.printSave': async (env, input) => {
    if (!env.documentsDir || !env.openPath) return { path: null, fileName: null };
    const f = await printDocument(env.ctx(), input.id, input.refresh);
    return { path: saveDocument(env, f.fileName, f.bytes), fileName: f.fileName };
  },
  'municipality.documents.roadmapSummary': (env, input) => roadmapDocumentSummary(env.ctx(), input.id),
  'municipality.roster.xlsx': async (env) => ({
    fileName: 'Реестр_школ.xlsx', mime: MIME.xlsx, bytes: await renderXlsx([rosterTable(listRoster(env.ctx()))], 'Реестр школ', { asTyped: true }),
  }),
  'reports.assignmentMarks': (env, input) => assignmentMarksFile(env.ctx(), input.id, input.format),
  'reports.tableXlsx': async (_env, input) => {
    const f = await tableToXlsx(input);
    return { fileName: f.fileName, mime: f.mime, bytes: f.data };
  },
});
