import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { HandlerMap } from '../../../shared/ipc/contract';
import { startWebServer, tokensEqual, startupLine, type RunningWebServer } from '../../../electron/web/server';

const TOKEN = 'a'.repeat(64);

function handlers(): HandlerMap {
  return {
    'app:get-info': vi.fn(() => Promise.resolve({ name: 'Quartier', version: '1', mode: 'web' as const, platform: 'linux', installationId: 'inst-12345' })),
    'settings:get-share-root': vi.fn(() => Promise.resolve({ root: '/s' })),
    'settings:set-share-root': vi.fn(() => Promise.resolve({ root: '/s', state: 'online' as const })),
    'share:get-status': vi.fn(() => Promise.resolve({ root: '/s', state: 'online' as const })),
    'share:list-files': vi.fn(() => Promise.resolve({ status: { root: '/s', state: 'online' as const }, entries: [] })),
    'share:read-file': vi.fn(() => Promise.resolve({ data: '' })),
    'share:write-file': vi.fn(() => Promise.resolve({ written: true as const })),
    'share:delete-file': vi.fn(() => Promise.resolve({ deleted: true })),
    'secrets:get-status': vi.fn(() => Promise.resolve({ backend: 'none' as const })),
    'secrets:store-secret': vi.fn(() => Promise.resolve({ stored: true as const })),
    'secrets:load-secret': vi.fn(() => Promise.resolve({ value: null })),
    'secrets:delete-secret': vi.fn(() => Promise.resolve({ deleted: false })),
    'system:get-disk-encryption': vi.fn(() => Promise.resolve({ state: 'unknown' as const })),
    'files:save-as': vi.fn(() => Promise.resolve({ saved: false })),
    'files:print-pdf': vi.fn(() => Promise.resolve({ printed: false })),
  };
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw http.request so we can send any Host header and unencoded paths. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (port: number, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  request(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', 'X-Quartier-Token': TOKEN, ...headers },
    body: JSON.stringify(body),
  });

describe('web-mode server', () => {
  let base: string;
  let rendererDir: string;
  let server: RunningWebServer;
  let map: HandlerMap;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'quartier-web-'));
    rendererDir = path.join(base, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Quartier</title>');
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'geheim');
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const start = async () => {
    map = handlers();
    server = await startWebServer({ port: 0, rendererDir, handlers: map, token: TOKEN, maxBodyBytes: 1024 });
  };

  afterEach(async () => {
    await server.close();
  });

  it('serves a valid API call with the token', async () => {
    await start();
    const reply = await api(server.port, 'app:get-info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: expect.objectContaining({ name: 'Quartier', installationId: 'inst-12345' }) });
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it.each<[string, Record<string, string>]>([
    ['missing token', { 'X-Quartier-Token': '' }],
    ['wrong token', { 'X-Quartier-Token': 'b'.repeat(64) }],
    ['token prefix', { 'X-Quartier-Token': TOKEN.slice(0, 63) }],
  ])('answers 401 for %s and never calls the handler', async (_name, headers) => {
    await start();
    const reply = await api(server.port, 'share:write-file', { path: 'a.json', data: '' }, headers);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body).error.message).toMatch(/Sitzungsschlüssel/);
    expect(map['share:write-file']).not.toHaveBeenCalled();
  });

  it.each(['evil.example', 'evil.example:4780', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example'])(
    'answers 403 for Host "%s" (DNS rebinding) and never calls the handler',
    async (host) => {
      await start();
      const reply = await api(server.port, 'share:delete-file', { path: 'a.json' }, { Host: host.replace('4780', String(server.port + 1)) });
      expect(reply.status).toBe(403);
      expect(map['share:delete-file']).not.toHaveBeenCalled();
    },
  );

  it('answers 403 when the Host header is missing (raw HTTP/1.0)', async () => {
    await start();
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => {
        socket.end(`POST /api/share:delete-file HTTP/1.0\r\nContent-Type: application/json\r\nX-Quartier-Token: ${TOKEN}\r\nContent-Length: 17\r\n\r\n{"path":"a.json"}`);
      });
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 403/);
    expect(map['share:delete-file']).not.toHaveBeenCalled();
  });

  it('accepts Host localhost:<port>', async () => {
    await start();
    const reply = await api(server.port, 'app:get-info', {}, { Host: `localhost:${server.port}` });
    expect(reply.status).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    await start();
    const reply = await api(server.port, 'share:delete-file', { path: 'a.json' }, { Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(map['share:delete-file']).not.toHaveBeenCalled();
  });

  it('answers 400 with a German message for an invalid payload', async () => {
    await start();
    const reply = await api(server.port, 'share:read-file', { path: 17 });
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Ungültige Anfrage an „share:read-file“/) } });
    expect(map['share:read-file']).not.toHaveBeenCalled();
  });

  it('answers 400 for broken JSON, 415 for non-JSON, 405 for GET, 404 for unknown channels, 413 for huge bodies', async () => {
    await start();
    const broken = await request(server.port, { method: 'POST', path: '/api/app:get-info', headers: { 'Content-Type': 'application/json', 'X-Quartier-Token': TOKEN }, body: '{nope' });
    expect(broken.status).toBe(400);
    const form = await request(server.port, { method: 'POST', path: '/api/app:get-info', headers: { 'Content-Type': 'text/plain', 'X-Quartier-Token': TOKEN }, body: '{}' });
    expect(form.status).toBe(415);
    const get = await request(server.port, { path: '/api/app:get-info', headers: { 'X-Quartier-Token': TOKEN } });
    expect(get.status).toBe(405);
    const unknown = await api(server.port, 'shell:run-command', {});
    expect(unknown.status).toBe(404);
    const huge = await api(server.port, 'share:write-file', { path: 'a.json', data: 'A'.repeat(4096) });
    expect(huge.status).toBe(413);
    expect(map['share:write-file']).not.toHaveBeenCalled();
  });

  it('serves static files with MIME type, CSP and nosniff', async () => {
    await start();
    const index = await request(server.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await request(server.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1)');
    expect((await request(server.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt', '//etc/passwd', '/%00index.html', '/%E0%A4%A'])(
    'refuses static path traversal %s',
    async (p) => {
      await start();
      const reply = await request(server.port, { path: p });
      expect([400, 404]).toContain(reply.status);
      expect(reply.body).not.toContain('geheim');
    },
  );

  it('answers with a German page (not a crash) when the UI is not built', async () => {
    map = handlers();
    server = await startWebServer({ port: 0, rendererDir: path.join(base, 'not-built'), handlers: map, token: TOKEN });
    const reply = await request(server.port, { path: '/' });
    expect(reply.status).toBe(503);
    expect(reply.body).toContain('npm run build');
    expect((await api(server.port, 'app:get-info', {})).status).toBe(200);
  });

  it('generates a fresh 64-hex-digit token per start and prints the documented line', async () => {
    map = handlers();
    const a = await startWebServer({ port: 0, rendererDir, handlers: map });
    const b = await startWebServer({ port: 0, rendererDir, handlers: map });
    server = a;
    try {
      expect(a.token).toMatch(/^[0-9a-f]{64}$/);
      expect(a.token).not.toBe(b.token);
      expect(startupLine(a)).toBe(`Quartier (Web-Modus): http://127.0.0.1:${a.port}/#token=${a.token}`);
    } finally {
      await b.close();
    }
  });
});

describe('tokensEqual', () => {
  it('compares exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('', 'abc')).toBe(false);
    expect(tokensEqual('abcd', 'abc')).toBe(false);
  });
});
