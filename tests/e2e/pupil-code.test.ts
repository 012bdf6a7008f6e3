/**
 * The export's privacy message can be acted on (issue 19, item 7), in a real Chromium at 1366×768: the review
 * says whose code a marked name is and opens that pupil's risk-group card; the list shows the code and finds
 * the pupil by «№ N»; «Заменить кодом» writes «с обучающимся № N».
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { createSchool } from '../../main/services/core/school-profile.js';
import { includePupil } from '../../main/services/school/risk-group.js';
import { saveRecord } from '../../main/services/records/records.js';
import { pupilCodes, knownPupils } from '../../main/services/privacy/people.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const SHOTS = '/tmp/plan-shots';
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const PUPILS = ['Лебедев Дмитрий Андреевич', 'Кузнецова Анна Сергеевна', 'Соколов Артём Игоревич', 'Морозова Дарья Павловна', 'Волков Никита Олегович',
  'Павлова Софья Ильинична', 'Семёнов Егор Викторович', 'Голубева Полина Андреевна', 'Виноградов Кирилл Романович', 'Богданова Алиса Денисовна',
  'Фёдоров Максим Алексеевич', 'Орлова Ксения Евгеньевна'];

describe('код обучающегося из сообщения выгрузки', () => {
  it('«Что уходит» называет код и открывает карточку; список показывает код и находит по «№ N»; замена — «с обучающимся № N»', async () => {
    const dataDir = tempDir('opora-e2e-code-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    createSchool(w.ctx, { name: 'МКОУ «Берёзовская основная общеобразовательная школа»', short_name: 'Берёзовская ООШ', municipality: 'Ирбитское МО',
      address: '', director: '', deputy: '', phone: '', email: '', pupils_count: 120, is_nor: 1, is_nsu: 1 });
    for (const [i, full_name] of PUPILS.entries()) {
      includePupil(w.ctx, { full_name, birth_date: null, class_name: `${5 + (i % 4)}Б` },
        { categories: ['absenteeism'], included_on: '2026-09-15', reason: 'Пропуски без уважительной причины', responsible: 'Сидорова А. В.' });
    }
    saveRecord(w.ctx, 'event', { title: 'Совет профилактики', kind: 'meeting', level: 'school', format: 'in_person', date_from: '2026-10-01', outcomes: 'Проведена беседа с Волковым Никитой и его родителями' });
    // The code of Волков, as the exchange says it (creation order; one clock here, so then by id).
    const volkov = knownPupils(w.ctx).find((p) => p.fullName === 'Волков Никита Олегович')!;
    const code = pupilCodes(w.ctx).get(volkov.id)!;
    const n = code.replace('обучающийся № ', '');
    w.close();

    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    // A slow computer, until the card is open: the risk group's page is still loading when the request to open the
    // record arrives, and a render thrown away while a chunk loaded once swallowed the request (no card).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-export').click();
    const review = page.getByRole('dialog', { name: 'Что уйдёт в управление образования' });
    const flagged = review.getByTestId('review-item').filter({ hasText: 'Мероприятие журнала «Совет профилактики» — Итоги' });
    await flagged.getByText(`Похоже на ФИО: ${code}`).waitFor();
    await page.screenshot({ path: `${SHOTS}/code-review-1366.png` });

    // The link opens the pupil's card on the risk-group page; the card says the code.
    await flagged.getByRole('button', { name: /открыть запись/ }).click();
    const card = page.getByTestId('entry-card');
    await card.getByRole('heading', { name: 'Волков Никита Олегович' }).waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await card.getByText(`обучающийся № ${n}`, { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/code-card-1366.png` });
    await page.getByRole('button', { name: 'Закрыть карточку' }).click();

    // The list shows the code and finds the pupil by «№ N» — only him, not № 1N.
    const list = page.getByTestId('risk-list');
    await expect.poll(() => list.locator('thead th').allTextContents()).toContain('Код');
    await list.locator('tr', { hasText: 'Волков Никита Олегович' }).getByText(`№ ${n}`, { exact: true }).waitFor();
    await list.getByLabel('Поиск').fill(`№ ${n}`);
    await expect.poll(() => list.locator('tbody tr').allTextContents()).toHaveLength(1);
    expect(await list.locator('tbody tr').first().textContent()).toContain('Волков Никита Олегович');
    await page.screenshot({ path: `${SHOTS}/code-list-1366.png` });

    // The header's search finds the pupil by the code and opens the card.
    await page.getByRole('navigation').getByText('Главная', { exact: true }).click();
    await page.getByTestId('search-open').click();
    await page.getByTestId('search-input').fill(`обучающийся № ${n}`);
    await page.getByTestId('search-results').getByText(`обучающийся № ${n}`, { exact: true }).click();
    await card.getByRole('heading', { name: 'Волков Никита Олегович' }).waitFor();
    await page.getByRole('button', { name: 'Закрыть карточку' }).click();

    // «Заменить кодом» writes the code in the case the sentence needs.
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-export').click();
    await flagged.getByRole('button', { name: 'Заменить кодом' }).click();
    await review.getByText('Похожего на ФИО или дату рождения обучающегося не найдено', { exact: false }).waitFor();
    const outcomes = app.host.workspace.ctx().raw.prepare("SELECT outcomes FROM event WHERE title = 'Совет профилактики'").pluck().get();
    expect(outcomes).toBe(`Проведена беседа с обучающимся № ${n} и его родителями`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${SHOTS}/code-review-1920.png` });
    expect(app.errors).toEqual([]);
  });
});
