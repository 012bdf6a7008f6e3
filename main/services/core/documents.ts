/**
 * Documents the app generates (справки, tables) saved where a person finds them — «Документы/Опора» on the
 * desktop — and opened at once with the system's program, or shown in their folder. Only files this
 * process saved there can be opened through the door: a renderer cannot ask the shell to run any path.
 * A browser tab has no shell: there the file is downloaded instead (the renderer sees `path: null`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, basename, join } from 'node:path';
import type { HandlerEnv } from './context.js';
import { AppError } from './errors.js';
import { safeFileName } from '../../../common/file-names.js';

const saved = new Set<string>();

/** Writes `bytes` under a free name in the documents folder; null when this host has none (a browser tab). */
export function saveDocument(env: HandlerEnv, fileName: string, bytes: Uint8Array): string | null {
  if (!env.documentsDir || !env.openPath) return null;
  mkdirSync(env.documentsDir, { recursive: true });
  const ext = extname(fileName);
  const stem = safeFileName(basename(fileName, ext), 'Документ');
  let path = join(env.documentsDir, stem + ext);
  for (let n = 2; existsSync(path); n++) path = join(env.documentsDir, `${stem} (${n})${ext}`);
  writeFileSync(path, bytes);
  saved.add(path);
  return path;
}

/** Opens a saved document with its program, or shows it in its folder. */
export async function openDocument(env: HandlerEnv, path: string, reveal: boolean): Promise<void> {
  if (!env.openPath) throw new AppError('no_shell', 'Открыть файл можно в приложении «Опора»; в браузере он скачивается.');
  if (!saved.has(path)) throw new AppError('not_found', 'Этот файл программа не сохраняла. Сформируйте документ заново.');
  if (!existsSync(path)) throw new AppError('not_found', 'Файла больше нет на месте: возможно, его переместили или удалили. Сформируйте документ заново.');
  const problem = await env.openPath(path, reveal);
  if (problem) throw new AppError('open_failed', `Не удалось открыть файл: на компьютере нет программы для таких файлов или она не запустилась. Файл лежит здесь: ${path}`);
}
