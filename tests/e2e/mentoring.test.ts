/** Registry 2 through the UI: staff, a mentoring pair refused and then saved, and still there after a reload. */
import { describe, it, expect, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';

let app: AppSession | undefined;
afterAll(async () => app?.close());

async function addStaff(page: Page, name: string, young = false) {
  await page.getByRole('button', { name: 'Добавить педагога' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый педагог' });
  await dialog.getByRole('textbox', { name: /^ФИО/ }).fill(name);
  await dialog.getByRole('textbox', { name: 'Должность' }).fill('Учитель');
  if (young) await dialog.getByRole('checkbox', { name: 'Молодой специалист' }).check();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function pick(page: Page, field: RegExp, option: string) {
  await page.getByRole('dialog').getByLabel(field).click();
  await page.getByRole('option', { name: option }).click();
}

describe('Кадры и наставничество в браузере', () => {
  it('педагоги, отказ в паре «сам себе наставник», сохранённая пара переживает перезагрузку', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Создать профиль школы' }).click();
    await page.getByRole('textbox', { name: /^Полное наименование/ }).fill('МКОУ «Берёзовская основная общеобразовательная школа»');
    await page.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('navigation').getByText('Кадры и наставничество', { exact: true }).click();
    await page.getByText('Педагогов пока нет. Нажмите «Добавить педагога».').waitFor();

    await addStaff(page, 'Соколова Ирина Павловна');
    await addStaff(page, 'Новикова Дарья Олеговна', true);
    const staff = page.getByTestId('staff-table');
    await staff.getByText('Всего: 2 педагога').waitFor();
    const young = staff.locator('tr', { hasText: 'Новикова Дарья Олеговна' });
    await young.getByText('Нет', { exact: true }).waitFor();
    expect(await page.getByTestId('stat-no-mentor').innerText()).toMatch(/1/);

    await page.getByRole('tab', { name: 'Наставнические пары' }).click();
    await page.getByRole('button', { name: 'Добавить пару' }).click();
    await pick(page, /^Наставник/, 'Соколова Ирина Павловна — Учитель');
    await pick(page, /^Наставляемый/, 'Соколова Ирина Павловна — Учитель');
    await pick(page, /^Основание/, 'Молодой специалист');
    const dialog = page.getByRole('dialog', { name: 'Новая наставническая пара' });
    await dialog.getByRole('textbox', { name: 'Предмет' }).fill('Русский язык');
    const start = dialog.getByRole('textbox', { name: /^Начало/ });
    await start.fill('01.09.2025');
    await start.press('Enter');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Наставник и наставляемый должны быть разными людьми').waitFor();
    await dialog.getByTestId('form-error').getByText('Исправьте отмеченные поля.').waitFor();
    // Nothing reached the data file.
    expect(app.host.workspace.ctx().raw.prepare('SELECT COUNT(*) FROM mentoring_pair').pluck().get()).toBe(0);

    await pick(page, /^Наставляемый/, 'Новикова Дарья Олеговна — Учитель');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });
    const pairs = page.getByTestId('pairs-table');
    await pairs.locator('tr', { hasText: 'Новикова Дарья Олеговна' }).getByText('Соколова Ирина Павловна').waitFor();

    await page.reload();
    await page.getByRole('tab', { name: 'Наставнические пары' }).click();
    const row = page.getByTestId('pairs-table').locator('tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.first().innerText();
    expect(text).toContain('Соколова Ирина Павловна');
    expect(text).toContain('Новикова Дарья Олеговна');
    expect(text).toContain('Молодой специалист');
    expect(text).toContain('с 01.09.2025');
    await page.getByRole('tab', { name: 'Педагоги' }).click();
    await page.getByTestId('staff-table').locator('tr', { hasText: 'Новикова Дарья Олеговна' }).getByText('Есть', { exact: true }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
