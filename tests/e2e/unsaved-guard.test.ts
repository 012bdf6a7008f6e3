/**
 * Forms keep what was typed (issue 11, item 6): leaving «Профиль школы» with changes asks first; Esc in a
 * changed form opens the question and leaves it open; Enter saves; the first Tab is not on ✕.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { generateDemo } from '../../main/services/school/demo.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('несохранённые изменения', () => {
  it('уход со страницы спрашивает, Esc не закрывает вопрос, Enter сохраняет, первый Tab — в форме', async () => {
    const dataDir = tempDir('opora-e2e-guard-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    generateDemo(w.ctx, { size: 'small', seed: 2 });
    w.close();
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const nav = (name: string) => page.getByRole('navigation').getByText(name, { exact: true }).click();

    // Navigation away from a changed inline form asks; «Остаться» keeps the input.
    await nav('Профиль школы');
    const phone = page.getByLabel('Телефон');
    await phone.fill('8 (34355) 5-12-34');
    await nav('Программа');
    const question = page.getByRole('dialog').filter({ hasText: 'Уйти без сохранения?' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Остаться и сохранить' }).click();
    expect(await page.getByRole('heading', { name: 'Профиль школы' }).isVisible()).toBe(true);
    expect(await phone.inputValue()).toBe('8 (34355) 5-12-34');
    // Enter saves; then leaving does not ask.
    await phone.press('Enter');
    await page.getByText('Профиль школы сохранён').waitFor();
    await nav('Программа');
    await page.getByRole('heading', { name: 'Программа', exact: false }).first().waitFor();
    expect(await question.count()).toBe(0);
    await nav('Профиль школы');
    expect(await page.getByLabel('Телефон').inputValue()).toBe('8 (34355) 5-12-34');
    // Leaving with changes and answering «Уйти» drops them.
    await page.getByLabel('Телефон').fill('не сохранять');
    await nav('Программа');
    await question.getByRole('button', { name: 'Уйти без сохранения' }).click();
    await nav('Профиль школы');
    expect(await page.getByLabel('Телефон').inputValue()).toBe('8 (34355) 5-12-34');

    // A modal form: the first Tab is in the form, Esc asks and the question stays open.
    await nav('Программа');
    await page.getByRole('tab', { name: 'Задачи' }).click();
    await page.getByRole('button', { name: 'Добавить задачу' }).click();
    const form = page.getByRole('dialog').first();
    await form.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).not.toBe('Закрыть');
    expect(await page.evaluate(() => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''))).toBe(true);
    await form.getByLabel('Задача').fill('Повысить долю обучающихся, справившихся с ВПР');
    // As a person does: the typed text is on screen (the form has re-rendered as changed) before Esc.
    await expect.poll(() => form.getByLabel('Задача').inputValue()).toBe('Повысить долю обучающихся, справившихся с ВПР');
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape');
    const guard = page.getByRole('dialog').filter({ hasText: 'Закрыть её без сохранения?' });
    await guard.waitFor();
    await page.waitForTimeout(600);
    expect(await guard.isVisible()).toBe(true);
    await guard.getByRole('button', { name: 'Продолжить редактирование' }).click();
    expect(await form.getByLabel('Задача').inputValue()).toBe('Повысить долю обучающихся, справившихся с ВПР');
    // A multi-line field takes Enter as a new line; Ctrl+Enter saves.
    await form.getByLabel('Задача').press('Control+Enter');
    await page.locator('main').getByText('Повысить долю обучающихся, справившихся с ВПР').first().waitFor();
    expect(app.errors).toEqual([]);
  }, 120_000);
});
