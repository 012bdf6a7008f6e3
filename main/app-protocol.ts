/**
 * The packaged renderer is served from app://opora/… instead of file://: a page on file:// may read any file
 * the user can (and with the GrantFileProtocolExtraPrivileges fuse off it could not even load its scripts).
 * This is the pure half — which file a request may get — kept out of the shell (no electron import) so the
 * rule against traversal is unit-tested; main/shell/main.ts registers the scheme and serves the file.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { CSP } from './csp.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'opora';
/** The address the window loads, and the only page allowed to call main over IPC. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.json': 'application/json', '.ico': 'image/x-icon',
};

/**
 * The file under `root` that `url` names, or null: another scheme or host, a malformed escape, an encoded
 * separator or NUL, or any path that would leave `root` (.., absolute, drive letters) is refused. A path
 * without an extension is a section of the one-page app and gets index.html.
 */
export function resolveAppPath(url: string, root: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  // %2F, %5C and %00 would turn into separators or a NUL after decoding: never a real asset name.
  if (/%(2f|5c|00)/i.test(u.pathname) || u.pathname.includes('\\')) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || /(^|\/)\.\.(\/|$)/.test(path)) return null;
  if (path === '/' || !extname(path)) path = '/index.html';
  const base = resolve(root);
  const file = normalize(resolve(base, '.' + path));
  const rel = relative(base, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

export function appContentType(file: string): string {
  return APP_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The answer to one app:// request: the page, its entry script, or a page's script fetched later by import()
 * (the renderer is split by page), each with the CSP; anything else is 404.
 */
export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const file = resolveAppPath(url, root);
  if (!file) return new Response('Не найдено', { status: 404 });
  try {
    const data = await readFile(file);
    return new Response(data, { headers: { 'Content-Type': appContentType(file), 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' } });
  } catch {
    return new Response('Не найдено', { status: 404 });
  }
}
