/**
 * Making and carrying update packages.
 *  - signPackage: the release build's step — the installers electron-builder left in release/ are
 *    copied into a folder with a manifest signed by the release key (OPORA_RELEASE_KEY; never in the repo).
 *  - copyPackage: the department's «Обновление для школ на флешку» — a signed package, checked whole,
 *    copied to the flash drive and checked again there (a drive that lost a byte is caught before a school).
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { sign, type KeyObject } from 'node:crypto';
import { basename, join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { CHANGELOG_FILE, MANIFEST_FILE, SIGNATURE_FILE, UPDATE_FORMAT, manifestFiles, releaseManifest, type InstallerEntry, type ReleaseManifest } from './manifest.js';
import { keyFingerprint } from './release-key.js';
import { sha256File, verifyPackage, UpdateRefusal } from './verify.js';
import { PLATFORM_OF_KIND, type InstallerArch, type InstallerKind } from './platform.js';
import { isVersion } from './version.js';

/** The kind and processor of an electron-builder artifact, read from its name; null for anything else. */
export function classifyInstaller(name: string): { kind: InstallerKind; arch: InstallerArch } | null {
  const lower = name.toLowerCase();
  let kind: InstallerKind | null = null;
  if (lower.endsWith('.exe')) kind = lower.includes('portable') ? 'portable' : lower.includes('uninstall') ? null : 'nsis';
  else if (lower.endsWith('.deb')) kind = 'deb';
  else if (lower.endsWith('.rpm')) kind = 'rpm';
  else if (lower.endsWith('.appimage')) kind = 'appimage';
  if (!kind) return null;
  const arch: InstallerArch = /(arm64|aarch64)/.test(lower) ? 'arm64' : /(ia32|i386|i686)/.test(lower) ? 'ia32' : 'x64';
  return { kind, arch };
}

export interface SignOptions {
  key: KeyObject;
  version: string;
  /** The release day, YYYY-MM-DD. */
  publishedAt: string;
  /** CHANGELOG.md to carry along (what is new), if any. */
  changelogPath?: string | null;
}

/** Signs the installers of `installersDir` into the package folder `outDir`; returns the manifest. */
export async function signPackage(installersDir: string, outDir: string, opts: SignOptions): Promise<ReleaseManifest> {
  if (!isVersion(opts.version)) throw new UpdateRefusal('bad_manifest', `«${opts.version}» — не номер версии (нужен вид 1.2.3).`);
  const found = readdirSync(installersDir)
    .filter((n) => lstatSync(join(installersDir, n)).isFile())
    .map((n) => ({ name: n, c: classifyInstaller(n) }))
    .filter((x): x is { name: string; c: NonNullable<ReturnType<typeof classifyInstaller>> } => x.c !== null);
  if (!found.length) throw new UpdateRefusal('missing_file', `В папке «${installersDir}» нет установщиков (.exe, .deb, .rpm, .AppImage). Сначала соберите их: npm run dist.`);
  mkdirSync(outDir, { recursive: true });
  const installers: InstallerEntry[] = [];
  for (const { name, c } of found) {
    const to = join(outDir, name);
    copyFileSync(join(installersDir, name), to);
    installers.push({ file: name, kind: c.kind, platform: PLATFORM_OF_KIND[c.kind], arch: c.arch, size: lstatSync(to).size, sha256: await sha256File(to) });
  }
  let changelog: ReleaseManifest['changelog'] = null;
  if (opts.changelogPath && existsSync(opts.changelogPath)) {
    const to = join(outDir, CHANGELOG_FILE);
    copyFileSync(opts.changelogPath, to);
    changelog = { file: CHANGELOG_FILE, size: lstatSync(to).size, sha256: await sha256File(to) };
  }
  const manifest = releaseManifest.parse({
    format: UPDATE_FORMAT, product: 'opora', version: opts.version, publishedAt: opts.publishedAt,
    signer: keyFingerprint(createPublicKey(opts.key)), installers, changelog,
  });
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  writeFileSync(join(outDir, MANIFEST_FILE), bytes);
  writeFileSync(join(outDir, SIGNATURE_FILE), sign(null, bytes, opts.key).toString('base64') + '\n');
  return manifest;
}

/** The folder name a package gets on a flash drive: what a person sees there. */
export const packageFolderName = (version: string) => `Опора — обновление ${version}`;

/** Checks the package in `from`, copies it into a folder of its own under `toParent`, checks the copy. */
export async function copyPackage(from: string, toParent: string, key: KeyObject): Promise<{ folder: string; manifest: ReleaseManifest }> {
  const manifest = await verifyPackage(from, key);
  const folder = join(toParent, packageFolderName(manifest.version));
  if (folder === from || join(from) === join(folder)) return { folder, manifest };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  try {
    for (const name of [MANIFEST_FILE, SIGNATURE_FILE, ...manifestFiles(manifest).map((f) => f.file)]) copyFileSync(join(from, name), join(folder, basename(name)));
    await verifyPackage(folder, key);
  } catch (e) {
    rmSync(folder, { recursive: true, force: true });
    if (e instanceof UpdateRefusal) throw new UpdateRefusal(e.code, `Копия на флешке не прошла проверку, она удалена. Проверьте место на флешке и повторите. (${e.message})`);
    // ENOSPC, EROFS, EACCES, a drive pulled out: the department needs to know only that the copy did not happen.
    throw new UpdateRefusal('missing_file', 'Обновление не удалось записать на флешку: на ней не хватает места, она защищена от записи или извлечена. Освободите место и повторите.');
  }
  return { folder, manifest };
}
