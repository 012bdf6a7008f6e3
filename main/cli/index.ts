/**
 * The `opora` command line: the same services as the app, in plain Node. Each command is a module in
 * ./commands registered here; `opora --help` lists them and `opora <command> --help` explains one.
 */
import { parseArgs } from 'node:util';
import { knownError } from '../services/core/db-errors.js';
import { CliError, EXIT, type CliCommand, type CliIO } from './types.js';
import { initCommand } from './commands/init.js';
import { enrollCommand } from './commands/enroll.js';
import { demoCommand } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { verifyCommand } from './commands/verify.js';
import { quarantineCommand } from './commands/quarantine.js';
import { historyCommand } from './commands/history.js';
import { reportCommand } from './commands/report.js';
import { updateCommand } from './commands/update.js';
import { importProgrammeCommand, importListCommand } from './commands/onboarding.js';

const commands = new Map<string, CliCommand>();

/** Adds a command; a second command with the same name is a programming error. */
export function registerCommand(c: CliCommand) {
  if (commands.has(c.name)) throw new Error(`duplicate command ${c.name}`);
  commands.set(c.name, c);
}

[initCommand, enrollCommand, demoCommand, exportCommand, importCommand, verifyCommand, quarantineCommand, historyCommand].forEach(registerCommand);
registerCommand(reportCommand);
registerCommand(updateCommand);
registerCommand(importProgrammeCommand);
registerCommand(importListCommand);

export function mainHelp(): string {
  const width = Math.max(...[...commands.keys()].map((k) => k.length));
  return [
    'Опора — обмен данными школ и муниципалитета из командной строки.',
    '',
    'Использование: opora <команда> [параметры]',
    '',
    'Команды:',
    ...[...commands.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Справка по команде: opora <команда> --help',
    'Коды завершения: 0 — успешно; 1 — ошибка; 2 — неверные параметры; 3 — не все файлы приняты (import).',
  ].join('\n');
}

function translateParseError(e: Error): string {
  const m = /Unknown option '([^']+)'/.exec(e.message);
  if (m) return `Неизвестный параметр ${m[1]}.`;
  const v = /Option '([^']+)'.*argument missing/.exec(e.message);
  if (v) return `Для параметра ${v[1]} не указано значение.`;
  const p = /Unexpected argument '([^']+)'/.exec(e.message);
  if (p) return `Лишний аргумент «${p[1]}».`;
  return 'Неверные параметры команды.';
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = commands.get(name);
  if (!cmd) {
    io.err(`Неизвестная команда «${name}». Список команд: opora --help`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.help);
    return EXIT.ok;
  }
  let args;
  try {
    args = parseArgs({ args: rest, options: cmd.options, allowPositionals: !!cmd.positionals, strict: true });
  } catch (e) {
    io.err(`${translateParseError(e as Error)} Справка: opora ${name} --help`);
    return EXIT.usage;
  }
  try {
    return await cmd.run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    // The same typed errors as the app's (ours, the file's, SQLite's by result code), in Russian.
    const known = knownError(e);
    if (known) {
      io.err(known.message);
      return EXIT.error;
    }
    io.err(`Внутренняя ошибка программы: ${(e as Error)?.message ?? e}`);
    return EXIT.error;
  }
}
