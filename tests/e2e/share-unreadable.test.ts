/**
 * A school passes on a photo from its journal: the program cannot read it, so the share dialog says why and
 * «Передать» waits for the tick «Я проверил(а): в файле нет данных обучающихся»; the tick is in the access log.
 * SHOTS_DIR=… keeps the dialog's screenshots at 1366×768.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { generateDemo } from '../../main/services/school/demo.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, `${name}.png`) });
}

describe('передача файла, который программа не может прочитать', () => {
  it('фото уходит только с отметкой «Я проверил(а)», и отметка видна в журнале доступа', async () => {
    const dataDir = tempDir('opora-e2e-share-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    generateDemo(w.ctx, { size: 'small', seed: 5 });
    w.close();

    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Журнал мероприятий', { exact: true }).click();
    await page.getByTestId('event-list').locator('tbody tr').first().click();
    const files = page.getByTestId('event-card').getByTestId('event-attachments');
    await files.locator('input[type=file]').setInputFiles([{ name: 'Фото с педсовета.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('ffd8ffe000104a46494600', 'hex') }]);
    const row = files.locator('[data-file-id]', { hasText: 'Фото с педсовета.jpg' });
    await row.getByText('такой файл уйдёт, только если вы сами проверите').waitFor();
    await row.getByTestId('file-share').click();

    const dialog = page.getByTestId('share-dialog');
    await dialog.getByText('программа не умеет читать текст таких файлов').waitFor();
    await expect(dialog.getByTestId('share-confirm').isDisabled()).resolves.toBe(true);
    await shot(page, 'share-dialog');
    await dialog.getByLabel('Я проверил(а): в файле нет данных обучающихся').check();
    await shot(page, 'share-dialog-ticked');
    await dialog.getByTestId('share-confirm').click();
    await page.getByText('Файл уйдёт в управление образования').waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The list reloads after the save: the tick shows once it is back (the dialog may be gone before that).
    await expect.poll(() => row.locator('input[type=checkbox]').isChecked()).toBe(true);
    await shot(page, 'share-done');
    // The access log says it in Russian: who passed on a file the program could not read.
    await page.keyboard.press('Escape');
    await page.getByRole('banner').getByRole('button', { name: 'Персональные данные' }).click();
    await page.getByRole('tab', { name: 'Журнал доступа' }).click();
    await page.getByText('Передан файл, который программа не может прочитать').first().waitFor();
    await page.getByText('Фото с педсовета.jpg', { exact: false }).first().waitFor();
    await shot(page, 'share-access-log');
    expect(app.errors).toEqual([]);
    await app.close();
    app = undefined;

    const after = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    const log = after.ctx.raw.prepare("SELECT detail FROM access_log WHERE action = 'share_unchecked'").pluck().all();
    after.close();
    expect(log).toEqual(['«Фото с педсовета.jpg», отметка «Я проверил(а): в файле нет данных обучающихся»; программа не читает такие файлы']);
  });
});
