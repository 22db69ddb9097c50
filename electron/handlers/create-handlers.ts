// The main-side implementation of every IPC channel, as plain Node code
// behind ports (settings file, shared folder, dialogs). Electron and the
// web-mode server both serve exactly this HandlerMap.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { HandlerMap } from '../../shared/ipc/contract';
import { QuartierError } from '../ipc/errors';
import { ShareFolder, type ShareFolderOptions } from '../share/folder';
import { DEFAULT_SHARE_DIR_NAME, SettingsStore } from '../settings/store';
import type { DialogPort } from './dialog-port';
import { FileSecretStore, type SecretCipher } from '../secrets/secret-store';
import { probeDiskEncryption, type DiskEncryptionStatus } from '../system/disk-encryption';

export interface HandlerContext {
  mode: 'electron' | 'web';
  version: string;
  /** Where settings.json (and the default shared folder) live. */
  dataDir: string;
  dialogs: DialogPort;
  /** Share root for this run, overriding the saved setting (QUARTIER_SHARE_DIR). */
  shareRootOverride?: string;
  platform?: string;
  share?: ShareFolderOptions;
  /** The OS key store (Electron safeStorage); absent in web mode: secrets are then not stored. */
  secretCipher?: SecretCipher;
  /** Disk encryption check; defaults to asking the OS (electron/system/disk-encryption.ts). */
  diskEncryption?: () => Promise<DiskEncryptionStatus>;
}

export interface MainServices {
  handlers: HandlerMap;
  settings: SettingsStore;
  share: ShareFolder;
}

function decodeBase64(data: string): Uint8Array {
  return Buffer.from(data, 'base64');
}

function encodeBase64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

/**
 * Loads settings (first start: new installation id and the default shared
 * folder `<dataDir>/Austauschordner`, created so the app works out of the box)
 * and returns the handler map. A configured folder is never created here: if
 * it is missing, that is "offline", not "empty".
 */
export async function createMainServices(context: HandlerContext): Promise<MainServices> {
  const settings = new SettingsStore(context.dataDir);
  const loaded = await settings.load();
  const defaultRoot = path.join(context.dataDir, DEFAULT_SHARE_DIR_NAME);
  let shareRoot = context.shareRootOverride ? path.resolve(context.shareRootOverride) : (loaded.shareRoot ?? defaultRoot);
  if (shareRoot === defaultRoot) await mkdir(defaultRoot, { recursive: true });

  const share = new ShareFolder(() => shareRoot, context.share);
  const secrets = new FileSecretStore(path.join(context.dataDir, 'secrets'), context.secretCipher ?? null);
  const diskEncryption = context.diskEncryption ?? (() => probeDiskEncryption(context.dataDir));

  const handlers: HandlerMap = {
    'app:get-info': async () => ({
      name: 'Quartier',
      version: context.version,
      mode: context.mode,
      platform: context.platform ?? process.platform,
      installationId: (await settings.load()).installationId,
    }),

    'settings:get-share-root': () => Promise.resolve({ root: shareRoot }),

    'settings:set-share-root': async ({ root }) => {
      if (root.includes('\0')) throw new QuartierError('path-rejected', 'Der Pfad enthält ungültige Zeichen.');
      if (!path.isAbsolute(root)) {
        throw new QuartierError('path-rejected', `„${root}“ ist kein absoluter Pfad. Bitte den vollständigen Pfad angeben (z. B. „S:\\Quartier“).`);
      }
      const next = path.resolve(root);
      await settings.update({ shareRoot: next });
      shareRoot = next;
      return share.status();
    },

    'share:get-status': () => share.status(),

    'share:list-files': ({ dir }) => share.list(dir),

    'share:read-file': async ({ path: relative }) => ({ data: encodeBase64(await share.read(relative)) }),

    'share:write-file': async ({ path: relative, data }) => {
      await share.write(relative, decodeBase64(data));
      return { written: true as const };
    },

    'share:delete-file': async ({ path: relative }) => ({ deleted: await share.delete(relative) }),

    'secrets:get-status': () => Promise.resolve({ backend: secrets.backend() }),

    'secrets:store-secret': async ({ name, value }) => {
      await secrets.store(name, value);
      return { stored: true as const };
    },

    'secrets:load-secret': async ({ name }) => ({ value: await secrets.load(name) }),

    'secrets:delete-secret': async ({ name }) => ({ deleted: await secrets.delete(name) }),

    'system:get-disk-encryption': () => diskEncryption(),

    'files:save-as': async ({ suggestedName, mimeType, data }) => {
      const location = await context.dialogs.saveAs(suggestedName, mimeType, decodeBase64(data));
      return location === null ? { saved: false } : { saved: true, location };
    },

    'files:print-pdf': async ({ data }) => ({ printed: await context.dialogs.printPdf(decodeBase64(data)) }),
  };

  return { handlers, settings, share };
}
