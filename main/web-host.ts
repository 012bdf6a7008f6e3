/**
 * Browser mode: the built renderer and the same handler map, served on 127.0.0.1 with a random token.
 * Used by the browser tests and for demos on machines where Electron cannot run. Plain Node.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Workspace } from './workspace.js';
import { dispatch } from './handlers.js';
import { CSP } from './csp.js';
import { LIMITS as CALL_LIMITS, BUNDLE_MAX_BYTES } from '../preload/contract/bytes.js';

export interface WebHost {
  url: string;
  token: string;
  workspace: Workspace;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};
/** The largest call is an exchange file as base64 (4/3 of its bytes) in a JSON body: the same limit as the door's. */
const MAX_BODY = Math.ceil((Math.max(...Object.values(CALL_LIMITS).map((l) => l.maxBytes)) * 4) / 3) + 1024 * 1024;
const BAD_REQUEST = JSON.stringify({ ok: false, code: 'bad_request', message: 'Повреждённый запрос.' });

/** The body of a call: an object, or null when it is not JSON or not an object (null, an array, a number). */
export function parseCallBody(text: string): { name?: unknown; input?: unknown } | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { name?: unknown; input?: unknown }) : null;
}

/** A path decoded, or null when its %-escapes are malformed ("/%"): the caller answers 400, not 500. */
export function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function startWebHost(opts: { dataDir: string; rendererDir: string; port?: number; now?: () => Date; quiet?: boolean }): Promise<WebHost> {
  const token = randomBytes(24).toString('hex');
  const workspace = new Workspace(opts.dataDir, opts.now);
  const root = normalize(opts.rendererDir);
  let origin = '';

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    res.end(body);
  };

  const tokenOk = (req: IncomingMessage) => {
    const got = Buffer.from(String(req.headers['x-opora-token'] ?? ''));
    const want = Buffer.from(token);
    return got.length === want.length && timingSafeEqual(got, want);
  };

  const server = createServer(async (req, res) => {
    try {
      // Refuse other Host names so a web page elsewhere cannot reach us by DNS rebinding.
      if (req.headers.host !== origin.replace('http://', '')) return send(res, 421, 'Неверный адрес');
      let url: URL;
      try {
        url = new URL(req.url ?? '/', origin);
      } catch {
        return send(res, 400, 'Неверный запрос');
      }
      if (url.pathname === '/api/call') {
        if (req.method !== 'POST') return send(res, 405, 'Метод не поддерживается');
        if (!tokenOk(req)) return send(res, 403, 'Нет доступа');
        // Only our own page may call: a browser always sends Origin with a POST, and another site's page
        // (or a file:// page, Origin "null") cannot forge it. The token alone would leak through a copied link.
        if (req.headers.origin !== origin) return send(res, 403, 'Нет доступа: запрос не со страницы приложения');
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const c of req) {
          size += (c as Buffer).length;
          if (size > MAX_BODY) return send(res, 413, JSON.stringify({ ok: false, code: 'too_large', message: `Слишком большой файл: больше ${Math.floor(BUNDLE_MAX_BYTES / 1024 / 1024)} МБ.` }), 'application/json');
          chunks.push(c as Buffer);
        }
        const body = parseCallBody(Buffer.concat(chunks).toString('utf8'));
        if (!body) return send(res, 400, BAD_REQUEST, 'application/json');
        const result = await dispatch(workspace, String(body.name ?? ''), body.input);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (req.method !== 'GET') return send(res, 405, 'Метод не поддерживается');
      if (url.pathname === '/favicon.ico') return send(res, 204, '');
      let path = decodePath(url.pathname);
      if (path === null) return send(res, 400, 'Неверный запрос: повреждённый адрес');
      if (path === '/' || !extname(path)) path = '/index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) return send(res, 404, 'Не найдено');
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        return send(res, 404, 'Не найдено');
      }
      if (path === '/index.html') {
        data = Buffer.from(data.toString('utf8').replace('</head>', `<meta name="opora-token" content="${token}"></head>`));
      }
      return send(res, 200, data, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      if (!opts.quiet) console.error(e);
      if (!res.headersSent) send(res, 500, 'Внутренняя ошибка');
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + '/',
    token,
    workspace,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await workspace.close();
    },
  };
}
