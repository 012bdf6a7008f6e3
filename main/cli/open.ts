import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkspaceFile, type OpenWorkspace } from './workspace-file.js';
import { CliError } from './types.js';

/** Opens an existing workspace file for a command, and always closes it. */
export async function withWorkspace<T>(db: string, now: () => Date, fn: (w: OpenWorkspace) => T | Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
  const path = resolve(db);
  if (!opts.create && !existsSync(path)) throw new CliError(`Файл базы данных «${db}» не найден. Создайте рабочее место командой opora init.`);
  const w = openWorkspaceFile(path, now);
  try {
    return await fn(w);
  } finally {
    w.close();
  }
}
