import { writeFileSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { isRealDate } from '../../../common/format.js';
import { buildReport } from '../../services/reports/index.js';
import { REPORT_KINDS, type ReportKind } from '../../../preload/contract/municipality.js';
import { getRosterSchool } from '../../services/municipality/roster.js';
import { EXIT, need, CliError, type CliCommand } from '../types.js';
import { withWorkspace } from '../open.js';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'сформировать справку (.docx по ГОСТ Р 7.0.97-2025) или её таблицы в Excel (.xlsx)',
  help: `opora report --db БАЗА --kind school|roadmap|schools|monitoring --out ФАЙЛ.docx|ФАЙЛ.xlsx
             [--school ИДЕНТИФИКАТОР] [--from ГГГГ-ММ-ДД] [--to ГГГГ-ММ-ДД]

Виды отчётов:
  school      справка о реализации программы повышения качества образования — по базе школы,
              или по базе муниципалитета с --school (данные, присланные школой; группа риска — только числа);
  roadmap     справка об итогах реализации муниципальной дорожной карты с отметками школ (база муниципалитета);
  schools     школы по группам качества и социального благополучия, партнёрские группы, кураторы (база муниципалитета);
  monitoring  сводка мониторинга по школам за квартал (база муниципалитета).
Период: по умолчанию — с начала учебного года по сегодня (для monitoring — текущий квартал).
Расширение --out выбирает формат: .docx — документ Word, .xlsx — таблицы отчёта в Excel.`,
  options: { db: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' }, school: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  run: async ({ values }, io) => {
    const db = need(values, 'db', 'база школы или муниципалитета');
    const kind = need(values, 'kind', 'вид отчёта') as ReportKind;
    if (!REPORT_KINDS.includes(kind)) throw new CliError(`Параметр --kind: ${REPORT_KINDS.join(', ')}.`, EXIT.usage);
    const out = need(values, 'out', 'файл отчёта');
    const ext = extname(out).toLowerCase();
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
        kind, format: ext === '.docx' ? 'docx' : 'xlsx', schoolId: school,
        from: values.from as string | undefined, to: values.to as string | undefined,
      });
      writeFileSync(resolve(out), f.data);
      io.out(`Отчёт сохранён: ${resolve(out)} (${Math.round(f.data.length / 1024)} КБ, ${Date.now() - t0} мс)`);
      return EXIT.ok;
    });
  },
};
