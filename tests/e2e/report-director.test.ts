/**
 * The school справка in a real browser: before the first справка the page asks for the director's name
 * (the справка ends with the signature), the profile takes it, and the downloaded file carries the school's
 * name and is signed «М.П. Иванова». The dashboard's chart of the risk group counts pupils in whole numbers.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { launchApp, createSchoolInUi, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { createSchool } from '../../main/services/core/school-profile.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { readDocx } from '../unit/report-reader.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const SHOTS = process.env.SHOTS_DIR;
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function shot(a: AppSession, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
    await a.page.setViewportSize({ width: w, height: h });
    await a.page.screenshot({ path: join(SHOTS, `${name}-${w}.png`), fullPage: false });
  }
}

describe('справка школы в браузере', () => {
  it('просит ФИО директора до первой справки, затем подписывает ею справку; имя файла — с названием школы', async () => {
    app = await launchApp({ now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await createSchoolInUi(page, 'МБОУ «Средняя школа № 13»', 'Школа № 13');
    await page.getByRole('navigation').getByText('Отчёты', { exact: true }).click();
    const ask = page.getByTestId('report-no-director');
    await ask.getByText('Заполните поле «Директор (ФИО)» в профиле школы').waitFor();
    expect(await page.getByTestId('report-start').isDisabled()).toBe(true);
    await shot(app, 'reports-no-director');

    await ask.getByRole('button', { name: 'Открыть профиль школы' }).click();
    await page.getByLabel('Директор (ФИО)').fill('Иванова Мария Петровна');
    await shot(app, 'profile-director');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Профиль школы сохранён').waitFor();

    await page.getByRole('navigation').getByText('Отчёты', { exact: true }).click();
    await page.getByTestId('report-start').waitFor();
    expect(await page.getByTestId('report-no-director').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-start').click()]);
    expect(download.suggestedFilename()).toMatch(/^Справка_о_реализации_программы_Школа_№_13_01\.09\.\d{4}-\d\d\.\d\d\.\d{4}\.docx$/);
    const docx = await readDocx(readFileSync((await download.path())!));
    expect(docx.paragraphs).toContain('Директор\tМ.П.\u00A0Иванова');
    await shot(app, 'reports-done');
    expect(app.errors).toEqual([]);
  }, 90_000);

  it('график группы риска на главной считает детей целыми числами', async () => {
    const dataDir = tempDir('opora-e2e-charts-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    createSchool(w.ctx, { name: 'МБОУ «Средняя школа № 13»', short_name: 'Школа № 13' } as never);
    // One pupil in the group: a chart that allowed fractions would tick 0 — 0,25 — 0,5 — 0,75 — 1.
    includePupil(w.ctx, { full_name: 'Лебедев Дмитрий', class_name: '5А', birth_date: '2015-03-20' } as never,
      { categories: ['absenteeism'], included_on: '2026-10-01', reason: 'Решение ППк', responsible: 'Орлова Н. В.' } as never);
    w.close();
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const chart = page.locator('.recharts-wrapper').first();
    await chart.waitFor();
    const ticks = await page.locator('.recharts-cartesian-axis-tick-value').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const numbers = ticks.filter((t) => /^[\d,.\s−-]+$/.test(t.trim()));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.length).toBeGreaterThan(1);
    for (const t of numbers) expect(t.trim()).toMatch(/^\d+$/);
    await chart.scrollIntoViewIfNeeded();
    await shot(app, 'dashboard-risk-chart');
    expect(app.errors).toEqual([]);
  }, 90_000);
});
