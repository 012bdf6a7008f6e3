/**
 * The layer rules bite: the real .dependency-cruiser.cjs, run by the same check as `npm run lint`, over a
 * small tree laid out like the repository. A clean tree passes; each forbidden import is named with its rule.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkLayers, formatViolation } from '../../scripts/lint-layers.mjs';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes the files into a fresh folder; node_modules is the repository's, so npm packages resolve as in the app. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'opora-layers-'));
  dirs.push(root);
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every import the layers allow, written the way the code writes them (`.js` suffixes for `.ts` files). */
const CLEAN: Record<string, string> = {
  'common/format.ts': 'export const f = 1;\n',
  'db/open.ts': "import Database from 'better-sqlite3-multiple-ciphers';\nimport { f } from '../common/format.js';\nexport const open = () => [Database, f];\n",
  'db/registry/index.ts': "import { f } from '../../common/format.js';\nexport const registry = [f];\n",
  'preload/contract/index.ts': "import { z } from 'zod';\nimport { f } from '../../common/format.js';\nimport { registry } from '../../db/registry/index.js';\nexport const contract = z.object({ f: z.literal(f), r: z.literal(registry.length) });\n",
  'preload/index.ts': "import { contextBridge } from 'electron';\nimport { contract } from './contract/index.js';\nexport const p = [contextBridge, contract];\n",
  'main/services/core/errors.ts': 'export class AppError extends Error {}\n',
  'main/services/core/writer.ts': "import { seal } from '../privacy/vault.js';\nimport type { Host } from '../update/host.js';\nexport const write = seal as unknown as Host;\n",
  'main/services/privacy/vault.ts': "import { AppError } from '../core/errors.js';\nexport const seal = AppError;\n",
  'main/services/update/host.ts': 'export interface Host { name: string }\n',
  'main/services/school/risk-group.ts': "import { write } from '../core/writer.js';\nexport const riskGroup = write;\n",
  'main/services/municipality/roster.ts': "import { open } from '../../../db/open.js';\nimport { AppError } from '../core/errors.js';\nimport { riskGroup } from '../school/risk-group.js';\nexport const roster = [open, AppError, riskGroup];\n",
  'main/services/reports/school.ts': "import { roster } from '../municipality/roster.js';\nimport { readFileSync } from 'node:fs';\nexport const report = [roster, readFileSync];\n",
  // Area handlers next to their services take a context, never the workspace.
  'main/services/reports/handlers.ts': "import { report } from './school.js';\nimport type { contract } from '../../../preload/contract/index.js';\nexport const handlers = { report } as { report: unknown; c?: typeof contract };\n",
  'main/workspace.ts': "import { roster } from './services/municipality/roster.js';\nexport const ws = roster;\n",
  'main/handlers.ts': "import { ws } from './workspace.js';\nimport { handlers } from './services/reports/handlers.js';\nexport const dispatch = [ws, handlers];\n",
  'main/web-host.ts': "import { dispatch } from './handlers.js';\nexport const host = dispatch;\n",
  'main/cli/index.ts': "import { ws } from '../workspace.js';\nimport { report } from '../services/reports/school.js';\nexport const cli = [ws, report];\n",
  'main/shell/main.ts': "import { app } from 'electron';\nimport { dispatch } from '../handlers.js';\nexport const shell = [app, dispatch];\n",
  'renderer/src/components/Button.tsx': "import { useState } from 'react';\nexport const Button = () => useState(0);\n",
  'renderer/src/app/api.ts': "import type { contract } from '../../../preload/contract/index';\nexport const api = {} as typeof contract;\n",
  'renderer/src/features/a/A.tsx': "import { Button } from '../../components/Button';\nimport { api } from '../../app/api';\nimport { a2 } from './a2';\nexport const A = [Button, api, a2];\n",
  'renderer/src/features/a/a2.ts': 'export const a2 = 2;\n',
  'renderer/src/features/b/B.tsx': "import { Button } from '../../components/Button';\nexport const B = Button;\n",
};

/** Forbidden imports, each rule at least once: [file, its text, the rule it must break]. */
const BAD: [string, string, string][] = [
  ['main/services/core/x.ts', "import { dispatch } from '../../handlers.js';\nexport const x = dispatch;\n", 'services-not-above'],
  ['main/services/core/w.ts', "import { ws } from '../../workspace.js';\nexport const w = ws;\n", 'services-not-above'],
  ['main/services/core/sh.ts', "import { shell } from '../../shell/main.js';\nexport const sh = shell;\n", 'services-not-above'],
  ['main/services/core/h.ts', "import { host } from '../../web-host.js';\nexport const h = host;\n", 'services-not-above'],
  ['main/services/core/c.ts', "import { cli } from '../../cli/index.js';\nexport const c = cli;\n", 'services-not-above'],
  ['renderer/src/features/a/AB.tsx', "import { B } from '../b/B';\nexport const AB = B;\n", 'features-not-features'],
  // Across areas: only down the ladder of .dependency-cruiser.cjs (AREAS).
  ['main/services/municipality/m.ts', "import { report } from '../reports/school.js';\nexport const m = report;\n", 'area-municipality'],
  ['main/services/school/up.ts', "import { roster } from '../municipality/roster.js';\nexport const up = roster;\n", 'area-school'],
  ['main/services/core/up.ts', "import { riskGroup } from '../school/risk-group.js';\nexport const up = riskGroup;\n", 'area-core'],
  ['main/services/privacy/up.ts', "import { report } from '../reports/school.js';\nexport const up = report;\n", 'area-privacy'],
  ['main/services/loose.ts', "import { write } from './core/writer.js';\nexport const l = write;\n", 'services-in-areas'],
  ['db/up.ts', "import { AppError } from '../main/services/core/errors.js';\nexport const up = AppError;\n", 'db-not-above'],
  ['common/up.ts', "import { open } from '../db/open.js';\nexport const up = open;\n", 'common-no-layer'],
  ['preload/contract/up.ts', "import { ws } from '../../main/workspace.js';\nexport const up = ws;\n", 'contract-no-process'],
  ['preload/contract/open.ts', "import { open } from '../../db/open.js';\nexport const o = open;\n", 'contract-db-registry-only'],
  ['db/registry/fs.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'registry-plain-data'],
  ['db/registry/sqlite.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;\n", 'registry-plain-data'],
  ['main/services/core/e.ts', "import { app } from 'electron';\nexport const e = app;\n", 'electron-only-in-shell'],
  ['renderer/src/app/e.ts', "import { ipcRenderer } from 'electron';\nexport const e = ipcRenderer;\n", 'electron-only-in-shell'],
  ['renderer/src/app/main.ts', "import type { AppError } from '../../../main/services/core/errors.js';\nexport type E = AppError;\n", 'renderer-through-contract'],
  ['renderer/src/app/db.ts', "import { open } from '../../../db/open';\nexport const d = open;\n", 'renderer-through-contract'],
  ['renderer/src/app/sqlite.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;\n", 'renderer-through-contract'],
  ['renderer/src/app/fs.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'renderer-no-node'],
  ['main/up.ts', "import { Button } from '../renderer/src/components/Button';\nexport const up = Button;\n", 'main-not-renderer'],
  ['main/services/core/p.ts', "import { q } from './q.js';\nexport const p = () => q;\n", 'no-cycles-in-services'],
  ['main/services/core/typo.ts', "import { nothing } from './nowhere.js';\nexport const t = nothing;\n", 'resolvable'],
];

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('pass a tree that imports only downward', async () => {
    const { violations, modules } = await checkLayers(tree(CLEAN));
    expect(violations).toEqual([]);
    expect(modules).toBe(Object.keys(CLEAN).length);
  });

  it('name each forbidden import with its rule, and nothing else', async () => {
    // q.ts closes the loop p.ts opens; the loop is reported once, not once per file in it.
    const q = { 'main/services/core/q.ts': "import { p } from './p.js';\nexport const q = () => p;\n" };
    const { violations } = await checkLayers(tree({ ...CLEAN, ...q, ...Object.fromEntries(BAD.map(([f, text]) => [f, text])) }));
    const found = violations.map((v) => `${v.from} ${v.rule}`).sort();
    expect(found).toEqual(BAD.map(([f, , rule]) => `${f} ${rule}`).sort());
    expect(violations.find((v) => v.rule === 'no-cycles-in-services')?.to).toBe('main/services/core/q.ts → main/services/core/p.ts');
  });

  it('print a violation as one line: the file, the import, the rule in words', async () => {
    const { violations } = await checkLayers(tree({ ...CLEAN, 'main/services/core/x.ts': BAD[0]![1] }));
    expect(violations.map(formatViolation)).toEqual([
      'main/services/core/x.ts → main/handlers.ts: main/services/ never imports handlers, workspace, the shell, the web host or the CLI (they sit above it) [services-not-above]',
    ]);
  });
});
