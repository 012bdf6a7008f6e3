/**
 * Report jobs: a report over 300 schools takes seconds, so the UI starts it, polls its progress and then
 * fetches the file. Jobs live in memory for the open workspace; a finished file is kept until fetched
 * (or for ten minutes). The builders yield to the event loop between schools, so polling is answered.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { ReportJob, FileBytes } from '../../../preload/contract/index.js';
import { buildReport, type ReportRequest } from './index.js';

interface Entry {
  job: ReportJob;
  file: { fileName: string; mime: string; data: Buffer } | null;
  at: number;
}

const jobs = new Map<string, Entry>();
const KEEP_MS = 10 * 60_000;

function sweep() {
  const now = Date.now();
  for (const [id, e] of jobs) if (e.job.finished && now - e.at > KEEP_MS) jobs.delete(id);
}

export function startReportJob(ctx: ServiceContext, req: ReportRequest): ReportJob {
  sweep();
  if ([...jobs.values()].filter((e) => !e.job.finished).length >= 4) {
    throw new AppError('busy', 'Уже формируются четыре отчёта. Дождитесь их окончания.');
  }
  const job: ReportJob = { id: randomUUID(), kind: req.kind, format: req.format, done: 0, total: 1, stage: 'Подготовка', finished: false, error: null, fileName: null };
  const entry: Entry = { job, file: null, at: Date.now() };
  jobs.set(job.id, entry);
  void (async () => {
    try {
      await new Promise((r) => setImmediate(r));
      const f = await buildReport(ctx, req, (done, total, stage) => {
        job.done = done;
        job.total = Math.max(1, total);
        job.stage = stage;
      });
      entry.file = { fileName: f.fileName, mime: f.mime, data: f.data };
      job.fileName = f.fileName;
      job.done = job.total;
      job.stage = 'Готово';
    } catch (e) {
      job.error = e instanceof AppError ? e.message : 'Не удалось сформировать отчёт. Повторите; если ошибка повторится, сообщите разработчикам.';
      if (!(e instanceof AppError)) console.error(e);
    } finally {
      job.finished = true;
      entry.at = Date.now();
    }
  })();
  return { ...job };
}

export function reportProgress(id: string): ReportJob {
  const e = jobs.get(id);
  if (!e) throw new AppError('not_found', 'Задание на отчёт не найдено: возможно, программа перезапускалась. Сформируйте отчёт заново.');
  return { ...e.job };
}

/** The finished file, once; the job is forgotten afterwards. */
export function reportResult(id: string): FileBytes {
  const e = jobs.get(id);
  if (!e) throw new AppError('not_found', 'Задание на отчёт не найдено. Сформируйте отчёт заново.');
  if (!e.job.finished) throw new AppError('not_ready', 'Отчёт ещё формируется.');
  if (e.job.error || !e.file) throw new AppError('report_failed', e.job.error ?? 'Отчёт не сформирован.');
  jobs.delete(id);
  return { fileName: e.file.fileName, mime: e.file.mime, bytes: e.file.data };
}
