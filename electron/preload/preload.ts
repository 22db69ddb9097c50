// Preload (sandboxed, bundled to CommonJS): exposes the typed API on
// window.quartier. Only named methods, never ipcRenderer itself, so the page
// can call exactly the channels of the contract and nothing else. Imports
// from the contract are type-only, which keeps this bundle tiny.
import { contextBridge, ipcRenderer } from 'electron';
import type { API_GLOBAL, ChannelName, IpcResult, QuartierApi, RequestOf, ResponseOf } from '../../shared/ipc/contract';

const GLOBAL_NAME: typeof API_GLOBAL = 'quartier';

/** Main returns {ok,value} or {ok:false,error}; turn the latter into a thrown Error with the German message. */
async function invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await ipcRenderer.invoke(channel, request)) as IpcResult<ResponseOf<C>>;
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

const api = {
  appGetInfo: (request) => invoke('app:get-info', request),
  settingsGetShareRoot: (request) => invoke('settings:get-share-root', request),
  settingsSetShareRoot: (request) => invoke('settings:set-share-root', request),
  shareGetStatus: (request) => invoke('share:get-status', request),
  shareListFiles: (request) => invoke('share:list-files', request),
  shareReadFile: (request) => invoke('share:read-file', request),
  shareWriteFile: (request) => invoke('share:write-file', request),
  shareDeleteFile: (request) => invoke('share:delete-file', request),
  secretsGetStatus: (request) => invoke('secrets:get-status', request),
  secretsStoreSecret: (request) => invoke('secrets:store-secret', request),
  secretsLoadSecret: (request) => invoke('secrets:load-secret', request),
  secretsDeleteSecret: (request) => invoke('secrets:delete-secret', request),
  systemGetDiskEncryption: (request) => invoke('system:get-disk-encryption', request),
  filesSaveAs: (request) => invoke('files:save-as', request),
  filesPrintPdf: (request) => invoke('files:print-pdf', request),
} satisfies QuartierApi;

contextBridge.exposeInMainWorld(GLOBAL_NAME, api);
