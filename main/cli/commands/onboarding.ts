/** `opora import-programme` and `opora import-list`: a school's programme from Word, its staff and pupils from Excel or CSV. */
import { readFileSync, statSync } from 'node:fs';
import { resolve, basename } from 'node:path';
import { EXIT, need, CliError, type CliCommand, type CliIO } from '../types.js';
import { withWorkspace } from '../open.js';
import { getRole } from '../../services/core/school-profile.js';
import { previewProgramme, applyProgramme } from '../../services/school/onboarding/programme-import.js';
import { previewList, applyList } from '../../services/school/onboarding/list-import.js';
import { IMPORT_LIMITS, REFUSED_TEXT } from '../../services/school/onboarding/errors.js';
import type { ServiceContext } from '../../services/core/context.js';

const CHANGE = { new: 'новое', changed: 'изменится', same: 'без изменений', duplicate: 'повтор', error: 'ошибка' } as const;
const SECTION = { task: 'задача', problem: 'проблема', direction: 'направление', activity: 'мероприятие', indicator: 'показатель', local_act: 'локальный акт', unknown: 'не распознано' } as const;

function fileOf(positionals: string[]): { name: string; bytes: Uint8Array } {
  const path = positionals[0];
  if (!path) throw new CliError('Не указан файл для загрузки. Справка: opora import-programme --help', EXIT.usage);
  if (positionals.length > 1) throw new CliError(`Лишний аргумент «${positionals[1]}».`, EXIT.usage);
  let size: number;
  try { size = statSync(resolve(path)).size; } catch { throw new CliError(`Файл «${path}» не найден.`); }
  if (size > IMPORT_LIMITS.maxFileBytes) throw new CliError(REFUSED_TEXT.too_big);
  return { name: basename(path), bytes: readFileSync(resolve(path)) };
}

function school(ctx: ServiceContext) {
  if (getRole(ctx) !== 'school') throw new CliError('Это не рабочее место школы: программу и списки загружают в базу школы.');
}

export const importProgrammeCommand: CliCommand = {
  name: 'import-programme',
  summary: 'загрузить программу школы из документа Word (.docx)',
  help: `opora import-programme --db БАЗА_ШКОЛЫ [--dry-run] [--json] ПРОГРАММА.docx

Читает абзацы и таблицы документа и находит название и годы, приказ, стратегическую цель, задачи, проблемы,
направления, план мероприятий, показатели и локальные акты. Всё сохраняется одной операцией; повторная
загрузка того же документа ничего не удваивает, новая редакция обновляет изменившееся.
  --dry-run  только показать, что найдено и что изменится, ничего не сохраняя;
  --json     вывести найденное в виде JSON.
Нераспознанные абзацы в командной строке не сохраняются — разнести их по разделам можно в приложении.`,
  options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: true,
  run: async ({ values, positionals }, io) => {
    const db = need(values, 'db', 'база школы');
    const f = fileOf(positionals);
    return withWorkspace(db, io.now, ({ ctx }) => {
      school(ctx);
      const preview = previewProgramme(ctx, f.name, f.bytes);
      if (values['dry-run']) {
        if (values.json) io.out(JSON.stringify(preview, null, 2));
        else printPreview(io, preview);
        return EXIT.ok;
      }
      const r = applyProgramme(ctx, f.name, f.bytes, {});
      if (values.json) io.out(JSON.stringify({ ...r, preview }, null, 2));
      else {
        printPreview(io, preview);
        io.out(`Сохранено: новых записей ${r.created}, обновлено ${r.updated}, без изменений ${r.unchanged}.`);
      }
      return EXIT.ok;
    });
  },
};

function printPreview(io: CliIO, p: ReturnType<typeof previewProgramme>) {
  io.out(`Программа: ${p.head.title} (${p.head.year_from}–${p.head.year_to})${p.head.existingId ? ' — уже есть, будет обновлена' : ''}`);
  for (const n of p.head.notes) io.out(`  Внимание: ${n}`);
  for (const b of p.blocks) {
    io.out(`${b.title} — ${b.where}: ${b.rows.length}`);
    for (const r of b.rows) io.out(`  [${b.section === 'unknown' ? SECTION.unknown : CHANGE[r.change]}] ${r.number ? r.number + '. ' : ''}${r.text}`);
  }
  io.out(`Итого: новых ${p.totals.new}, изменится ${p.totals.changed}, без изменений ${p.totals.same}.`);
}

export const importListCommand: CliCommand = {
  name: 'import-list',
  summary: 'загрузить список сотрудников или обучающихся из Excel (.xlsx) или CSV',
  help: `opora import-list --db БАЗА_ШКОЛЫ --kind staff|pupils [--dry-run] [--json] СПИСОК.xlsx|СПИСОК.csv

  --kind staff   сотрудники (ФИО или Фамилия/Имя/Отчество, Должность, Предметы, Категория, Образование, Стаж);
  --kind pupils  обучающиеся (ФИО, Дата рождения, Класс) — имена и даты рождения хранятся зашифрованными.
Столбцы узнаются по словам заголовка; сопоставление запоминается для следующего файла. CSV — в UTF-8 или
Windows-1251, с любым разделителем (; , табуляция). Повторы (по ФИО и должности или ФИО и дате рождения)
показываются и не загружаются; строки с ошибками пропускаются, их номера выводятся. Сообщения называют только номера строк.`,
  options: { db: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: true,
  run: async ({ values, positionals }, io) => {
    const db = need(values, 'db', 'база школы');
    const kind = need(values, 'kind', 'staff или pupils');
    if (kind !== 'staff' && kind !== 'pupils') throw new CliError('Параметр --kind: staff (сотрудники) или pupils (обучающиеся).', EXIT.usage);
    const f = fileOf(positionals);
    return withWorkspace(db, io.now, async ({ ctx }) => {
      school(ctx);
      const p = await previewList(ctx, kind, f.name, f.bytes);
      const problems = p.rows.filter((r) => r.note && r.change !== 'same' && r.change !== 'changed');
      if (!values.json) {
        io.out(`Столбцы: ${p.columns.map((c) => `«${c.header}» → ${c.field ?? 'не используется'}`).join('; ')}${p.remembered ? ' (как в прошлый раз)' : ''}`);
        for (const r of problems) io.out(`  ${r.note}`);
        io.out(`Строк: новых ${p.totals.new}, изменится ${p.totals.changed}, без изменений ${p.totals.same}, повторов ${p.totals.duplicate}, с ошибками ${p.totals.error}.`);
      }
      if (values['dry-run']) {
        // Names stay out of the JSON too: a dry run's output is pasted into chats and tickets.
        if (values.json) io.out(JSON.stringify({ columns: p.columns, remembered: p.remembered, totals: p.totals, problems: problems.map((r) => r.note) }, null, 2));
        return EXIT.ok;
      }
      const r = await applyList(ctx, kind, f.name, f.bytes);
      if (values.json) io.out(JSON.stringify({ ...r, columns: p.columns, totals: p.totals, problems: problems.map((x) => x.note) }, null, 2));
      else io.out(`Сохранено: новых ${r.created}, обновлено ${r.updated}, без изменений ${r.unchanged}, пропущено ${r.skipped}.`);
      return EXIT.ok;
    });
  },
};
