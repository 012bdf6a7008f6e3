/** The `opora` command line: the same services as the app, in plain Node. Commands live in main/cli/commands/. */
import { runCli } from './cli/index.js';

runCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  now: () => new Date(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`Внутренняя ошибка программы: ${(e as Error)?.message ?? e}\n`);
    process.exitCode = 1;
  },
);
