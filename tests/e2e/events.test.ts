/** The event log through the UI in a real browser: an event, a decision with a deadline and a file survive a reload. */
import { describe, it, expect, afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A field by its label, with or without the required-field asterisk. */
const exactly = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s*\\*?$`);

async function typeDate(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog').getByLabel(exactly(label));
  await input.fill(value);
  await input.press('Tab');
}

describe('журнал мероприятий в браузере', () => {
  it('мероприятие, поручение со сроком и файл сохраняются; неверная форма — русское сообщение', async () => {
    app = await launchApp();
    const { page } = app;
    page.setDefaultTimeout(8000);

    // First run: create a school.
    await page.getByRole('button', { name: 'Создать профиль школы' }).click();
    await page.getByLabel('Полное наименование').fill('МКОУ «Тестовая основная общеобразовательная школа»');
    await page.getByRole('button', { name: 'Создать', exact: true }).click();
    await page.getByRole('navigation').getByText('Журнал мероприятий', { exact: true }).click();
    await page.getByText('В журнале пока нет мероприятий').waitFor();

    // An empty form, then an end date before the start: Russian messages, nothing saved.
    await page.getByRole('button', { name: 'Добавить мероприятие' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await dialog.getByText('Заполните поле «Название»').waitFor();
    await dialog.getByText('Выберите значение в поле «Вид» из списка').waitFor();
    await dialog.getByLabel('Название').fill('Семинар «Объективность оценивания ВПР»');
    await dialog.getByLabel(exactly('Вид')).click();
    await page.getByRole('option', { name: 'Семинар', exact: true }).click();
    await typeDate(page, 'Дата', '14.10.2026');
    await typeDate(page, 'Дата окончания (если несколько дней)', '10.10.2026');
    await dialog.getByLabel('Организатор').fill('МКУ «Центр развития образования»');
    await dialog.getByLabel('Число участников').fill('18');
    await dialog.getByRole('button', { name: 'Добавить мероприятие' }).click();
    await dialog.getByText('Дата окончания раньше даты начала').waitFor();
    const stored = () => app!.host.workspace.ctx().raw.prepare('SELECT COUNT(*) FROM event').pluck().get();
    expect(stored()).toBe(0);

    await typeDate(page, 'Дата окончания (если несколько дней)', '15.10.2026');
    await dialog.getByRole('button', { name: 'Добавить мероприятие' }).click();

    // The card opens for the new event: add a decision with a past deadline.
    const card = page.getByTestId('event-card');
    await card.getByText('14.10.2026–15.10.2026').waitFor();
    expect(stored()).toBe(1);
    await card.getByRole('button', { name: 'Добавить поручение' }).click();
    const dd = page.getByRole('dialog', { name: 'Новое поручение' });
    await dd.getByLabel('Поручение').fill('Подготовить анализ результатов ВПР');
    await dd.getByLabel('Ответственный').fill('Иванова А. П.');
    await typeDate(page, 'Срок', '19.03.2021');
    await dd.getByRole('button', { name: 'Добавить поручение' }).click();
    await card.getByText('Просрочено').waitFor();

    // Attach a small file.
    const content = 'Протокол заседания № 3 от 14.10.2026';
    await card.getByTestId('event-attachments').locator('input[type=file]').setInputFiles({ name: 'Протокол №3.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    await card.getByText('Протокол №3.txt').waitFor();
    // Passed on to the department only when ticked; a file that names a pupil is refused in words.
    const share = card.locator('[data-file-id]', { hasText: 'Протокол №3.txt' }).getByTestId('file-share');
    await card.getByText('Перед отправкой программа прочитает файл целиком и проверит, нет ли в нём ФИО', { exact: false }).first().waitFor();
    await share.click(); // controlled: it shows the stored state once main has agreed
    await page.getByText('Файл уйдёт в управление образования со следующим файлом обмена').waitFor();
    expect(app.host.workspace.ctx().raw.prepare('SELECT share FROM attachment').pluck().get()).toBe(1);
    const school = app.host.workspace.ctx();
    const { includePupil } = await import('../../main/services/school/risk-group.js');
    includePupil(school, { full_name: 'Лебедев Дмитрий Андреевич', birth_date: '2014-03-20', class_name: '5А' },
      { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски уроков', responsible: 'Сидорова А. В.' });
    await card.getByTestId('event-attachments').locator('input[type=file]').setInputFiles({ name: 'Список.txt', mimeType: 'text/plain', buffer: Buffer.from('На учёт: Лебедев Дмитрий, 5А') });
    const named = card.locator('[data-file-id]', { hasText: 'Список.txt' });
    await named.getByTestId('file-share').click();
    await page.getByText('«Список.txt» не передан: в нём есть фамилия и имя обучающегося').waitFor();
    expect(await named.getByTestId('file-share').isChecked()).toBe(false);

    // Reload: everything is still there.
    await page.reload();
    const row = page.getByTestId('event-list').locator('tbody tr', { hasText: 'Семинар «Объективность оценивания ВПР»' });
    await row.waitFor();
    expect(await row.textContent()).toContain('1 открытое');
    expect(await row.getByLabel('Файлов: 2').isVisible()).toBe(true);
    await row.click();
    await card.getByText('Подготовить анализ результатов ВПР').waitFor();
    expect(await card.getByText('19.03.2021').isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Протокол №3.txt', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('Протокол №3.txt');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(content);
    await page.getByRole('button', { name: 'Закрыть карточку' }).click();

    // The «Поручения» view lists it among the overdue ones.
    await page.getByRole('tab', { name: /Поручения/ }).click();
    await page.getByText('Просроченные', { exact: true }).click();
    await page.getByTestId('decision-list').getByText('Подготовить анализ результатов ВПР').waitFor();
    expect(app.errors).toEqual([]);
  });
});
