/**
 * Work from the department, visible and marked one way (issue 19, item 6), and two programmes (item 3), in a
 * real browser on real files. The school loads the department's file: the home page counts the department's
 * deadlines of the month; on «От управления образования» the assignment and the roadmap activity each have an
 * «Отметить» button that opens the same dialog. The marks go up with the school's file; at the department the
 * roadmap and the assignments say what the numbers are («выполнено 1, нет отметки 1»), and so does the roadmap's
 * Excel file. The school card shows the school's finished programme next to the current one.
 * With SHOTS=<folder> each screen is also saved at 1366×768 and 1920×1080.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchApp, shotsAtBothSizes, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { saveRecord } from '../../main/services/records/records.js';
import { roadmapActivity } from '../unit/exchange-fixtures.js';
import { saveAssignment } from '../../main/services/municipality/assignments.js';
import { assignmentSaveInput } from '../../preload/contract/meetings.js';
import { readXlsxTables } from '../../main/services/reports/xlsx.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const shots = shotsAtBothSizes;

describe('работа управления образования — в браузере', () => {
  it('школа отмечает поручение и мероприятие дорожной карты одним окном; управление видит отметки словами и в Excel', async () => {
    const work = tempDir('opora-e2e-marks-');
    const schoolDir = tempDir('opora-e2e-marks-school-');
    const muniDir = tempDir('opora-e2e-marks-muni-');
    const muni = openWorkspaceFile(join(muniDir, 'opora.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    enrollSchool(muni.ctx, 'МКОУ «Вторая СОШ» (вымышленная)');
    const school = openWorkspaceFile(join(schoolDir, 'opora.sqlite'), NOW);
    openEnrollment(school.ctx, enr.bytes, enr.code);
    const title = 'Программа повышения качества образования';
    const old = await saveRecord(school.ctx, 'programme', { title, year_from: 2023, year_to: 2025, archived_on: '2025-08-31' });
    await saveRecord(school.ctx, 'activity', { programme_id: old.id, number: '1.1', title: 'Диагностика профессиональных дефицитов', timing_kind: 'deadline', timing_text: 'до 01.05.2025', date_to: '2025-05-01', status: 'in_progress' });
    const cur = await saveRecord(school.ctx, 'programme', { title, year_from: 2025, year_to: 2030 });
    await saveRecord(school.ctx, 'activity', { programme_id: cur.id, number: '1.1', title: 'Анализ результатов ВПР по математике', timing_kind: 'deadline', timing_text: 'до 01.11.2026', date_to: '2026-11-01', status: 'in_progress' });
    expect(importFile(muni.ctx, exportToFolder(school.ctx, join(work, 'up1'))[0]!.path).status).toBe('accepted');
    school.close();
    roadmapActivity(muni.ctx, { number: '3', title: 'Участие в муниципальном методическом дне', timing_text: 'до 30.11.2026', date_to: '2026-11-30', responsible: 'Руководители ОО' });
    saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { text: 'Представить план работы с группой риска', due_on: '2026-11-27', all_schools: 1 }, school_ids: [] }));
    const down = exportToFolder(muni.ctx, join(work, 'down'), { forSchool: enr.schoolId })[0]!.path;
    muni.close();

    app = await launchApp({ dataDir: schoolDir, now: NOW });
    let page = app.page;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-file-input').setInputFiles([down]);
    await expect.poll(() => page.getByTestId('exchange-results').innerText()).toMatch(/Принят/i);

    // The home page counts the department's deadlines of November: the assignment and the roadmap day.
    await page.getByRole('navigation').getByText('Главная', { exact: true }).click();
    const due = page.getByTestId('stat-municipal-due');
    await expect.poll(() => due.innerText()).toMatch(/Сроки управления образования в этом месяце\s*2\s*1 мероприятие дорожной карты, 1 поручение/);
    await shots(page, 'school-dashboard');

    // Two programmes: the selector tells them apart, the finished one says so.
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    await page.getByText('Текущая программа').waitFor();
    await page.getByTestId('programme-select').click();
    await page.getByRole('option', { name: `2025–2030 — ${title}`, exact: true }).waitFor();
    await page.getByRole('option', { name: `2023–2025, завершена 31.08.2025 — ${title}`, exact: true }).click();
    await page.getByTestId('programme-finished').waitFor();
    await shots(page, 'school-programme-finished');
    // A programme just written is the one on screen, whichever was shown before.
    await page.getByRole('button', { name: 'Новая программа' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Программа завершена').waitFor();
    await form.getByLabel('Название программы').fill('Программа развития «Шаг вперёд»');
    await form.getByLabel('Год начала').fill('2026');
    await form.getByLabel('Год окончания').fill('2028');
    await shots(page, 'school-programme-form');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('programme-select').inputValue()).toBe('2026–2028 — Программа развития «Шаг вперёд»');
    await page.getByRole('heading', { name: 'Программа развития «Шаг вперёд»' }).waitFor();

    await page.getByRole('navigation').getByText('От управления образования', { exact: true }).click();
    const assignments = page.getByTestId('school-assignments');
    const roadmap = page.getByTestId('municipal-activities');
    await roadmap.getByText('Участие в муниципальном методическом дне').waitFor();
    // The two lists load each on its own: each shows its one row to mark once it is in.
    await expect.poll(() => assignments.getByRole('button', { name: 'Отметить' }).count()).toBe(1);
    await expect.poll(() => roadmap.getByRole('button', { name: 'Отметить' }).count()).toBe(1);
    await shots(page, 'school-from-municipality');

    // The assignment: «Выполняется».
    await assignments.getByRole('button', { name: 'Отметить' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('mark-form').waitFor();
    expect(await dialog.getByText('Отметка для управления образования').count()).toBe(1);
    const options = async () => (await dialog.getByTestId('mark-status').innerText()).split('\n').map((x) => x.trim()).filter(Boolean);
    expect(await options()).toEqual(['Выполнено', 'Выполняется', 'Не выполнено']);
    await dialog.getByTestId('mark-status').getByText('Выполняется').click();
    await dialog.getByTestId('mark-note').fill('План составлен, на согласовании');
    await dialog.getByTestId('mark-save').click();
    await dialog.waitFor({ state: 'detached' });
    await assignments.getByText('План составлен, на согласовании').waitFor();

    // The roadmap activity: the same dialog, the same answers.
    await roadmap.getByRole('button', { name: 'Отметить' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('mark-form').waitFor();
    expect(await dialog.getByText('Отметка для управления образования').count()).toBe(1);
    expect(await options()).toEqual(['Выполнено', 'Выполняется', 'Не выполнено']);
    await dialog.getByTestId('mark-status').getByText('Выполнено', { exact: true }).click();
    await dialog.getByTestId('mark-save').click();
    await dialog.getByTestId('form-error').getByText('Укажите дату выполнения.').waitFor();
    await dialog.getByLabel('Дата выполнения').fill('20.11.2026');
    await dialog.getByTestId('mark-note').fill('Выступили с опытом наставничества');
    await shots(page, 'school-mark-dialog');
    await dialog.getByTestId('mark-save').click();
    await dialog.waitFor({ state: 'detached' });
    await roadmap.getByText('Выступили с опытом наставничества').waitFor();

    // The roadmap day is done: one deadline of the month is left.
    await page.getByRole('navigation').getByText('Главная', { exact: true }).click();
    await expect.poll(() => due.innerText()).toMatch(/в этом месяце\s*1\s*1 поручение/);
    expect(app.errors).toEqual([]);
    await app.close();
    app = undefined;

    const again = openWorkspaceFile(join(schoolDir, 'opora.sqlite'), () => new Date('2026-11-25T11:00:00'));
    const up = exportToFolder(again.ctx, join(work, 'up2'))[0]!.path;
    again.close();
    const m2 = openWorkspaceFile(join(muniDir, 'opora.sqlite'), NOW);
    expect(importFile(m2.ctx, up).status).toBe('accepted');
    m2.close();

    app = await launchApp({ dataDir: muniDir, now: NOW });
    page = app.page;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await page.getByRole('tab', { name: 'Дорожная карта' }).click();
    await page.getByTestId('roadmap-table').getByTestId('mark-counts').getByText('выполнено 1, нет отметки 1').waitFor();
    await shots(page, 'muni-roadmap');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'В Excel' }).click()]);
    const [sheet] = await readXlsxTables(readFileSync((await download.path())!));
    const flat = JSON.stringify(sheet);
    for (const s of ['Отметки школ', 'выполнено 1, нет отметки 1', 'Школ: нет отметки']) expect(flat).toContain(s);

    await page.getByRole('tab', { name: 'Поручения' }).click();
    await page.getByTestId('assignments-table').getByTestId('mark-counts').getByText('выполняется 1, нет отметки 1').waitFor();
    await shots(page, 'muni-assignments');

    // The school card: both programmes, the current first; the finished one's late activity is not overdue.
    await page.getByRole('tab', { name: 'Школы' }).click();
    await page.getByTestId('dashboard-row').filter({ hasText: 'Энская' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('tab', { name: 'Программы (3)' }).waitFor();
    expect((await drawer.getByTestId('drawer-programmes').innerText()).split('\n').filter(Boolean)).toEqual([
      'Программы школы (3); мероприятия и итоги выше — по всем:', '— Программа развития «Шаг вперёд» (2026–2028), текущая',
      `— ${title} (2025–2030)`, `— ${title} (2023–2025), завершена 31.08.2025`,
    ]);
    const heads = await drawer.getByTestId('drawer-programme-row').allInnerTexts();
    expect(heads.map((h) => h.trim())).toEqual([`${title} (2025–2030)`, `${title} (2023–2025), завершена 31.08.2025`]);
    expect(await drawer.locator('.cell-attention').count()).toBe(1);
    await shots(page, 'muni-school-card');
    expect(app.errors).toEqual([]);
  });
});
