/**
 * A real conflict at the municipality (a school's restored copy edited the same event again), decided in
 * the conflicts tab: words instead of codes, only the differing fields, a confirmation, and an undo from
 * «Принятые решения» that brings the conflict back.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { conflictPair } from '../unit/conflict-fixture.js';

describe('conflicts in the browser', () => {
  let app: AppSession;
  beforeAll(async () => {
    const dir = tempDir('opora-e2e-conflict-');
    const { pair } = await conflictPair(dir);
    pair.close();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ active: 'main', main: join(dir, 'muni.sqlite') }));
    app = await launchApp({ dataDir: dir });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the conflict in words, asks before choosing, and the choice can be undone', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByText('Обмен данными').click();
    await page.getByRole('tab', { name: /Конфликты/ }).click();
    const card = page.getByTestId('conflict');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Мероприятие журнала');
    expect(text).toContain('МКОУ «Энская ООШ» (вымышленная)');
    for (const label of ['Название', 'Уровень', 'Формат', 'Дата', 'Число участников']) expect(text).toContain(label);
    expect(text).toContain('Дистанционно');
    expect(text).toContain('02.10.2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\b(seminar|online|in_person|municipal|school|event)\b|Запись event/);

    await card.getByRole('button', { name: 'Оставить эту версию' }).nth(1).click();
    await page.getByText('Оставить эту версию?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();
    expect(await page.getByTestId('conflict').count()).toBe(1);

    await card.getByRole('button', { name: 'Оставить эту версию' }).nth(1).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Оставить', exact: true }).click();
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    const decisions = page.getByTestId('conflict-decisions');
    await decisions.getByText(/Семинар/).waitFor();
    await decisions.getByRole('button', { name: 'Отменить выбор' }).click();
    await page.getByTestId('conflict').waitFor();
    await expect.poll(() => page.getByTestId('conflict-decisions').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
