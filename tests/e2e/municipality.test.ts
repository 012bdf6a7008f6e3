/**
 * The municipality workspace in a real browser: 25 demo schools merged through the real export → import
 * path; the dashboard is filtered and sorted, a school is opened (merged data, curator's comment), the charts
 * drawn. The reports of the same municipality, through the UI: municipality-reports.test.ts (run beside this one).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { demoMunicipalityDir } from './demo-fixture.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('муниципалитет в браузере', () => {
  it('сводка по 25 школам: фильтр, сортировка, карточка школы, графики', async () => {
    const dataDir = await demoMunicipalityDir({ schools: 25, seed: 5, now: NOW });
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    const group1 = w.ctx.raw.prepare("SELECT COUNT(*) FROM municipality_school s JOIN partner_group g ON g.id = s.partner_group_id WHERE g.number = 1").pluck().get() as number;
    w.close();

    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    const rows = page.getByTestId('dashboard-row');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByTestId('dashboard-count').getByText('Показано: 25 школ из 25').waitFor();
    // Cells that need attention stand out, with the reason.
    expect(await page.locator('[data-attention="Есть просроченные мероприятия"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-attention="Данные ещё не поступали"]').count()).toBe(2);

    // Filter by partner group 1.
    await page.getByTestId('filter-partner-group').selectOption('1');
    await expect.poll(() => rows.count()).toBe(group1);
    // Leaving the tab and coming back clears the filters.
    await page.getByRole('tab', { name: 'Реестр' }).click();
    await page.getByTestId('roster-table').waitFor();
    await page.getByRole('tab', { name: 'Школы' }).click();
    await expect.poll(() => rows.count()).toBe(25);
    // Sort by overdue activities, largest first.
    await page.getByTestId('filter-attention').check();
    await page.getByTestId('sort-overdue').click();
    await page.getByTestId('sort-overdue').click();
    const firstOverdue = Number(await rows.first().locator('td').nth(4).innerText());
    const all = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLTableRowElement).cells[4]!.innerText)));
    expect(firstOverdue).toBe(Math.max(...all));
    expect(all).toEqual([...all].sort((a, b) => b - a));

    // Open a school: its merged data, read-only, and a curator's comment.
    const name = await rows.first().locator('td').first().locator('p').first().innerText();
    await rows.first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(name).first().waitFor();
    await drawer.getByRole('tab', { name: 'Программа' }).waitFor();
    expect(await drawer.locator('tbody tr').count()).toBeGreaterThan(5);
    await drawer.getByRole('tab', { name: /Комментарии/ }).click();
    await page.getByTestId('comment-text').fill('Просроченные мероприятия обсудить на совещании директоров.');
    await page.getByTestId('comment-save').click();
    await drawer.getByText('Просроченные мероприятия обсудить на совещании директоров.').first().waitFor();
    await page.keyboard.press('Escape');

    // Charts render.
    await page.getByRole('tab', { name: 'Графики' }).click();
    await page.getByTestId('charts').locator('.recharts-surface').first().waitFor();

    expect(app.errors).toEqual([]);
  }, 120_000);
});
