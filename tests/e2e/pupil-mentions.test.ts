/**
 * Issue 9 in a real Chromium: a teacher types a pupil's name and birth date into a risk-group reason; the
 * export is refused on the exchange screen, one click replaces the name by the pupil's code, the export
 * then goes, and the downloaded bundle holds neither the name nor the birth date.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSchoolInUi, launchApp, type AppSession } from './browser.js';
import { openContainer, unpackEntries } from '../../main/services/exchange/index.js';

describe('имена обучающихся в свободном тексте не уходят в муниципалитет', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('выгрузка отклонена, одна кнопка исправляет, файл без имени и даты рождения', async () => {
    const { page } = app;
    await createSchoolInUi(page, 'МКОУ «Берёзовская основная общеобразовательная школа»', 'Берёзовская ООШ');

    await page.getByRole('navigation').getByText('Группа риска', { exact: true }).click();
    await page.getByRole('button', { name: 'Включить в группу риска' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ФИО обучающегося').fill('Лебедев Дмитрий Андреевич');
    await dialog.getByLabel('Класс').fill('5А');
    await dialog.getByLabel('Дата рождения').fill('20.03.2014');
    await dialog.getByLabel('Категории').click();
    await page.getByRole('option', { name: 'Пропуски занятий' }).click();
    await dialog.getByLabel('Дата постановки').fill('15.09.2025');
    await dialog.getByLabel('Основание постановки').fill('Лебедев Дмитрий, 20.03.2014 г.р., пропускает уроки');
    await dialog.getByRole('button', { name: 'Включить в группу риска' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-export').click();
    const alert = page.getByTestId('exchange-mentions');
    await alert.getByText('Запись группы риска обучающийся № 1 — поле «Основание постановки»', { exact: false }).waitFor();
    expect(await alert.textContent()).not.toMatch(/Лебедев|Дмитрий|20\.03\.2014/);
    expect(app.host.workspace.ctx().raw.prepare('SELECT COUNT(*) FROM exchange_export').pluck().get()).toBe(0);

    await page.getByTestId('exchange-replace-names').click();
    await alert.waitFor({ state: 'detached' });
    const reason = app.host.workspace.ctx().raw.prepare('SELECT reason FROM risk_entry').pluck().get();
    expect(reason).toBe('обучающийся № 1, дата рождения не указывается г.р., пропускает уроки');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-export').click()]);
    const bytes = readFileSync((await download.path())!);
    // Not enrolled yet: signed, not encrypted, so the contents read without a key.
    const plain = [...unpackEntries(openContainer(bytes), null).values()].map((b) => b.toString('utf8')).join('\n');
    expect(plain).toContain('пропускает уроки');
    for (const s of ['Лебедев', 'Дмитрий', '20.03.2014', '2014-03-20']) expect(plain, s).not.toContain(s);
    expect(app.errors).toEqual([]);
  });
});
