/**
 * Benchmark section: how soon the first screen is on an old laptop. Builds the renderer, prints its script
 * sizes, then opens the browser-mode host in Chromium at 1366×768 with the CPU slowed down 4× and times,
 * from the start of navigation, the school's «Главная» and the department's summary of schools being on
 * screen with their data (not a spinner), beside the browser's own first-contentful-paint.
 * `npx tsx scripts/bench-first-paint.ts` runs this section alone. On a shared machine the times swing with its
 * load: BENCH_PAINT_BASELINE=<another build's renderer/dist> times that build too, one opening of each in turn,
 * so the two are compared under the same load.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { startWebHost } from '../main/web-host.js';
import { openWorkspaceFile } from '../main/cli/workspace-file.js';
import { generateDemo } from '../main/services/school/demo.js';
import { generateMunicipalityDemo } from '../main/services/municipality/demo.js';

const RENDERER_DIST = resolve('renderer/dist');
const NOW = () => new Date('2026-11-25T10:00:00');
const RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 5);
const GOAL_MS = 1500;
/**
 * The engine as Electron embeds it: Debian's headless build of Chromium (the same Blink and V8, without the browser's
 * own interface). The full /usr/bin/chromium, headless too, still builds its address bar's pages (dozens of
 * scripts of Chromium's own, in processes of their own) for every new tab, during the opening being timed and on the
 * same two cores; an Electron window has no address bar. CHROMIUM_PATH names another binary (the full one included).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const BENCH_CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Sizes of the built scripts: the one index.html loads, what it preloads beside it, and all of them. */
export function rendererSizes(dist = RENDERER_DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('В renderer/dist/index.html нет скрипта');
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]+href="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const size = (f: string) => { const b = readFileSync(join(dist, f)); return { raw: b.length, gzip: gzipSync(b).length }; };
  const sum = (list: string[]) => list.map(size).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const chunks = files.map((f) => ({ file: f, ...size(f) })).sort((a, b) => b.raw - a.raw);
  return { entry: { file: entry, ...size(entry) }, initial: sum([entry, ...preloaded]), total: sum(files), chunks };
}

interface Target {
  name: string;
  /** Makes the data folder the host opens. */
  prepare(dataDir: string): Promise<void>;
  /** Run in the page before each frame (put there as its source text): truthy once the first screen shows its data. */
  ready: () => number | false;
}

const TARGETS: Target[] = [
  {
    name: 'школа, «Главная»',
    async prepare(dataDir) {
      const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
      generateDemo(w.ctx, { size: 'small', seed: 7 });
      w.close();
    },
    ready: () => {
      const e = document.querySelector('[data-testid="stat-overdue"]');
      return !!e && !!e.textContent?.includes('Просроченные мероприятия') && e.getBoundingClientRect().height > 0 && performance.now();
    },
  },
  {
    name: 'управление образования, сводка по 25 школам',
    async prepare(dataDir) {
      const w = openWorkspaceFile(join(dataDir, 'opora.sqlite'), NOW);
      await generateMunicipalityDemo(w.ctx, { schools: 25, seed: 5 });
      w.close();
    },
    ready: () => {
      const c = document.querySelector('[data-testid="dashboard-count"]');
      return !!c && !!c.textContent?.includes('Показано: 25') && document.querySelectorAll('[data-testid="dashboard-row"]').length === 25 && performance.now();
    },
  },
];

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

const READY_KEY = '__oporaFirstScreen';

/**
 * One opening of the app in a new window of the build's context (a new renderer process, nothing taken from the
 * HTTP cache; the storage the app keeps between starts is the context's, as Electron keeps it): the time its first
 * screen was drawn with its data, and FCP. The check runs in the page from before its first script, put there
 * through the DevTools protocol and read the same way: Playwright's own helper scripts (≈0.2 s of compiling at 4×
 * slow-down, and a forced layout on every frame) are never loaded into the page.
 */
async function timeFirstScreen(context: BrowserContext, url: string, ready: Target['ready']): Promise<{ screen: number; fcp: number }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      // Checked before each frame; once the data is in, the time is taken after that frame's style, layout and
      // paint (a message posted from the frame's callback runs after them): the screen as drawn, not as built.
      source: `(() => { const ready = ${ready.toString()}; const tick = () => { if (!ready()) return requestAnimationFrame(tick); ` +
        `const ch = new MessageChannel(); ch.port1.onmessage = () => { window.${READY_KEY} = performance.now(); }; ch.port2.postMessage(0); }; requestAnimationFrame(tick); })();`,
    });
    await page.goto(url, { waitUntil: 'commit' });
    // performance.now() in the page counts from the navigation's start.
    const read = async (expression: string) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as number | undefined;
    const until = Date.now() + 60_000;
    let screen: number | undefined;
    while (!(screen = await read(`window.${READY_KEY}`))) {
      if (Date.now() > until) throw new Error('Первый экран не показался за 60 с');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The screen may be ready in the frame that paints it first: the paint entry comes a moment after.
    let fcp: number | undefined;
    for (let i = 0; i < 100 && !(fcp = await read(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime`)); i++) await new Promise((r) => setTimeout(r, 50));
    // The page's own late work (the other pages' scripts fetched in idle time) is not the next opening's.
    await new Promise((r) => setTimeout(r, 300));
    return { screen, fcp: fcp ?? -1 };
  } finally {
    await page.close();
  }
}

export async function benchFirstPaint(): Promise<Record<string, number>> {
  if (!process.env.BENCH_SKIP_BUILD) {
    execFileSync('npm', ['run', '-s', 'build:renderer'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production', OPORA_QUIET_BUILD: '1' } });
  }
  const s = rendererSizes();
  console.log(`Скрипты интерфейса: входной ${s.entry.file} — ${kb(s.entry.raw)} КБ (gzip ${kb(s.entry.gzip)} КБ); ` +
    `до первого экрана с предзагрузкой — ${kb(s.initial.raw)} КБ (gzip ${kb(s.initial.gzip)} КБ); ` +
    `всего ${s.chunks.length} файлов — ${kb(s.total.raw)} КБ (gzip ${kb(s.total.gzip)} КБ).`);
  for (const c of s.chunks.slice(0, 12)) console.log(`  ${c.file.padEnd(44)} ${String(kb(c.raw)).padStart(8)} КБ  gzip ${String(kb(c.gzip)).padStart(7)} КБ`);
  if (s.chunks.length > 12) console.log(`  … и ещё ${s.chunks.length - 12} файлов поменьше`);

  const figures: Record<string, number> = {
    rendererEntryKb: kb(s.entry.raw), rendererEntryGzipKb: kb(s.entry.gzip),
    rendererInitialKb: kb(s.initial.raw), rendererInitialGzipKb: kb(s.initial.gzip),
    rendererTotalKb: kb(s.total.raw), rendererTotalGzipKb: kb(s.total.gzip), rendererChunks: s.chunks.length,
  };
  const browser = await chromium.launch({ executablePath: BENCH_CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const baseline = process.env.BENCH_PAINT_BASELINE ? resolve(process.env.BENCH_PAINT_BASELINE) : null;
    const engine = BENCH_CHROMIUM === HEADLESS_SHELL ? 'Chromium без интерфейса браузера (chromium-headless-shell, как окно Electron)' : `Chromium (${BENCH_CHROMIUM})`;
    console.log(`Первый экран в ${engine}, 1366×768, процессор замедлен в 4 раза, медиана ${RUNS} открытий (цель — меньше ${GOAL_MS} мс); ` +
      `загрузка машины ${loadavg()[0]!.toFixed(1)} на ${cpus().length} ядра:`);
    for (const [i, t] of TARGETS.entries()) {
      const dataDir = mkdtempSync(join(tmpdir(), 'opora-bench-paint-'));
      await t.prepare(dataDir);
      const builds = [{ name: 'эта сборка', dir: RENDERER_DIST, dataDir }];
      if (baseline) {
        const copy = mkdtempSync(join(tmpdir(), 'opora-bench-paint-'));
        cpSync(dataDir, copy, { recursive: true });
        builds.push({ name: `сборка ${baseline}`, dir: baseline, dataDir: copy });
      }
      const hosts = await Promise.all(builds.map((b) => startWebHost({ dataDir: b.dataDir, rendererDir: b.dir, now: NOW, quiet: true })));
      try {
        const contexts = await Promise.all(hosts.map(() => browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' })));
        // One opening each first, not timed: the host's files and the workspace are warm, and the context holds what
        // the app keeps between starts (the page it opened first), as on a second start of the app.
        for (const [k, h] of hosts.entries()) await timeFirstScreen(contexts[k]!, h.url, t.ready);
        const runs: { screen: number; fcp: number }[][] = hosts.map(() => []);
        for (let r = 0; r < RUNS; r++) for (const [k, h] of hosts.entries()) runs[k]!.push(await timeFirstScreen(contexts[k]!, h.url, t.ready));
        for (const [k, b] of builds.entries()) {
          const screen = Math.round(median(runs[k]!.map((x) => x.screen))), fcp = Math.round(median(runs[k]!.map((x) => x.fcp)));
          console.log(`  ${t.name}${baseline ? ` (${b.name})` : ''}: экран с данными ${screen} мс (${screen < GOAL_MS ? 'в цели' : 'НЕ в цели'}; ` +
            `открытия: ${runs[k]!.map((x) => Math.round(x.screen)).join(', ')}), first-contentful-paint ${fcp} мс`);
          const key = (i === 0 ? 'School' : 'Municipality') + (k === 0 ? '' : 'Baseline');
          figures[`firstPaint${key}Ms`] = screen;
          figures[`firstContentfulPaint${key}Ms`] = fcp;
        }
        for (const c of contexts) await c.close();
      } finally {
        for (const h of hosts) await h.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchFirstPaint().then((f) => console.log(JSON.stringify(f)), (e) => { console.error('Замер прерван:', e); process.exit(1); });
}
