/**
 * Issue 19, items 2 and 5, in a real Chromium at 1366×768: a deputy director types dates the way people do
 * («01.09.20», «01,09,2020» from the numeric keypad, «01092020», «2020-09-01», «1 сентября 2020») and each is
 * read as the day it means; «31.02.2021» stays in the field with a Russian message under it and the activity
 * is not saved with its date emptied. «до 15 сентября 2020 г.» gets the control date 15.09.2020.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { join } from 'node:path';
import { launchApp, createSchoolInUi, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';

const SHOTS = process.env.OPORA_SHOTS ?? '/tmp/dates-shots';

describe('dates as people type them', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp({ viewport: { width: 1366, height: 768 }, now: () => new Date('2020-10-05T10:00:00') });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('every typed form keeps or converts, an impossible date stays with a message and nothing is saved', async () => {
    const { page } = app;
    mkdirSync(SHOTS, { recursive: true });
    await createSchoolInUi(page, 'МОУ «Знаменская СОШ»', 'Знаменская СОШ');
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    await page.getByRole('button', { name: 'Внести программу' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('tab', { name: 'Мероприятия' }).waitFor();

    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Мероприятие( \*)?$/).fill('Педагогический совет по итогам ВПР');
    await dialog.getByLabel(/^Сроки \(как в программе\)/).fill('до 15 сентября 2020 г.');
    const start = dialog.getByLabel('Начало', { exact: true });
    const end = dialog.getByLabel('Окончание (для контроля сроков)');
    // The control date is the day written, not the end of the month.
    await expect.poll(() => end.inputValue()).toBe('15.09.2020');

    const leave = async (field: Locator, typed: string) => {
      await field.fill(typed);
      await field.press('Tab');
      return field.inputValue();
    };
    for (const typed of ['01.09.20', '01,09,2020', '01092020', '2020-09-01', '1 сентября 2020', '1 сент. 2020']) {
      expect(await leave(start, typed), typed).toBe('01.09.2020');
    }

    // An impossible date is kept as typed, with the reason under the field, before and after «Сохранить».
    expect(await leave(end, '31.02.2021')).toBe('31.02.2021');
    await dialog.getByText('Такой даты нет: в феврале 2021 года 28 дней').waitFor();
    await page.screenshot({ path: `${SHOTS}/activity-impossible-date-1366.png` });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Исправьте отмеченные поля. Ничего не сохранено.').waitFor();
    await dialog.getByText('Такой даты нет: в феврале 2021 года 28 дней').waitFor();
    expect(await end.inputValue()).toBe('31.02.2021');
    await page.screenshot({ path: `${SHOTS}/activity-refused-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/activity-refused-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });

    // A date without a year is not read as «no date» either.
    expect(await leave(end, '15.09')).toBe('15.09');
    await dialog.getByText('Допишите год: например, 01.09.2020').waitFor();

    expect(await leave(end, '15,09,20')).toBe('15.09.2020');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A sub-activity with no timing at all (seed 000): saved as it is, «Без срока», never overdue; the one due
    // 15.09.2020 is overdue on 05.10.2020, before the end of September's month would have made it.
    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    const sub = page.getByRole('dialog');
    await sub.getByLabel(/^Мероприятие( \*)?$/).fill('Изучение адаптированной программы');
    await sub.getByRole('button', { name: 'Сохранить' }).click();
    await sub.waitFor({ state: 'detached' });
    const list = page.getByTestId('activities');
    const noDeadline = list.locator('tr', { hasText: 'Изучение адаптированной программы' });
    await noDeadline.getByText('Без срока').waitFor();
    await noDeadline.getByText('Запланировано').waitFor();
    await list.locator('tr', { hasText: 'Педагогический совет по итогам ВПР' }).getByText('Просрочено').waitFor();
    await page.screenshot({ path: `${SHOTS}/activities-list-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/activities-list-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('activities').getByText('Педагогический совет по итогам ВПР').click();
    const again = page.getByRole('dialog');
    expect(await again.getByLabel('Начало', { exact: true }).inputValue()).toBe('01.09.2020');
    expect(await again.getByLabel('Окончание (для контроля сроков)').inputValue()).toBe('15.09.2020');
    // An optional date cleared on purpose is saved empty; half-typed, it is not.
    const completed = again.getByLabel('Дата выполнения');
    expect(await leave(completed, '31,09,2020')).toBe('31,09,2020');
    await again.getByText('Такой даты нет: в сентябре 2020 года 30 дней').waitFor();
    await again.getByRole('button', { name: 'Сохранить' }).click();
    await again.getByText('Исправьте отмеченные поля. Ничего не сохранено.').waitFor();
    expect(await completed.inputValue()).toBe('31,09,2020');

    // The calendar button picks a day and replaces what was typed.
    expect(await leave(completed, '20.09.2020')).toBe('20.09.2020');
    await again.getByRole('button', { name: 'Календарь' }).last().click();
    await page.screenshot({ path: `${SHOTS}/activity-calendar-1366.png` });
    await page.getByRole('button', { name: '25 сентября 2020', exact: true }).click();
    expect(await completed.inputValue()).toBe('25.09.2020');
    await again.getByRole('button', { name: 'Отмена' }).click();
    await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();

    // The report's period: the same field, the same reading; a report is not made from a period it cannot read.
    // (The справка is signed by the director: the profile holds the name before the first one.)
    await page.getByRole('navigation').getByText('Профиль школы', { exact: true }).click();
    await page.getByLabel('Директор (ФИО)').fill('Вымыслова Анна Петровна');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Профиль школы сохранён').waitFor();
    await page.getByRole('navigation').getByText('Отчёты', { exact: true }).click();
    const from = page.getByTestId('report-from');
    expect(await leave(from, '31.02.2021')).toBe('31.02.2021');
    await page.getByText('Такой даты нет: в феврале 2021 года 28 дней').waitFor();
    await page.getByTestId('report-start').click();
    await expect.poll(() => page.getByTestId('report-error').textContent()).toMatch(/такой даты нет: в феврале 2021 года 28 дней/);
    expect(await page.getByTestId('report-progress').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/reports-impossible-date-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/reports-impossible-date-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await leave(from, '01,09,20')).toBe('01.09.2020');
    expect(app.errors).toEqual([]);
  });
});

describe('dates as people type them in the municipality\'s journal', () => {
  let app: AppSession | undefined;
  afterAll(async () => {
    await app?.close();
  });

  it('a meeting dated «31.02.2026» is not saved and keeps the text; «20,11,26» is 20.11.2026; the filter reads typed dates too', async () => {
    const NOW = () => new Date('2026-11-25T10:00:00');
    const dataDir = tempDir('opora-e2e-dates-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    initMunicipality(w.ctx, 'Управление образования Энского района (вымышленное)');
    w.close();
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await page.getByRole('tab', { name: 'Мероприятия' }).click();
    await page.getByTestId('meeting-new').click();
    const editor = page.getByTestId('meeting-editor');
    await page.getByTestId('meeting-topic').fill('О результатах мониторинга');
    const day = editor.getByTestId('meeting-date');
    await day.fill('31.02.2026');
    await day.press('Tab');
    await editor.getByText('Такой даты нет: в феврале 2026 года 28 дней').waitFor();
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('form-error').waitFor();
    expect(await day.inputValue()).toBe('31.02.2026');
    await page.screenshot({ path: `${SHOTS}/meeting-impossible-date-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/meeting-impossible-date-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });

    await day.fill('20,11,26');
    await day.press('Tab');
    expect(await day.inputValue()).toBe('20.11.2026');
    await page.getByTestId('meeting-save').click();
    await page.getByText('Мероприятие сохранено').waitFor();
    await page.getByRole('button', { name: 'К журналу мероприятий' }).click();
    await page.getByTestId('meetings-tab').waitFor();
    await page.getByTestId('meetings-table').getByText('20.11.2026').waitFor();

    // A filter typed as «21 ноября 2026» hides the meeting of the 20th; a half-typed one filters nothing and says why.
    const since = page.getByTestId('meetings-tab').getByLabel('С', { exact: true });
    await since.fill('21 ноября 2026');
    await page.getByText('Ничего не найдено', { exact: false }).waitFor();
    await since.fill('21.11');
    await since.press('Tab');
    await page.getByText('Допишите год: например, 01.09.2020').waitFor();
    await page.getByTestId('meetings-table').getByText('20.11.2026').waitFor();
    await page.screenshot({ path: `${SHOTS}/meetings-filter-1366.png` });
    expect(app.errors).toEqual([]);
  });
});
