/**
 * Versions and receipts in the browser (issue 21): a school loads the department's file and sees, beside each file
 * it wrote, whether the department loaded it and with what result; «О программе» names the version. The department
 * sees each school's version on the summary and in its card, and lists who has not sent a file since a day.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchApp, shotsAtBothSizes, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { demoMunicipalityDir } from './demo-fixture.js';
import { count } from '../../common/format.js';
import { NOUNS } from '../../common/nouns.js';
import { schoolShortName } from '../../common/school-name.js';
import pkg from '../../package.json' with { type: 'json' };

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const shots = shotsAtBothSizes;

describe('версии и квитанции — в браузере', () => {
  it('школа видит, какие её файлы загрузило управление, и версию программы', async () => {
    const dataDir = tempDir('opora-e2e-receipts-');
    const work = tempDir('opora-e2e-receipts-work-');
    const muni = openWorkspaceFile(join(work, 'muni.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    const school = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    openEnrollment(school.ctx, enr.bytes, enr.code);
    generateDemo(school.ctx, { size: 'small', seed: 1 });
    const loaded = importFile(muni.ctx, exportToFolder(school.ctx, join(work, 'up1'))[0]!.path);
    expect(loaded.status).toBe('accepted');
    exportToFolder(school.ctx, join(work, 'up2')); // not yet at the department
    school.close();
    const down = exportToFolder(muni.ctx, join(work, 'down'), { forSchool: enr.schoolId })[0]!.path;
    muni.close();
    const c = loaded.counts!;
    const records = c.new + c.updated + c.unchanged + c.deleted;

    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    const sent = page.getByTestId('sent-files');
    await sent.getByText('Ещё не загружен').first().waitFor();
    expect(await sent.getByText('Ещё не загружен').count()).toBe(2);
    await page.getByTestId('exchange-file-input').setInputFiles([down]);
    await expect.poll(() => page.getByTestId('exchange-results').innerText()).toMatch(/Принят/i);
    await sent.getByText(`25.11.2026 в 10:00: принято ${count(records, NOUNS.record)}, конфликтов 0`).waitFor();
    expect(await sent.getByText('Загружен', { exact: true }).count()).toBe(1);
    expect(await sent.getByText('Ещё не загружен').count()).toBe(1);
    expect(await sent.getByText('записан на флешку 25.11.2026 в 10:00').count()).toBe(2);
    await sent.scrollIntoViewIfNeeded();
    await shots(page, 'school-receipts');

    await page.getByRole('navigation').getByText('Справка', { exact: true }).click();
    await page.getByTestId('help-about').getByText(`«Опора», версия ${pkg.version}`).waitFor();
    await page.getByTestId('help-about').scrollIntoViewIfNeeded();
    await shots(page, 'help-about');
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('управление видит версию каждой школы и кто не сдал файл', async () => {
    const dataDir = await demoMunicipalityDir({ schools: 8, seed: 5, now: NOW });
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    // Two schools still on the first release; the demo's files are older than November for three.
    const ids = w.ctx.raw.prepare("SELECT id FROM municipality_school WHERE app_version <> '' ORDER BY name").pluck().all() as string[];
    for (const id of ids.slice(0, 2)) w.ctx.raw.prepare("UPDATE municipality_school SET app_version = '0.1.0', reads_schema = 70 WHERE id = ?").run(id);
    const first = w.ctx.raw.prepare('SELECT name FROM municipality_school WHERE id = ?').pluck().get(ids[0]) as string;
    w.close();

    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    const rows = page.getByTestId('dashboard-row');
    await expect.poll(() => rows.count()).toBe(8);
    const versions = await page.getByTestId('app-version').allInnerTexts();
    expect(versions.filter((v) => v.startsWith('0.1.0') && v.includes('старше вашей'))).toHaveLength(2);
    expect(versions.filter((v) => v === pkg.version)).toHaveLength(ids.length - 2);
    await shots(page, 'summary-versions');

    await page.getByTestId('not-submitted-open').click();
    const dialog = page.getByTestId('not-submitted');
    await dialog.getByText('Школы, не сдавшие файл «Опоры» с 1\u00a0ноября 2026\u00a0г.').waitFor();
    const listed = await dialog.getByTestId('not-submitted-list').locator('tbody tr').count();
    expect(listed).toBeGreaterThan(0);
    await dialog.getByTestId('not-submitted-count').getByText(`${count(listed, NOUNS.school)} из 8.`).waitFor();
    await shots(page, 'not-submitted');
    await page.keyboard.press('Escape');

    // The summary shows short names (the full one on hover).
    await rows.filter({ hasText: schoolShortName(first) }).first().click();
    await page.getByTestId('drawer-app-version').getByText('Версия «Опоры» в школе: 0.1.0 (по последнему файлу).').waitFor();
    await shots(page, 'school-card-version');
    expect(app.errors).toEqual([]);
  }, 180_000);
});
