/**
 * Issue 18, item 7 in a real Chromium: the department's quarantine card says what happened when the same
 * enrollment file was opened on a second computer; accepting asks for both fingerprints and the first group
 * typed (a wrong one is refused in words); a refusal is never green.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile, ensureIdentity } from '../../main/services/exchange/index.js';
import { displayFingerprint } from '../../main/services/core/crypto.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('карантин муниципалитета', () => {
  it('второй компьютер с тем же файлом подключения: карточка словами, принять — только с первой группой отпечатка', async () => {
    const dataDir = tempDir('opora-e2e-quarantine-');
    const muni = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    const school = openWorkspaceFile(join(dataDir, 'school.sqlite'), NOW);
    openEnrollment(school.ctx, enr.bytes, enr.code);
    const second = openWorkspaceFile(join(dataDir, 'second.sqlite'), NOW);
    openEnrollment(second.ctx, enr.bytes, enr.code);
    expect(importFile(muni.ctx, exportToFolder(school.ctx, join(dataDir, 'up1'))[0]!.path).status).toBe('accepted');
    expect(importFile(muni.ctx, exportToFolder(second.ctx, join(dataDir, 'up2'))[0]!.path).status).toBe('quarantined');
    const pinned = displayFingerprint(ensureIdentity(school.ctx).fingerprint);
    const fresh = displayFingerprint(ensureIdentity(second.ctx).fingerprint);
    for (const w of [muni, school, second]) w.close();

    const [width, height] = (process.env.SCREENS_SIZE ?? '1366x768').split('x').map(Number);
    app = await launchApp({ dataDir, now: NOW, viewport: { width: width!, height: height! } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByRole('tab', { name: /Карантин/ }).click();
    const card = page.getByTestId('quarantine-item');
    await card.getByText(`закреплён за школой ключ ${pinned}`, { exact: false }).waitFor();
    expect(await card.textContent()).toContain(fresh);
    expect(await card.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/quarantine-card-${width}.png` });

    await card.getByRole('button', { name: 'Принять ключ…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(pinned, { exact: true }).waitFor();
    await dialog.getByText(fresh, { exact: true }).waitFor();
    await dialog.getByLabel('Первая группа отпечатка нового ключа (4 знака)').fill(pinned.slice(0, 4));
    await dialog.getByRole('button', { name: 'Принять новый ключ' }).click();
    await dialog.getByText('Введите первую группу отпечатка нового ключа', { exact: false }).waitFor();
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/quarantine-confirm-${width}.png` });
    await dialog.getByRole('button', { name: 'Отмена' }).click();

    await card.getByRole('button', { name: 'Отклонить' }).click();
    const toast = page.getByText('Файл отклонён: ничего не загружено, ключ не закреплён.');
    await toast.waitFor();
    // Orange, never the green of a success.
    const color = await toast.evaluate((el) => getComputedStyle(el.closest('.mantine-Notification-root') as HTMLElement).getPropertyValue('--notification-color'));
    expect(color.trim()).toBe('#fd7e14'); // Mantine's orange.6; teal (success) is #12b886
    await page.getByText('Карантин пуст', { exact: false }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
