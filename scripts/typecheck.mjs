/**
 * `npm run typecheck`: tsc over the whole tree. Electron is an optional dependency (npm removes it where its
 * binary cannot be downloaded), and with it go the types the desktop shell is checked against. Then the shell
 * (main/shell/, preload/index.ts) is left out of the check and a note says so; everything else is checked as
 * always. CI installs Electron without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so there the shell is checked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const tsc = join(REPO, 'node_modules', 'typescript-native', 'bin', 'tsc');
const haveElectron = existsSync(join(REPO, 'node_modules', 'electron', 'electron.d.ts'));

let project = join(REPO, 'tsconfig.json');
if (!haveElectron) {
  project = join(REPO, 'tsconfig.no-electron.json');
  writeFileSync(project, JSON.stringify({
    extends: './tsconfig.json',
    exclude: ['main/shell', 'preload/index.ts', 'tests/unit/shell-smoke.test.ts', 'node_modules', 'dist'],
  }, null, 2));
  console.warn('Electron не установлен (его не удалось скачать при npm install), поэтому оболочка окна (main/shell/, preload/index.ts) '
    + 'не проверяется; всё остальное проверяется как обычно. Чтобы проверить и её, установите Electron на машине с доступом к его серверам: npm install.');
}
const r = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit', cwd: REPO });
if (!haveElectron) rmSync(project, { force: true });
process.exit(r.status ?? 1);
