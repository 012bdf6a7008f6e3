import { writeFileSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { isRealDate } from '../../../common/format.js';
import { buildReport } from '../../services/reports/index.js';
import { REPORT_KINDS, type ReportKind } from '../../../preload/contract/municipality.js';
import { getRosterSchool } from '../../services/municipality/roster.js';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';
import { DOCUMENT_KINDS_HELP, meetingDocument, orderDocument } from './report-documents.js';

/** Kinds printed from the municipality's document register rather than built as a report. */
const DOCUMENT_KINDS = ['meeting', 'order'] as const;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'сформировать справку (.docx по ГОСТ Р 7.0.97-2025) или её таблицы в Excel (.xlsx)',
  help: `opora report --db БАЗА --kind school|roadmap|schools|monitoring --out ФАЙЛ.docx|ФАЙЛ.xlsx
             [--school ИДЕНТИФИКАТОР] [--from ГГГГ-ММ-ДД] [--to ГГГГ-ММ-ДД]
opora report --db БАЗА --kind meeting --out ФАЙЛ.docx [--event ИДЕНТИФИКАТОР]
opora report --db БАЗА --kind order --out ФАЙЛ.docx [--document ИДЕНТИФИКАТОР]

Виды отчётов:
  school      справка о реализации программы повышения качества образования — по базе школы,
              или по базе муниципалитета с --school (данные, присланные школой; группа риска — только числа);
  roadmap     справка об итогах реализации муниципальной дорожной карты с отметками школ (база муниципалитета);
  schools     школы по группам качества и социального благополучия, партнёрские группы, кураторы (база муниципалитета);
  monitoring  сводка мониторинга по школам за квартал (база муниципалитета);
${DOCUMENT_KINDS_HELP}
Период: по умолчанию — с начала учебного года по сегодня (для monitoring — текущий квартал).
Расширение --out выбирает формат: .docx — документ Word, .xlsx — таблицы отчёта в Excel (meeting и order — только .docx).`,
  options: { db: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' }, school: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, event: { type: 'string' }, document: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база школы или муниципалитета');
    const kind = need(values, 'kind', 'вид отчёта');
    const out = need(values, 'out', 'файл отчёта');
    const ext = extname(out).toLowerCase();
    if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) return printFromRegister(db, kind as (typeof DOCUMENT_KINDS)[number], out, values, io);
    if (!REPORT_KINDS.includes(kind as ReportKind)) throw new CliError(`Параметр --kind: ${[...REPORT_KINDS, ...DOCUMENT_KINDS].join(', ')}.`, EXIT.usage);
    for (const k of ['event', 'document'] as const) if (values[k] !== undefined) throw new CliError(`Параметр --${k} — только для --kind ${k === 'event' ? 'meeting' : 'order'}.`, EXIT.usage);
    if (ext !== '.docx' && ext !== '.xlsx') throw new CliError('Файл --out должен оканчиваться на .docx или .xlsx.', EXIT.usage);
    for (const k of ['from', 'to'] as const) {
      const v = values[k];
      if (v !== undefined && (typeof v !== 'string' || !isRealDate(v))) throw new CliError(`Параметр --${k}: дата в виде ГГГГ-ММ-ДД, например 2026-09-01.`, EXIT.usage);
    }
    if (values.from && values.to && String(values.from) > String(values.to)) throw new CliError('Начало периода (--from) позже его конца (--to).', EXIT.usage);
    return withWorkspace(db, io.now, async ({ ctx }) => {
      const school = values.school as string | undefined;
      if (school && !getRosterSchool(ctx, school)) throw new CliError(`Школа «${school}» не найдена в реестре муниципалитета.`);
      const t0 = Date.now();
      const f = await buildReport(ctx, {
        kind: kind as ReportKind, format: ext === '.docx' ? 'docx' : 'xlsx', schoolId: school,
        from: values.from as string | undefined, to: values.to as string | undefined,
      });
      writeFileSync(resolve(out), f.data);
      io.out(`Отчёт сохранён: ${resolve(out)} (${Math.round(f.data.length / 1024)} КБ, ${Date.now() - t0} мс)`);
      return EXIT.ok;
    });
  },
};

/** --kind meeting | order: a document of the municipality's register, always Word. */
async function printFromRegister(db: string, kind: (typeof DOCUMENT_KINDS)[number], out: string, values: Record<string, unknown>, io: Parameters<CliCommand['run']>[1]): Promise<number> {
  if (extname(out).toLowerCase() !== '.docx') throw new CliError(`Для --kind ${kind} файл --out должен оканчиваться на .docx.`, EXIT.usage);
  for (const k of ['school', 'from', 'to'] as const) if (values[k] !== undefined) throw new CliError(`Параметр --${k} не нужен для --kind ${kind}.`, EXIT.usage);
  const wrong = kind === 'meeting' ? 'document' : 'event';
  if (values[wrong] !== undefined) throw new CliError(`Параметр --${wrong} — для --kind ${wrong === 'event' ? 'meeting' : 'order'}.`, EXIT.usage);
  return withWorkspace(db, io.now, async ({ ctx }) => {
    const t0 = Date.now();
    const f = kind === 'meeting' ? await meetingDocument(ctx, values.event as string | undefined) : await orderDocument(ctx, values.document as string | undefined);
    writeFileSync(resolve(out), f.bytes);
    io.out(`Документ сохранён: ${resolve(out)} (${Math.round(f.bytes.length / 1024)} КБ, ${Date.now() - t0} мс): ${f.what}`);
    return EXIT.ok;
  });
}
