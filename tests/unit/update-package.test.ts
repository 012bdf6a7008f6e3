/**
 * Updates on a flash drive (issue 21, item 3): a package signed with a key made here is checked the way a
 * school's computer checks one — refused when an installer was altered, the key is foreign, the version is
 * older or the same, no installer fits the system, or a file is missing; accepted when genuine, with the
 * installer's path handed to the shell (Windows) or the one command shown (deb/rpm).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { signPackage, copyPackage, packageFolderName } from '../../main/services/update/pack.js';
import { offerFor, UpdateRefusal, type ThisComputer } from '../../main/services/update/verify.js';
import { MANIFEST_FILE } from '../../main/services/update/manifest.js';
import { compareVersions, currentVersion } from '../../main/services/update/version.js';
import { kindsFor, installCommand, type SystemFacts } from '../../main/services/update/platform.js';
import { Workspace } from '../../main/workspace.js';
import { dispatch } from '../../main/handlers.js';
import type { UpdateCheck, UpdateStart } from '../../preload/contract/update.js';

const ASTRA = 'PRETTY_NAME="Astra Linux"\nNAME="Astra Linux"\nID=astra\nID_LIKE=debian\nVERSION_ID=1.7_x86-64\n';
const ALT = 'NAME="ALT Workstation"\nID=altlinux\nVERSION_ID=10.2\n';
const REDOS = 'NAME="RED OS"\nID="redos"\nID_LIKE="rhel fedora"\n';
const astra: SystemFacts = { platform: 'linux', arch: 'x64', osRelease: ASTRA };
const windows: SystemFacts = { platform: 'win32', arch: 'x64', osRelease: null };

const ed = () => generateKeyPairSync('ed25519');

const CHANGELOG = `# Что нового в «Опоре»

## 1.1.0 — 7 декабря 2026
- **Обновление** с флешки
- Пакеты для Astra Linux, ALT и РЕД ОС

## 1.0.0 — 1 декабря 2026
- Первый выпуск

## 0.1.0
- Опытная версия
`;

/** Installers as electron-builder names them (their bytes stand for the real ones). */
function buildOutput(dir: string, version: string) {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    [`opora-${version}-windows-x64-setup.exe`]: 'MZ nsis installer',
    [`opora-${version}-windows-x64-portable.exe`]: 'MZ portable',
    [`opora_${version}_amd64.deb`]: '!<arch> debian package',
    [`opora-${version}.x86_64.rpm`]: 'rpm package',
    [`opora-${version}-x86_64.AppImage`]: 'ELF appimage',
    'latest.yml': 'not an installer',
  };
  for (const [n, b] of Object.entries(files)) writeFileSync(join(dir, n), b.repeat(1000));
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG);
  return dir;
}

async function makePackage(key: KeyObject, version = '1.1.0', opts: { only?: RegExp } = {}) {
  const d = tempDir('opora-update-');
  const out = buildOutput(join(d, 'release'), version);
  if (opts.only) for (const n of readdirSync(out)) if (/\.(exe|deb|rpm|AppImage)$/.test(n) && !opts.only.test(n)) rmSync(join(out, n));
  const pkg = join(d, 'package');
  await signPackage(out, pkg, { key, version, publishedAt: '2026-12-07', changelogPath: join(out, 'CHANGELOG.md') });
  return { d, pkg };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UpdateRefusal) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('the package was accepted');
}

describe('an update package from the flash drive, checked for this computer', () => {
  const release = ed();
  const here = (system: SystemFacts, current = '1.0.0'): ThisComputer => ({ key: release.publicKey, current, system });
  let pkg: string;
  beforeEach(async () => {
    ({ pkg } = await makePackage(release.privateKey));
  });

  it('a genuine package is accepted: Astra gets the deb and its one command, Windows the setup file', async () => {
    const a = await offerFor(pkg, here(astra));
    expect(a.manifest.version).toBe('1.1.0');
    expect(a.installer.kind).toBe('deb');
    expect(a.installerPath).toBe(join(pkg, 'opora_1.1.0_amd64.deb'));
    expect(a.command).toBe(`sudo apt install "${join(pkg, 'opora_1.1.0_amd64.deb')}"`);
    const w = await offerFor(pkg, here(windows));
    expect(w.installer.file).toBe('opora-1.1.0-windows-x64-setup.exe');
    expect(w.command).toBeNull();
    // ALT installs the rpm with apt-get (as root through su), РЕД ОС with dnf.
    expect((await offerFor(pkg, here({ platform: 'linux', arch: 'x64', osRelease: ALT }))).command).toMatch(/^su -c 'apt-get install ".*opora-1\.1\.0\.x86_64\.rpm"'$/);
    expect((await offerFor(pkg, here({ platform: 'linux', arch: 'x64', osRelease: REDOS }))).command).toMatch(/^sudo dnf install ".*\.rpm"$/);
  });

  it('what is new: the changelog sections after the running version, newest first, without markup', async () => {
    const o = await offerFor(pkg, here(astra, '0.1.0'));
    expect(o.whatsNew.map((s) => s.version)).toEqual(['1.1.0', '1.0.0']);
    expect(o.whatsNew[0]!.lines).toEqual(['• Обновление с флешки', '• Пакеты для Astra Linux, ALT и РЕД ОС']);
    expect((await offerFor(pkg, here(astra, '1.0.0'))).whatsNew.map((s) => s.version)).toEqual(['1.1.0']);
  });

  it('an altered installer is refused', async () => {
    appendFileSync(join(pkg, 'opora-1.1.0-windows-x64-setup.exe'), 'virus');
    const r = await refusal(offerFor(pkg, here(windows)));
    expect(r.code).toBe('tampered');
    expect(r.message).toMatch(/Файл «opora-1\.1\.0-windows-x64-setup\.exe» изменён после подписи.*Не устанавливайте/);
  });

  it('an installer replaced by one of the same size is refused too (the hash, not the size)', async () => {
    const f = join(pkg, 'opora_1.1.0_amd64.deb');
    const b = readFileSync(f);
    b[10] = b[10]! ^ 1;
    writeFileSync(f, b);
    expect((await refusal(offerFor(pkg, here(astra)))).code).toBe('tampered');
  });

  it('a package signed with a foreign key is refused, and so is a manifest edited after signing', async () => {
    const foreign = await makePackage(ed().privateKey);
    const r = await refusal(offerFor(foreign.pkg, here(astra)));
    expect(r.code).toBe('foreign_key');
    expect(r.message).toMatch(/подписано чужим ключом/);
    // The attacker keeps our fingerprint but cannot sign: raising the version breaks the signature.
    const m = readFileSync(join(pkg, MANIFEST_FILE), 'utf8');
    writeFileSync(join(pkg, MANIFEST_FILE), m.replace('"version": "1.1.0"', '"version": "9.0.0"'));
    const s = await refusal(offerFor(pkg, here(astra)));
    expect(s.code).toBe('bad_signature');
    expect(s.message).toMatch(/Подпись обновления не сходится/);
  });

  it('an older version is never offered; the same version is not either', async () => {
    const r = await refusal(offerFor(pkg, here(astra, '1.2.0')));
    expect(r.code).toBe('older');
    expect(r.message).toMatch(/до версии 1\.1\.0, а на компьютере уже версия 1\.2\.0\. Возврат к прежней версии не предлагается/);
    expect((await refusal(offerFor(pkg, here(astra, '1.1.0')))).code).toBe('same');
    // semver, not text: 1.10.0 is newer than 1.9.3; a pre-release comes before its release
    const ten = await makePackage(release.privateKey, '1.10.0');
    expect((await offerFor(ten.pkg, here(astra, '1.9.3'))).manifest.version).toBe('1.10.0');
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta.10', '1.0.0-beta.2')).toBeGreaterThan(0);
  });

  it('a package without an installer for this system is refused, naming what it has', async () => {
    const winOnly = await makePackage(release.privateKey, '1.1.0', { only: /windows/ });
    const r = await refusal(offerFor(winOnly.pkg, here(astra)));
    expect(r.code).toBe('wrong_platform');
    expect(r.message).toMatch(/нет установщика для этого компьютера \(Linux, 64 бит\)\. В нём есть: .*установщик Windows \(Windows, 64 бит\)/);
    expect(r.message).toMatch(/переносная версия для Windows/);
    const arm = await refusal(offerFor(pkg, here({ platform: 'win32', arch: 'arm64', osRelease: null })));
    expect(arm.code).toBe('wrong_platform');
  });

  it('a missing installer, a missing signature or a folder that is not a package is refused', async () => {
    rmSync(join(pkg, 'opora-1.1.0.x86_64.rpm'));
    const r = await refusal(offerFor(pkg, here(astra)));
    expect(r.code).toBe('missing_file');
    expect(r.message).toMatch(/нет файла «opora-1\.1\.0\.x86_64\.rpm».*Скопируйте папку обновления заново/);
    rmSync(join(pkg, 'opora-release.sig'));
    expect((await refusal(offerFor(pkg, here(astra)))).code).toBe('bad_signature');
    expect((await refusal(offerFor(tempDir(), here(astra)))).code).toBe('no_manifest');
  });

  it('the running version is package.json\'s', () => {
    expect(currentVersion()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('this system maps to installer kinds', () => {
    expect(kindsFor(windows)).toEqual(['nsis', 'portable']);
    // The portable .exe updates by replacing itself, after the app is closed.
    const portable = { ...windows, portableExe: 'D:\\Опора.exe' };
    expect(kindsFor(portable)).toEqual(['portable', 'nsis']);
    expect(installCommand('portable', 'E:\\новая.exe', portable)).toBe('copy /Y "E:\\новая.exe" "D:\\Опора.exe"');
    expect(kindsFor(astra)).toEqual(['deb', 'appimage']);
    expect(kindsFor({ platform: 'linux', arch: 'x64', osRelease: ALT })).toEqual(['rpm', 'appimage']);
    expect(kindsFor({ platform: 'linux', arch: 'x64', osRelease: 'ID=gentoo\n' })).toEqual(['appimage']);
    expect(kindsFor({ ...astra, appImage: '/home/u/Опора.AppImage' })).toEqual(['appimage']);
    expect(kindsFor({ platform: 'darwin', arch: 'arm64', osRelease: null })).toEqual([]);
  });
});

describe('the department copies a checked package to a flash drive', () => {
  const release = ed();
  it('a genuine package is copied into «Опора — обновление 1.1.0» and checked there', async () => {
    const { pkg } = await makePackage(release.privateKey);
    const drive = tempDir('opora-drive-');
    const r = await copyPackage(pkg, drive, release.publicKey);
    expect(r.folder).toBe(join(drive, packageFolderName('1.1.0')));
    expect(readdirSync(r.folder).sort()).toEqual(['CHANGELOG.md', 'opora-1.1.0-windows-x64-portable.exe', 'opora-1.1.0-windows-x64-setup.exe', 'opora-1.1.0-x86_64.AppImage', 'opora-1.1.0.x86_64.rpm', 'opora-release.json', 'opora-release.sig', 'opora_1.1.0_amd64.deb']);
    expect((await offerFor(r.folder, { key: release.publicKey, current: '1.0.0', system: astra })).installer.kind).toBe('deb');
  });
  it('an altered package is not copied at all', async () => {
    const { pkg } = await makePackage(release.privateKey);
    appendFileSync(join(pkg, 'opora_1.1.0_amd64.deb'), 'x');
    const drive = tempDir('opora-drive-');
    expect((await refusal(copyPackage(pkg, drive, release.publicKey))).code).toBe('tampered');
    expect(readdirSync(drive)).toEqual([]);
  });
});

describe('update.* through the door: the renderer names no path, the shell gets the installer', () => {
  const release = ed();
  function school(drive: string, system: SystemFacts, handed: string[]) {
    const ws = new Workspace(tempDir('opora-ws-'));
    ws.update = { releaseKey: release.publicKey, currentVersion: '1.0.0', system, driveRoots: () => [drive], startInstaller: async (p) => { handed.push(p); return null; } };
    return ws;
  }
  async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; message?: string }>): Promise<T> {
    const r = await p;
    if (!r.ok) throw new Error(r.message);
    return r.value as T;
  }

  it('found on the drive, offered with what is new, and on Windows the installer path goes to the shell', async () => {
    const { pkg } = await makePackage(release.privateKey);
    const drive = tempDir('opora-drive-');
    const { folder } = await copyPackage(pkg, drive, release.publicKey);
    const handed: string[] = [];
    const ws = school(drive, windows, handed);
    const c = await ok<UpdateCheck>(dispatch(ws, 'update.check', {}));
    expect(c.status).toBe('offer');
    expect(c.offer).toMatchObject({ version: '1.1.0', installerFile: 'opora-1.1.0-windows-x64-setup.exe', command: null, canStart: true, installerWords: 'установщик Windows' });
    expect(c.offer!.whatsNew[0]!.version).toBe('1.1.0');
    const s = await ok<UpdateStart>(dispatch(ws, 'update.start', { version: '1.1.0' }));
    expect(s.started).toBe(true);
    expect(handed).toEqual([join(folder, 'opora-1.1.0-windows-x64-setup.exe')]);
  });

  it('on Astra the command is shown and nothing is started', async () => {
    const { pkg } = await makePackage(release.privateKey);
    const drive = tempDir('opora-drive-');
    await copyPackage(pkg, drive, release.publicKey);
    const handed: string[] = [];
    const ws = school(drive, astra, handed);
    expect((await ok<UpdateCheck>(dispatch(ws, 'update.check', {}))).offer!.canStart).toBe(false);
    const s = await ok<UpdateStart>(dispatch(ws, 'update.start', { version: '1.1.0' }));
    expect(s.command).toMatch(/^sudo apt install ".*opora_1\.1\.0_amd64\.deb"$/);
    expect(handed).toEqual([]);
  });

  it('an installer altered after the check is caught at start and never handed over', async () => {
    const { pkg } = await makePackage(release.privateKey);
    const drive = tempDir('opora-drive-');
    const { folder } = await copyPackage(pkg, drive, release.publicKey);
    const handed: string[] = [];
    const ws = school(drive, windows, handed);
    expect((await ok<UpdateCheck>(dispatch(ws, 'update.check', {}))).status).toBe('offer');
    appendFileSync(join(folder, 'opora-1.1.0-windows-x64-setup.exe'), 'x');
    const s = await dispatch(ws, 'update.start', { version: '1.1.0' });
    expect(s).toMatchObject({ ok: false, code: 'tampered' });
    expect(handed).toEqual([]);
  });

  it('an older package on the drive is refused with the reason; no drive, no package; inputs are checked', async () => {
    const { pkg } = await makePackage(release.privateKey, '0.9.0');
    const drive = tempDir('opora-drive-');
    await copyPackage(pkg, drive, release.publicKey);
    const ws = school(drive, astra, []);
    const c = await ok<UpdateCheck>(dispatch(ws, 'update.check', {}));
    expect(c.status).toBe('refused');
    expect(c.refusal).toMatch(/Возврат к прежней версии не предлагается/);
    expect(await dispatch(ws, 'update.start', { version: '0.9.0' })).toMatchObject({ ok: false, code: 'no_update' });
    expect((await ok<UpdateCheck>(dispatch(school(tempDir(), astra, []), 'update.check', {}))).status).toBe('none');
    expect(await dispatch(ws, 'update.check', { folder: '/etc' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await dispatch(ws, 'update.check', { pick: true })).toMatchObject({ ok: false, code: 'no_dialog' });
  });
});

describe('opora update on the command line', () => {
  async function opora(...argv: string[]) {
    const { runCli } = await import('../../main/cli/index.js');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-12-07T10:00:00Z') });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const saved = process.env.OPORA_RELEASE_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.OPORA_RELEASE_KEY;
    else process.env.OPORA_RELEASE_KEY = saved;
  });

  it('--pack refuses to sign without OPORA_RELEASE_KEY; with it, signs the installers into a package', async () => {
    const d = tempDir('opora-cli-update-');
    const out = buildOutput(join(d, 'release'), '1.1.0');
    delete process.env.OPORA_RELEASE_KEY;
    const refused = await opora('update', '--pack', out, '--to', join(d, 'package'));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/не задан ключ выпуска \(переменная окружения OPORA_RELEASE_KEY\)/);
    expect(existsSync(join(d, 'package'))).toBe(false);

    const key = ed();
    process.env.OPORA_RELEASE_KEY = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const signed = await opora('update', '--pack', out, '--to', join(d, 'package'), '--version', '1.1.0', '--changelog', join(out, 'CHANGELOG.md'));
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(/Пакет обновления 1\.1\.0 подписан/);
    // A test key is not the one built into the app: the packer says schools would refuse it.
    expect(signed.err).toMatch(/не тот, что встроен в программу.*школы такой пакет не примут/);
    const o = await offerFor(join(d, 'package'), { key: key.publicKey, current: '1.0.0', system: astra });
    expect(o.manifest.publishedAt).toBe('2026-12-07');
    expect(o.manifest.installers.map((e) => e.kind).sort()).toEqual(['appimage', 'deb', 'nsis', 'portable', 'rpm']);
  });

  it('--from and the department\'s --pack refuse a package not signed by the release key', async () => {
    const { d, pkg } = await makePackage(ed().privateKey);
    const from = await opora('update', '--from', pkg);
    expect(from.code).toBe(1);
    expect(from.err).toMatch(/Обновление отклонено: Обновление подписано чужим ключом/);
    const copy = await opora('update', '--pack', pkg, '--to', join(d, 'FLASH'));
    expect(copy.code).toBe(1);
    expect(existsSync(join(d, 'FLASH'))).toBe(false);
    expect((await opora('update')).code).toBe(2);
  });
});
