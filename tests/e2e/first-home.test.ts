/**
 * A school that has just been created opens on its home page: one line saying where to begin and the way
 * there, not six cards of zeros with «всё в срок» and «У всех есть наставник» about a plan and staff that do not
 * exist yet (issue 19, item 8: one empty-state line). Once something is entered, the figures are back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, createSchoolInUi, shotsAtBothSizes, type AppSession } from './browser.js';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('главная новой школы', () => {
  it('одна строка «с чего начать» и кнопка к программе; после первой записи — цифры', async () => {
    app = await launchApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await createSchoolInUi(page, 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 2»', 'СШ № 2');
    await page.getByRole('navigation').getByText('Главная', { exact: true }).click();
    const empty = page.getByTestId('dashboard-empty');
    await empty.waitFor();
    await expect(empty.innerText()).resolves.toMatch(/Начните с программы/);
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/всё в срок|У всех есть наставник|0 из 0|Журнал пуст/);
    await shotsAtBothSizes(page, 'home-empty');

    await empty.getByRole('button', { name: 'Перейти к программе' }).click();
    await page.getByRole('button', { name: 'Внести программу' }).waitFor();

    // One pupil in the risk group is enough to have something to show: the cards are back.
    await page.getByRole('navigation').getByText('Группа риска', { exact: true }).click();
    await page.getByRole('button', { name: 'Включить в группу риска' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ФИО обучающегося').fill('Пробный Пётр Петрович');
    await dialog.getByLabel('Класс').fill('5А');
    await dialog.getByLabel('Категории').click();
    await page.getByRole('option', { name: 'Пропуски занятий' }).click();
    await dialog.getByLabel('Основание постановки').fill('Пропуски уроков без уважительной причины');
    await dialog.getByRole('button', { name: 'Включить в группу риска' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('navigation').getByText('Главная', { exact: true }).click();
    await page.getByText('Группа риска по категориям').waitFor();
    expect(await page.getByTestId('dashboard-empty').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
