/** The browser host refuses malformed requests with 400 (never a 500 with a stack) and calls from other origins. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startWebHost, type WebHost } from '../../main/web-host.js';
import { tempDir } from '../helpers.js';

let host: WebHost;

/** A raw request: fetch() would normalise the path and forbid the Origin header. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  const u = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (body: string, headers: Record<string, string> = {}) =>
  raw('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Opora-Token': host.token, Origin: host.url.replace(/\/$/, ''), ...headers }, body });

beforeAll(async () => {
  const renderer = tempDir('opora-renderer-');
  writeFileSync(join(renderer, 'index.html'), '<html><head></head><body>Опора</body></html>');
  host = await startWebHost({ dataDir: tempDir(), rendererDir: renderer, quiet: true });
});
afterAll(() => host.close());

describe('browser host: malformed requests', () => {
  it('a malformed path (/%) is a 400 in Russian, not a 500', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const r = await raw(p);
      expect(r.status, p).toBe(400);
      expect(r.body).toMatch(/запрос/i);
      expect(r.body).not.toMatch(/at |Error/);
    }
  });
  it('a null, array or scalar body is a 400', async () => {
    for (const b of ['null', '[]', '7', '"x"', 'true']) {
      const r = await api(b);
      expect(r.status, b).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'bad_request' });
    }
  });
  it('a well-formed call still works', async () => {
    const r = await api(JSON.stringify({ name: 'workspace.state', input: {} }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).ok).toBe(true);
  });
});

describe('browser host: Origin of /api/call', () => {
  it('a call from another origin is refused even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:1', 'http://localhost' + new URL(host.url).port]) {
      const r = await api(JSON.stringify({ name: 'workspace.state', input: {} }), { Origin: origin });
      expect(r.status, origin).toBe(403);
    }
  });
  it('a call with no Origin at all is refused', async () => {
    const r = await raw('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Opora-Token': host.token }, body: '{"name":"workspace.state","input":{}}' });
    expect(r.status).toBe(403);
  });
});
