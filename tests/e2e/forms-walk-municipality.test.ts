/** Every form of the department, empty and with wrong values, speaks Russian (the walk: forms-walk.ts). */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { launchApp, type AppSession } from './browser.js';
import { tempDir } from '../helpers.js';
import { openWorkspaceFile } from '../../main/cli/workspace-file.js';
import { generateMunicipalityDemo } from '../../main/services/municipality/demo.js';
import { walkApp, NOW } from './forms-walk.js';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('все формы управления', () => {
  it('муниципалитет: каждая форма пустая и с неверными значениями говорит по-русски', async () => {
    const dataDir = tempDir('opora-e2e-walk-2-');
    const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
    await generateMunicipalityDemo(w.ctx, { schools: 3, seed: 2 });
    w.close();
    app = await launchApp({ dataDir, now: NOW, viewport: { width: 1366, height: 768 } });
    await app.page.getByRole('navigation').waitFor();
    const { found, walked } = await walkApp(app.page);
    expect(walked.length).toBeGreaterThan(3);
    expect(found).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 300_000);
});
