// The IPC contract: every channel between the renderer and the main side,
// with a runtime schema for its request and response. Main (electron/ipc),
// preload (electron/preload), the web-mode server (electron/web) and the
// renderer's single API module (renderer/platform/api.ts) are all derived
// from this one object, so the two ends cannot drift apart.
//
// Channel names are `area:verb-noun`. Binary payloads travel as base64 strings
// so the same contract works over Electron IPC and over HTTP in web mode.
import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected');
/** A path relative to the shared-folder root, with forward slashes. Checked again on the main side. */
const shareRelativePath = z.string().min(1).max(512);

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the desktop app, 'web' in web mode. */
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
  /** Stable id of this installation (not personal data). */
  installationId: z.string(),
});

export const shareStatus = z.object({
  /** Absolute path of the configured shared folder (for display). */
  root: z.string(),
  state: z.enum(['online', 'offline']),
  /** German reason when offline (missing, not mounted, not writable). */
  reason: z.string().optional(),
});

export const shareEntry = z.object({
  path: shareRelativePath,
  size: z.number().int().nonnegative(),
});

/** Secrets the main side keeps in the OS key store (Electron safeStorage); one name per secret. */
export const secretName = z.enum(['sync-passphrase']);

/** Whether the disk the app's data lives on is encrypted, as far as the OS tells without admin rights. */
export const diskEncryption = z.object({
  state: z.enum(['encrypted', 'not-encrypted', 'unknown']),
  /** How it was determined, e.g. 'BitLocker', 'dm-crypt', 'FileVault' (no personal data). */
  method: z.string().max(64).optional(),
  /** Short German detail when unknown (e.g. "Abfrage nicht erlaubt"). */
  detail: z.string().max(300).optional(),
});

export const saveResult = z.object({
  saved: z.boolean(),
  /** Where the file was written (Electron) or 'download' in web mode. */
  location: z.string().optional(),
});

/**
 * Every channel. `request` and `response` are zod schemas; types come from
 * them via z.infer, never written twice.
 */
export const channels = {
  'app:get-info': { request: z.object({}), response: appInfo },

  'settings:get-share-root': { request: z.object({}), response: z.object({ root: z.string() }) },
  'settings:set-share-root': {
    request: z.object({ root: z.string().min(1).max(1024) }),
    response: shareStatus,
  },

  'share:get-status': { request: z.object({}), response: shareStatus },
  'share:list-files': {
    request: z.object({ dir: z.string().max(512) }),
    response: z.object({ status: shareStatus, entries: z.array(shareEntry) }),
  },
  'share:read-file': {
    request: z.object({ path: shareRelativePath }),
    response: z.object({ data: base64 }),
  },
  'share:write-file': {
    request: z.object({ path: shareRelativePath, data: base64 }),
    response: z.object({ written: z.literal(true) }),
  },
  'share:delete-file': {
    request: z.object({ path: shareRelativePath }),
    response: z.object({ deleted: z.boolean() }),
  },

  /** 'os': secrets are encrypted by the OS key store (Electron safeStorage); 'none': not available (web mode, no keyring). */
  'secrets:get-status': { request: z.object({}), response: z.object({ backend: z.enum(['os', 'none']) }) },
  'secrets:store-secret': {
    request: z.object({ name: secretName, value: z.string().min(1).max(4096) }),
    response: z.object({ stored: z.literal(true) }),
  },
  'secrets:load-secret': { request: z.object({ name: secretName }), response: z.object({ value: z.string().nullable() }) },
  'secrets:delete-secret': { request: z.object({ name: secretName }), response: z.object({ deleted: z.boolean() }) },

  'system:get-disk-encryption': { request: z.object({}), response: diskEncryption },

  'files:save-as': {
    request: z.object({
      suggestedName: z.string().min(1).max(255),
      mimeType: z.string().max(128),
      data: base64,
    }),
    response: saveResult,
  },
  'files:print-pdf': {
    request: z.object({ data: base64 }),
    response: z.object({ printed: z.boolean() }),
  },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.infer<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.infer<Channels[C]['response']>;

export const CHANNEL_NAME_PATTERN = /^[a-z]+:[a-z]+(-[a-z]+)+$/;

/** The implementations the main side provides, one per channel. */
export type HandlerMap = { [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** Method name exposed to the renderer for a channel: 'share:list-files' → 'shareListFiles'. */
export type MethodName<C extends string> = C extends `${infer A}:${infer Rest}` ? `${A}${PascalFromKebab<Rest>}` : never;
type PascalFromKebab<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${PascalFromKebab<T>}` : Capitalize<S>;

export function methodName<C extends ChannelName>(channel: C): MethodName<C> {
  const [area, rest] = channel.split(':') as [string, string];
  return (area + rest.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')) as MethodName<C>;
}

/** The API object preload exposes on `window.quartier` and web mode imitates. */
export type QuartierApi = { [C in ChannelName as MethodName<C>]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** Errors cross the boundary as this shape; the message is German and shown to users. */
export const ipcError = z.object({ code: z.string(), message: z.string() });
export type IpcError = z.infer<typeof ipcError>;

export const API_GLOBAL = 'quartier';

/**
 * What every channel returns across the boundary (Electron IPC and web-mode
 * HTTP alike): the validated value, or an error with a German message. Errors
 * are values here because Electron strips custom fields off thrown errors.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Error codes the main side uses; the renderer may branch on them, users see the message. */
export const IPC_ERROR_CODES = [
  'forbidden-sender',
  'unknown-channel',
  'invalid-request',
  'invalid-response',
  'share-offline',
  'path-rejected',
  'not-found',
  'io-failed',
  'not-supported',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** Web mode: HTTP path prefix of the API and the header that carries the per-start token. */
export const WEB_API_PREFIX = '/api/';
export const WEB_TOKEN_HEADER = 'X-Quartier-Token';
