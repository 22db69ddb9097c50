// The ONLY module that reads window.quartier (lint-enforced). Everything in
// the renderer that needs the OS (shared folder, files, printing, settings)
// imports `api` from here and works the same in the desktop app and in web
// mode.
//
// Import this module early (renderer/main.tsx) so the web-mode token is taken
// out of the URL before the HashRouter reads the hash.
import type { QuartierApi } from '../../shared/ipc/contract';
import { captureWebToken } from './web-token';
import { createWebApi } from './web-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    quartier?: QuartierApi;
  }
}

export type PlatformMode = 'electron' | 'web';

function select(): { mode: PlatformMode; api: QuartierApi } {
  const exposed = window.quartier;
  if (exposed !== undefined) return { mode: 'electron', api: exposed };
  let token = captureWebToken(window);
  return {
    mode: 'web',
    api: createWebApi({
      fetch: (input, init) => window.fetch(input, init),
      // Re-read storage if the tab started without a token and another tab captured one since.
      getToken: () => (token ??= captureWebToken(window)),
      document,
    }),
  };
}

const selected = select();

export const platformMode: PlatformMode = selected.mode;
export const api: QuartierApi = selected.api;
