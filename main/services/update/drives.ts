/**
 * Where an update folder may be waiting: the roots of removable drives (Linux: /media/<user>/…,
 * /run/media/<user>/…, /mnt/…; Windows: the drive letters other than C:), searched one level deep for a
 * folder holding the manifest. Only names are read here; the check itself is verify.ts's.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from './manifest.js';

export function driveRoots(platform: string = process.platform, user: string | undefined = process.env.USER ?? process.env.USERNAME): string[] {
  if (platform === 'win32') return 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:\\`).filter((r) => existsSync(r));
  const parents = platform === 'darwin' ? ['/Volumes'] : [...(user ? [`/media/${user}`, `/run/media/${user}`] : []), '/media', '/mnt'];
  const roots: string[] = [];
  for (const p of parents) roots.push(...subfolders(p));
  return [...new Set(roots)];
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => join(dir, d.name));
  } catch {
    return [];
  }
}

const hasManifest = (dir: string) => {
  try {
    return statSync(join(dir, MANIFEST_FILE)).isFile();
  } catch {
    return false;
  }
};

/** Update folders on the given drives: a drive's root itself, or a folder right under it. */
export function findUpdateFolders(roots: string[]): string[] {
  const found: string[] = [];
  for (const root of roots) {
    if (hasManifest(root)) found.push(root);
    for (const sub of subfolders(root)) if (hasManifest(sub)) found.push(sub);
  }
  return found;
}
