/**
 * Down and back up through the UI: the school loads the municipality's file, sees its classification, the
 * roadmap activity and the curator's comment, marks the activity, and the mark reaches the municipality
 * in the school's next bundle.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { initMunicipality } from '../../main/services/core/municipality-profile.js';
import { enrollSchool, openEnrollment, exportToFolder, importFile } from '../../main/services/exchange/index.js';
import { saveRecord } from '../../main/services/records/records.js';
import { roadmapActivity } from '../unit/exchange-fixtures.js';
import { setSchoolClassification, addCuratorComment, listMunicipalActivities } from '../../main/services/exchange/municipal.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('от управления образования — в браузере', () => {
  it('школа загружает файл муниципалитета, ставит отметку, и она уходит обратно', async () => {
    const dataDir = tempDir('opora-e2e-down-');
    const work = tempDir('opora-e2e-down-work-');
    const muni = openWorkspaceFile(join(work, 'muni.sqlite'), NOW);
    initMunicipality(muni.ctx, 'Управление образования Энского района (вымышленное)');
    const enr = enrollSchool(muni.ctx, 'МКОУ «Энская ООШ» (вымышленная)');
    const school = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    openEnrollment(school.ctx, enr.bytes, enr.code);
    const programme = await saveRecord(school.ctx, 'programme', { title: 'Программа повышения качества образования', year_from: 2025, year_to: 2027 });
    const own = await saveRecord(school.ctx, 'activity', { programme_id: programme.id, number: '1.1', title: 'Анализ результатов ВПР', timing_kind: 'deadline', timing_text: 'до 15.12.2026', date_to: '2026-12-15' });
    expect(importFile(muni.ctx, exportToFolder(school.ctx, join(work, 'up1'))[0]!.path).status).toBe('accepted');
    school.close();
    const actId = roadmapActivity(muni.ctx, { number: '3', title: 'Участие в муниципальном методическом дне', timing_text: 'до 20.12.2026', date_to: '2026-12-20', responsible: 'Руководители ОО' });
    setSchoolClassification(muni.ctx, enr.schoolId, { cluster: '1', quality_group: '5 (н/с)', partner_group: '2 группа', curator: 'Орлова В.Н.' });
    addCuratorComment(muni.ctx, { schoolId: enr.schoolId, targetTable: 'municipal_activity', targetId: actId, text: 'Подготовьте выступление о наставничестве', author: 'Орлова В.Н.' });
    addCuratorComment(muni.ctx, { schoolId: enr.schoolId, targetTable: 'activity', targetId: own.id, text: 'Добавьте разбор заданий по математике', author: 'Орлова В.Н.' });
    const down = exportToFolder(muni.ctx, join(work, 'down'), { forSchool: enr.schoolId })[0]!.path;

    app = await launchApp({ dataDir, now: NOW });
    const { page } = app;
    await page.getByRole('navigation').getByText('Обмен данными', { exact: true }).click();
    await page.getByTestId('exchange-file-input').setInputFiles([down]);
    await expect.poll(() => page.getByTestId('exchange-results').innerText()).toMatch(/Принят/i);

    await page.getByRole('navigation').getByText('От управления образования', { exact: true }).click();
    await page.getByText('5 (н/с)').waitFor();
    await page.getByText('Орлова В.Н.', { exact: true }).waitFor();
    const table = page.getByTestId('municipal-activities');
    await table.getByText('Куратор (25.11.2026): Подготовьте выступление о наставничестве').waitFor();
    await table.getByText('Участие в муниципальном методическом дне').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('mark-status').getByText('Выполнено', { exact: true }).click();
    await dialog.getByLabel('Дата выполнения').fill('20.11.2026');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByTestId('form-error').getByText('Напишите, что сделано.').waitFor();
    await dialog.getByLabel('Что сделано').fill('Выступили с опытом наставничества 18.12.2026');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table.getByText('Выступили с опытом наставничества 18.12.2026').waitFor();
    await page.getByText('1.1. Анализ результатов ВПР').waitFor();
    // the same comment is shown next to the activity in the programme, where the deputy director works
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    await page.getByTestId('activities').getByText('Куратор (25.11.2026): Добавьте разбор заданий по математике').waitFor();
    await page.reload();
    await page.getByRole('navigation').getByText('От управления образования', { exact: true }).click();
    await page.getByTestId('municipal-activities').getByText('Выступили с опытом наставничества 18.12.2026').waitFor();
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'from-municipality.png') });
    expect(app.errors).toEqual([]);
    await app.close();
    app = undefined;

    const again = openWorkspaceFile(join(dataDir, 'opora.sqlite'), () => new Date('2026-11-25T11:00:00'));
    const up = exportToFolder(again.ctx, join(work, 'up2'))[0]!.path;
    again.close();
    expect(importFile(muni.ctx, up).status).toBe('accepted');
    const [act] = listMunicipalActivities(muni.ctx);
    expect(act!.marks).toEqual([{ school_id: enr.schoolId, status: 'done', completion_mark: 'Выступили с опытом наставничества 18.12.2026', completed_on: '2026-11-20' }]);
    muni.close();
  });
});
