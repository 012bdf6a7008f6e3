/**
 * Screenshots of the screens issue 11 touched (`npx tsx scripts/screens-ux.ts DIR`, after `npm run build`):
 * the municipal summary, the conflicts tab with a real conflict, a form of the demo school, and the
 * settings with backups. SCREENS_SIZE=1366x768 (default) or 1920x1080. A screen this build does not have
 * is skipped, so the same script takes the «before» pictures on an older build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchApp } from '../tests/e2e/browser.js';
import { tempDir } from '../tests/helpers.js';
import { openWorkspaceFile } from '../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../main/services/municipality/demo.js';
import { conflictPair } from '../tests/unit/conflict-fixture.js';

const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const [width, height] = (process.env.SCREENS_SIZE ?? '1366x768').split('x').map(Number) as [number, number];
const tag = `${width}x${height}`;

async function session(dataDir: string, steps: (page: Awaited<ReturnType<typeof launchApp>>['page'], shot: (n: string) => Promise<void>) => Promise<void>) {
  const app = await launchApp({ dataDir, viewport: { width, height } });
  const shot = async (name: string) => {
    await app.page.waitForTimeout(700);
    await app.page.screenshot({ path: `${out}/${name}-${tag}.png` });
  };
  try {
    await steps(app.page, shot);
  } catch (e) {
    console.log('Пропущено:', String(e).split('\n')[0]);
  }
  if (app.errors.length) console.log('Ошибки страницы:', app.errors);
  await app.close();
}

// The municipal summary of a demo municipality whose schools' data came through real bundles.
const munDir = tempDir('opora-screens-ux-');
const w = openWorkspaceFile(join(munDir, 'opora.sqlite'));
await generateMunicipalityDemo(w.ctx, { schools: 12, seed: 3 });
w.close();
await session(munDir, async (page, shot) => {
  await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
  await page.getByTestId('dashboard-row').first().waitFor();
  await shot('summary');
  await page.getByRole('navigation').getByText(/Настройки/).click();
  await shot('settings');
});

// A real conflict at a municipality.
const cDir = tempDir('opora-screens-ux-');
const { pair } = await conflictPair(cDir);
pair.close();
writeFileSync(join(cDir, 'settings.json'), JSON.stringify({ active: 'main', main: join(cDir, 'muni.sqlite') }));
await session(cDir, async (page, shot) => {
  await page.getByRole('navigation').getByText('Обмен данными').click();
  await page.getByRole('tab', { name: /Конфликты/ }).click();
  await shot('conflicts');
});

// A form of the demo school, and one with its date picker open.
await session(tempDir('opora-screens-ux-'), async (page, shot) => {
  await page.getByRole('button', { name: 'Открыть демо-школу' }).click();
  await page.getByText('Демонстрационная школа — данные вымышлены').waitFor();
  await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
  await page.getByRole('button', { name: /Добавить мероприятие/ }).first().click();
  await shot('form');
  await page.getByRole('dialog').getByLabel(/Окончание/).click();
  await shot('form-date');
});
console.log('Снимки в', out);
