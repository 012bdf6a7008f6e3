/**
 * Screenshots of the forms and tabs the registry drives (labels, hints, required marks, choices):
 * `npx tsx scripts/screens-forms.ts ПАПКА` after `npm run build`; SCREENS_SIZE as in screens.ts.
 */
import { mkdirSync } from 'node:fs';
import { launchApp } from '../tests/e2e/browser.js';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const [width, height] = (process.env.SCREENS_SIZE ?? '1366x768').split('x').map(Number) as [number, number];
const app = await launchApp({ viewport: { width, height } });
const { page } = app;
const shot = async (name: string) => { await page.waitForTimeout(600); await page.screenshot({ path: `${out}/${name}.png` }); };
const nav = (t: string) => page.getByRole('navigation').getByText(t, { exact: true }).click();
await page.getByRole('button', { name: 'Открыть демо-школу' }).click();
await page.getByText('Демонстрационная школа — данные вымышлены').waitFor();
await nav('Кадры и наставничество');
await page.getByRole('tab', { name: 'Наставнические пары' }).click();
await shot('pairs');
await page.getByRole('button', { name: /Добавить пару/ }).click();
await shot('pair-form');
await page.keyboard.press('Escape');
await nav('Программа');
await page.getByRole('button', { name: /Добавить мероприятие/ }).first().click();
await shot('activity-form');
await page.getByRole('button', { name: 'Сохранить' }).click();
await shot('activity-form-errors');
await page.keyboard.press('Escape');
await nav('Группа риска');
await page.getByRole('button', { name: /Поставить на учёт|Включить/ }).first().click();
await shot('risk-form');
await page.keyboard.press('Escape');
await nav('Обмен данными');
await shot('exchange');
if (app.errors.length) console.log('Ошибки страницы:', app.errors);
await app.close();
console.log('Снимки в', out);
