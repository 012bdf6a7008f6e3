/**
 * The municipality of municipality.test.ts (25 demo schools merged through the real export → import path): reports
 * are generated through the UI, downloaded and read back — the roadmap справка as .docx, the monitoring as .xlsx.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchApp, type AppSession } from './browser.js';
import { demoMunicipalityDir } from './demo-fixture.js';
import { readDocx } from '../unit/report-reader.js';
import { readXlsxTables } from '../../main/services/reports/xlsx.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('муниципалитет в браузере: справки', () => {
  it('справки по 25 школам через интерфейс: дорожная карта в Word, мониторинг в Excel', async () => {
    const dataDir = await demoMunicipalityDir({ schools: 25, seed: 5, now: NOW });
    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    // A report through the UI: the roadmap справка as .docx, then the monitoring tables as .xlsx.
    await page.getByRole('navigation').getByText('Отчёты', { exact: true }).click();
    await page.getByTestId('report-kind-roadmap').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-start').click()]);
    expect(download.suggestedFilename()).toMatch(/^Справка_об_итогах_дорожной_карты_Управление_образования_Ирбитского_муниципального_образования_01\.09\.2026-\d\d\.\d\d\.\d{4}\.docx$/);
    const docx = await readDocx(readFileSync((await download.path())!));
    expect(docx.paragraphs[2]).toBe('Информационная справка');
    expect(docx.tables[0]!.rows[0]!.cells).toEqual(['№ п/п', 'Мероприятие', 'Сроки', 'Ответственные', 'Отметка о выполнении']);
    await page.getByTestId('report-saved').waitFor();

    await page.getByTestId('report-kind-monitoring').click();
    await page.getByText('Таблицы в Excel (.xlsx)').click();
    const [x] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-start').click()]);
    expect(x.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheets = await readXlsxTables(readFileSync((await x.path())!));
    expect(sheets[0]!.name).toBe('Мониторинг');
    expect(sheets[0]!.rows).toHaveLength(26);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
