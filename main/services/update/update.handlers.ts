/** update.*: a package on a flash drive checked for this computer, its installer started; the department's copy for schools. */
import type { KeyObject } from 'node:crypto';
import { defineArea } from '../core/area-handlers.js';
import type { HandlerEnv } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { UpdateCheck } from '../../../preload/contract/update.js';
import { releasePublicKey } from './release-key.js';
import { compareVersions, currentVersion } from './version.js';
import { thisSystem } from './platform.js';
import { driveRoots, findUpdateFolders } from './drives.js';
import { offerFor, UpdateRefusal, type ThisComputer, type UpdateOffer } from './verify.js';
import { KIND_WORDS } from './platform.js';
import { copyPackage } from './pack.js';

/** The folder each workspace was last offered an update from: `update.start` takes no path from the page. */
const offered = new WeakMap<HandlerEnv, string>();

function here(env: HandlerEnv): ThisComputer {
  const u = env.update ?? {};
  return { key: u.releaseKey ?? releasePublicKey(), current: u.currentVersion ?? currentVersion(), system: u.system ?? thisSystem() };
}

const key = (env: HandlerEnv): KeyObject => env.update?.releaseKey ?? releasePublicKey();

function view(env: HandlerEnv, folder: string, o: UpdateOffer) {
  return {
    folder, version: o.manifest.version, publishedAt: o.manifest.publishedAt, installerFile: o.installer.file,
    installerWords: KIND_WORDS[o.installer.kind], command: o.command, canStart: o.command === null && !!env.update?.startInstaller,
    whatsNew: o.whatsNew,
  };
}

async function check(env: HandlerEnv, folders: string[]): Promise<UpdateCheck> {
  const computer = here(env);
  const base = { currentVersion: computer.current, folderDialog: !!env.pickFolder, startsInstaller: !!env.update?.startInstaller };
  // Several packages on a drive: the newest that fits is offered; otherwise the first refusal says why.
  let refused: { folder: string; message: string } | null = null;
  let best: { folder: string; offer: UpdateOffer } | null = null;
  for (const folder of folders) {
    try {
      const offer = await offerFor(folder, computer);
      if (!best || compareVersions(offer.manifest.version, best.offer.manifest.version) > 0) best = { folder, offer };
    } catch (e) {
      if (!(e instanceof UpdateRefusal)) throw e;
      refused ??= { folder, message: e.message };
    }
  }
  if (best) {
    offered.set(env, best.folder);
    return { ...base, status: 'offer', offer: view(env, best.folder, best.offer), refusal: null, folder: best.folder };
  }
  offered.delete(env);
  if (refused) return { ...base, status: 'refused', offer: null, refusal: refused.message, folder: refused.folder };
  return { ...base, status: 'none', offer: null, refusal: null, folder: null };
}

export const updateHandlers = defineArea({
  'update.status': (env) => ({ currentVersion: here(env).current, folderDialog: !!env.pickFolder, startsInstaller: !!env.update?.startInstaller }),
  'update.check': async (env, input) => {
    if (!input.pick) return check(env, findUpdateFolders((env.update?.driveRoots ?? driveRoots)()));
    if (!env.pickFolder) throw new AppError('no_dialog', 'Папку обновления можно выбрать в приложении «Опора»; в браузере вставьте флешку и нажмите «Найти обновление».');
    const folder = await env.pickFolder({ title: 'Папка обновления «Опоры» (на флешке)', buttonLabel: 'Проверить эту папку' });
    if (!folder) return { status: 'cancelled', currentVersion: here(env).current, offer: null, refusal: null, folder: null, folderDialog: true, startsInstaller: !!env.update?.startInstaller };
    return check(env, [folder]);
  },
  'update.start': async (env, input) => {
    const folder = offered.get(env);
    if (!folder) throw new AppError('no_update', 'Сначала найдите обновление: нажмите «Найти обновление».');
    let offer: UpdateOffer;
    try {
      // Checked again: the drive may have been swapped or the file changed since the person read the offer.
      offer = await offerFor(folder, here(env));
    } catch (e) {
      offered.delete(env);
      if (e instanceof UpdateRefusal) throw new AppError(e.code, e.message);
      throw e;
    }
    if (offer.manifest.version !== input.version) throw new AppError('changed', 'Обновление на флешке сменилось, пока вы читали. Нажмите «Найти обновление» ещё раз.');
    if (offer.command) return { started: false, command: offer.command, message: 'Выполните эту команду в терминале; после установки запустите «Опору» снова.' };
    if (!env.update?.startInstaller) return { started: false, command: null, message: `Запустите файл «${offer.installer.file}» из папки обновления двойным щелчком.` };
    const problem = await env.update.startInstaller(offer.installerPath);
    if (problem) throw new AppError('not_started', `Установщик не запустился: ${problem}. Запустите файл «${offer.installer.file}» из папки обновления вручную.`);
    return { started: true, command: null, message: 'Установщик запущен. «Опора» закроется, чтобы он мог заменить файлы программы; данные останутся на месте.' };
  },
  'update.copyForSchools': async (env) => {
    if (!env.pickFolder) throw new AppError('no_dialog', 'Обновление на флешку записывается в приложении «Опора».');
    const from = await env.pickFolder({ title: 'Папка обновления, полученная от разработчиков', buttonLabel: 'Взять обновление отсюда' });
    if (!from) return { cancelled: true, folder: null, version: null, files: 0 };
    const to = await env.pickFolder({ title: 'Флешка для школ', buttonLabel: 'Записать сюда' });
    if (!to) return { cancelled: true, folder: null, version: null, files: 0 };
    try {
      const r = await copyPackage(from, to, key(env));
      return { cancelled: false, folder: r.folder, version: r.manifest.version, files: r.manifest.installers.length };
    } catch (e) {
      if (e instanceof UpdateRefusal) throw new AppError(e.code, e.message);
      throw e;
    }
  },
});
