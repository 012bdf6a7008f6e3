import { defineConfig } from 'vite';

// The renderer is a static bundle loaded from file:// in Electron and from the browser host in tests,
// so paths are relative and nothing is fetched from the network.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: false },
  esbuild: { jsx: 'automatic' },
  oxc: { jsx: { runtime: 'automatic' } },
} as never);
