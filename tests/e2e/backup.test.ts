/**
 * Backups through the UI in a real Chromium: make a copy → the live file is damaged on disk → the app says
 * so and offers the copies → restore → the data are back (and stay after a reload); then a municipality
 * workspace next to the school, switched from «Рабочие места».
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openSync, writeSync, closeSync } from 'node:fs';
import { dispatch } from '../../main/handlers.js';
import { launchApp, createSchoolInUi, type AppSession } from './browser.js';

describe('backups in the browser', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('make → damage the live file → restore → data back', async () => {
    const { page, host } = app;
    await createSchoolInUi(page, 'МБОУ «Средняя школа № 13»', 'Школа № 13');
    // A record saved through the same door the forms use.
    const saved = await dispatch(host.workspace, 'records.save', { entity: 'staff', value: { full_name: 'Петрова Анна Сергеевна', position: 'Учитель математики' } });
    expect(saved.ok).toBe(true);
    await page.getByRole('navigation').getByText('Настройки и копии').click();
    const backups = page.getByTestId('backups');
    await backups.getByRole('button', { name: 'Сделать копию сейчас' }).click();
    await page.getByText(/Копия сделана/).waitFor();
    await expect.poll(() => backups.getByTestId('backup-row').count()).toBeGreaterThan(0);
    expect(await backups.getByText('сделана вручную').count()).toBe(1);
    expect(await backups.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // The disk damages the live file while the program is closed.
    const path = host.workspace.dbPath('main');
    await host.workspace.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x55), 0, 8192, 4096);
    closeSync(fd);
    await page.reload();
    await page.getByText('Не удалось открыть данные').waitFor();
    await page.getByText(/повреждён/).first().waitFor();

    await page.getByTestId('backup-row').first().getByRole('button', { name: 'Восстановить' }).click();
    await page.getByText('Восстановить данные из копии?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Восстановить' }).click();
    // The restore checks the copy against a schema rebuilt from every migration and reopens the file: with other
    // test files on the same two cores it once took longer than a screen's 20 s.
    await page.getByRole('banner').getByText('Школа № 13').waitFor({ timeout: 60_000 });
    await page.reload();
    await page.getByRole('navigation').getByText('Кадры и наставничество').click();
    await page.getByText('Петрова Анна Сергеевна').first().waitFor();
    expect(app.errors).toEqual([]);
  });

  it('a municipality workspace next to the school, switched both ways', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByText('Настройки и копии').click();
    await page.getByRole('button', { name: 'Новое рабочее место' }).click();
    // One click does not leave the school: the app says what happens and waits for a yes.
    await page.getByRole('dialog').getByText('останется в списке').waitFor();
    await page.getByRole('button', { name: 'Да, перейти в новое' }).click();
    await page.getByRole('button', { name: 'Начать работу управления' }).click();
    await page.getByLabel(/Наименование органа управления образованием/).fill('Управление образования Энского района');
    await page.getByRole('button', { name: 'Создать', exact: true }).click();
    await page.getByRole('banner').getByText('Управление образования Энского района').waitFor();
    await page.getByRole('navigation').getByText('Настройки и копии').click();
    const files = page.getByTestId('workspaces');
    await expect.poll(() => files.getByTestId('workspace-row').count()).toBe(2);
    await files.getByTestId('workspace-row').filter({ hasText: 'Школа № 13' }).getByRole('button', { name: 'Открыть' }).click();
    await page.getByRole('banner').getByText('Школа № 13').waitFor();
    await page.getByRole('navigation').getByText('Настройки и копии').click();
    await files.getByTestId('workspace-row').filter({ hasText: 'Энского' }).getByRole('button', { name: 'Открыть' }).click();
    await page.getByRole('banner').getByText('Управление образования Энского района').waitFor();
  });
});
