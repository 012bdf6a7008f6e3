/**
 * Issue 20, «Done when» (the meeting's own form): a methodologist records the video-conference of the issue in the
 * browser as she would write the справка by hand — ten schools (one absent, with the reason), eight agenda items
 * after her own lead-in, six conclusions with their risk factors and management or professional deficits, and
 * proposals to all schools in her own words, to the centre, to a person and to no one in particular — then prints
 * the справка: the .docx holds each part in order and worded as entered, no «Другим:», the signature kept with the
 * paragraph before it. Its working group and assignments are entered in meetings-group.test.ts (run in parallel).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { launchApp, type AppSession } from './browser.js';
import { schoolShortName } from '../../common/school-name.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveRosterSchool } from '../../main/services/municipality/roster.js';
import { saveReportSettings, getReportSettings } from '../../main/services/municipality/report-settings.js';
import { rosterSchoolInput } from '../../preload/contract/municipality.js';
import { readDocx } from '../unit/report-reader.js';
import { NOW, SCHOOLS, ABSENT, AGENDA, CONCLUSIONS, fillRow, shot, pickDate, expectInOrder, beforeSignature } from './meeting-fixture.js';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('журнал мероприятий управления образования', () => {
  it('видеоконференция с десятью школами, восемью вопросами, шестью выводами и предложениями; справка в Word', async () => {
    const dataDir = tempDir('opora-e2e-meet-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    initMunicipality(w.ctx, 'Управление образования Энского района (вымышленное)');
    for (const name of SCHOOLS) saveRosterSchool(w.ctx, rosterSchoolInput.parse({ name }));
    saveReportSettings(w.ctx, { ...getReportSettings(w.ctx), headName: 'Гвоздкова Наталья Геннадьевна', headPosition: 'Начальник управления образования', place: 'г. Энск' });
    w.close();

    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await page.getByRole('tab', { name: 'Мероприятия' }).click();
    await page.getByTestId('meeting-new').click();
    const editor = page.getByTestId('meeting-editor');
    await page.getByTestId('meeting-kind').click();
    await page.getByRole('option', { name: 'Видеоконференция' }).click();
    await pickDate(editor, 'meeting-date', '20.11.2026');
    await page.getByTestId('meeting-topic').fill('О результатах мониторинга показателей школ с низкими образовательными результатами');

    // Ten schools, one absent with the reason.
    await editor.getByRole('button', { name: 'Все школы реестра' }).click();
    const schoolRows = page.getByTestId('meeting-school-row');
    await expect.poll(() => schoolRows.count()).toBe(10);
    const absent = schoolRows.filter({ hasText: schoolShortName(SCHOOLS[ABSENT]!) });
    await absent.getByText('Не участвовала', { exact: true }).click();
    await absent.getByPlaceholder(/Примечание/).fill('Нет связи');

    const agenda = page.getByTestId('meeting-agenda');
    for (const [i, t] of AGENDA.entries()) {
      await page.getByTestId('meeting-agenda-add').click();
      await fillRow(agenda, i, 'Вопрос', t);
    }
    const conclusions = page.getByTestId('meeting-conclusions');
    for (const [i, [t, f, d]] of CONCLUSIONS.entries()) {
      await page.getByTestId('meeting-conclusions-add').click();
      await fillRow(conclusions, i, 'Вывод', t);
      await fillRow(conclusions, i, 'Факторы риска', f);
      await fillRow(conclusions, i, 'Управленческие и профессиональные дефициты', d);
    }
    const proposals = page.getByTestId('meeting-proposals');
    const PROPOSALS: [string, string, string][] = [
      ['Всем школам', 'Руководителям МКОУ с низкими образовательными результатами', 'обсудить результаты мониторинга на педагогических советах\nскорректировать школьные «дорожные карты»'],
      ['Методическому центру', 'МБУ «Методический центр»', 'Организовать курсы по формирующему оцениванию.'],
      ['Лично', 'Методисту Т.В. Чащиной', 'Подготовить обзор лучших практик.'],
      ['Без адресата (отдельным пунктом)', '', 'Рассмотреть итоги мониторинга на совещании руководителей в мае.'],
    ];
    for (const [i, [who, to, t]] of PROPOSALS.entries()) {
      await page.getByTestId('meeting-proposals-add').click();
      const row = proposals.getByTestId('meeting-proposals-row').nth(i);
      await row.getByLabel('Кому').click();
      await page.getByRole('option', { name: who, exact: true }).click();
      if (to) await row.getByLabel(who === 'Всем школам' ? 'Как написать в справке' : 'Адресат (кто именно)').fill(to);
      await row.getByLabel('Предложение').fill(t);
    }
    await shot(page, 'meeting-editor-filled');
    await page.getByTestId('meeting-save').click();
    await page.getByText('Все изменения сохранены').waitFor();

    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'meeting-saved-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'meeting-saved');

    // The справка: number and date set by the user, printed to Word.
    await page.getByTestId('event-spravka').click();
    const doc = page.getByTestId('document-editor');
    await doc.getByTestId('document-number').fill('01-12/345');
    await pickDate(doc, 'document-date', '27.11.2026');
    await doc.getByRole('tab', { name: /Текст/ }).click();
    await doc.getByLabel('Слова перед повесткой').fill('Руководители отчитались по показателям');
    await doc.getByTestId('agenda-style').click();
    await page.getByRole('option', { name: 'Список через тире (– …;)' }).click();
    await shot(page, 'document-wording');
    const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('document-print').click()]);
    expect(download.suggestedFilename()).toBe('Справка № 01-12-345 от 27.11.2026.docx');
    const bytes = readFileSync((await download.path())!);
    if (process.env.SHOTS_DIR) writeFileSync(join(process.env.SHOTS_DIR, 'meeting-spravka.docx'), bytes);
    const docx = await readDocx(bytes);
    const p = docx.paragraphs;
    expectInOrder(p, [
      'Управление образования Энского района', /01-12\/345/, 'Руководителям',
      /^Об итогах видеоконференции «О результатах мониторинга показателей школ с низкими образовательными результатами»$/,
      /^20\u00a0ноября 2026\u00a0г\. состоялась видеоконференция/,
      'Приняли участие представители 9 общеобразовательных организаций:',
      'Не приняли участие (1 школа):', `– ${SCHOOLS[ABSENT]} — нет связи.`,
      'Руководители отчитались по показателям:',
      ...AGENDA.map((a, i) => `– ${a}${i === AGENDA.length - 1 ? '.' : ';'}`),
      'Выводы:',
      ...CONCLUSIONS.map(([t, f, d], i) => `${i + 1}. ${t}. Факторы риска: ${f}. Управленческие и профессиональные дефициты: ${d}.`),
      'Предложения:',
      '1. Руководителям МКОУ с низкими образовательными результатами:',
      '1.1. обсудить результаты мониторинга на педагогических советах;', '1.2. скорректировать школьные «дорожные карты».',
      '2. МБУ «Методический центр»: организовать курсы по формирующему оцениванию.',
      '3. Методисту Т.В. Чащиной: подготовить обзор лучших практик.',
      '4. Рассмотреть итоги мониторинга на совещании руководителей в мае.',
      /^Начальник управления образования\tН\.Г\.\u00a0Гвоздкова$/,
    ]);
    const text = p.join('\n');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('Другим');
    expect(beforeSignature(docx.xml, 'Начальник управления образования\t')).toBe('4. Рассмотреть итоги мониторинга на совещании руководителей в мае.');
    expect(app.errors).toEqual([]);
    await shot(page, 'document-editor');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'К журналу мероприятий' }).click();
    await page.getByTestId('meeting-row').waitFor();
    await shot(page, 'meetings-journal');
    // The requisites' defaults live in «Настройки».
    await page.getByRole('navigation').getByText('Настройки и копии', { exact: true }).click();
    await page.getByTestId('requisites-panel').getByLabel('Почтовый адрес').fill('ул. Школьная, д. 1, г. Энск, 426000');
    await page.getByTestId('requisites-panel').getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await page.getByText('Реквизиты сохранены').waitFor();
  }, 150_000);
});
