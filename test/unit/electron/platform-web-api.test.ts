// @vitest-environment happy-dom
// The renderer's web-mode adapter (renderer/platform), with a mocked fetch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels, methodName, type ChannelName } from '../../../shared/ipc/contract';
import { createWebApi } from '../../../renderer/platform/web-api';
import { captureWebToken, TOKEN_STORAGE_KEY, type TokenEnvironment } from '../../../renderer/platform/web-token';
import { base64ToBytes, bytesToBase64 } from '../../../renderer/platform/base64';

const TOKEN = 'c'.repeat(64);

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function setup(reply: (url: string, init: RequestInit) => Response | Promise<Response>, token: string | null = TOKEN) {
  const fetchMock = vi.fn((input: string, init?: RequestInit) => Promise.resolve(reply(input, init ?? {})));
  const api = createWebApi({ fetch: fetchMock as typeof fetch, getToken: () => token, document });
  return { api, fetchMock };
}

describe('createWebApi', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('has a method for every channel of the contract', () => {
    const { api } = setup(() => jsonResponse(200, {}));
    for (const channel of Object.keys(channels) as ChannelName[]) {
      expect(typeof (api as unknown as Record<string, unknown>)[methodName(channel)]).toBe('function');
    }
  });

  it('POSTs to /api/<channel> with the token and returns the validated value', async () => {
    const { api, fetchMock } = setup(() => jsonResponse(200, { ok: true, value: { status: { root: '/s', state: 'online' }, entries: [{ path: 'a.json', size: 3 }] } }));
    const result = await api.shareListFiles({ dir: 'segments' });
    expect(result.entries).toEqual([{ path: 'a.json', size: 3 }]);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/share:list-files');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['X-Quartier-Token']).toBe(TOKEN);
    expect(JSON.parse(init?.body as string)).toEqual({ dir: 'segments' });
  });

  it('throws the German message of an error answer', async () => {
    const { api } = setup(() => jsonResponse(503, { ok: false, error: { code: 'share-offline', message: 'Der Austauschordner wurde nicht gefunden.' } }));
    await expect(api.shareReadFile({ path: 'a.json' })).rejects.toThrow('Der Austauschordner wurde nicht gefunden.');
  });

  it('refuses a response that breaks the contract', async () => {
    const { api } = setup(() => jsonResponse(200, { ok: true, value: { deleted: 'ja' } }));
    await expect(api.shareDeleteFile({ path: 'a.json' })).rejects.toThrow(/entspricht nicht dem Vertrag/);
  });

  it('reports a non-JSON answer and a network failure in German', async () => {
    const html = setup(() => new Response('<html>', { status: 502 }));
    await expect(html.api.appGetInfo({})).rejects.toThrow(/Unerwartete Antwort.*HTTP 502/);
    const down = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(down.api.appGetInfo({})).rejects.toThrow(/Keine Verbindung zum Quartier-Dienst/);
  });

  it('does not call the server without a token', async () => {
    const { api, fetchMock } = setup(() => jsonResponse(200, {}), null);
    await expect(api.shareGetStatus({})).rejects.toThrow(/Sitzungsschlüssel/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('saves as a browser download without calling the server', async () => {
    const { api, fetchMock } = setup(() => jsonResponse(500, {}));
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:quartier/1');
    const clicks: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    const result = await api.filesSaveAs({ suggestedName: 'Belegung März.xlsx', mimeType: 'application/vnd.ms-excel', data: bytesToBase64(new Uint8Array([1, 2, 3])) });
    expect(result).toEqual({ saved: true, location: 'download' });
    expect(clicks).toEqual([{ href: 'blob:quartier/1', download: 'Belegung März.xlsx' }]);
    const blob = createUrl.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/vnd.ms-excel');
    expect(blob.size).toBe(3);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.querySelector('a')).toBeNull();
  });

  it('prints a PDF from a hidden iframe', async () => {
    const { api, fetchMock } = setup(() => jsonResponse(500, {}));
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:quartier/pdf');
    const printing = api.filesPrintPdf({ data: bytesToBase64(new TextEncoder().encode('%PDF-1.7')) });
    const frame = document.querySelector('iframe');
    expect(frame).not.toBeNull();
    expect(frame!.getAttribute('src')).toBe('blob:quartier/pdf');
    const print = vi.fn();
    const focus = vi.fn();
    Object.defineProperty(frame!, 'contentWindow', { value: { print, focus } });
    frame!.dispatchEvent(new Event('load'));
    await expect(printing).resolves.toEqual({ printed: true });
    expect(print).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('captureWebToken', () => {
  function env(hash: string, stored: { session?: string; local?: string } = {}) {
    const session = new Map<string, string>(stored.session ? [[TOKEN_STORAGE_KEY, stored.session]] : []);
    const local = new Map<string, string>(stored.local ? [[TOKEN_STORAGE_KEY, stored.local]] : []);
    const replaced: string[] = [];
    const environment: TokenEnvironment = {
      location: { hash, pathname: '/', search: '' },
      history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
      sessionStorage: { getItem: (k) => session.get(k) ?? null, setItem: (k, v) => void session.set(k, v) },
      localStorage: { getItem: (k) => local.get(k) ?? null, setItem: (k, v) => void local.set(k, v) },
    };
    return { environment, session, local, replaced };
  }

  it('takes the token from the hash, stores it twice and strips it from the URL', () => {
    const e = env(`#token=${TOKEN}`);
    expect(captureWebToken(e.environment)).toBe(TOKEN);
    expect(e.session.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(e.local.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    expect(e.replaced).toEqual(['/#/']);
  });

  it('falls back to sessionStorage, then localStorage (browser restart), without touching the URL', () => {
    const fromSession = env('#/personen', { session: TOKEN, local: 'd'.repeat(64) });
    expect(captureWebToken(fromSession.environment)).toBe(TOKEN);
    expect(fromSession.replaced).toEqual([]);
    const fromLocal = env('#/personen', { local: 'd'.repeat(64) });
    expect(captureWebToken(fromLocal.environment)).toBe('d'.repeat(64));
  });

  it('strips but ignores a malformed token', () => {
    const e = env('#token=<script>', { local: TOKEN });
    expect(captureWebToken(e.environment)).toBe(TOKEN);
    expect(e.replaced).toEqual(['/#/']);
    expect(e.local.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
  });

  it('returns null when there is no token anywhere', () => {
    expect(captureWebToken(env('').environment)).toBeNull();
  });
});

describe('base64', () => {
  it('round-trips all byte values and large buffers', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
    expect(bytesToBase64(new Uint8Array([0, 1, 2, 250, 255]))).toBe(Buffer.from([0, 1, 2, 250, 255]).toString('base64'));
  });
});
