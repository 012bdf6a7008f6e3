/**
 * Issue 23, item 4: the first screen of an old laptop does not wait for its steps one after another. The page's
 * data is asked for while the page's script is still on its way (here it is held back until the data has been
 * asked for), each first-screen question goes to main once, and the screen then shows its data.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { generateDemo } from '../../main/services/school/demo.js';
import { generateMunicipalityDemo } from '../../main/services/municipality/demo.js';

const NOW = () => new Date('2026-11-25T10:00:00');
let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const callName = (r: Request) => (r.url().endsWith('/api/call') ? (r.postDataJSON() as { name: string; input: unknown }) : null);

const CASES = [
  {
    role: 'школа', chunk: /\/assets\/DashboardPage-[^/]+\.js$/, data: 'dashboard.school', ready: 'stat-overdue',
    prepare: (dir: string) => { const w = openWorkspaceFile(join(dir, 'opora.sqlite'), NOW); generateDemo(w.ctx, { size: 'small', seed: 7 }); w.close(); },
  },
  {
    role: 'управление образования', chunk: /\/assets\/MunicipalityPage-[^/]+\.js$/, data: 'municipality.dashboard', ready: 'dashboard-row',
    prepare: async (dir: string) => { const w = openWorkspaceFile(join(dir, 'opora.sqlite'), NOW); await generateMunicipalityDemo(w.ctx, { schools: 5, seed: 5 }); w.close(); },
  },
];

describe('первый экран: данные запрошены, пока грузится скрипт страницы', () => {
  for (const c of CASES) {
    it(c.role, async () => {
      const dataDir = tempDir('opora-e2e-first-screen-');
      await c.prepare(dataDir);
      app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
      const { page } = app;
      await page.getByTestId(c.ready).first().waitFor();
      // The first opening's own late questions (a reload after something it saved) are not the second opening's.
      await page.waitForLoadState('networkidle');

      // Opened again with the page's script held back until its data has been asked for.
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let held = false;
      let releasedYet = false;
      await page.route(c.chunk, async (route) => { held = true; await released; await route.continue(); });
      const calls: { name: string; input: unknown; whileHeld: boolean }[] = [];
      // Until released, the page's module cannot have run: whatever is asked meanwhile was asked without it.
      page.on('request', (r) => { const call = callName(r); if (call) calls.push({ ...call, whileHeld: !releasedYet }); });
      const asked = page.waitForRequest((r) => callName(r)?.name === c.data, { timeout: 15_000 });
      await page.reload({ waitUntil: 'commit' });
      try {
        await asked;
        await expect.poll(() => held).toBe(true);
      } finally {
        releasedYet = true;
        release();
      }
      await page.getByTestId(c.ready).first().waitFor();
      expect(calls.find((x) => x.name === c.data)?.whileHeld).toBe(true);
      // Each first-screen question once: the components took the answers instead of asking again.
      const times = (name: string) => calls.filter((x) => x.name === name).length;
      expect(times(c.data)).toBe(1);
      expect(times('workspace.state')).toBe(1);
      expect(calls.filter((x) => x.name === 'privacy.state' && JSON.stringify(x.input).includes('windowOpened')).length).toBe(1);
      expect(app.errors).toEqual([]);
    });
  }
});
