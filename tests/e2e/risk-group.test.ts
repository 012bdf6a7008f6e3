/**
 * The risk-group registry through the UI in a real Chromium: include a pupil with two categories, find
 * him in the list, remove him with a reason, and find the status history still there after a reload.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createSchoolInUi, launchApp, type AppSession } from './browser.js';

describe('группа риска в браузере', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const rows = (table: string) => app.host.workspace.ctx().raw.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

  it('включает обучающегося, снимает с учёта с причиной, история сохраняется после перезагрузки', async () => {
    const { page } = app;
    await createSchoolInUi(page, 'МКОУ «Берёзовская основная общеобразовательная школа»', 'Берёзовская ООШ');

    await page.getByRole('navigation').getByText('Группа риска', { exact: true }).click();
    await page.getByTestId('privacy-notice').getByText('хранятся только на этом компьютере', { exact: false }).waitFor();
    await page.getByText('В группе риска пока никого нет', { exact: false }).waitFor();

    // an empty form is refused with Russian messages next to the fields, and nothing is written
    await page.getByRole('button', { name: 'Включить в группу риска' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Дата постановки').fill('');
    await dialog.getByRole('button', { name: 'Включить в группу риска' }).click();
    await dialog.getByText('Заполните поле «ФИО обучающегося»').waitFor();
    await dialog.getByText('Выберите хотя бы одну категорию').waitFor();
    await dialog.getByText('Заполните поле «Основание постановки»').waitFor();
    expect([rows('pupil'), rows('risk_entry'), rows('risk_status_change')]).toEqual([0, 0, 0]);

    await dialog.getByLabel('ФИО обучающегося').fill('Кузнецов Артём Денисович');
    await dialog.getByLabel('Класс').fill('6А');
    await dialog.getByLabel('Дата рождения').fill('14.03.2014');
    await dialog.getByLabel('Категории').click();
    await page.getByRole('option', { name: 'Пропуски занятий' }).click();
    await page.getByRole('option', { name: 'Слабая успеваемость' }).click();
    await dialog.getByLabel('Дата постановки').fill('15.09.2025');
    await dialog.getByLabel('Ответственный педагог').fill('Лебедева О. Н.');
    await dialog.getByLabel('Основание постановки').fill('Пропустил 18 уроков без уважительной причины, неудовлетворительные оценки по математике');
    await dialog.getByRole('button', { name: 'Включить в группу риска' }).click();
    await dialog.waitFor({ state: 'detached' });

    const list = page.getByTestId('risk-list');
    const row = list.locator('tr', { hasText: 'Кузнецов Артём Денисович' });
    await row.waitFor();
    await row.getByText('Пропуски занятий').waitFor();
    await row.getByText('Слабая успеваемость').waitFor();
    await row.getByText('15.09.2025').waitFor();
    await expect.poll(() => page.getByTestId('risk-total').textContent()).toBe('1');

    // remove with a reason; a date before the inclusion is refused first
    await row.click();
    const card = page.getByTestId('entry-card');
    await card.getByRole('button', { name: 'Снять с учёта' }).click();
    const form = page.getByRole('dialog', { name: 'Снять с учёта' });
    await form.getByLabel('Дата снятия с учёта').fill('01.09.2025');
    await form.getByLabel('Причина снятия с учёта').fill('Положительная динамика: пропусков нет два месяца');
    await form.getByRole('button', { name: 'Снять с учёта' }).click();
    await form.getByText('раньше даты постановки', { exact: false }).first().waitFor();
    expect(rows('risk_status_change')).toBe(1);
    await form.getByLabel('Дата снятия с учёта').fill('20.11.2025');
    await form.getByRole('button', { name: 'Снять с учёта' }).click();
    await form.waitFor({ state: 'detached' });
    await card.getByText('20.11.2025: Положительная динамика: пропусков нет два месяца').waitFor();
    await card.getByRole('button', { name: 'Вернуть в группу риска' }).waitFor();

    await page.reload();
    await page.getByRole('navigation').getByText('Группа риска', { exact: true }).click();
    await page.getByText('В группе риска пока никого нет', { exact: false }).waitFor();
    await page.getByText('Снятые с учёта', { exact: true }).click();
    await list.getByText('Кузнецов Артём Денисович').click();
    const history = page.getByTestId('status-history');
    await history.getByText('15.09.2025 — включён в группу риска').waitFor();
    await history.getByText('20.11.2025 — снят с учёта').waitFor();
    await history.getByText('Положительная динамика: пропусков нет два месяца').waitFor();
    expect(app.errors).toEqual([]);
  });
});
