/** Renders resources/build/icon.svg to icon.png (512×512) with the system Chromium: `npx tsx scripts/make-icon.ts`. */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.js';

const svg = readFileSync('resources/build/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: 'resources/build/icon.png', omitBackground: true });
await browser.close();
console.log('resources/build/icon.png');
