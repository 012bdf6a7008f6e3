/**
 * `npm test` (what CI runs) and `npm run test:unit` (the inner loop).
 *
 *   node scripts/test.mjs        the type check and the layer rules beside the whole suite (unit + browser),
 *                                all three at once; fails if any fails, with each one's output in one piece
 *   node scripts/test.mjs unit   the unit tests only, without the slowest (SLOW in tests/slow-files.mjs, which `npm test` runs first):
 *                                no renderer build, no browser — the inner loop, under a minute
 *
 * Extra arguments go to vitest (`npm run test:unit -- tests/unit/rules.test.ts`).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLOW } from '../tests/slow-files.mjs';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const [mode, ...rest] = process.argv.slice(2);
const unit = mode === 'unit';
const vitestArgs = unit
  ? ['run', ...(rest.length ? rest : ['tests/unit', ...SLOW.flatMap((f) => ['--exclude', `tests/unit/${f}.test.ts`])])]
  : ['run', ...(mode ? [mode, ...rest] : [])];
const started = Date.now();

/** Runs a command; its output is passed through live (`live`) or kept and printed in one piece when it ends. */
function run(name, cmd, args, { live = false, env = {} } = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: REPO, env: { ...process.env, ...env }, stdio: live ? 'inherit' : 'pipe', shell: process.platform === 'win32' });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (!live && (code !== 0 || out.trim())) process.stdout.write(`\n── ${name} ──\n${out}`);
      done({ name, code: code ?? 1, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const jobs = unit
  ? [run('vitest', npx, ['vitest', ...vitestArgs], { live: true, env: { OPORA_SKIP_BUILD: '1' } })]
  : [
      run('проверка типов', process.execPath, ['scripts/typecheck.mjs']),
      run('правила слоёв', process.execPath, ['scripts/lint-layers.mjs']),
      run('vitest', npx, ['vitest', ...vitestArgs], { live: true }),
    ];
const results = await Promise.all(jobs);
console.log(`\n${results.map((r) => `${r.name}: ${r.code === 0 ? 'пройдено' : 'ОШИБКА'} (${r.seconds} с)`).join('; ')}; всего ${Math.round((Date.now() - started) / 1000)} с`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
