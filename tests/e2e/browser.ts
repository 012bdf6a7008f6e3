/** Starts the browser host on a temp data folder and Debian's Chromium driven by playwright-core. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { startWebHost, type WebHost } from '../../main/web-host.js';
import { tempDir } from '../helpers.js';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * The tests drive Debian's headless build of Chromium (`chromium-headless-shell`, the same engine without the
 * browser's window, profile and UI layers — what Playwright itself runs headless) when it is installed: the browser
 * walks take a fifth less CPU than with the full `/usr/bin/chromium`, which is the fallback. CHROMIUM_PATH names
 * another binary.
 */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export function testChromium(): string {
  return process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
}

/**
 * One Chromium per test process, a fresh context (its own storage, cookies and viewport) per app session:
 * starting Chromium costs a second or two of CPU, and a test file runs in a process that already has one.
 * Outside vitest (the screenshot scripts) the browser closes with the session, so the script can end.
 */
let shared: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    shared = chromium.launch({ executablePath: testChromium(), args: CHROMIUM_ARGS });
    shared.then((b) => b.on('disconnected', () => (shared = undefined)), () => (shared = undefined));
  }
  return shared;
}

export interface AppSession {
  host: WebHost;
  browser: Browser;
  page: Page;
  dataDir: string;
  /** Page errors and console errors seen so far; tests assert this stays empty. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchApp(opts: { dataDir?: string; now?: () => Date; viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const dataDir = opts.dataDir ?? tempDir('opora-e2e-');
  const host = await startWebHost({ dataDir, rendererDir: resolve('renderer/dist'), now: opts.now, quiet: true });
  const browser = await sharedBrowser();
  // The walks run as a user who asked the system for less motion (the theme honours it): menus and windows appear
  // at once, and Chromium draws no frames of them sliding in while other files share the two cores.
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, locale: 'ru-RU', reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Other test files share the two cores with this one: a screen may take a few seconds more than alone.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(host.url);
  return {
    host, browser, page, dataDir, errors,
    async close() {
      await context.close();
      if (!process.env.VITEST) await browser.close();
      await host.close();
    },
  };
}

/** The first-run school profile, filled in through the form as a user does, until the header shows the school. */
export async function createSchoolInUi(page: Page, fullName: string, shortName: string): Promise<void> {
  await page.getByRole('button', { name: 'Создать профиль школы' }).click();
  await page.getByLabel('Полное наименование').fill(fullName);
  await page.getByLabel('Краткое наименование').fill(shortName);
  await page.getByRole('button', { name: 'Создать', exact: true }).click();
  await page.getByRole('banner').getByText(shortName).waitFor();
}

/** With SHOTS=DIR set: the page at 1366×768 and 1920×1080 as DIR/NAME-1366.png and -1920.png (then 1400×900 again). */
export async function shotsAtBothSizes(page: Page, name: string): Promise<void> {
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
