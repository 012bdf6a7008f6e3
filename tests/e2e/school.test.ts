/**
 * The school workspace through the UI in a real Chromium: first run, the programme, and that what was
 * entered is still there after a reload. Other registries have their own browser tests next to this one.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launchApp, type AppSession } from './browser.js';

describe('school workspace in the browser', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a school, refuses an empty name, keeps an activity with its completion mark after reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Создать профиль школы' }).click();
    await page.getByRole('button', { name: 'Создать', exact: true }).click();
    await expect.poll(() => page.getByText('Заполните поле «Полное наименование»').count()).toBeGreaterThan(0);
    await page.getByLabel('Полное наименование').fill('МОУ «Знаменская СОШ»');
    await page.getByLabel('Краткое наименование').fill('Знаменская СОШ');
    await page.getByRole('button', { name: 'Создать', exact: true }).click();
    await page.getByRole('banner').getByText('Знаменская СОШ').waitFor();

    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    await page.getByRole('button', { name: 'Внести программу' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('tab', { name: 'Мероприятия' }).waitFor();

    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Мероприятие( \*)?$/).fill('Единый методический день');
    await dialog.getByLabel(/^Сроки \(как в программе\)/).fill('до 26.03.2026');
    // the end date is suggested from the text as the user writes it
    await expect.poll(() => dialog.getByLabel('Окончание (для контроля сроков)').inputValue()).toBe('26.03.2026');
    await dialog.getByLabel(/^Статус/).click();
    await page.getByRole('option', { name: 'Выполнено', exact: true }).click();
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    // a done activity without a completion mark is refused, with the reason next to the field
    await dialog.getByText('Для выполненного мероприятия заполните отметку о выполнении').first().waitFor();
    await dialog.getByLabel('Отметка о выполнении').fill('Проведён 26.03.2026, присутствовали 45 человек');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByTestId('activities');
    await table.getByText('Единый методический день').waitFor();

    await page.reload();
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    await page.getByTestId('activities').getByText('Проведён 26.03.2026, присутствовали 45 человек').waitFor();
    expect(await page.getByTestId('activities').getByText('Выполнено').count()).toBe(1);

    // closing a changed form asks first and keeps the change if the user goes back
    await page.getByTestId('activities').getByText('Единый методический день').click();
    await page.getByRole('dialog').getByLabel('Ответственные').fill('Зам. директора по УВР');
    await page.getByRole('button', { name: 'Отмена' }).click();
    await page.getByText('В форме есть несохранённые изменения').waitFor();
    await page.getByRole('button', { name: 'Закрыть без сохранения' }).click();
    expect(app.errors).toEqual([]);
  });

  it('starts a municipality workspace from the first-run screen', async () => {
    const m = await launchApp();
    try {
      const { page } = m;
      await page.getByRole('button', { name: 'Начать работу управления' }).click();
      await page.getByRole('button', { name: 'Создать', exact: true }).click();
      await page.getByText('Укажите наименование муниципалитета').first().waitFor();
      await page.getByLabel(/^Наименование органа управления образованием/).fill('Управление образования Энского района (вымышленное)');
      await page.getByRole('button', { name: 'Создать', exact: true }).click();
      await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).waitFor();
      await page.getByRole('banner').getByText('Управление образования Энского района (вымышленное)').waitFor();
      expect(await page.getByRole('navigation').getByText('Группа риска', { exact: true }).count()).toBe(0);
      // A department with no schools yet gets one line saying where to begin, not a second one about filters.
      await page.getByTestId('dashboard-empty').waitFor();
      const main = await page.locator('main').innerText();
      expect(main).toMatch(/Школ пока нет\. Добавьте первую школу в реестр/);
      expect(main).not.toMatch(/подходящих под фильтры/);
      expect(m.errors).toEqual([]);
    } finally {
      await m.close();
    }
  });
});
