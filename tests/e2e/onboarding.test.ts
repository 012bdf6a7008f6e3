/**
 * A school's programme from Word and its staff list from Excel through the UI in a real Chromium: the
 * programme's preview, one block moved into another section, confirmed; the staff list imported, and the
 * next file's columns mapped the way the person set them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createSchoolInUi, launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { seed004, SEED_004 } from '../fixtures/programmes.js';

const SHOTS = process.env.OPORA_SHOTS;

async function staffBook(header: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Кадры');
  ws.addRow(header);
  ws.addRow(['Иванова Мария Петровна', 'Учитель', 'Русский язык', 'Высшая', 24]);
  ws.addRow(['Сидоров Олег Иванович', 'Учитель', 'Математика', 'Первая', 12]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('загрузка программы и списков в браузере', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: SHOTS === '1920' ? { width: 1920, height: 1080 } : { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await app?.close();
  });
  const count = (sql: string) => app.host.workspace.ctx().raw.prepare(sql).pluck().get() as number;

  it('программа из Word: предпросмотр, перенос блока, сохранение; список сотрудников с запомненными столбцами', async () => {
    const { page } = app;
    const dir = tempDir('opora-e2e-import-');
    await createSchoolInUi(page, 'МОУ «Пьянковская основная общеобразовательная школа»', 'Пьянковская ООШ');
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    const docx = join(dir, 'Программа Пьянковской ООШ.docx');
    writeFileSync(docx, await seed004());
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('programme-import').click();
    await (await chooser).setFiles(docx);
    const preview = page.getByTestId('programme-import-preview');
    await preview.getByText('Программа повышения качества образования МОУ «Пьянковская ООШ» на 2020-2023 гг (2020–2023)').waitFor();
    await preview.getByText('Пьянковская ООШ | 1 | 5 | н/с').waitFor();
    if (SHOTS) await page.screenshot({ path: `/tmp/import-shots/programme-preview-${SHOTS}.png` });
    // The prose about the schools' groups becomes an activity.
    const block = preview.locator('[data-testid^="import-block-"]', { hasText: 'идентификации школ' });
    await block.locator('input[data-testid^="import-choice-"]').click();
    await page.getByRole('option', { name: 'Перенести в «Мероприятия»' }).click();
    await preview.getByTestId('programme-import-save').click();
    await preview.waitFor({ state: 'detached' });
    await page.getByText('Программа загружена', { exact: false }).waitFor();
    expect(count('SELECT COUNT(*) FROM activity')).toBe(SEED_004.measures.length + SEED_004.plan.length + 1);
    expect(count("SELECT COUNT(*) FROM activity WHERE title LIKE '%идентификации школ%'")).toBe(1);
    expect(count('SELECT COUNT(*) FROM local_act')).toBe(SEED_004.acts.length);
    await page.getByText('Разработка индивидуальных планов повышения квалификации педагогов').first().waitFor();
    if (SHOTS) await page.screenshot({ path: `/tmp/import-shots/programme-after-${SHOTS}.png` });

    await page.getByRole('navigation').getByText('Кадры и наставничество', { exact: false }).click();
    const xlsx = join(dir, 'кадры.xlsx');
    writeFileSync(xlsx, await staffBook(['Сотрудник', 'Должность', 'Предметы', 'Категория', 'Стаж']));
    const c2 = page.waitForEvent('filechooser');
    await page.getByTestId('list-import-staff').click();
    await (await c2).setFiles(xlsx);
    const lp = page.getByTestId('list-import-preview');
    // «Сотрудник» is not a header word for a name: the person maps it once.
    await lp.getByText('не найден столбец с фамилиями', { exact: false }).waitFor({ timeout: 2000 }).catch(() => undefined);
    expect(await lp.count()).toBe(0);
    await page.getByText('не найден столбец с фамилиями', { exact: false }).waitFor();
    writeFileSync(xlsx, await staffBook(['ФИО', 'Должность', 'Предметы', 'Категория', 'Стаж']));
    const c3 = page.waitForEvent('filechooser');
    await page.getByTestId('list-import-staff').click();
    await (await c3).setFiles(xlsx);
    await lp.getByText('Столбцы сопоставлены по словам заголовка', { exact: false }).waitFor();
    await lp.getByTestId('list-column-2').click();
    await page.getByRole('option', { name: 'Не загружать' }).click();
    await lp.getByTestId('list-import-rows').getByText('Сидоров Олег Иванович').waitFor();
    if (SHOTS) await page.screenshot({ path: `/tmp/import-shots/staff-preview-${SHOTS}.png` });
    await lp.getByTestId('list-import-save').click();
    await lp.waitFor({ state: 'detached' });
    expect(count('SELECT COUNT(*) FROM staff')).toBe(2);
    expect(count("SELECT COUNT(*) FROM staff WHERE subjects <> ''")).toBe(0);

    const c4 = page.waitForEvent('filechooser');
    await page.getByTestId('list-import-staff').click();
    await (await c4).setFiles(xlsx);
    await lp.getByText('Столбцы сопоставлены так же, как в прошлый раз.').waitFor();
    expect(await lp.getByTestId('list-column-2').inputValue()).toBe('Не загружать');
    await lp.getByText('уже есть: 2', { exact: false }).waitFor();
  });
});
