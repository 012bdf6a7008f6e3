// Layer rule: imports only go downward (renderer → preload/contract → common; shell → handlers → services → db).
// Only the thin shell (main/shell) and the preload entry may import electron.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';

const root = resolve('.');
const roots = ['main', 'preload', 'renderer/src', 'db', 'common'];
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(f)) files.push(p);
  }
};
roots.forEach((r) => walk(r));

/** [file prefix, forbidden import test, why] */
const rules = [
  ['db/', (t) => /^(main|preload|renderer|common)\//.test(t) || t === 'electron', 'db/ imports only its own files'],
  ['common/', (t) => /^(main|preload|renderer|db)\//.test(t) || t === 'electron', 'common/ is pure and imports no layer'],
  ['preload/contract/', (t) => /^(main|renderer)\//.test(t) || t === 'electron', 'the contract is shared and imports no process'],
  ['main/', (t) => /^renderer\//.test(t), 'main never imports the renderer'],
  ['main/services/', (t) => /^main\/(workspace|handlers|shell\/|cli\/|web-host|web|cli)(\.|\/|$)/.test(t), 'services (and their area handlers) get a HandlerEnv; they never import the workspace, the dispatcher, the shell or the CLI'],
  ['renderer/', (t) => /^(main|db)\//.test(t) || t === 'electron' || t.startsWith('node:') || t === 'better-sqlite3', 'the renderer reaches main only through the contract'],
];
const electronAllowed = (f) => f.startsWith('main/shell/') || f === 'preload/index.ts';

const problems = [];
for (const file of files) {
  const rel = relative(root, file).split('\\').join('/');
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).split('\\').join('/') : spec;
    if (target === 'electron' && !electronAllowed(rel)) problems.push(`${rel}: imports electron (only main/shell and preload/index.ts may)`);
    for (const [prefix, bad, why] of rules) {
      if (rel.startsWith(prefix) && bad(target) && !(prefix === 'main/' && rel.startsWith('main/shell/') && target === 'electron')) {
        if (target === 'electron' && electronAllowed(rel)) continue;
        problems.push(`${rel}: imports ${spec} — ${why}`);
      }
    }
  }
}
if (problems.length) {
  console.error('Нарушены правила слоёв:\n' + problems.join('\n'));
  process.exit(1);
}
console.log(`Слои в порядке: проверено файлов — ${files.length}.`);
