/**
 * A methodologist attaches the protocol to a meeting in the browser, finds it in the journal and opens it; a file
 * deleted by mistake comes back with «Отменить», and a deleted meeting comes back from «Корзина» with its file.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveEvent } from '../../main/services/municipality/events.js';
import { eventSaveInput } from '../../preload/contract/meetings.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const TOPIC = 'О подготовке к итоговому собеседованию по русскому языку';
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, `${name}.png`), fullPage: true });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describe('файлы мероприятия управления образования', () => {
  it('протокол прикладывается к совещанию, открывается, возвращается после удаления', async () => {
    const dataDir = tempDir('opora-e2e-meetfiles-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    initMunicipality(w.ctx, 'Управление образования Энского района (вымышленное)');
    saveEvent(w.ctx, eventSaveInput.parse({ event: { kind: 'meeting', date_from: '2026-11-20', topic: TOPIC }, agenda: [{ title: 'Итоги пробного собеседования' }] }));
    w.close();

    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const openMeeting = async () => {
      await page.getByRole('tab', { name: 'Мероприятия' }).click();
      await page.getByTestId('meeting-row').filter({ hasText: TOPIC }).click();
      return page.getByTestId('meeting-files');
    };
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    let files = await openMeeting();
    await files.getByText('в школы не передаются').waitFor();
    const protocol = 'Протокол совещания № 7 от 20.11.2026';
    await files.locator('input[type=file]').setInputFiles([
      { name: 'Протокол совещания №7.txt', mimeType: 'text/plain', buffer: Buffer.from(protocol) },
      { name: 'Пустой.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await files.getByText('Протокол совещания №7.txt').waitFor();
    // The empty one is refused in words, the other one kept.
    await files.getByText('«Пустой.txt» — файл пустой').waitFor();
    await shot(page, 'meeting-files');
    const got = await downloaded(page, () => files.getByRole('button', { name: 'Протокол совещания №7.txt', exact: true }).click());
    expect(got).toEqual({ name: 'Протокол совещания №7.txt', text: protocol });

    // The journal says the meeting has a file.
    await page.getByRole('button', { name: 'К журналу мероприятий' }).click();
    await page.getByTestId('meeting-row').filter({ hasText: TOPIC }).getByText('1 файл', { exact: true }).waitFor();

    // Deleted by mistake: «Отменить» brings it back.
    files = await openMeeting();
    await files.getByRole('button', { name: 'Удалить файл Протокол совещания №7.txt' }).click();
    await page.getByRole('dialog').getByText('попадёт в «Корзину»').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
    await files.getByText('Файлов нет.').waitFor();
    await page.getByTestId('undo-delete').click();
    await files.getByText('Протокол совещания №7.txt').waitFor();

    // The whole meeting deleted, then restored from «Корзина»: the file opens again.
    // The app's own question, not the browser's.
    await page.getByTestId('meeting-editor').getByRole('button', { name: 'Удалить мероприятие' }).first().click();
    const ask = page.getByRole('dialog').filter({ hasText: 'Удалить мероприятие?' });
    await ask.getByText('Его можно будет восстановить из «Корзины».', { exact: false }).waitFor();
    await ask.getByRole('button', { name: 'Удалить мероприятие' }).click();
    await page.getByTestId('meetings-table').waitFor({ state: 'detached' });
    await page.getByRole('navigation').getByText('Корзина', { exact: true }).click();
    const binRow = page.getByTestId('bin-row').filter({ hasText: TOPIC });
    await binRow.getByText('Файл мероприятия — 1').waitFor();
    await shot(page, 'bin-meeting');
    await binRow.getByTestId('bin-restore').click();
    await binRow.getByText(/Восстановлено/).waitFor();
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    files = await openMeeting();
    const again = await downloaded(page, () => files.getByRole('button', { name: 'Протокол совещания №7.txt', exact: true }).click());
    expect(again.text).toBe(protocol);
    expect(app.errors).toEqual([]);
  });
});
