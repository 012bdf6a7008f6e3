import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolveAppPath, appContentType, serveAppRequest, APP_INDEX_URL } from '../../main/app-protocol.js';
import { tempDir } from '../helpers.js';

const root = resolve('/opt/Opora/resources/app.asar/renderer/dist');

describe('app:// path resolution', () => {
  it('serves the page and its assets from the renderer folder', () => {
    expect(resolveAppPath(APP_INDEX_URL, root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://opora/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://opora/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://opora/assets/%D1%88%D1%80%D0%B8%D1%84%D1%82.woff2', root)).toBe(join(root, 'assets', 'шрифт.woff2'));
    expect(resolveAppPath('app://opora/index.html?x=1#programme', root)).toBe(join(root, 'index.html'));
  });
  it('a section of the one-page app gets the page', () => {
    expect(resolveAppPath('app://opora/risk-group', root)).toBe(join(root, 'index.html'));
  });
  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://opora/../../../etc/passwd', 'app://opora/%2e%2e/%2e%2e/etc/passwd.txt', 'app://opora/assets/..%2f..%2fsecret.js',
      'app://opora/..%5c..%5cwindows%5cwin.ini', 'app://opora/assets\\..\\..\\x.js', 'app://opora/a.js%00.png', 'app://opora/%',
      'app://opora/assets/%E0%A4%A.js', 'app://opora//etc/passwd.js', 'app://opora/C:/Windows/win.ini',
    ]) {
      // Either refused, or a file inside the renderer folder (the URL parser itself folds a plain /../ away).
      const got = resolveAppPath(url, root);
      if (got !== null) expect(got.startsWith(root + '/') || got.startsWith(root + '\\'), `${url} → ${got}`).toBe(true);
    }
    for (const url of ['app://opora/assets/..%2f..%2fsecret.js', 'app://opora/%', 'app://opora/a.js%00.png']) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });
  it('refuses another scheme, host, credentials or port', () => {
    for (const url of ['file:///etc/passwd', 'https://opora/index.html', 'app://evil/index.html', 'app://user:pw@opora/index.html', 'app://opora:8080/index.html', 'не адрес']) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });
  it('names content types', () => {
    expect(appContentType('/x/index.html')).toMatch(/text\/html/);
    expect(appContentType('/x/a.JS')).toMatch(/javascript/);
    expect(appContentType('/x/a.bin')).toBe('application/octet-stream');
  });
});

describe('app:// serves the renderer split by page', () => {
  it('answers a page script fetched later by import(), with the CSP, and 404 for a script that is not there', async () => {
    const dir = tempDir('opora-app-protocol-');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="./assets/index-a1.js"></script>');
    writeFileSync(join(dir, 'assets', 'index-a1.js'), 'import("./DashboardPage-b2.js");');
    writeFileSync(join(dir, 'assets', 'DashboardPage-b2.js'), 'export const DashboardPage = 1;');
    const res = await serveAppRequest('app://opora/assets/DashboardPage-b2.js', dir);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('export const DashboardPage = 1;');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect((await serveAppRequest('app://opora/assets/ReportsPage-c3.js', dir)).status).toBe(404);
    expect((await serveAppRequest('app://opora/assets/..%2f..%2fetc/passwd.js', dir)).status).toBe(404);
  });

  it('the built renderer: the first script is small, each page is its own script, and every script it names is served', async () => {
    const root = resolve('renderer/dist');
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const entry = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    const entryText = readFileSync(join(root, entry), 'utf8');
    // The whole app was one 1.7 MB script before the split: the first one now holds the shell, not the pages.
    expect(entryText.length).toBeLessThan(600_000);
    const named = [...entryText.matchAll(/"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
    for (const page of ['DashboardPage', 'MunicipalityPage', 'ReportsPage', 'RiskGroupPage', 'ExchangePage', 'chartsModule', 'datePickerModule']) {
      expect(named.some((f) => f.startsWith(page + '-')) || readdirSync(join(root, 'assets')).some((f) => f.startsWith(page + '-')), page).toBe(true);
    }
    // The pages, their shared parts and the modules loaded after the first paint (the message container, the dialogs).
    expect(named.length).toBeGreaterThan(5);
    for (const f of new Set(named)) {
      const res = await serveAppRequest(`app://opora/assets/${f}`, root);
      expect(res.status, f).toBe(200);
      expect(res.headers.get('content-type'), f).toMatch(/javascript/);
    }
  });
});
