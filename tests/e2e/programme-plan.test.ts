/**
 * The plan is the main screen (issue 19, item 1): on a 1366×768 laptop the activities table scrolls with the
 * page — no box of its own — so with 20 activities and a long programme title at least 8 rows are in view
 * under the sticky header row; each row names its direction, and the plan groups by direction.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { createSchool } from '../../main/services/core/school-profile.js';
import { writeRow } from '../../main/services/core/writer.js';

const NOW = () => new Date('2026-11-25T10:00:00');
const SHOTS = '/tmp/plan-shots';
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// Seed 000's five directions, in the programme's order.
const DIRECTIONS = [
  'Повышение качества образования обучающихся с особыми образовательными потребностями',
  'Повышение качества образования одарённых обучающихся',
  'Организация проектной деятельности',
  'Взаимодействие с родителями по здоровьесбережению',
  'Методическое сопровождение внеурочной деятельности',
];
const TITLES = [
  'Изучение адаптированной программы', 'Составление рабочей программы с обучающимися с особыми потребностями',
  'Разработка фонда оценочных средств', 'Выявление уровня одарённости детей через наблюдение, тестирование, внутришкольные мероприятия',
  'Индивидуальная работа на уроках и во внеурочное время', 'Проведение предметных недель (декад), например: день науки',
  'Семинары по изучению методики проектной деятельности', 'Ознакомление родителей с пунктом 4 ст. 44 ФЗ «Об образовании в РФ»',
  'Всеобуч родителей школьными медицинскими работниками по ЗОЖ', 'Заседание методического объединения по внеурочной деятельности',
];

function seedPlan(dataDir: string): void {
  const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
  const ctx = w.ctx;
  createSchool(ctx, { name: 'МКОУ «Сосьвинская средняя общеобразовательная школа № 4»', short_name: 'СОШ № 4 п.г.т. Сосьва', municipality: 'Сосьвинский городской округ',
    address: '', director: '', deputy: '', phone: '', email: '', pupils_count: 240, is_nor: 1, is_nsu: 1 });
  const programme = writeRow(ctx, 'programme', {
    title: 'Программа повышения качества образования в общеобразовательной организации, функционирующей в неблагоприятных социальных условиях и показывающей низкие образовательные результаты, на 2024–2027 годы',
    year_from: 2024, year_to: 2027, approval_number: '112-од', approval_date: '2024-08-30',
    goal: 'Создание условий для повышения качества образования за счёт совершенствования управленческих механизмов и ресурсного потенциала школы',
  }).id;
  ['Обеспечить на школьном уровне среду, поддерживающую обучение', 'Совершенствовать повышение квалификации педагогов']
    .forEach((text, i) => writeRow(ctx, 'programme_task', { programme_id: programme, position: i + 1, text }));
  const directions = DIRECTIONS.map((title, i) => writeRow(ctx, 'direction', { programme_id: programme, position: i + 1, title }).id);
  for (let i = 0; i < 20; i++) {
    writeRow(ctx, 'activity', {
      programme_id: programme, direction_id: directions[(i * 3) % 5], number: String(i + 1), title: TITLES[i % TITLES.length],
      timing_kind: 'recurrence', timing_text: 'в течение года', date_from: '2026-09-01', date_to: '2027-05-31',
      responsible: 'Петрова Н. В., заместитель директора по УВР', status: i < 5 ? 'done' : 'planned',
      completion_mark: i < 5 ? 'Проведено, протокол № 3' : '',
    });
  }
  w.close();
}

describe('план программы на экране ноутбука', () => {
  it('1366×768: не меньше 8 строк мероприятий в окне без внутренней прокрутки, столбец и группы по направлениям', async () => {
    const dataDir = tempDir('opora-e2e-plan-');
    seedPlan(dataDir);
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    const table = page.getByTestId('activities');
    await table.locator('tbody tr').nth(19).waitFor();
    await page.screenshot({ path: `${SHOTS}/plan-1366-top.png` });

    // The passport is one line however long the title.
    const passport = await page.getByTestId('programme-passport').boundingBox();
    expect(passport!.height).toBeLessThan(60);

    // The user scrolls with the wheel over the table: the page moves, not a box inside it.
    await table.locator('tbody tr').first().hover();
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/plan-1366-scrolled.png` });
    const m = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="activities"] .sticky-table') as HTMLElement;
      const head = document.querySelector('[data-testid="activities"] thead th') as HTMLElement;
      const headRect = head.getBoundingClientRect();
      const rows = [...document.querySelectorAll('[data-testid="activities"] tbody tr')].map((r) => r.getBoundingClientRect());
      // whole rows between the header row and the window's bottom edge
      const visible = rows.filter((r) => r.top >= headRect.bottom - 1 && r.bottom <= window.innerHeight + 1).length;
      return { visible, innerScroll: box.scrollHeight > box.clientHeight + 1, headTop: headRect.top, pageScrolled: window.scrollY > 0 };
    });
    expect(m.innerScroll).toBe(false);
    expect(m.pageScrolled).toBe(true);
    expect(m.visible).toBeGreaterThanOrEqual(8);
    // the header row stays in view under the app's header
    expect(m.headTop).toBeGreaterThanOrEqual(50);
    expect(m.headTop).toBeLessThan(70);

    // The direction column, and the plan grouped by direction in the programme's order.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => table.locator('thead th').allTextContents()).toContain('Направление');
    await table.locator('tbody tr', { hasText: 'Семинары по изучению методики' }).first().getByText('Взаимодействие с родителями по здоровьесбережению').waitFor();
    await page.getByRole('switch', { name: 'Группировать по направлениям' }).click();
    const groups = table.getByTestId('group-row');
    await expect.poll(() => groups.allTextContents()).toEqual(DIRECTIONS);
    // every row under a heading belongs to that direction (activity N was given direction (N−1)·3 mod 5)
    const grouped = await table.locator('tbody tr').evaluateAll((trs) => {
      let current = '';
      const out: [string, number][] = [];
      for (const tr of trs) {
        if (tr.getAttribute('data-testid') === 'group-row') current = tr.textContent ?? '';
        else out.push([current, Number(tr.querySelector('td')?.textContent)]);
      }
      return out;
    });
    expect(grouped).toHaveLength(20);
    for (const [heading, n] of grouped) expect(heading, `№ ${n}`).toBe(DIRECTIONS[((n - 1) * 3) % 5]);
    // grouped, the direction is in the heading, not repeated in a column
    expect(await table.locator('thead th').allTextContents()).not.toContain('Направление');
    await page.screenshot({ path: `${SHOTS}/plan-1366-grouped.png` });

    // A message (deleting an activity, with «Отменить») sits under the navigation: it covers no column of the list.
    await table.locator('tbody tr', { hasText: 'Заседание методического объединения' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: /^Удалить/ }).click();
    await page.getByRole('dialog').last().getByRole('button', { name: /^Удалить/ }).last().click();
    const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Отменить' });
    await toast.waitFor();
    await page.waitForTimeout(400);
    const [t, nav, lastLink] = await Promise.all([toast.boundingBox(), page.getByRole('navigation').boundingBox(), page.getByRole('navigation').getByText('Справка').boundingBox()]);
    expect(t!.x + t!.width).toBeLessThanOrEqual(nav!.x + nav!.width);
    expect(t!.y).toBeGreaterThan(lastLink!.y + lastLink!.height);
    await page.screenshot({ path: `${SHOTS}/plan-1366-toast.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/plan-1920-grouped.png` });
    expect(app.errors).toEqual([]);
  });

  it('новая задача получает следующий номер; у длинного текста виден счётчик и предел в 2 000 знаков', async () => {
    const dataDir = tempDir('opora-e2e-plan-');
    seedPlan(dataDir);
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.getByRole('navigation').getByText('Программа', { exact: true }).click();
    await page.getByRole('tab', { name: 'Задачи' }).click();
    await page.getByText('Совершенствовать повышение квалификации педагогов').waitFor();
    await page.getByRole('button', { name: 'Добавить задачу' }).click();
    const form = page.getByRole('dialog');
    await expect.poll(() => form.getByLabel('Порядковый номер').inputValue()).toBe('3');
    const counter = form.getByTestId('length-counter');
    // thousands are grouped with a non-breaking space
    const said = async () => (await counter.textContent())?.replace(/\u00a0/g, ' ');
    expect(await said()).toBe('До 2 000 знаков');
    await form.getByLabel('Задача').fill('Повышение мотивации педагогов. '.repeat(65));
    expect(await said()).toBe('Слишком длинно: 2 015 знаков, можно не больше 2 000. Сократите на 15 знаков.');
    expect(await counter.isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/task-counter-1366.png` });
    await form.getByLabel('Задача').fill('Повысить мотивацию педагогов к участию в конкурсах профессионального мастерства');
    expect(await said()).toBe('79 из 2 000 знаков');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /^3 Повысить мотивацию/ }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
