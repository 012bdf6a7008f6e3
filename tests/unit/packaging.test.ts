/** The packaged app flips Electron's fuses: a missing or wrong one fails here, before anyone builds an installer. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

describe('electron-builder.yml: the installers schools need (issue 21, item 4), checked without a network', () => {
  type Target = { target: string; arch: string[] };
  const c = config as Record<string, any>;

  it('is a configuration electron-builder itself accepts (its own loader and schema)', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    const loaded = await getConfig(process.cwd(), null, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // The schema is really applied: an unknown option is refused.
    await expect(validateConfiguration({ ...loaded, linux: { ...loaded.linux, bogusOption: 1 } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('Windows: NSIS and portable; Linux: deb (Astra), rpm (ALT, РЕД ОС) and AppImage — all 64-bit', () => {
    expect((c.win.target as Target[]).map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect((c.linux.target as Target[]).map((t) => t.target)).toEqual(['deb', 'rpm', 'AppImage']);
    for (const t of [...c.win.target, ...c.linux.target] as Target[]) expect(t.arch).toEqual(['x64']);
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, language: '1049', installerLanguages: ['ru_RU'], shortcutName: 'Опора' });
  });

  it('each installer\'s file name is one the update packer recognises as its kind', async () => {
    const { classifyInstaller } = await import('../../main/services/update/pack.js');
    // electron-builder's ${arch} as each target spells x64.
    const made: [string, string, string, string][] = [['nsis', 'x64', 'exe', 'nsis'], ['portable', 'x64', 'exe', 'portable'], ['deb', 'amd64', 'deb', 'deb'], ['rpm', 'x86_64', 'rpm', 'rpm'], ['appImage', 'x86_64', 'AppImage', 'appimage']];
    for (const [section, arch, ext, kind] of made) {
      const name = String(c[section].artifactName).replace('${version}', '1.0.0').replace('${arch}', arch).replace('${ext}', ext);
      expect(name, section).toMatch(/^[a-z0-9._-]+$/i);
      expect(classifyInstaller(name), name).toEqual({ kind, arch: 'x64' });
    }
  });

  it('names, category and descriptions are Russian; the executable and files Latin', () => {
    expect(c.productName).toBe('Опора');
    expect(c.executableName).toBe('opora');
    expect(c.linux.category).toBe('Education');
    expect(c.linux.desktop.entry).toMatchObject({ Name: 'Опора', Categories: 'Education;Office;' });
    for (const text of [c.linux.synopsis, c.linux.description, c.linux.desktop.entry.Comment, c.linux.desktop.entry.GenericName]) {
      expect(text).toMatch(/[а-яё]{4,}/i);
      expect(text).not.toMatch(/[a-z]{4,}/);
    }
    expect(c.rpm.depends.length).toBeGreaterThan(0);
    expect(c.deb.depends).toContain('libgtk-3-0');
  });

  it('the icons are there: a 512×512 PNG for Windows and Linux', () => {
    for (const path of [c.win.icon, c.linux.icon]) {
      const png = readFileSync(path);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
    expect(c.directories.buildResources).toBe('resources/build');
  });

  it('`npm run dist -- --dir` builds with this file (the script passes its options to electron-builder)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.dist).toMatch(/electron-builder$/);
    expect(pkg.devDependencies['electron-builder']).toBeTruthy();
  });
});

describe('Electron is optional: `npm install` succeeds where its binary cannot be downloaded (issue 19, item 9)', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; optional?: boolean; dev?: boolean }> };
  const c = config as Record<string, any>;

  it('electron is an optional dependency whose exact version electron-builder is told', () => {
    expect(pkg.optionalDependencies?.electron).toBe(lock.packages['node_modules/electron']?.version);
    expect(pkg.devDependencies.electron).toBeUndefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(String(c.electronVersion)).toBe(lock.packages['node_modules/electron']?.version);
  });

  it('electron-builder accepts package.json as it is (its own metadata check)', async () => {
    const { readPackageJson, checkMetadata } = require('app-builder-lib/out/util/packageMetadata.js');
    const meta = await readPackageJson(resolve('package.json'));
    expect(() => checkMetadata(meta, meta, 'package.json', 'package.json')).not.toThrow();
  });

  it('nothing only Electron needs is packed into the app: every optional-only package of the lockfile is excluded', () => {
    const onlyElectron = new Set(Object.entries(lock.packages)
      .filter(([k, v]) => k && v.optional && !v.dev)
      .map(([k]) => k.slice('node_modules/'.length).split('/node_modules/')[0]!));
    expect(onlyElectron.has('electron')).toBe(true);
    const excluded = new Set((c.files as string[]).map((f) => /^!node_modules\/(.+)\{,\/\*\*\/\*\}$/.exec(f)?.[1]).filter(Boolean));
    expect([...excluded].sort()).toEqual([...onlyElectron].sort());
    // better-sqlite3 is a real dependency and stays.
    expect(onlyElectron.has('better-sqlite3-multiple-ciphers')).toBe(false);
  });
});
