/**
 * The recycle bin in a real browser (issue 11, item 3): a deletion says beforehand what goes with it, can be
 * undone from its notification, and from «Корзина»; the restored record is there after a reload.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
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

describe('корзина в браузере', () => {
  it('удалить → «Отменить» в уведомлении; удалить → «Корзина» → «Восстановить» → запись на месте после перезагрузки', async () => {
    const dataDir = tempDir('opora-e2e-bin-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    generateDemo(w.ctx, { size: 'small', seed: 7 });
    const { id, title } = w.ctx.raw.prepare(`SELECT a.id, a.title FROM activity a WHERE a.deleted_at IS NULL
      AND EXISTS (SELECT 1 FROM event_activity l WHERE l.activity_id = a.id AND l.deleted_at IS NULL) LIMIT 1`).get() as { id: string; title: string };
    w.close();
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const openProgramme = async () => {
      await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
      await page.getByPlaceholder(/Поиск/).first().fill(title.slice(0, 40));
    };
    const deleteIt = async () => {
      await openProgramme();
      await page.locator(`main tr[data-row-id="${id}"]`).first().click();
      const form = page.getByRole('dialog');
      await form.getByRole('button', { name: 'Удалить' }).click();
      // The confirmation says what goes with it, counted by main.
      await page.getByTestId('delete-dependents').waitFor();
      expect(await page.getByTestId('delete-dependents').innerText()).toMatch(/связь мероприятия журнала с программой — \d+/);
      await page.getByRole('dialog').filter({ hasText: 'Удалить запись?' }).getByRole('button', { name: 'Удалить' }).click();
      await expect.poll(() => page.locator(`main tr[data-row-id="${id}"]`).count()).toBe(0);
    };

    await deleteIt();
    await page.getByTestId('undo-delete').click();
    await page.locator(`main tr[data-row-id="${id}"]`).first().waitFor();

    await deleteIt();
    await page.getByRole('navigation').getByText('Корзина', { exact: true }).click();
    const row = page.getByTestId('bin-row').filter({ hasText: title }).filter({ has: page.getByTestId('bin-restore') });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Связь мероприятия журнала с программой — \d+/);
    await page.screenshot({ path: join(process.env.OPORA_SHOTS ?? dataDir, 'recycle-bin-1366.png') });
    await row.getByTestId('bin-restore').click();
    await page.getByTestId('bin-row').filter({ hasText: title }).first().getByText(/восстановлено/i).waitFor();

    await page.reload();
    await openProgramme();
    await page.locator(`main tr[data-row-id="${id}"]`).first().waitFor();
    expect(app.errors).toEqual([]);
  }, 120_000);
});
