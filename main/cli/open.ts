import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openWorkspaceFile, type OpenWorkspace } from './workspace-file.js';
import { CliError } from './types.js';
import { AppError } from '../services/core/errors.js';
import { vaultStatus, unlock } from '../services/privacy/vault.js';
import { Keyring } from '../../db/keyring.js';
import { knownError } from '../services/core/db-errors.js';

/** Reads a password from the terminal without echoing it. */
function askPassword(prompt: string): Promise<string> {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const w = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    w._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    });
  });
}

const LOCKED = 'Рабочее место защищено паролем: задайте его в переменной окружения OPORA_PASSWORD или введите, когда программа спросит (в терминале).';

/**
 * A file with a workspace password opens locked: the password comes from OPORA_PASSWORD, or is asked for in
 * a terminal. Commands that never read personal data run locked all the same; those that do are refused.
 */
async function unlockIfNeeded(w: OpenWorkspace): Promise<void> {
  const s = vaultStatus(w.ctx.raw);
  if (!s.locked || s.lost) return;
  const given = process.env.OPORA_PASSWORD ?? (process.stdin.isTTY ? await askPassword('Пароль рабочего места: ') : undefined);
  if (given === undefined) return;
  try {
    unlock(w.ctx.raw, given);
  } catch (e) {
    if (e instanceof AppError && e.code === 'wrong_password') throw new CliError(process.env.OPORA_PASSWORD !== undefined ? 'Неверный пароль в OPORA_PASSWORD.' : 'Неверный пароль.');
    throw e;
  }
}

/** The password, when the file opens only with it (its keyring has a password and no key the device opens). */
async function passwordFirst(path: string): Promise<string | undefined> {
  let ring: Keyring | null = null;
  try { ring = Keyring.existing(path); } catch { return undefined; }
  if (!ring?.hasPassword() || ring.hasFileKey()) return undefined;
  return process.env.OPORA_PASSWORD ?? (process.stdin.isTTY ? await askPassword('Пароль рабочего места: ') : undefined);
}

/** Opens an existing workspace file for a command, and always closes it. */
export async function withWorkspace<T>(db: string, now: () => Date, fn: (w: OpenWorkspace) => T | Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
  const path = resolve(db);
  if (!opts.create && !existsSync(path)) throw new CliError(`Файл базы данных «${db}» не найден. Создайте рабочее место командой opora init.`);
  let w: OpenWorkspace;
  try {
    w = openWorkspaceFile(path, now, { password: await passwordFirst(path) });
  } catch (e) {
    const known = knownError(e);
    if (known?.code === 'locked') throw new CliError(LOCKED);
    if (known?.code === 'wrong_password') throw new CliError(process.env.OPORA_PASSWORD !== undefined ? 'Неверный пароль в OPORA_PASSWORD.' : 'Неверный пароль.');
    throw known ?? e;
  }
  try {
    await unlockIfNeeded(w);
    return await fn(w);
  } catch (e) {
    if (e instanceof AppError && e.code === 'locked') throw new CliError(LOCKED);
    throw e;
  } finally {
    w.close();
  }
}
