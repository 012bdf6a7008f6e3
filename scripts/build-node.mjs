// Bundles the Node-side entry points to CommonJS in dist/ (Electron main and preload, browser host, CLI).
// better-sqlite3-multiple-ciphers stays external: it is a native module loaded from node_modules at run time.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  main: 'main/shell/main.ts',
  preload: 'preload/index.ts',
  web: 'main/web.ts',
  cli: 'main/cli.ts',
};
await Promise.all(
  Object.entries(entries)
    .filter(([, src]) => existsSync(src))
    .map(([name, src]) =>
      build({
        entryPoints: [src],
        outfile: `dist/${name}.cjs`,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        external: ['electron', 'better-sqlite3-multiple-ciphers'],
        logLevel: 'warning',
      }),
    ),
);
