/**
 * One entry point for every report: kind, period and format in, a named file out. Used by the report jobs
 * (UI, with progress), the `opora report` command and the benchmark.
 */
import type { ServiceContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { isoDay, formatDate } from '../../../common/format.js';
import { getRole, getSchoolProfile } from '../core/school-profile.js';
import { getRosterSchool } from '../municipality/roster.js';
import { quarterOf } from '../../../common/periods.js';
import { ownerId } from '../core/writer.js';
import type { ReportKind } from '../../../preload/contract/municipality.js';
import type { z } from 'zod';
import type { reportStartInput } from '../../../preload/contract/municipality.js';
import { defaultPeriod, tablesOf, type Period, type ReportDoc, type ReportTable } from './model.js';
import { schoolReport } from './school.js';
import { assertNoPupilMentions } from '../exchange/outgoing-check.js';
import { roadmapReport, schoolsReport, type Progress } from './municipality.js';
import { monitoringReport } from './monitoring.js';
import { roadmapOptionsFromRegister, groupsInForce } from './register-extras.js';
import { renderDocx } from './docx.js';
import { renderXlsx } from './xlsx.js';
import { safeFileName } from '../../../common/file-names.js';

/** reports.start's input as its schema leaves it (schoolId: at the municipality, whose справка), and the day. */
export type ReportRequest = z.output<typeof reportStartInput> & { today?: string };

export interface ReportFile {
  fileName: string;
  mime: string;
  data: Buffer;
  doc: ReportDoc;
  period: Period | null;
}

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const FILE_STEM: Record<ReportKind, string> = {
  school: 'Справка_о_реализации_программы',
  roadmap: 'Справка_об_итогах_дорожной_карты',
  schools: 'Школы_по_группам',
  monitoring: 'Мониторинг_по_школам',
};

/** The model of a report, before it is laid out. */
export async function buildReportDoc(ctx: ServiceContext, req: ReportRequest, progress?: Progress): Promise<{ doc: ReportDoc; period: Period | null; who?: string }> {
  const today = req.today ?? isoDay(ctx.now());
  const role = getRole(ctx);
  if (req.kind === 'school') {
    const period = defaultPeriod(today, { from: req.from, to: req.to });
    if (role === 'school') {
      if (req.schoolId) throw new AppError('invalid_input', 'В рабочем месте школы справка строится по её собственным данным; параметр «школа» не нужен.');
      const profile = getSchoolProfile(ctx);
      // The справка ends with the director's signature: a blank one would go to the department unsigned.
      if (!String(profile?.director ?? '').trim()) {
        throw new AppError('invalid_input', 'Справку подписывает директор, а его ФИО в профиле школы не указано. Откройте «Профиль школы», заполните поле «Директор (ФИО)» и сформируйте справку снова.');
      }
      // The school prints this справка for the municipality: no pupil's name or birth date in its text.
      assertNoPupilMentions(ctx, ownerId(ctx), 'report');
      const who = String(profile?.short_name || profile?.name || '');
      return { doc: schoolReport({ raw: ctx.raw, owner: ownerId(ctx), today }, period, req.sections).doc, period, who };
    }
    if (role !== 'municipality') throw new AppError('not_initialised', 'Рабочее место ещё не создано.');
    if (!req.schoolId) throw new AppError('invalid_input', 'Выберите школу: в рабочем месте муниципалитета справка строится по данным, которые прислала школа.');
    const school = getRosterSchool(ctx, req.schoolId);
    if (!school) throw new AppError('not_found', 'Школа не найдена в реестре.');
    await progress?.(0, 1, 'Данные школы');
    const doc = schoolReport({ raw: ctx.raw, owner: req.schoolId, today }, period, req.sections).doc;
    if (!doc.requisites.organisation.length) doc.requisites.organisation = [school.name];
    await progress?.(1, 1, 'Данные школы');
    return { doc, period, who: school.short_name || school.name };
  }
  if (role !== 'municipality') throw new AppError('not_municipality', 'Этот отчёт строится в рабочем месте муниципалитета по данным школ.');
  if (req.kind === 'schools') return { doc: await schoolsReport(ctx, today, progress, groupsInForce(ctx, today)), period: null };
  if (req.kind === 'roadmap') {
    const period = defaultPeriod(today, { from: req.from, to: req.to });
    return { doc: await roadmapReport(ctx, period, today, progress, roadmapOptionsFromRegister(ctx)), period };
  }
  const q = quarterOf(today);
  const period = { from: req.from ?? q.from, to: req.to ?? q.to };
  return { doc: await monitoringReport(ctx, period, today, progress), period };
}

export async function buildReport(ctx: ServiceContext, req: ReportRequest, progress?: Progress): Promise<ReportFile> {
  const { doc, period, who } = await buildReportDoc(ctx, req, progress);
  await progress?.(1, 1, req.format === 'docx' ? 'Формирование документа Word' : 'Формирование книги Excel');
  const data = req.format === 'docx' ? await renderDocx(doc) : await renderXlsx(tablesOf(doc), doc.subject);
  const when = period ? `_${formatDate(period.from)}-${formatDate(period.to)}` : `_${formatDate(req.today ?? isoDay(ctx.now()))}`;
  // Whose report it is, in the name: ten schools' справки in one folder are told apart without opening them.
  const name = safeFileName(who || doc.requisites.organisation.at(-1) || '', '', 60).replace(/\s+/g, '_');
  return { fileName: `${FILE_STEM[req.kind]}${name ? `_${name}` : ''}${when}.${req.format}`, mime: MIME[req.format], data, doc, period };
}

/** Any table the user sees, to Excel with the same columns. */
export async function tableToXlsx(input: { title: string; columns: { key: string; header: string }[]; rows: (string | number | null)[][] }): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const table: ReportTable = {
    sheet: input.title,
    caption: input.title,
    columns: input.columns.map((c) => ({ key: c.key, header: c.header, width: Math.min(60, Math.max(10, c.header.length + 4)) })),
    rows: input.rows,
  };
  return { fileName: `${safeFileName(input.title, 'Таблица', 60)}.xlsx`, mime: MIME.xlsx, data: await renderXlsx([table], input.title) };
}
