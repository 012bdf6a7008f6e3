/**
 * `npm run lint`: the layer rules of `.dependency-cruiser.cjs` over the app's code. Prints one line per
 * violation — the file, what it imports, the rule in words — and exits 1 if there is any.
 *
 * The API rather than the `depcruise` command, so tests/unit/layer-rules.test.ts runs the very same config
 * and check over a fixture tree (types: lint-layers.d.mts). Plain JavaScript run by node, not tsx: tsx keeps a
 * cache in the system temp folder, and `npm test` leaves that folder as it found it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
export const CONFIG_FILE = join(REPO, '.dependency-cruiser.cjs');
const TS_CONFIG_FILE = join(REPO, 'tsconfig.json');
export const LAYER_DIRS = ['main', 'preload', 'renderer/src', 'db', 'common'];

/**
 * Cruises the layer folders under `root` (the repository, or a fixture tree laid out like it).
 * @returns {Promise<import('./lint-layers.d.mts').LayerCheck>}
 */
export async function checkLayers(root = REPO) {
  const options = await extractDepcruiseOptions(CONFIG_FILE);
  // The paths in the rules are relative to the tree under test, and the tsconfig is always the repository's.
  options.baseDir = root;
  options.tsConfig = { fileName: TS_CONFIG_FILE };
  const dirs = LAYER_DIRS.filter((d) => existsSync(join(root, d)));
  const { output } = await cruise(dirs, { ...options, outputType: 'json' }, {}, { tsConfig: extractTSConfig(TS_CONFIG_FILE) });
  const result = typeof output === 'string' ? JSON.parse(output) : output;
  const why = new Map((result.summary.ruleSetUsed?.forbidden ?? []).map((r) => [r.name ?? '', r.comment ?? r.name ?? '']));
  return {
    modules: result.modules.filter((m) => !m.coreModule && !m.source.includes('node_modules/')).length,
    violations: result.summary.violations.map((v) => ({
      from: v.from,
      to: v.cycle?.length ? v.cycle.map((c) => c.name).join(' → ') : v.to,
      rule: v.rule.name,
      why: why.get(v.rule.name) ?? v.rule.name,
    })),
  };
}

/** @param {import('./lint-layers.d.mts').LayerViolation} v */
export const formatViolation = (v) => `${v.from} → ${v.to}: ${v.why} [${v.rule}]`;

async function main() {
  const started = Date.now();
  const { violations, modules } = await checkLayers();
  if (violations.length) {
    console.error(`Нарушены правила слоёв (${violations.length}):\n${violations.map(formatViolation).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Слои в порядке: модулей — ${modules}, ${((Date.now() - started) / 1000).toFixed(1)} с.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
