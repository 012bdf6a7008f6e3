/**
 * Screenshots of every screen, for looking at what we build: `npx tsx scripts/screens.ts [outDir]`.
 * Uses a demo school in browser mode (needs `npm run build` first).
 */
import { mkdirSync } from 'node:fs';
import { launchApp } from '../tests/e2e/browser.js';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const app = await launchApp();
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
if (app.errors.length) console.log('Ошибки страницы:', app.errors);
await app.close();
console.log('Снимки в', out);
