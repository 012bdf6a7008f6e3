/**
 * The municipality's import screen in a real browser: several bundles chosen at once, a progress bar,
 * and one result line per bundle — accepted with counts, or refused with the reason in Russian.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('обмен данными в браузере', () => {
  it('загружает несколько файлов сразу и показывает результат по каждому', async () => {
    const dataDir = tempDir('opora-e2e-exch-');
    const work = tempDir('opora-e2e-exch-work-');
    const muni = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    muni.close();
    const school = openWorkspaceFile(join(work, 'school.sqlite'), NOW);
    openEnrollment(school.ctx, enr.bytes, enr.code);
    generateDemo(school.ctx, { size: 'small', seed: 4 });
    const good = exportToFolder(school.ctx, join(work, 'flash'))[0]!.path;
    school.close();
    const bytes = readFileSync(good);
    const tampered = Buffer.from(bytes);
    const mid = Math.floor(tampered.length / 2);
    tampered[mid] = tampered[mid]! ^ 0x01;
    const upload = join(work, 'upload');
    mkdirSync(upload);
    writeFileSync(join(upload, '1_школа.opora'), bytes);
    writeFileSync(join(upload, '2_испорчен.opora'), tampered);
    writeFileSync(join(upload, '3_не_файл_обмена.opora'), 'Протокол совещания от 12.11.2026');

    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-file-input').setInputFiles([
      join(upload, '1_школа.opora'), join(upload, '2_испорчен.opora'), join(upload, '3_не_файл_обмена.opora'),
    ]);
    const results = page.getByTestId('exchange-results');
    await expect.poll(() => results.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
    await page.getByTestId('exchange-progress').waitFor();
    const rows = await results.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/Принят/i);
    expect(rows[0]).toMatch(/нов/i);
    expect(rows[1]).toMatch(/Отклонён/i);
    expect(rows[2]).toMatch(/Отклонён/i);
    expect(rows[2]).toMatch(/не .*файл.* обмена|не является/i);
    await page.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? work, 'exchange-results.png'), fullPage: true });

    // the same file again changes nothing, and the history keeps every attempt
    await page.getByTestId('exchange-file-input').setInputFiles([join(upload, '1_школа.opora')]);
    await expect.poll(async () => (await results.locator('tbody tr').allInnerTexts()).join('\n')).toMatch(/повтор|уже загружен|без изменений/i);
    await page.getByRole('tab', { name: 'История загрузок' }).click();
    await expect.poll(() => page.getByTestId('exchange-history').locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(app.errors).toEqual([]);
  });

  it('школа, начавшая без файла подключения, подключается позже со страницы обмена', async () => {
    const dataDir = tempDir('opora-e2e-late-');
    const work = tempDir('opora-e2e-late-work-');
    const muni = openWorkspaceFile(join(work, 'muni.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    const enrFile = join(work, 'Подключение.opora-enroll');
    writeFileSync(enrFile, enr.bytes);

    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    await page.getByRole('button', { name: 'Создать профиль школы' }).click();
    await page.getByRole('textbox', { name: /^Полное наименование/ }).fill('МКОУ «Энская основная школа»');
    await page.getByRole('button', { name: 'Создать', exact: true }).click();
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByText('Школа ещё не подключена к управлению образования').waitFor();
    await page.locator('input[type=file][accept*="opora-enroll"]').setInputFiles(enrFile);
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Управление образования Энского района (вымышленное)').waitFor();
    // the code travels apart from the file (printed or dictated); without it the button stays disabled
    await dialog.getByRole('textbox', { name: /Код подключения/ }).fill(enr.code);
    await dialog.getByRole('button', { name: 'Подключить' }).click();
    await page.getByText('Обмен с муниципалитетом «Управление образования Энского района (вымышленное)» через флешку.').waitFor();
    expect(await page.getByText('Школа ещё не подключена к управлению образования').count()).toBe(0);
    expect(app.errors).toEqual([]);
    await app.close();
    app = undefined;

    // the school's next bundle is encrypted for the municipality, which pins the school's key on import
    const school = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    const up = exportToFolder(school.ctx, join(work, 'up'))[0]!;
    school.close();
    expect(up.encrypted).toBe(true);
    expect(importFile(muni.ctx, up.path).status).toBe('accepted');
    muni.close();
  });
});
