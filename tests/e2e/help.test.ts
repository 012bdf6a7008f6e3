/**
 * Help where the words are hard: the «?» next to a term explains it from the glossary, the help page has
 * the steps of sending data, and a dry run says «Проверка: файл будет принят», never a green «Принят».
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { launchApp, createSchoolInUi, type AppSession } from './browser.js';
import { GLOSSARY } from '../../common/glossary.js';
import { dispatch } from '../../main/handlers.js';

describe('help in the browser', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('explains hard words and shows the steps of sending data', async () => {
    const { page } = app;
    await createSchoolInUi(page, 'МБОУ «Средняя школа № 13»', 'Школа № 13');
    await page.getByRole('navigation').getByText('Обмен данными').click();
    await page.getByTestId('term-карантин').first().click();
    await page.getByText(GLOSSARY['карантин'].slice(0, 40)).waitFor();
    // The unenrolled school's export note is in plain words.
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain('подписан, но не зашифрован');
    expect(text).not.toContain('карантин до проверки отпечатка ключа');
    await page.keyboard.press('Escape');
    await page.getByRole('navigation').getByText('Справка').click();
    await page.getByRole('heading', { name: 'Как передать данные в управление образования' }).waitFor();
    expect(await page.getByTestId('help-steps').textContent()).toMatch(/Откройте файл подключения.*Сделайте файл обмена.*Передайте файл/s);
    for (const t of Object.keys(GLOSSARY)) expect(await page.getByTestId('help-glossary').textContent()).toContain(t);
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+K finds a record of any registry and opens its page', async () => {
    const { page, host } = app;
    const saved = await dispatch(host.workspace, 'records.save', { entity: 'staff', value: { full_name: 'Петрова Анна Сергеевна', position: 'Учитель математики' } });
    expect(saved.ok).toBe(true);
    await page.locator('body').press('Control+k');
    await page.getByTestId('search-input').fill('петров');
    const results = page.getByTestId('search-results');
    await results.getByText('Петрова Анна Сергеевна').waitFor();
    expect(await results.textContent()).toContain('Сотрудник');
    await results.getByText('Петрова Анна Сергеевна').click();
    await page.getByRole('heading', { name: 'Кадры и наставничество' }).first().waitFor();
    expect(app.errors).toEqual([]);
  });
});
