/**
 * «Обновление программы» in a real Chromium: a package on the flash drive is found and offered with what is
 * new and the one command for Astra; on Windows «Установить» hands the installer to the shell; an altered
 * package is refused in words. The host's workspace is told which computer it is and which key signs
 * releases (a key made here: the real one never leaves the publisher).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { signPackage, copyPackage } from '../../main/services/update/pack.js';
import { launchApp, createSchoolInUi, type AppSession } from './browser.js';

const release = generateKeyPairSync('ed25519');
const ASTRA = 'NAME="Astra Linux"\nID=astra\nID_LIKE=debian\n';

async function signedPackage(): Promise<string> {
  const d = tempDir('opora-e2e-update-');
  const out = join(d, 'release');
  mkdirSync(out);
  for (const n of ['opora-1.1.0-windows-x64-setup.exe', 'opora_1.1.0_amd64.deb', 'opora-1.1.0.x86_64.rpm']) writeFileSync(join(out, n), n.repeat(500));
  await signPackage(out, join(d, 'package'), { key: release.privateKey, version: '1.1.0', publishedAt: '2026-12-07' });
  return join(d, 'package');
}

async function driveWithPackage(): Promise<{ drive: string; folder: string }> {
  const d = tempDir('opora-e2e-update-');
  const out = join(d, 'release');
  mkdirSync(out);
  for (const n of ['opora-1.1.0-windows-x64-setup.exe', 'opora-1.1.0-windows-x64-portable.exe', 'opora_1.1.0_amd64.deb', 'opora-1.1.0.x86_64.rpm', 'opora-1.1.0-x86_64.AppImage']) writeFileSync(join(out, n), n.repeat(500));
  writeFileSync(join(out, 'CHANGELOG.md'), '# Изменения\n\n## 1.1.0 — 7 декабря 2026\n- Обновление программы с флешки: проверка подписи и файлов\n- Пакеты для Astra Linux, ALT Linux и РЕД ОС\n- Отчёт для муниципалитета по новой форме\n\n## 1.0.0\n- Первый выпуск\n');
  await signPackage(out, join(d, 'package'), { key: release.privateKey, version: '1.1.0', publishedAt: '2026-12-07', changelogPath: join(out, 'CHANGELOG.md') });
  const drive = join(d, 'FLASH');
  mkdirSync(drive);
  const { folder } = await copyPackage(join(d, 'package'), drive, release.publicKey);
  return { drive, folder };
}

describe('program update from a flash drive, in the browser', () => {
  let app: AppSession;
  const shots = process.env.SHOTS_DIR;
  const shot = async (name: string) => {
    if (!shots) return;
    for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
      await app.page.setViewportSize({ width: w, height: h });
      await app.page.getByTestId('update').scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: join(shots, `${name}-${w}.png`) });
    }
  };
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Astra: found, what is new shown, the one command to run; Windows: «Установить» hands the installer over; altered: refused', async () => {
    const { page, host } = app;
    await createSchoolInUi(page, 'МБОУ «Средняя школа № 13»', 'Школа № 13');
    const { drive, folder } = await driveWithPackage();
    host.workspace.update = { releaseKey: release.publicKey, currentVersion: '1.0.0', system: { platform: 'linux', arch: 'x64', osRelease: ASTRA }, driveRoots: () => [drive] };
    await page.getByRole('navigation').getByText('Настройки и копии').click();
    const panel = page.getByTestId('update');
    await panel.getByRole('button', { name: 'Найти обновление на флешке' }).click();
    const offer = panel.getByTestId('update-offer');
    await offer.getByText('Доступна версия 1.1.0 от 07.12.2026').waitFor();
    await offer.getByText('Что нового в версии 1.1.0').waitFor();
    await offer.getByText('Пакеты для Astra Linux, ALT Linux и РЕД ОС').waitFor();
    expect(await offer.getByText('Первый выпуск').count()).toBe(0);
    expect(await offer.getByTestId('update-command').textContent()).toBe(`sudo apt install "${join(folder, 'opora_1.1.0_amd64.deb')}"`);
    expect(await offer.textContent()).toMatch(/пакет deb \(Astra Linux, Debian\)/);
    await shot('update-offer-astra');

    const handed: string[] = [];
    host.workspace.update = { ...host.workspace.update, system: { platform: 'win32', arch: 'x64', osRelease: null }, startInstaller: async (p) => { handed.push(p); return null; } };
    await panel.getByRole('button', { name: 'Найти обновление на флешке' }).click();
    await offer.getByRole('button', { name: 'Установить' }).waitFor();
    await shot('update-offer-windows');
    await offer.getByRole('button', { name: 'Установить' }).click();
    await page.getByText(/Установщик запущен/).waitFor();
    expect(handed).toEqual([join(folder, 'opora-1.1.0-windows-x64-setup.exe')]);

    appendFileSync(join(folder, 'opora-1.1.0-windows-x64-setup.exe'), 'изменён');
    await panel.getByRole('button', { name: 'Найти обновление на флешке' }).click();
    const refused = panel.getByTestId('update-refused');
    await refused.getByText('Это обновление устанавливать нельзя').waitFor();
    await refused.getByText(/Файл «opora-1\.1\.0-windows-x64-setup\.exe» изменён после подписи/).waitFor();
    expect(await panel.getByTestId('update-offer').count()).toBe(0);
    await shot('update-refused');
    expect(app.errors).toEqual([]);
  });
});

describe('the department writes an update for schools to a flash drive, in the browser', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('picks the package, then the drive; the checked copy lands in «Опора — обновление 1.1.0»', async () => {
    const { page, host } = app;
    await page.getByRole('button', { name: 'Начать работу управления' }).click();
    await page.getByLabel(/Наименование органа управления образованием/).fill('Управление образования Энского района');
    await page.getByRole('button', { name: 'Создать', exact: true }).click();
    await page.getByRole('banner').getByText('Управление образования Энского района').waitFor();
    const pkg = await signedPackage();
    const flash = tempDir('opora-e2e-flash-');
    // The desktop app's two folder dialogs, answered as a person at the department would.
    const answers = [pkg, flash];
    const asked: string[] = [];
    host.workspace.pickFolder = async (q) => {
      asked.push(q?.title ?? '');
      return answers.shift() ?? null;
    };
    host.workspace.update = { releaseKey: release.publicKey };
    await page.getByRole('navigation').getByText('Настройки и копии').click();
    const panel = page.getByTestId('update');
    await panel.getByRole('button', { name: 'Обновление для школ на флешку…' }).click();
    await page.getByText(/Обновление до версии 1\.1\.0 проверено и записано/).waitFor();
    expect(asked).toEqual(['Папка обновления, полученная от разработчиков', 'Флешка для школ']);
    expect(readdirSync(join(flash, 'Опора — обновление 1.1.0')).sort()).toEqual(['opora-1.1.0-windows-x64-setup.exe', 'opora-1.1.0.x86_64.rpm', 'opora-release.json', 'opora-release.sig', 'opora_1.1.0_amd64.deb']);
    if (process.env.SHOTS_DIR) {
      for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(process.env.SHOTS_DIR, `update-department-${w}.png`) });
      }
    }
    expect(app.errors).toEqual([]);
  });
});
