/**
 * Screenshots of the personal-data screens on the demo school: the dashboard's consent flag, a card with ОВЗ
 * (consent panel), «Персональные данные» (password, retention, access log):
 * `npx tsx scripts/screens-privacy.ts ПАПКА` after `npm run build`; SCREENS_SIZE as in screens.ts.
 */
import { mkdirSync } from 'node:fs';
import { launchApp } from '../tests/e2e/browser.js';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const [width, height] = (process.env.SCREENS_SIZE ?? '1366x768').split('x').map(Number) as [number, number];
const app = await launchApp({ viewport: { width, height } });
const { page } = app;
const shot = async (name: string) => { await page.waitForTimeout(700); await page.screenshot({ path: `${out}/${name}.png` }); };
const nav = (t: string) => page.getByRole('navigation').getByText(t, { exact: true }).click();
await page.getByRole('button', { name: 'Открыть демо-школу' }).click();
await page.getByText('Демонстрационная школа — данные вымышлены').waitFor();
await nav('Главная');
await shot('privacy-dashboard');
await nav('Группа риска');
await page.getByTestId('risk-list').locator('tr', { hasText: 'ОВЗ' }).first().click();
await page.getByTestId('consent').waitFor();
await shot('privacy-card');
await page.getByTestId('consent').getByRole('button', { name: 'Записать согласие' }).click();
await shot('privacy-consent-form');
await page.keyboard.press('Escape');
await page.keyboard.press('Escape');
await page.getByRole('banner').getByRole('button', { name: 'Персональные данные' }).click();
await shot('privacy-dialog');
await page.getByRole('tab', { name: 'Срок хранения' }).click();
await shot('privacy-retention');
await page.getByRole('tab', { name: 'Журнал доступа' }).click();
await shot('privacy-log');
if (app.errors.length) console.log('Ошибки страницы:', app.errors);
await app.close();
console.log('Снимки в', out);
