// Bundles the Node-side entry points to CommonJS in dist/ (Electron main and preload, browser host, CLI).
// better-sqlite3-multiple-ciphers stays external: it is a native module loaded from node_modules at run time.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = {
  main: 'main/shell/main.ts',
  preload: 'preload/index.ts',
  web: 'main/web.ts',
  cli: 'main/cli.ts',
  // Reads an attached file's text in a worker thread (main/services/privacy/read-whole.ts starts it).
  'file-text-worker': 'main/services/privacy/file-text-worker.ts',
  // Reads the department's next school file ahead while the current one is written (main/services/exchange/preread-pool.ts).
  'preread-worker': 'main/services/exchange/preread-worker.ts',
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
        // import.meta.url in a CommonJS bundle: the bundle's own file (read-whole.ts finds the worker next to it).
        // (Not in the preload: its sandbox has no node:url, and it needs none.)
        ...(name === 'preload' ? {} : {
          define: { 'import.meta.url': '__opora_bundle_url' },
          banner: { js: "var __opora_bundle_url = typeof __filename === 'string' ? require('node:url').pathToFileURL(__filename).href : '';" },
        }),
        logLevel: 'warning',
      }),
    ),
);
