/**
 * A methodologist records a meeting in the browser as she would write the справка by hand: eight schools (two
 * absent), an agenda, four conclusions (one with its risk factors and deficits), proposals to all schools in her
 * own words, to the centre, to a person and to no one in particular, a working group of seven (two of them from
 * schools) and four assignments to the group with one deadline; then prints the справка and the .docx holds each
 * part, in order and worded as entered: no «Другим:», one deadline line over the group's block, the signature
 * kept with the paragraph before it. The group's assignments reach the schools whose staff sit in it.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';
import { schoolShortName } from '../../common/school-name.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { saveRosterSchool } from '../../main/services/municipality/roster.js';
import { saveReportSettings, getReportSettings } from '../../main/services/municipality/report-settings.js';
import { rosterSchoolInput } from '../../preload/contract/municipality.js';
import { readDocx, paragraphText } from '../unit/report-reader.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const SCHOOLS = ['Альфинская', 'Бетинская', 'Гаммовская', 'Дельтинская', 'Эпсилонская', 'Зетинская', 'Этинская', 'Тетинская'].map((n) => `МКОУ «${n} СОШ»`);
const MEMBERS = ['Иванова Анна Петровна', 'Петров Б.В.', 'Сидорова Вера Ильинична', 'Кузнецов Г.Д.', 'Н.Г. Смирнова', 'Орлова Елена Сергеевна', 'Волков Ж.З.'];
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function fillRow(section: Locator, index: number, label: string, value: string) {
  await section.getByTestId(/-row$/).nth(index).getByLabel(label).first().fill(value);
}

/** Screenshots for the closing note when SHOTS_DIR is set; nothing otherwise. */
async function shot(page: Page, name: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: join(process.env.SHOTS_DIR, `${name}.png`), fullPage: true });
}

async function pickDate(scope: Locator | Page, testId: string, value: string) {
  const input = scope.getByTestId(testId);
  await input.fill(value);
  await input.press('Enter');
}

describe('журнал мероприятий управления образования', () => {
  it('совещание с восемью школами, выводами, предложениями, рабочей группой и поручениями; справка в Word', async () => {
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
    await page.getByTestId('meeting-topic').fill('О результатах мониторинга качества подготовки обучающихся');

    // Eight schools, two of them absent with a note.
    await editor.getByRole('button', { name: 'Все школы реестра' }).click();
    const schoolRows = page.getByTestId('meeting-school-row');
    await expect.poll(() => schoolRows.count()).toBe(8);
    for (const k of [1, 4]) {
      await schoolRows.nth(k).getByText('Не участвовала', { exact: true }).click();
      await schoolRows.nth(k).getByPlaceholder(/Примечание/).fill('Нет связи');
    }

    const agenda = page.getByTestId('meeting-agenda');
    for (const [i, t] of ['Итоги ВПР по математике', 'Доля обучающихся с рисками учебной неуспешности'].entries()) {
      await page.getByTestId('meeting-agenda-add').click();
      await fillRow(agenda, i, 'Вопрос', t);
    }
    const conclusions = page.getByTestId('meeting-conclusions');
    const CONCLUSIONS = ['Результаты ВПР ниже муниципальных.', 'Не во всех школах ведётся учёт группы риска.', 'Наставничество охватывает не всех молодых педагогов.', 'Школы не используют результаты мониторинга.'];
    for (const [i, t] of CONCLUSIONS.entries()) {
      await page.getByTestId('meeting-conclusions-add').click();
      await fillRow(conclusions, i, 'Вывод', t);
    }
    await fillRow(conclusions, 0, 'Факторы риска', 'низкая учебная мотивация');
    await fillRow(conclusions, 0, 'Управленческие и профессиональные дефициты', 'нет анализа результатов на уровне ШМО');
    const proposals = page.getByTestId('meeting-proposals');
    const PROPOSALS: [string, string, string][] = [
      ['Всем школам', 'Руководителям МКОУ с низкими образовательными результатами', 'разработать планы ликвидации пробелов\nобсудить итоги мониторинга на педсоветах'],
      ['Методическому центру', 'МБУ «Методический центр»', 'Провести методический день по формирующему оцениванию.'],
      ['Лично', 'Методисту Т.В. Чащиной', 'Подготовить обзор лучших практик.'],
      ['Без адресата (отдельным пунктом)', '', 'Вернуться к итогам мониторинга на совещании в январе.'],
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

    // A working group of seven, the first its leader.
    await page.getByTestId('group-add').click();
    const gf = page.getByTestId('group-form');
    await gf.getByTestId('group-title').fill('Рабочая группа по математике');
    const members = gf.getByTestId('group-members');
    for (const [i, n] of MEMBERS.entries()) {
      await gf.getByTestId('group-members-add').click();
      await fillRow(members, i, 'ФИО', n);
      await fillRow(members, i, 'Должность', 'учитель математики');
    }
    // Two members work at schools of the roster: the group's assignments reach those two schools.
    for (const [i, k] of [[1, 0], [2, 2]] as const) {
      await members.getByTestId('group-members-row').nth(i).getByLabel('Школа из реестра').click();
      await page.getByRole('option', { name: schoolShortName(SCHOOLS[k]!), exact: true }).click();
    }
    await members.getByTestId('group-members-row').first().getByLabel('Руководитель').check();
    await shot(page, 'group-form');
    await gf.getByTestId('group-save').click();
    await page.getByTestId('group-row').getByText('Рабочая группа по математике').waitFor();

    // Four assignments to the group, one deadline.
    const ASSIGNMENTS = ['подготовить планы ликвидации пробелов', 'обновить сведения о группе риска', 'закрепить наставников', 'провести педсоветы по итогам мониторинга'];
    for (const t of ASSIGNMENTS) {
      await page.getByTestId('assignment-add').click();
      const af = page.getByTestId('assignment-form');
      await af.getByTestId('assignment-text').fill(t);
      await pickDate(af, 'assignment-due', '15.12.2026');
      await af.getByLabel('Поручено группе').click();
      await page.getByRole('option', { name: 'Рабочая группа по математике' }).click();
      if (t === ASSIGNMENTS[0]) await shot(page, 'assignment-to-group');
      await af.getByTestId('assignment-save').click();
      await af.waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('assignment-row').count()).toBe(4);
    // Each reaches the two schools whose staff sit in the group.
    await expect.poll(() => page.getByTestId('assignment-row').first().textContent()).toContain('2 школам');
    // A member who is not a school is marked at the department.
    await page.getByTestId('mark-counts').first().click();
    const mm = page.getByTestId('member-marks').first();
    await mm.getByLabel('Исполнение: Иванова Анна Петровна').click();
    await page.getByRole('option', { name: 'Выполняется', exact: true }).click();
    await expect.poll(() => mm.getByLabel('Исполнение: Иванова Анна Петровна').inputValue()).toBe('Выполняется');
    await shot(page, 'member-marks');
    // The marks are in the assignment's card (a row opens it): closed before going on.
    await page.getByTestId('assignment-card').getByRole('button', { name: 'Закрыть', exact: true }).click();
    await page.getByTestId('assignment-card').waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'meeting-saved-1920');
    await shot(page, 'meeting-saved');

    // The справка: number and date set by the user, printed to Word.
    await page.getByTestId('event-spravka').click();
    const doc = page.getByTestId('document-editor');
    await doc.getByTestId('document-number').fill('01-12/345');
    await pickDate(doc, 'document-date', '27.11.2026');
    await doc.getByRole('tab', { name: /Текст/ }).click();
    await doc.getByLabel('Слова перед повесткой').fill('Руководители отчитались по вопросам');
    await doc.getByTestId('agenda-style').click();
    await page.getByRole('option', { name: 'Список через тире (– …;)' }).click();
    await shot(page, 'document-wording');
    const [download] = await Promise.all([page.waitForEvent('download'), doc.getByTestId('document-print').click()]);
    expect(download.suggestedFilename()).toBe('Справка № 01-12-345 от 27.11.2026.docx');
    const docx = await readDocx(readFileSync((await download.path())!));
    const text = docx.allText;
    const order = [
      'Управление образования Энского района', '01-12/345', 'Руководителям', 'видеоконференция', SCHOOLS[0]!, 'нет связи',
      'Руководители отчитались по вопросам:', '– Итоги ВПР по математике;', '– Доля обучающихся с рисками учебной неуспешности.',
      'Результаты ВПР ниже муниципальных. Факторы риска: низкая учебная мотивация. Управленческие и профессиональные дефициты: нет анализа результатов на уровне ШМО.',
      ...CONCLUSIONS.slice(1),
      '1. Руководителям МКОУ с низкими образовательными результатами:', '1.1. разработать планы ликвидации пробелов;', '1.2. обсудить итоги мониторинга на педсоветах.',
      '2. МБУ «Методический центр»: провести методический день', '3. Методисту Т.В. Чащиной: подготовить обзор лучших практик.',
      '4. Вернуться к итогам мониторинга на совещании в январе.',
      'Рабочая группа по математике', 'Иванова\u00a0А.П.', 'Волков\u00a0Ж.З.',
      'Рабочей группе по математике в срок до 15.12.2026:', ...ASSIGNMENTS.map((a, i) => `– ${a}${i === ASSIGNMENTS.length - 1 ? '.' : ';'}`), 'Н.Г.\u00a0Гвоздкова',
    ];
    let at = -1;
    for (const part of order) {
      const next = text.indexOf(part, at + 1);
      expect(next, `«${part}» после предыдущего`).toBeGreaterThan(at);
      at = next;
    }
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('Другим');
    expect(text.match(/в срок до/g)).toHaveLength(1);
    // The signature is never alone on a page: the paragraph before it keeps with it.
    const paras = [...docx.xml.slice(docx.xml.indexOf('<w:body>')).matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const sig = paras.findIndex((x) => paragraphText(x).includes('Н.Г.\u00a0Гвоздкова'));
    expect(paras[sig - 1]).toContain('<w:keepNext/>');
    expect(app.errors).toEqual([]);
    await shot(page, 'document-editor');
    if (process.env.SHOTS_DIR) writeFileSync(join(process.env.SHOTS_DIR, 'meeting-spravka.docx'), readFileSync((await download.path())!));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'К журналу мероприятий' }).click();
    await page.getByTestId('meeting-row').waitFor();
    await shot(page, 'meetings-journal');
    // The requisites' defaults live in «Настройки».
    await page.getByRole('navigation').getByText('Настройки и копии', { exact: true }).click();
    await page.getByTestId('requisites-panel').getByLabel('Почтовый адрес').fill('ул. Школьная, д. 1, г. Энск, 426000');
    await shot(page, 'settings-requisites-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'settings-requisites-1366');
    await page.getByTestId('requisites-panel').getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await page.getByText('Реквизиты сохранены').waitFor();
  }, 180_000);
});
