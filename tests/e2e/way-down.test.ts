/**
 * Issue 20, items 1–3 and 11, in a real browser on real files. Right after enrollment the department's export
 * offers both new schools by their short names and downloads one file for each, named apart («СШ № 13»,
 * «СШ № 14»). The school loads its file and sees, on «От управления образования», its assignments by №, the
 * conclusions that concern it with their causes, the proposals addressed to it and its working group. Back at
 * the department, an assignment's row lists each school's mark; a click opens its card, which prints the marks
 * by school to Word and Excel. The department's assignments stay in the order given (№), not by deadline; at
 * 1366×768 the school's exchange message covers no table and the summary of schools needs no sideways scroll.
 * With SHOTS=<folder> each screen is also saved at 1366×768 and 1920×1080.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Page, Download } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { readDocx } from '../unit/report-reader.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { saveEvent } from '../../main/services/municipality/events.js';
import { saveAssignment } from '../../main/services/municipality/assignments.js';
import { saveGroup } from '../../main/services/municipality/groups.js';
import { markAssignment } from '../../main/services/school/from-municipality-work.js';
import { eventSaveInput, assignmentSaveInput, groupSaveInput, assignmentMarkInput } from '../../preload/contract/meetings.js';
import { readXlsxTables } from '../../main/services/reports/xlsx.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const FULL = (n: number) => `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${n}»`;
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(dir, `${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

async function saveDownload(d: Download, dir: string): Promise<string> {
  const p = join(dir, d.suggestedFilename());
  writeFileSync(p, readFileSync((await d.path())!));
  return p;
}

describe('путь вниз к новой школе — в браузере', () => {
  it('сразу после подключения управление выгружает план обеим школам, школа видит его в своём порядке, управление печатает отметки по школам', async () => {
    const work = tempDir('opora-e2e-down-');
    const muniDir = tempDir('opora-e2e-down-muni-');
    const schoolDir = tempDir('opora-e2e-down-school-');
    const muni = openWorkspaceFile(join(muniDir, 'opora.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const e13 = enrollSchool(muni.ctx, FULL(13));
    const e14 = enrollSchool(muni.ctx, FULL(14));
    const card = saveEvent(muni.ctx, eventSaveInput.parse({
      event: { kind: 'meeting', date_from: '2026-11-20', topic: 'О результатах ВПР (вымышленное совещание)' },
      schools: [{ school_id: e13.schoolId, status: 'present' }, { school_id: e14.schoolId, status: 'present' }],
      conclusions: [{ item: { text: 'Результаты ВПР по математике ниже муниципальных.', factors: 'Высокая доля обучающихся с рисками учебной неуспешности', all_participants: 1 } }],
      proposals: [
        { item: { text: 'Провести педсоветы по итогам ВПР.', addressee: 'all_schools' } },
        { item: { text: 'Организовать стажировку для методистов.', addressee: 'centre' } },
      ],
    }));
    const event_id = card.event.id;
    const both = [e13.schoolId, e14.schoolId];
    saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id, position_no: 2, text: 'Представить протокол педсовета', due_on: '2026-12-01' }, school_ids: both }));
    saveAssignment(muni.ctx, assignmentSaveInput.parse({ assignment: { event_id, position_no: 1, text: 'Разработать план ликвидации пробелов', due_on: '2026-12-20' }, school_ids: both }));
    saveGroup(muni.ctx, groupSaveInput.parse({
      group: { kind: 'working', title: 'Рабочая группа по математике (вымышленная)' },
      members: [{ surname: 'Иванова', first_name: 'Анна', patronymic: 'Петровна', position: 'заместитель директора', school_id: e13.schoolId, leader: 1 }],
    }));
    muni.close();

    // The department, before either school has sent anything.
    app = await launchApp({ dataDir: muniDir, now: NOW });
    let page = app.page;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    const target = page.getByTestId('export-target');
    await expect.poll(() => target.inputValue()).toBe('Все школы (2)');
    await target.click();
    await page.getByRole('option', { name: 'СШ № 13 — ещё не прислала файл', exact: true }).waitFor();
    await page.getByRole('option', { name: 'СШ № 14 — ещё не прислала файл', exact: true }).waitFor();
    await shots(page, 'muni-export-new-schools');
    await page.keyboard.press('Escape');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('exchange-export').click();
    await expect.poll(() => downloads.length).toBe(2);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names.map((n) => /СШ № 1[34]/.exec(n)?.[0])).toEqual(['СШ № 13', 'СШ № 14']);
    const file13 = await saveDownload(downloads.find((d) => d.suggestedFilename().includes('СШ № 13'))!, work);
    expect(app.errors).toEqual([]);
    await app.close();
    app = undefined;

    // School № 13 loads its file in its own app.
    const school = openWorkspaceFile(join(schoolDir, 'opora.sqlite'), NOW);
    openEnrollment(school.ctx, e13.bytes, e13.code);
    school.close();
    app = await launchApp({ dataDir: schoolDir, now: NOW });
    page = app.page;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('exchange-file-input').setInputFiles([file13]);
    await expect.poll(() => page.getByTestId('exchange-results').innerText()).toMatch(/Принят/i);
    // At 1366×768 the message stays over the navigation's column: it covers no table, no button of the screen.
    const toast = page.locator('.mantine-Notification-root').first();
    await toast.waitFor();
    const nav = (await page.getByRole('navigation').boundingBox())!;
    const box = (await toast.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(nav.x + nav.width);
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, 'school-exchange-toast-1366.png') });
    await page.getByRole('navigation').getByText('От управления образования', { exact: true }).click();
    const rows = page.getByTestId('school-assignment-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.allInnerTexts()).map((t) => t.split('\t')[0]!.trim())).toEqual(['1', '2']);
    expect(await rows.first().innerText()).toContain('Разработать план ликвидации пробелов');
    const events = page.getByTestId('school-events');
    await events.getByText('Причины (факторы риска и дефициты): Высокая доля обучающихся с рисками учебной неуспешности').waitFor();
    await events.getByTestId('school-proposal').getByText('1. Провести педсоветы по итогам ВПР.').waitFor();
    expect(await events.getByText('Организовать стажировку для методистов.').count()).toBe(0);
    await page.getByTestId('school-groups').getByText('Иванова Анна Петровна, заместитель директора — руководитель группы').waitFor();
    await shots(page, 'school-from-municipality-structure');
    expect(app.errors).toEqual([]);
    await app.close();
    app = undefined;

    // Both schools mark; the marks come up.
    const s13 = openWorkspaceFile(join(schoolDir, 'opora.sqlite'), NOW);
    const first = s13.ctx.raw.prepare("SELECT id FROM mun_assignment WHERE position_no = 1").pluck().get() as string;
    markAssignment(s13.ctx, assignmentMarkInput.parse({ assignmentId: first, status: 'done', done_on: '2026-11-24', note: 'План утверждён приказом № 45' }));
    const up = exportToFolder(s13.ctx, join(work, 'up'))[0]!.path;
    s13.close();
    const m2 = openWorkspaceFile(join(muniDir, 'opora.sqlite'), NOW);
    expect(importFile(m2.ctx, up).status).toBe('accepted');
    m2.close();

    app = await launchApp({ dataDir: muniDir, now: NOW });
    page = app.page;
    await page.getByRole('navigation').getByText('Школы муниципалитета', { exact: true }).click();
    await page.getByRole('tab', { name: 'Поручения' }).click();
    // In the order given (№ 2 falls due first, yet № 1 is first).
    await expect.poll(async () => (await page.getByTestId('assignment-row').allInnerTexts()).map((t) => t.split('\t')[0]!.trim())).toEqual(['1', '2']);
    const row = page.getByTestId('assignment-row').filter({ hasText: 'Разработать план ликвидации пробелов' });
    const marks = row.getByTestId('assignment-school-mark');
    await expect.poll(() => marks.allInnerTexts()).toEqual([expect.stringMatching(/СШ № 13\s*Выполнено 24\.11\.2026/), expect.stringMatching(/СШ № 14\s*Нет отметки/)]);
    await shots(page, 'muni-assignments-marks');
    await row.click();
    const cardEl = page.getByTestId('assignment-card');
    await cardEl.getByText('План утверждён приказом № 45').waitFor();
    expect(await page.getByTestId('assignment-form').count()).toBe(0);
    await shots(page, 'muni-assignment-card');
    const [docx] = await Promise.all([page.waitForEvent('download'), cardEl.getByTestId('assignment-docx').click()]);
    expect(docx.suggestedFilename()).toBe('Исполнение поручения № 1 на 25.11.2026.docx');
    const text = (await readDocx(readFileSync((await docx.path())!))).allText;
    for (const part of ['Разработать план ликвидации пробелов', 'СШ № 13', 'Выполнено', 'План утверждён приказом № 45', 'СШ № 14', 'Нет отметки']) expect(text, part).toContain(part);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), cardEl.getByTestId('assignment-xlsx').click()]);
    const [sheet] = await readXlsxTables(readFileSync((await xlsx.path())!));
    const flat = JSON.stringify(sheet);
    for (const part of ['СШ № 13', 'Выполнено', '24.11.2026', 'СШ № 14', 'Нет отметки']) expect(flat, part).toContain(part);
    await cardEl.getByTestId('assignment-edit').click();
    await page.getByTestId('assignment-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('assignment-form').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    // The summary names the schools short; the card says the quality group in words, and «сегодня».
    await page.getByRole('tab', { name: 'Школы', exact: true }).click();
    const summary = page.getByTestId('dashboard-row');
    await expect.poll(() => summary.count()).toBe(2);
    expect((await summary.allInnerTexts()).map((t) => t.split('\n')[0]!.replace(/\u00a0/g, ' ').trim())).toEqual(['СШ № 13', 'СШ № 14']);
    await shots(page, 'muni-summary');
    // At 1366×768 the summary's columns fit: no sideways scroll.
    await page.setViewportSize({ width: 1366, height: 768 });
    const box2 = page.getByTestId('dashboard-scroll');
    await expect.poll(() => box2.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1400, height: 900 });
    await summary.first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('ГК: нет информации', { exact: true }).waitFor();
    await drawer.getByText(/Данные получены: 25\.11\.2026 \(сегодня\)/).waitFor();
    await shots(page, 'muni-school-card');
    expect(app.errors).toEqual([]);
  }, 240_000);
});
