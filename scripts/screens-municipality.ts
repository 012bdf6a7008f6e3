/**
 * Screenshots of the municipality screens on a demo municipality (`npx tsx scripts/screens-municipality.ts DIR [N]`).
 * The schools' data arrives through the real export → import path. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchApp } from '../tests/e2e/browser.js';
import { tempDir } from '../tests/helpers.js';
import { openWorkspaceFile } from '../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../main/services/municipality/demo.js';

const out = process.argv[2] ?? 'screenshots';
const n = Number(process.argv[3] ?? 12);
mkdirSync(out, { recursive: true });
const dataDir = tempDir('opora-screens-mun-');
const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'));
await generateMunicipalityDemo(w.ctx, { schools: n, seed: 3 });
w.close();
const [vw, vh] = (process.env.SCREENS_SIZE ?? '1366x768').split('x').map(Number);
const app = await launchApp({ dataDir, viewport: { width: vw!, height: vh! } });
const { page } = app;
const shot = async (name: string) => {
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${name}.png` });
};
await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
await shot('m01-dashboard');
await page.getByTestId('dashboard-row').first().click();
await shot('m02-school');
await page.keyboard.press('Escape');
// A school that passed its protocol on: its card's «Мероприятия» with the file to open.
const withFile = w.ctx.raw.open ? null : openWorkspaceFile(join(dataDir, 'opora.sqlite'));
const sharer = withFile?.ctx.raw.prepare(`SELECT COALESCE(NULLIF(s.short_name, ''), s.name) FROM attachment a JOIN municipality_school s ON s.id = a.owner
  WHERE a.share = 1 AND a.deleted_at IS NULL LIMIT 1`).pluck().get() as string | undefined;
withFile?.close();
if (sharer) {
  await page.getByTestId('dashboard-row').filter({ hasText: sharer }).first().click();
  await page.getByRole('dialog').getByRole('tab', { name: 'Мероприятия' }).click();
  await shot('m02-school-files');
  await page.keyboard.press('Escape');
}
for (const tab of ['Графики', 'Реестр', 'Дорожная карта', 'Мероприятия', 'Поручения', 'Рабочие группы', 'Документы', 'Партнёры и кураторы']) {
  await page.getByRole('tab', { name: tab }).click();
  await shot('m03-' + tab.replace(/\s+/g, '_'));
  if (tab === 'Мероприятия') {
    await page.getByTestId('meeting-row').first().click();
    await shot('m03-meeting-card');
    await page.getByRole('button', { name: 'К журналу мероприятий' }).click();
    // The videoconference carries a protocol: its files block, then its delete confirmation.
    await page.getByTestId('meeting-row').filter({ hasText: 'мониторинга качества' }).click();
    await page.getByTestId('meeting-files').scrollIntoViewIfNeeded();
    await shot('m03-meeting-files');
    await page.getByTestId('meeting-files').getByRole('button', { name: /^Удалить файл/ }).click();
    await shot('m03-meeting-file-delete');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'К журналу мероприятий' }).click();
  }
}
await page.getByRole('navigation').getByText('Отчёты', { exact: true }).click();
await shot('m04-reports');
await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
await shot('m05-exchange');
await page.getByRole('navigation').getByText('Корзина', { exact: true }).click();
await shot('m06-bin');
if (app.errors.length) console.log('Ошибки страницы:', app.errors);
await app.close();
console.log('Снимки в', out);
