/**
 * Issue 20, item 12: the department's summary of schools fits a 1366×768 laptop — no sideways scroll with the
 * demo municipality's schools; the columns that start hidden are one click away in «Столбцы», and a choice made
 * there is kept. With SHOTS=<folder> the summary is saved at 1366×768 and 1920×1080.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { launchApp, shotsAtBothSizes, type AppSession } from './browser.js';
import { demoMunicipalityDir } from './demo-fixture.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('сводка по школам на ноутбуке 1366×768', () => {
  it('столбцы помещаются без прокрутки вбок; скрытые — в «Столбцах»', async () => {
    const dataDir = await demoMunicipalityDir({ schools: 8, seed: 5, now: NOW });

    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await expect.poll(() => page.getByTestId('dashboard-row').count()).toBe(8);
    const box = page.getByTestId('dashboard-scroll');
    const overflow = () => box.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shotsAtBothSizes(page, 'summary-fit');

    // The term's events start hidden; shown from «Столбцы», and the choice is kept after a reload.
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.getByTestId('sort-events').count()).toBe(0);
    await page.getByTestId('columns-municipality-summary').click();
    await page.getByRole('checkbox', { name: 'Мероприятий в четверти' }).check();
    await page.keyboard.press('Escape');
    await page.getByTestId('sort-events').waitFor();
    await page.reload();
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await page.getByTestId('sort-events').waitFor();
    expect(app.errors).toEqual([]);
  }, 120_000);
});
