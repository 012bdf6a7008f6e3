/**
 * A methodologist finishes the year's roadmap as it is written (issue 20, items 9–10): row 8 done in part with
 * a sub-row under it that has no number of its own; then she prepares the справка об итогах from the roadmap,
 * types its number, date and period in words, is offered the computed summary and writes her own closing, prints
 * it, and prepares the приказ approving it (new and unsaved until she saves or prints it: closed unsaved, it leaves
 * no draft) — the приказ's .docx holds the справка with its table in «Приложение 1».
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveRosterSchool, saveCurator } from '../../main/services/municipality/roster.js';
import { saveRoadmap, saveRoadmapActivity } from '../../main/services/municipality/roadmap.js';
import { saveReportSettings, getReportSettings } from '../../main/services/municipality/report-settings.js';
import { rosterSchoolInput, roadmapInput, roadmapActivityInput, curatorInput } from '../../preload/contract/municipality.js';
import { readDocx } from '../unit/report-reader.js';

const NOW = () => new Date('2026-06-10T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, `${name}.png`) });
}

async function pickDate(scope: Locator | Page, testId: string, value: string) {
  const input = scope.getByTestId(testId);
  await input.fill(value);
  await input.press('Enter');
}

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`)).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('справка об итогах дорожной карты и приказ об её утверждении', () => {
  it('подпункт без номера, «Выполнено частично», номер и дата справки, приказ с таблицей в «Приложении 1»', async () => {
    const dataDir = tempDir('opora-e2e-roadmap-doc-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    initMunicipality(w.ctx, 'Управление образования Энского района (вымышленное)');
    saveRosterSchool(w.ctx, rosterSchoolInput.parse({ name: 'МКОУ «Альфинская СОШ»' }));
    saveReportSettings(w.ctx, { ...getReportSettings(w.ctx), organisation: 'Управление образования Энского района', headName: 'Гвоздкова Наталья Геннадьевна', headPosition: 'Начальник Управления образования', place: 'г. Энск' });
    const rm = saveRoadmap(w.ctx, roadmapInput.parse({ title: 'Методическая поддержка школ с низкими результатами обучения', year_from: 2025, year_to: 2026, approval_number: '676', approval_date: '2025-12-30' }));
    const act = (v: Record<string, unknown>) => saveRoadmapActivity(w.ctx, roadmapActivityInput.parse({ roadmap_id: rm.id, date_from: '2026-01-10', date_to: '2026-05-20', all_schools: 1, ...v }));
    act({ number: '1', title: 'Самоанализ причин низких образовательных результатов', status: 'done', completion_mark: 'Проведён самоанализ причин низких результатов обучения.' });
    act({ number: '8', title: 'Организация кураторского сопровождения', status: 'in_progress' });
    // A school-curator with no person named.
    saveCurator(w.ctx, curatorInput.parse({ organisation: 'МБОУ «СОШ № 89» (школа-куратор)' }));
    w.close();

    app = await launchApp({ dataDir, now: NOW, viewport: process.env.SHOTS_WIDE ? { width: 1920, height: 1080 } : { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await page.getByRole('tab', { name: 'Дорожная карта' }).click();
    const table = page.getByTestId('roadmap-table');

    // Row 8: done in part, in her words.
    await table.getByText('Организация кураторского сопровождения').click();
    let form = page.getByRole('dialog');
    await choose(page, form, 'Статус', 'Выполнено частично');
    await form.getByLabel('Отметка о выполнении').fill('Куратор, директор школы-куратора, включился в сопровождение школ.');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.waitFor({ state: 'detached' });
    await table.getByText('Куратор, директор школы-куратора, включился в сопровождение школ.').waitFor();

    // A sub-row of row 8, with no number.
    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    form = page.getByRole('dialog');
    await choose(page, form, 'Подпункт мероприятия (печатается под ним, без своего номера)', '8. Организация кураторского сопровождения');
    await form.getByLabel(/^Мероприятие/).fill('- взаимодействие педагогов школ с НОР по отдельным учебным предметам');
    await choose(page, form, 'Статус', 'Не выполнено');
    await form.getByLabel('Отметка о выполнении').fill('Нет');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.waitFor({ state: 'detached' });
    await table.getByTestId('roadmap-subrow').getByText('- взаимодействие педагогов').waitFor();
    await shot(page, 'roadmap-subrow');

    // The справка from the roadmap: no number, no date until she types them.
    await page.getByTestId('roadmap-spravka').click();
    const doc = page.getByTestId('document-editor');
    expect(await doc.getByTestId('document-number').inputValue()).toBe('');
    expect(await doc.getByTestId('document-date').inputValue()).toBe('');
    await doc.getByTestId('document-number').fill('01-12/236');
    await pickDate(doc, 'document-date', '15.06.2026');
    await doc.getByRole('tab', { name: 'Текст' }).click();
    await doc.getByTestId('document-period-text').fill('прошедший учебный год (декабрь – май)');
    await doc.getByTestId('document-summary').click();
    const closing = doc.getByLabel(/^Заключение/);
    await expect.poll(() => closing.inputValue()).toMatch(/^Из 3 мероприятий дорожной карты выполнено 1 .*выполнены частично: 8/);
    await shot(page, 'roadmap-spravka-editor');
    const CLOSING = 'В ходе реализации плана выявились недочёты в работе с управленческими командами школ с НОР.';
    await closing.fill(CLOSING);
    const [first] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('document-print').click()]);
    expect(first.suggestedFilename()).toBe('Справка № 01-12-236 от 15.06.2026.docx');
    const s = await readDocx(readFileSync((await first.path())!));
    expect(s.paragraphs).toContain('15.06.2026\t№ 01-12/236');
    expect(s.paragraphs).toContain(CLOSING);

    // The приказ approving it opens in the same editor, new and unsaved: closed unsaved, it leaves no draft.
    const order = page.getByTestId('document-editor');
    const orderTitle = () => order.getByTestId('document-title').inputValue();
    await doc.getByTestId('document-order').click();
    await expect.poll(orderTitle).toMatch(/^Об утверждении информационной справки об итогах реализации/);
    await order.getByRole('button', { name: 'Закрыть', exact: true }).click();
    await order.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Документы' }).click();
    const registered = page.getByTestId('document-row');
    await expect.poll(() => registered.allInnerTexts()).toEqual([expect.stringMatching(/^Справка\s+01-12\/236\s+15\.06\.2026\s+Об итогах реализации/)]);
    await registered.first().click();
    await doc.getByTestId('document-order').click();
    await expect.poll(orderTitle).toMatch(/^Об утверждении информационной справки/);
    await order.getByTestId('document-number').fill('374');
    await pickDate(order, 'document-date', '18.06.2026');
    await shot(page, 'roadmap-order-editor');
    const [download] = await Promise.all([page.waitForEvent('download'), order.getByTestId('document-print').click()]);
    expect(download.suggestedFilename()).toBe('Приказ № 374 от 18.06.2026.docx');
    const bytes = readFileSync((await download.path())!);
    if (process.env.SHOTS_DIR) {
      writeFileSync(join(process.env.SHOTS_DIR, 'e2e-order.docx'), bytes);
      writeFileSync(join(process.env.SHOTS_DIR, 'e2e-spravka.docx'), readFileSync((await first.path())!));
    }
    const o = await readDocx(bytes);
    const at = (p: string) => o.paragraphs.findIndex((x) => x.includes(p));
    for (const p of ['П Р И К А З', '18.06.2026\t№ 374', 'от 30.12.2025 № 676', 'п р и к а з ы в а ю:', 'Утвердить информационную справку', 'Приложение 1', 'от 18.06.2026 № 374',
      'Информационная справка об итогах реализации', 'За прошедший учебный год (декабрь – май) со школами проведена работа', CLOSING]) {
      expect(at(p), p).toBeGreaterThan(-1);
    }
    expect(at('п р и к а з ы в а ю:')).toBeLessThan(at('Приложение 1'));
    const t = o.tables[0]!;
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['№ п/п', 'Мероприятие', 'Отметка о выполнении'],
      ['1', 'Самоанализ причин низких образовательных результатов', 'Проведён самоанализ причин низких результатов обучения.'],
      ['8', 'Организация кураторского сопровождения', 'Выполнено частично. Куратор, директор школы-куратора, включился в сопровождение школ.'],
      ['', '- взаимодействие педагогов школ с НОР по отдельным учебным предметам', 'Нет'],
    ]);
    expect(o.allText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Партнёры и кураторы' }).click();
    await page.getByRole('cell', { name: 'МБОУ «СОШ № 89» (школа-куратор)' }).waitFor();
    await shot(page, 'curators');
    expect(app.errors).toEqual([]);
  }, 180_000);
});
