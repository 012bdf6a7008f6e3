import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { resolveAppPath, appContentType, APP_INDEX_URL } from '../../main/app-protocol.js';

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
