/** The packaged app flips Electron's fuses: a missing or wrong one fails here, before anyone builds an installer. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// js-yaml: the parser electron-builder itself reads this very file with (a devDependency of ours too).
const yaml = require('js-yaml') as { load(s: string): unknown };
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, unknown> };

const WANTED: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml: Electron fuses', () => {
  it.each(Object.entries(WANTED))('%s is %s', (fuse, value) => {
    expect(config.electronFuses, 'electronFuses is missing').toBeTruthy();
    expect(config.electronFuses?.[fuse]).toBe(value);
  });
});

describe('the shell serves app:// and keeps DevTools out of the installed app', () => {
  const shell = readFileSync('main/shell/main.ts', 'utf8');
  it('loads the renderer from app://, never file://', () => {
    expect(shell).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(shell).toMatch(/rendererUrl = APP_INDEX_URL/);
    expect(shell).not.toMatch(/pathToFileURL|['`]file:/);
  });
  it('DevTools off when packaged; permission and device handlers deny', () => {
    expect(shell).toMatch(/devTools = !app\.isPackaged/);
    expect(shell).toMatch(/devTools,/);
    expect(shell).toMatch(/setPermissionRequestHandler\(\(_wc, _perm, cb\) => cb\(false\)\)/);
    expect(shell).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(shell).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
  });
});
