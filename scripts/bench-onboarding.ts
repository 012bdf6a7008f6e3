/**
 * Benchmark section for a school's first day: a programme of about 40 pages with 300 plan rows read from
 * Word, previewed and imported; a staff list of 1,000 rows from Excel, previewed and imported; and each
 * imported again (which changes nothing).
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableRow, TableCell } from 'docx';
import { Workspace } from '../main/workspace.js';
import { dispatch } from '../main/handlers.js';
import { previewProgramme, applyProgramme } from '../main/services/school/onboarding/programme-import.js';
import { previewList, applyList } from '../main/services/school/onboarding/list-import.js';

const TIMINGS = ['Ежегодно', 'Сентябрь 2021 года', 'до 15.10.2021', 'Постоянно', 'В течение года', 'Март-апрель 2022', 'Один раз в четверть'];

async function bigProgramme(rows: number): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const body = Array.from({ length: rows }, (_, i) => new TableRow({ children: [
    cell(`${i + 1}.`), cell(`Мероприятие ${i + 1}: проведение методического семинара для учителей по анализу результатов ВПР и подготовке обучающихся к государственной итоговой аттестации, с разбором типичных ошибок и планированием адресной помощи`),
    cell(TIMINGS[i % TIMINGS.length]!), cell('Заместитель директора по УВР, руководители школьных методических объединений'), cell(''),
  ] }));
  const text = Array.from({ length: 60 }, (_, i) => new Paragraph(`Абзац пояснительной записки ${i + 1}. Программа направлена на повышение качества образования в школе, функционирующей в неблагоприятных социальных условиях.`));
  return Packer.toBuffer(new Document({ sections: [{ children: [
    new Paragraph('Программа повышения качества образования МОУ «Энская СОШ» на 2021–2024 годы'),
    new Paragraph('Задачи:'), ...Array.from({ length: 12 }, (_, i) => new Paragraph(`${i + 1}. Задача программы номер ${i + 1}.`)),
    ...text,
    new Paragraph('План мероприятий'),
    new Table({ rows: [new TableRow({ tableHeader: true, children: ['№', 'Мероприятие', 'Сроки', 'Ответственные', 'Отметка о выполнении'].map(cell) }), ...body] }),
  ] }] }));
}

async function bigStaff(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Кадры');
  ws.addRow(['Фамилия', 'Имя', 'Отчество', 'Должность', 'Предметы', 'Категория', 'Образование', 'Стаж']);
  for (let i = 0; i < rows; i++) ws.addRow([`Фамилия${i}`, 'Мария', 'Петровна', i % 5 ? 'Учитель' : 'Педагог-психолог', 'Математика', ['Высшая', 'Первая', ''][i % 3], 'Высшее', i % 40]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ms = (t0: number) => Math.round(performance.now() - t0);

export async function benchOnboarding(): Promise<Record<string, number>> {
  const ws = new Workspace(mkdtempSync(join(tmpdir(), 'opora-bench-onboarding-')));
  await ws.switchTo('main');
  await dispatch(ws, 'workspace.createSchool', { name: 'МОУ «Энская СОШ» (вымышленная)', short_name: 'Энская СОШ' }, () => {});
  const ctx = ws.ctx();
  const doc = await bigProgramme(300);
  let t0 = performance.now();
  const preview = previewProgramme(ctx, 'программа.docx', doc);
  const programme_preview_ms = ms(t0);
  t0 = performance.now();
  const r = applyProgramme(ctx, 'программа.docx', doc, {});
  const programme_import_ms = ms(t0);
  t0 = performance.now();
  applyProgramme(ctx, 'программа.docx', doc, {});
  const programme_reimport_ms = ms(t0);
  const acts = preview.blocks.filter((b) => b.section === 'activity').reduce((n, b) => n + b.rows.length, 0);
  console.log(`Программа из Word: ${Math.round(doc.length / 1024)} КБ, ${acts} мероприятий плана — предпросмотр ${programme_preview_ms} мс, загрузка ${programme_import_ms} мс (новых записей ${r.created}), повторная загрузка ${programme_reimport_ms} мс.`);

  const xlsx = await bigStaff(1000);
  t0 = performance.now();
  const lp = await previewList(ctx, 'staff', 'кадры.xlsx', xlsx);
  const staff_preview_ms = ms(t0);
  t0 = performance.now();
  const lr = await applyList(ctx, 'staff', 'кадры.xlsx', xlsx);
  const staff_import_ms = ms(t0);
  t0 = performance.now();
  await applyList(ctx, 'staff', 'кадры.xlsx', xlsx);
  const staff_reimport_ms = ms(t0);
  console.log(`Список сотрудников из Excel: ${lp.rows.length} строк — предпросмотр ${staff_preview_ms} мс, загрузка ${staff_import_ms} мс (новых ${lr.created}), повторная загрузка ${staff_reimport_ms} мс.`);
  await ws.close();
  return { programme_preview_ms, programme_import_ms, programme_reimport_ms, programme_plan_rows: acts, staff_preview_ms, staff_import_ms, staff_reimport_ms, staff_rows: lp.rows.length };
}
