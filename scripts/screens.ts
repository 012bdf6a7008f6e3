/**
 * Screenshots of every screen, for looking at what we build: `npx tsx scripts/screens.ts [outDir]`.
 * Uses a demo school in browser mode (needs `npm run build` first); SCREENS_SIZE=ШИРИНАxВЫСОТА (1366x768 by default).
 */
import { mkdirSync } from 'node:fs';
import { launchApp } from '../tests/e2e/browser.js';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
// SCREENS_SIZE=1366x768 (the rural schools' laptops) or 1920x1080.
const [width, height] = (process.env.SCREENS_SIZE ?? '1366x768').split('x').map(Number) as [number, number];
const app = await launchApp({ viewport: { width, height } });
const { page } = app;
await page.screenshot({ path: `${out}/00-first-run.png` });
await page.getByRole('button', { name: 'Открыть демо-школу' }).click();
await page.getByText('Демонстрационная школа — данные вымышлены').waitFor();
// every entry of the navigation, whatever it holds today
const navs = (await page.getByRole('navigation').locator('a, button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
let i = 1;
for (const n of navs) {
  await page.getByRole('navigation').getByText(n, { exact: true }).click();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${out}/${String(i++).padStart(2, '0')}-${n.replace(/\s+/g, '_')}.png`, fullPage: process.env.SCREENS_FULL === '1' });
}
// An event's card with its files: one passed on to the department, a photo not (the line under it says why).
await page.getByRole('navigation').getByText('Журнал мероприятий', { exact: true }).click();
await page.getByTestId('event-list').locator('tbody tr').first().click();
const files = page.getByTestId('event-card').getByTestId('event-attachments');
await files.locator('input[type=file]').setInputFiles([
  { name: 'Протокол заседания.txt', mimeType: 'text/plain', buffer: Buffer.from('Протокол заседания (вымышленный)') },
  { name: 'Фото с семинара.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('jpeg') },
]);
await files.getByText('Фото с семинара.jpg').waitFor();
await files.locator('[data-file-id]', { hasText: 'Протокол заседания.txt' }).getByTestId('file-share').click();
await page.getByText('Файл уйдёт в управление образования').waitFor();
await files.scrollIntoViewIfNeeded();
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/${String(i++).padStart(2, '0')}-карточка_мероприятия_файлы.png` });
if (app.errors.length) console.log('Ошибки страницы:', app.errors);
await app.close();
console.log('Снимки в', out);
