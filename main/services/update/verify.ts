/**
 * Checking an update folder, in order: the manifest is there and is ours in form; its signature is the
 * release key's; every file it names is there, of its size and SHA-256; then, for this computer, the
 * version is newer than the one running and an installer fits this system. Each refusal says in words what
 * is wrong and what to do; nothing here starts anything.
 */
import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHANGELOG_FILE, MANIFEST_FILE, MANIFEST_MAX_BYTES, SIGNATURE_FILE, manifestFiles, releaseManifest, type InstallerEntry, type ReleaseManifest } from './manifest.js';
import { keyFingerprint } from './release-key.js';
import { compareVersions } from './version.js';
import { KIND_WORDS, installCommand, kindsFor, systemWords, type SystemFacts } from './platform.js';
import { whatsNewSince, type ChangelogSection } from './changelog.js';

export type RefusalCode = 'no_manifest' | 'bad_manifest' | 'foreign_key' | 'bad_signature' | 'missing_file' | 'tampered' | 'older' | 'same' | 'wrong_platform';

export class UpdateRefusal extends Error {
  constructor(readonly code: RefusalCode, message: string) {
    super(message);
  }
}

const DO_NOT_INSTALL = 'Не устанавливайте его: возьмите обновление заново в управлении образованием.';

function readSmall(path: string, max: number): Buffer | null {
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > max) return null;
    return readFileSync(path);
  } catch {
    return null;
  }
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (c) => h.update(c)).on('error', reject).on('end', () => resolve(h.digest('hex')));
  });
}

/** The manifest, if its signature is the given key's; refuses a missing, malformed, foreign or altered one. */
export function readSignedManifest(folder: string, key: KeyObject): { manifest: ReleaseManifest; bytes: Buffer } {
  const bytes = readSmall(join(folder, MANIFEST_FILE), MANIFEST_MAX_BYTES);
  if (!bytes) throw new UpdateRefusal('no_manifest', `В папке нет описания обновления (${MANIFEST_FILE}): это не папка обновления «Опоры» или она скопирована не целиком.`);
  let manifest: ReleaseManifest;
  try {
    manifest = releaseManifest.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    throw new UpdateRefusal('bad_manifest', `Описание обновления (${MANIFEST_FILE}) повреждено или составлено не «Опорой». ${DO_NOT_INSTALL}`);
  }
  if (manifest.signer !== keyFingerprint(key)) {
    throw new UpdateRefusal('foreign_key', `Обновление подписано чужим ключом, а не ключом выпуска «Опоры». ${DO_NOT_INSTALL}`);
  }
  const sig = readSmall(join(folder, SIGNATURE_FILE), 1024);
  const signature = sig ? Buffer.from(sig.toString('ascii').trim(), 'base64') : null;
  if (!signature || signature.length !== 64 || !verifySignature(null, bytes, key, signature)) {
    throw new UpdateRefusal('bad_signature', `Подпись обновления не сходится: описание обновления изменено после подписи или подпись чужая. ${DO_NOT_INSTALL}`);
  }
  return { manifest, bytes };
}

/** Each file the manifest names is present, a plain file, of its size and hash. */
export async function checkFiles(folder: string, manifest: ReleaseManifest): Promise<void> {
  for (const f of manifestFiles(manifest)) {
    const path = join(folder, f.file);
    let size: number;
    try {
      const st = lstatSync(path);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      throw new UpdateRefusal('missing_file', `В папке обновления нет файла «${f.file}», указанного в описании: копия неполная. Скопируйте папку обновления заново целиком.`);
    }
    if (size !== f.size || (await sha256File(path)) !== f.sha256) {
      throw new UpdateRefusal('tampered', `Файл «${f.file}» изменён после подписи: его контрольная сумма не совпадает с описанием. ${DO_NOT_INSTALL}`);
    }
  }
}

/** A signed package whose files are all intact: what the department may copy to a flash drive. */
export async function verifyPackage(folder: string, key: KeyObject): Promise<ReleaseManifest> {
  const { manifest } = readSignedManifest(folder, key);
  await checkFiles(folder, manifest);
  return manifest;
}

export interface UpdateOffer {
  manifest: ReleaseManifest;
  installer: InstallerEntry;
  /** Absolute path of the installer for this system. */
  installerPath: string;
  /** The command to run (deb, rpm, AppImage); null when the app starts the installer itself (Windows). */
  command: string | null;
  /** Sections of CHANGELOG.md newer than the running version, newest first. */
  whatsNew: ChangelogSection[];
}

export interface ThisComputer {
  key: KeyObject;
  current: string;
  system: SystemFacts;
}

/** The installer in `folder` that updates this computer — or a refusal in words. A downgrade is never offered. */
export async function offerFor(folder: string, here: ThisComputer): Promise<UpdateOffer> {
  const { manifest } = readSignedManifest(folder, here.key);
  const order = compareVersions(manifest.version, here.current);
  if (order < 0) {
    throw new UpdateRefusal('older', `Это обновление до версии ${manifest.version}, а на компьютере уже версия ${here.current}. Возврат к прежней версии не предлагается: данные новой версии старая может не прочитать.`);
  }
  if (order === 0) throw new UpdateRefusal('same', `Версия ${manifest.version} уже установлена: обновлять нечего.`);
  const kinds = kindsFor(here.system);
  const fits = (e: InstallerEntry) => e.platform === here.system.platform && e.arch === here.system.arch;
  const installer = kinds.map((k) => manifest.installers.find((e) => e.kind === k && fits(e))).find((e) => e !== undefined);
  if (!installer) {
    const has = [...new Set(manifest.installers.map((e) => `${KIND_WORDS[e.kind]} (${systemWords(e)})`))].join('; ');
    throw new UpdateRefusal('wrong_platform', `В пакете нет установщика для этого компьютера (${systemWords(here.system)}). В нём есть: ${has}. Попросите в управлении образованием пакет для вашей системы.`);
  }
  await checkFiles(folder, manifest);
  // Absolute: apt and dnf take an argument as a local file only when it reads as a path.
  const installerPath = join(resolve(folder), installer.file);
  const changelog = manifest.changelog ? readSmall(join(folder, CHANGELOG_FILE), manifest.changelog.size)?.toString('utf8') ?? '' : '';
  return { manifest, installer, installerPath, command: installCommand(installer.kind, installerPath, here.system), whatsNew: whatsNewSince(changelog, here.current, manifest.version) };
}
