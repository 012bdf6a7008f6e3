/**
 * The walk through every form of a role, found as a user finds them (issue 11, item 1): every screen of the
 * navigation, every tab on it, every «Добавить…» button; each form is sent empty and then with wrong values,
 * and the walk collects every message with a Latin word, and any screen text with a raw id, an ISO date or a
 * vocabulary code. Data-driven, so a form added later is walked too. One test file per role
 * (forms-walk-school.test.ts, forms-walk-municipality.test.ts), so the two walks run in parallel.
 */
import type { Locator, Page } from 'playwright-core';
import { allTables } from '../../db/registry/index.js';

export const NOW = () => new Date('2026-11-25T10:00:00');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DAY = /\b\d{4}-\d\d-\d\d\b/;
/** Buttons that open a form for a new record. */
const OPENS_FORM = /^(Добавить|Включить|Создать|Новая|Новый|Новое)/;
const LATIN_WORD = /[A-Za-z]{2,}/;
/** Every code of every closed vocabulary in the registry: shown raw, it is an internal word on screen. */
const CODES = new Set(allTables().flatMap((t) => Object.values(t.fields).flatMap((f) => (f.kind === 'vocab' || f.kind === 'codes' ? [...f.codes] : []))));

interface Finding { where: string; what: string }

/** What on the screen must never be there: ids, ISO dates, vocabulary codes. */
async function screenFindings(page: Page, where: string): Promise<Finding[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const out: Finding[] = [];
  if (UUID.test(text)) out.push({ where, what: `id на экране: ${text.match(UUID)![0]}` });
  if (ISO_DAY.test(text)) out.push({ where, what: `дата ГГГГ-ММ-ДД на экране: ${text.match(ISO_DAY)![0]}` });
  // Latin on screen may be a file name, a key fingerprint or a Roman numeral; a vocabulary code never is.
  for (const m of text.matchAll(/(?<![\w/.\\-])[A-Za-z_]{2,}(?![\w/.\\-])/g)) {
    if (CODES.has(m[0])) out.push({ where, what: `код словаря на экране: «…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…»` });
  }
  return out;
}

/** Messages the form shows: under fields, in its banner, in notifications. */
async function messages(page: Page, dialog: Locator): Promise<string[]> {
  const inDialog = await dialog.locator('.mantine-InputWrapper-error, [data-testid="form-error"], [role="alert"]').allInnerTexts();
  const notes = await page.locator('.mantine-Notification-root').allInnerTexts();
  return [...inDialog, ...notes].map((s) => s.trim()).filter(Boolean);
}

/** Wrong values a person types: overlong text, an impossible date, a negative and a huge number. */
async function fillWrong(dialog: Locator): Promise<void> {
  for (const input of await dialog.locator('input:is([type="text"], :not([type])):not([readonly]):not([disabled]), textarea:not([readonly]):not([disabled])').all()) {
    if (!(await input.isVisible())) continue;
    const placeholder = (await input.getAttribute('placeholder')) ?? '';
    const mode = (await input.getAttribute('inputmode')) ?? '';
    if (placeholder.includes('ДД.ММ.ГГГГ')) await input.fill('31.02.2021');
    else if (mode === 'numeric' || mode === 'decimal') await input.fill('-99999999');
    else if ((await input.getAttribute('aria-haspopup')) || (await input.getAttribute('role')) === 'combobox' || (await input.getAttribute('readonly')) !== null) continue;
    else await input.fill('Текст '.repeat(3400));
  }
}

/** The form's own save button; false when the dialog is not a form. */
async function submit(dialog: Locator): Promise<boolean> {
  const save = dialog.locator('button[type="submit"]').or(dialog.getByRole('button', { name: /^(Сохранить|Добавить|Создать|Включить)/ })).last();
  if (!(await save.isVisible().catch(() => false))) return false;
  // A list opened by the focused first field would cover the button: a click on the title closes it, as a person's would.
  await dialog.locator('.mantine-Modal-title').first().click().catch(() => undefined);
  await save.click();
  await dialog.page().waitForTimeout(250);
  return true;
}

async function closeDialog(page: Page, where: string): Promise<void> {
  for (let i = 0; i < 6 && (await page.getByRole('dialog').count()) > 0; i++) {
    const discard = page.getByRole('button', { name: 'Закрыть без сохранения' });
    const cancel = page.getByRole('dialog').last().getByRole('button', { name: 'Отмена', exact: true });
    if (await discard.isVisible().catch(() => false)) await discard.click({ timeout: 3000 }).catch(() => undefined);
    else if (i % 2 === 1 && (await cancel.isVisible().catch(() => false))) await cancel.click();
    else await page.keyboard.press('Escape');
    await page.waitForTimeout(250);
  }
  if ((await page.getByRole('dialog').count()) > 0) throw new Error(`${where}: форма не закрывается`);
  await page.locator('.mantine-Notification-root .mantine-Notification-closeButton').evaluateAll((bs) => bs.forEach((b) => (b as HTMLButtonElement).click()));
}

/** Opens every «Добавить…» of the visible screen and walks its form. Returns what was walked and found. */
async function walkScreen(page: Page, where: string, found: Finding[], walked: string[]): Promise<void> {
  found.push(...(await screenFindings(page, where)));
  const labels = [...new Set((await page.locator('main button').filter({ hasText: OPENS_FORM }).allInnerTexts()).map((s) => s.trim()))];
  for (const label of labels) {
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const button = page.locator('main button').filter({ hasText: exact }).first();
    if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
    await button.click();
    const dialog = page.getByRole('dialog').last();
    if (!(await dialog.isVisible().catch(() => false))) {
      await page.waitForTimeout(300);
      if (!(await dialog.isVisible().catch(() => false))) continue;
    }
    const form = `${where} → ${label}`;
    walked.push(form);
    found.push(...(await screenFindings(page, form)));
    const empty = (await submit(dialog)) ? await messages(page, dialog) : [];
    await fillWrong(dialog);
    const wrong = (await submit(dialog)) ? await messages(page, dialog) : [];
    if (process.env.WALK_LOG) console.log(form, JSON.stringify({ empty, wrong }).slice(0, 600));
    for (const m of [...empty, ...wrong]) if (LATIN_WORD.test(m) || UUID.test(m) || ISO_DAY.test(m)) found.push({ where: form, what: `сообщение: ${m.slice(0, 200)}` });
    found.push(...(await screenFindings(page, form + ' (после проверки)')));
    await closeDialog(page, form);
  }
}

/**
 * A screen is walked once it has arrived: its script and its lists in (no page spinner, no list loader). A fixed
 * pause alone missed a screen's «Добавить…» buttons when other files kept the two cores busy.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(400);
  const busy = page.locator('main [aria-busy="true"], main .mantine-Loader-root');
  for (let quiet = 0, tries = 0; quiet < 2 && tries < 100; tries++) {
    quiet = (await busy.count()) === 0 ? quiet + 1 : 0;
    await page.waitForTimeout(150);
  }
}

/** Every screen of the navigation and every tab on it. */
export async function walkApp(page: Page): Promise<{ found: Finding[]; walked: string[] }> {
  const found: Finding[] = [];
  const walked: string[] = [];
  const nav = await page.getByRole('navigation').locator('a, button').allInnerTexts();
  for (const item of nav.map((s) => s.trim()).filter(Boolean)) {
    await page.getByRole('navigation').getByText(item, { exact: true }).click();
    await settled(page);
    await walkScreen(page, item, found, walked);
    const tabs = (await page.locator('main [role="tab"]').allInnerTexts()).map((s) => s.trim().split('\n')[0]!);
    for (const [i, tab] of tabs.entries()) {
      if (i === 0) continue;
      await page.locator('main [role="tab"]').nth(i).click();
      await settled(page);
      await walkScreen(page, `${item} / ${tab}`, found, walked);
    }
  }
  return { found, walked };
}

