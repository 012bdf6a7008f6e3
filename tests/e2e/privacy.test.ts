/**
 * The lock in a real Chromium: set a password (the warning and the recovery code shown once), enter a pupil,
 * reload — the lock screen; a wrong password is refused, the right one opens and the pupil is there.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSchoolInUi, launchApp, type AppSession } from './browser.js';

describe('пароль рабочего места в браузере', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  // PRIVACY_SHOTS=folder keeps screenshots of the lock's screens (1366×768) for a look.
  const shot = async (name: string) => {
    if (process.env.PRIVACY_SHOTS) await app.page.screenshot({ path: `${process.env.PRIVACY_SHOTS}/${name}.png` });
  };

  it('задать пароль, внести обучающегося, перезагрузить, экран блокировки, открыть — обучающийся на месте', async () => {
    const { page } = app;
    await createSchoolInUi(page, 'МКОУ «Сосновская основная общеобразовательная школа»', 'Сосновская ООШ');

    await page.getByRole('navigation').getByText('Группа риска', { exact: true }).click();
    await page.getByRole('button', { name: 'Включить в группу риска' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ФИО обучающегося').fill('Соколова Мария Игоревна');
    await dialog.getByLabel('Класс').fill('5Б');
    await dialog.getByLabel('Дата рождения').fill('02.02.2015');
    await dialog.getByLabel('Категории').click();
    await page.getByRole('option', { name: 'Пропуски занятий' }).click();
    await dialog.getByLabel('Основание постановки').fill('Пропуски без уважительной причины');
    await dialog.getByRole('button', { name: 'Включить в группу риска' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('risk-list').locator('tr', { hasText: 'Соколова Мария Игоревна' }).waitFor();

    // a pupil is on file and there is no password: the header asks for one
    await page.getByRole('banner').getByRole('button', { name: 'Задать пароль' }).click();
    const pw = page.getByRole('dialog');
    await pw.getByText('не сможет прочитать никто', { exact: false }).waitFor();
    await pw.getByLabel('Пароль', { exact: true }).fill('школа-сосновка-2026');
    await pw.getByLabel('Пароль ещё раз').fill('школа-сосновка-2026');
    await pw.getByRole('button', { name: 'Задать пароль' }).click();
    await pw.getByText('Отметьте, что поняли', { exact: false }).waitFor();
    await pw.getByLabel('Понимаю', { exact: false }).check();
    await shot('password-dialog');
    await pw.getByRole('button', { name: 'Задать пароль' }).click();
    const code = await pw.getByTestId('recovery-code-value').textContent();
    expect(code).toMatch(/^([A-Z0-9]{4}-){5}[A-Z0-9]{4}$/);
    await shot('recovery-code');
    await pw.getByRole('button', { name: 'Я записал код' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Заблокировать' }).waitFor();

    await page.reload();
    const lock = page.getByTestId('lock-screen');
    await lock.getByText('Опора заблокирована').waitFor();
    await expect.poll(() => page.getByText('Соколова').count()).toBe(0);
    await shot('lock-screen');
    await lock.getByLabel('Пароль рабочего места').fill('не тот пароль');
    await lock.getByRole('button', { name: 'Открыть' }).click();
    await lock.getByText('Неверный пароль.').waitFor();
    await lock.getByLabel('Пароль рабочего места').fill('школа-сосновка-2026');
    await lock.getByRole('button', { name: 'Открыть' }).click();
    await lock.waitFor({ state: 'detached' });
    await page.getByRole('navigation').getByText('Группа риска', { exact: true }).click();
    await page.getByTestId('risk-list').locator('tr', { hasText: 'Соколова Мария Игоревна' }).waitFor();

    // the header's button locks at once
    await page.getByRole('banner').getByRole('button', { name: 'Заблокировать' }).click();
    await page.getByTestId('lock-screen').waitFor();
    const db = readFileSync(app.host.workspace.dbPath('main'));
    expect(db.includes(Buffer.from('Соколова'))).toBe(false);
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 120_000);
});
