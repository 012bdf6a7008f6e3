/**
 * Issues 9 and 17 in a real Chromium: a teacher types a pupil's name and birth date into a risk-group reason
 * (which stays at the school) and into a journal event's outcomes (which leaves); the export shows what will
 * leave with the name marked, «Заменить кодом» replaces it, the file is written, and the downloaded bundle holds
 * neither the name, nor the birth date, nor the reason.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSchoolInUi, launchApp, type AppSession } from './browser.js';
import { openContainer, unpackEntries } from '../../main/services/exchange/index.js';
import { saveRecord } from '../../main/services/records/records.js';

describe('имена обучающихся в свободном тексте не уходят в муниципалитет', () => {
  let app: AppSession;
  beforeAll(async () => {
    // SCREENS_SIZE=1366x768 (with SHOTS) shows the review at the size of a school's laptop.
    const [width, height] = (process.env.SCREENS_SIZE ?? '').split('x').map(Number);
    app = await launchApp(width && height ? { viewport: { width, height } } : {});
  });
  afterAll(async () => {
    await app?.close();
  });

  it('перед выгрузкой видно, что уходит; имя выделено и заменяется кодом; файл без имени, даты рождения и основания', async () => {
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

    // The same words in a journal event's outcomes, which do leave the school.
    const ctx = app.host.workspace.ctx();
    saveRecord(ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2025-10-01', outcomes: 'Обсудили: Лебедев Дмитрий, 20.03.2014 г.р., пропускает уроки' });

    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-export').click();
    const review = page.getByRole('dialog', { name: 'Что уйдёт в управление образования' });
    await review.getByText('Похоже на ФИО или дату рождения обучающегося: 1').waitFor();
    const flagged = review.getByTestId('review-item').filter({ hasText: 'Мероприятие журнала «Совет профилактики» — Итоги' });
    expect(await flagged.locator('mark').allTextContents()).toEqual(['Лебедев Дмитрий', '20.03.2014']);
    // The risk entry's reason stays at the school: it is not among what leaves.
    expect(await review.getByText('Основание постановки').count()).toBe(0);
    expect(await review.getByTestId('review-write').isDisabled()).toBe(true);
    expect(ctx.raw.prepare('SELECT COUNT(*) FROM exchange_export').pluck().get()).toBe(0);
    // SHOTS=folder keeps a picture of the review for a person to look at.
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/outgoing-review-${page.viewportSize()?.width}.png` });

    await flagged.getByRole('button', { name: 'Заменить кодом' }).click();
    await review.getByText('Похожего на ФИО или дату рождения обучающегося не найдено', { exact: false }).waitFor();
    const outcomes = ctx.raw.prepare('SELECT outcomes FROM event').pluck().get();
    expect(outcomes).toBe('Обсудили: обучающийся № 1, дата рождения не указывается г.р., пропускает уроки');

    const [download] = await Promise.all([page.waitForEvent('download'), review.getByTestId('review-write').click()]);
    const bytes = readFileSync((await download.path())!);
    // Not enrolled yet: signed, not encrypted, so the contents read without a key.
    const plain = [...unpackEntries(openContainer(bytes), null).values()].map((b) => b.toString('utf8')).join('\n');
    expect(plain).toContain('пропускает уроки');
    for (const s of ['Лебедев', 'Дмитрий', '20.03.2014', '2014-03-20', '5А']) expect(plain, s).not.toContain(s);

    // Nothing new since the file: the next export goes without a review.
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-export').click()]);
    expect(await again.path()).toBeTruthy();
    expect(app.errors).toEqual([]);
  });
});
