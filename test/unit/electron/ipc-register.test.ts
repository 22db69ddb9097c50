import { describe, expect, it, vi } from 'vitest';
import { channels, type HandlerMap, type IpcResult } from '../../../shared/ipc/contract';
import { registerIpcHandlers, type IpcEventLike, type IpcMainPort } from '../../../electron/ipc/register';
import { QuartierError } from '../../../electron/ipc/errors';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

const TRUSTED_ID = 7;

function fakeHandlers(): HandlerMap {
  return {
    'app:get-info': vi.fn(() => Promise.resolve({ name: 'Quartier', version: '1.0.0', mode: 'electron' as const, platform: 'linux', installationId: 'abc-123-def' })),
    'settings:get-share-root': vi.fn(() => Promise.resolve({ root: '/share' })),
    'settings:set-share-root': vi.fn(() => Promise.resolve({ root: '/share', state: 'online' as const })),
    'share:get-status': vi.fn(() => Promise.resolve({ root: '/share', state: 'online' as const })),
    'share:list-files': vi.fn(() => Promise.resolve({ status: { root: '/share', state: 'online' as const }, entries: [] })),
    'share:read-file': vi.fn(() => Promise.resolve({ data: 'aGFsbG8=' })),
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

function setup(handlers = fakeHandlers()) {
  const listeners = new Map<string, Listener>();
  const port: IpcMainPort = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const rejected: string[] = [];
  registerIpcHandlers(port, handlers, {
    isTrustedWebContents: (id) => id === TRUSTED_ID,
    onRejectedSender: (channel) => rejected.push(channel),
  });
  const call = async (channel: string, event: IpcEventLike, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no listener for ${channel}`);
    return (await listener(event, ...args)) as IpcResult<unknown>;
  };
  return { listeners, call, handlers, rejected };
}

const mainFrame = { processId: 3, routingId: 1 };
function event(overrides: { url?: string; parent?: unknown; senderId?: number; frame?: null; routingId?: number } = {}): IpcEventLike {
  return {
    sender: { id: overrides.senderId ?? TRUSTED_ID, mainFrame },
    senderFrame:
      overrides.frame === null
        ? null
        : {
            url: overrides.url ?? 'app://quartier/index.html#/belegung',
            parent: overrides.parent ?? null,
            processId: 3,
            routingId: overrides.routingId ?? 1,
          },
  };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  it('runs the handler for a trusted sender and a valid request', async () => {
    const { call, handlers } = setup();
    const result = await call('share:read-file', event(), { path: 'segments/a.json' });
    expect(result).toEqual({ ok: true, value: { data: 'aGFsbG8=' } });
    expect(handlers['share:read-file']).toHaveBeenCalledWith({ path: 'segments/a.json' });
  });

  const hostile: Array<[string, IpcEventLike]> = [
    ['other origin', event({ url: 'https://evil.example/index.html' })],
    ['file:// page', event({ url: 'file:///home/user/quartier/index.html' })],
    ['lookalike app host', event({ url: 'app://quartier.evil/index.html' })],
    ['app url with user info', event({ url: 'app://quartier@evil/index.html' })],
    ['subframe on our origin', event({ parent: { url: 'app://quartier/index.html' } })],
    ['frame that is not the main frame', event({ routingId: 99 })],
    ['destroyed (null) frame', event({ frame: null })],
    ['webContents we did not create', event({ senderId: 8 })],
    ['about:blank', event({ url: 'about:blank' })],
  ];

  it.each(hostile)('rejects a call from %s and never runs the handler', async (_name, badEvent) => {
    const { call, handlers, rejected } = setup();
    const result = await call('share:write-file', badEvent, { path: 'x.json', data: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('forbidden-sender');
      expect(result.error.message).toMatch(/abgelehnt/);
    }
    expect(handlers['share:write-file']).not.toHaveBeenCalled();
    expect(rejected).toEqual(['share:write-file']);
  });

  it.each<[string, unknown[]]>([
    ['missing field', [{}]],
    ['wrong type', [{ path: 42 }]],
    ['empty path', [{ path: '' }]],
    ['no argument', []],
    ['two arguments', [{ path: 'a' }, { path: 'b' }]],
    ['null', [null]],
  ])('rejects an invalid payload (%s) with a German message', async (_name, args) => {
    const { call, handlers } = setup();
    const result = await call('share:read-file', event(), ...args);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(/Ungültige Anfrage/);
    }
    expect(handlers['share:read-file']).not.toHaveBeenCalled();
  });

  it('rejects base64 payloads with foreign characters', async () => {
    const { call, handlers } = setup();
    const result = await call('share:write-file', event(), { path: 'a.json', data: 'not base64!' });
    expect(result.ok).toBe(false);
    expect(handlers['share:write-file']).not.toHaveBeenCalled();
  });

  it('passes a QuartierError message through and hides other errors', async () => {
    const handlers = fakeHandlers();
    handlers['share:read-file'] = () => Promise.reject(new QuartierError('not-found', 'Die Datei gibt es nicht.'));
    handlers['share:get-status'] = () => Promise.reject(new Error('EACCES /secret/path'));
    const { call } = setup(handlers);
    expect(await call('share:read-file', event(), { path: 'a' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Die Datei gibt es nicht.' },
    });
    const internal = await call('share:get-status', event(), {});
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('internal');
      expect(internal.error.message).not.toContain('/secret/path');
    }
  });

  it('refuses a handler response that breaks the contract', async () => {
    const handlers = fakeHandlers();
    handlers['share:delete-file'] = () => Promise.resolve({ deleted: 'yes' } as unknown as { deleted: boolean });
    const { call } = setup(handlers);
    const result = await call('share:delete-file', event(), { path: 'a' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-response');
  });
});
