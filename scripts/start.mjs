/**
 * `npm start`: the desktop app. Electron is an optional dependency, so `npm install` succeeds on a machine
 * that cannot download its binary (ours, some schools' behind a filter); then this says what happened and
 * what to do instead of Electron's own English stack trace.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const require = createRequire(import.meta.url);

/** The Electron executable, or null when the package or its binary is missing. */
function electronBinary() {
  try {
    // electron's index.js returns the binary's path, and throws when the download never happened.
    return require('electron');
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  console.error([
    '',
    'Окно программы не запустить: Electron не установлен — его не удалось скачать при npm install',
    '(нет доступа к серверам Electron).',
    '',
    'Что можно сделать:',
    '  • открыть программу в браузере на этом компьютере:   npm run web',
    '  • или установить Electron на машине с доступом к интернету: npm install',
    '',
  ].join('\n'));
  process.exit(1);
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: REPO, shell: process.platform === 'win32' });
// The native SQLite module is rebuilt for Electron's ABI (Node's build does not load in Electron).
const deps = run('npx', ['electron-builder', 'install-app-deps']);
if (deps.status !== 0) process.exit(deps.status ?? 1);
process.exit(run(electron, ['.']).status ?? 0);
