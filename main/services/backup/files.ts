/**
 * «Рабочие места»: the workspace files this computer knows — the user's own (a school's or a municipality's,
 * there may be several), the demo school — and switching among them. A file is checked before it is opened,
 * so choosing a wrong file leaves the open one as it was.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { keyringOf } from '../../../db/open.js';
import { whichKey } from '../../../db/cipher.js';
import { join } from 'node:path';
import type { HandlerEnv } from '../core/context.js';
import type { WorkspaceFile, WorkspaceFiles } from '../../../preload/contract/backup.js';
import { AppError } from '../core/errors.js';
import { safeFileName } from '../../../common/file-names.js';
import { inspectWorkspaceFile } from './inspect.js';
import { keyringPathFor, type KeyStore } from '../../../db/keyring.js';

export function workspaceFiles(env: HandlerEnv): WorkspaceFiles {
  const activePath = env.dbPath(env.kind);
  const files: WorkspaceFile[] = [];
  for (const path of env.knownFiles()) {
    // The default file before the first run does not exist yet; it is still the place a new workspace goes.
    if (!existsSync(path) && path !== env.dbPath('main')) continue;
    files.push(describe(path, path === activePath, false, env.secretBox));
  }
  const demo = env.dbPath('demo');
  if (existsSync(demo)) files.push(describe(demo, demo === activePath, true, env.secretBox));
  return { files, fileDialog: !!env.pickFile };
}

function describe(path: string, active: boolean, demo: boolean, store?: KeyStore): WorkspaceFile {
  if (!existsSync(path)) return { path, role: 'none', name: null, active, demo, problem: null };
  try {
    const info = inspectWorkspaceFile(path, { integrity: false, store });
    return { path, role: info.role, name: info.name, active, demo, problem: null };
  } catch (e) {
    return { path, role: 'none', name: null, active, demo, problem: e instanceof AppError ? e.message : 'Файл не читается.' };
  }
}

/** Opens a file from the list (a path the renderer names must be one main already knows). */
export async function openKnownFile(env: HandlerEnv, path: string): Promise<void> {
  if (path === env.dbPath('demo')) {
    await env.switchTo('demo');
    return;
  }
  if (!env.knownFiles().includes(path)) throw new AppError('not_found', 'Этого файла нет в списке рабочих мест. Откройте его кнопкой «Открыть файл…».');
  if (existsSync(path)) inspectWorkspaceFile(path, { store: env.secretBox });
  await env.useFile(path);
}

/** Desktop: a file chosen in the system dialog, checked, then opened. */
export async function openPickedFile(env: HandlerEnv): Promise<{ cancelled: boolean }> {
  if (!env.pickFile) throw new AppError('no_dialog', 'Выбор файла доступен в приложении «Опора»; в браузере загрузите копию файла.');
  const path = await env.pickFile();
  if (!path) return { cancelled: true };
  inspectWorkspaceFile(path, { store: env.secretBox });
  await env.useFile(path);
  return { cancelled: false };
}

/** Where new and uploaded workspace files go inside the data folder. */
function workspacesDir(env: HandlerEnv): string {
  const dir = join(env.dataDir, 'workspaces');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function freePath(dir: string, base: string): string {
  for (let n = 1; ; n++) {
    const path = join(dir, `${base}${n > 1 ? ` (${n})` : ''}.sqlite`);
    if (!existsSync(path)) return path;
  }
}

/** A new empty workspace file: the first-run screen then makes it a school's or a municipality's. */
export async function newWorkspaceFile(env: HandlerEnv): Promise<void> {
  await env.useFile(freePath(workspacesDir(env), 'Рабочее место'));
}

/** Browser tab: a copy of a workspace file the user uploads becomes a file of its own, then opens. */
export async function openUploadedFile(env: HandlerEnv, fileName: string, bytes: Uint8Array): Promise<void> {
  const path = freePath(workspacesDir(env), safeFileName(fileName.replace(/\.(sqlite|db)$/i, ''), 'Рабочее место'));
  writeFileSync(path, bytes);
  try {
    // A copy of the open workspace (made on this computer) opens with its keys: the new file takes a copy of its keyring.
    const live = keyringOf(env.ctx().raw)?.keyring;
    if (live && (() => { try { return whichKey(path, live.keys('file')); } catch { return null; } })() && !existsSync(keyringPathFor(path))) copyFileSync(live.path, keyringPathFor(path));
    inspectWorkspaceFile(path, { store: env.secretBox });
  } catch (e) {
    rmSync(path, { force: true });
    rmSync(keyringPathFor(path), { force: true });
    throw e;
  }
  await env.useFile(path);
}
