import { defineConfig } from 'vite';

// The renderer is a static bundle loaded from file:// in Electron and from the browser host in tests,
// so paths are relative and nothing is fetched from the network.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The tests build the renderer before the first test: only what needs a look is printed there.
  logLevel: process.env.OPORA_QUIET_BUILD ? 'warn' : 'info',
  build: {
    outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: false,
    // A page's scripts are fetched through the browser's own module loading (all of one level at once), not with
    // a <link> added to the page for each: on an old laptop the 20–35 links of a page cost more than they won.
    // Its stylesheets still go that way (it is how they are loaded at all); index.html keeps its preloads.
    modulePreload: { resolveDependencies: (_file: string, deps: string[], ctx: { hostType: string }) => (ctx.hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css'))) },
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; a desktop bundle has none, so the
      // hundreds of "directive may not be preserved" notices say nothing.
      onLog(level: string, log: { code?: string }, handler: (level: string, log: unknown) => void) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
} as never);
