/** backup.* and the workspace-file calls: copies of the open file, restoring one, and «Рабочие места». */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineArea } from '../core/area-handlers.js';
import type { HandlerEnv } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { workspaceState } from '../core/workspace-state.js';
import { safeFileName } from '../../../common/file-names.js';
import { backupDirFor, listBackups, makeBackup, vacuumInto } from './backup.js';
import { restoreNamed, restoreUploaded, type RestoreHost } from './restore.js';
import { workspaceName } from './inspect.js';
import { getMeta } from '../core/meta.js';
import { workspaceFiles, openKnownFile, openPickedFile, newWorkspaceFile, openUploadedFile } from './files.js';

/** The restore's view of the workspace: its path is known even when the file does not open. */
function host(env: HandlerEnv): RestoreHost {
  return { ctx: () => env.ctx(), livePath: () => env.dbPath(env.kind), keyStore: env.secretBox, withClosed: (fn) => env.withClosed(fn) };
}

function noDemo(env: HandlerEnv) {
  if (env.kind === 'demo') throw new AppError('demo', 'У демонстрационной школы резервных копий нет: её данные вымышлены и создаются заново.');
}

/** «Опора — Школа № 13 — копия от 01.12.2026 22-30.sqlite»: what a person sees on a flash drive. */
function copyName(env: HandlerEnv): string {
  const { raw } = env.ctx();
  const name = workspaceName(raw, getMeta(raw, 'role') ?? null, getMeta(raw, 'owner_id') ?? null) ?? 'рабочее место';
  const d = env.ctx().now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${safeFileName(`Опора — ${name} — копия от ${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}-${p(d.getMinutes())}`, 'Опора — копия')}.sqlite`;
}

export const backupHandlers = defineArea({
  'backup.list': (env) => {
    const path = env.dbPath(env.kind);
    const folder = backupDirFor(path);
    return { folder, items: env.kind === 'demo' ? [] : listBackups(folder), folderDialog: !!env.pickFolder, demo: env.kind === 'demo' };
  },
  'backup.makeNow': async (env, input) => {
    noDemo(env);
    const ctx = env.ctx();
    if (!input.toFolder) {
      const made = makeBackup(ctx.raw, 'manual', ctx.now());
      if (!made) throw new AppError('busy', 'Копию сейчас сделать нельзя: идёт другая операция. Повторите через минуту.');
      return { path: join(backupDirFor(ctx.raw.name), made.name), size: made.size, cancelled: false };
    }
    if (!env.pickFolder) throw new AppError('no_dialog', 'Выбор папки доступен в приложении «Опора»; в браузере копия скачивается.');
    const folder = await env.pickFolder();
    if (!folder) return { path: '', size: 0, cancelled: true };
    const target = join(folder, copyName(env));
    vacuumInto(env.ctx().raw, target);
    return { path: target, size: readFileSync(target).length, cancelled: false };
  },
  'backup.download': (env) => {
    noDemo(env);
    const ctx = env.ctx();
    const tmp = ctx.raw.name + '.download';
    rmSync(tmp, { force: true });
    vacuumInto(ctx.raw, tmp);
    try {
      return { fileName: copyName(env), mime: 'application/vnd.sqlite3', bytes: readFileSync(tmp) };
    } finally {
      rmSync(tmp, { force: true });
    }
  },
  'backup.restore': async (env, input) => {
    noDemo(env);
    const r = await restoreNamed(host(env), input.name);
    return { state: workspaceState(env), keptName: r.kept?.name ?? null, found: r.found };
  },
  'backup.restoreUpload': async (env, input) => {
    noDemo(env);
    const r = await restoreUploaded(host(env), input.bytes);
    return { state: workspaceState(env), keptName: r.kept?.name ?? null, found: r.found };
  },

  'workspace.files': (env) => workspaceFiles(env),
  'workspace.openFile': async (env, input) => {
    await openKnownFile(env, input.path);
    return workspaceState(env);
  },
  'workspace.pickFile': async (env) => {
    const r = await openPickedFile(env);
    return { cancelled: r.cancelled, state: workspaceState(env) };
  },
  'workspace.newFile': async (env) => {
    await newWorkspaceFile(env);
    return workspaceState(env);
  },
  'workspace.uploadFile': async (env, input) => {
    await openUploadedFile(env, input.fileName, input.bytes);
    return workspaceState(env);
  },
  'workspace.forgetFile': (env, input) => {
    if (input.path === env.dbPath(env.kind)) throw new AppError('active', 'Открытый файл нельзя убрать из списка: сначала откройте другой.');
    env.forgetFile(input.path);
    return workspaceFiles(env);
  },
});
