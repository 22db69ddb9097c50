// The ShareFolderPort over the IPC API (Electron preload or web mode). Binary
// payloads travel as base64. Errors cross the boundary as German messages
// without codes, so a failed read is classified by listing its folder: a
// file that is not listed while the share is online is "not found".
import type { QuartierApi } from '../../shared/ipc/contract';
import type { ShareFolderPort, ShareListing, ShareState } from '../../shared/sync/port';
import { fromBase64, toBase64 } from '../../shared/sync/text';

export class NotFoundError extends Error {
  readonly code = 'not-found';
}

type ShareApi = Pick<QuartierApi, 'shareGetStatus' | 'shareListFiles' | 'shareReadFile' | 'shareWriteFile' | 'shareDeleteFile'>;

export class ApiSharePort implements ShareFolderPort {
  constructor(private readonly api: ShareApi) {}

  async status(): Promise<ShareState> {
    return this.api.shareGetStatus({});
  }

  async list(dir: string): Promise<ShareListing> {
    return this.api.shareListFiles({ dir });
  }

  async read(path: string): Promise<Uint8Array> {
    try {
      return fromBase64((await this.api.shareReadFile({ path })).data);
    } catch (error) {
      const slash = path.lastIndexOf('/');
      const dir = slash > 0 ? path.slice(0, slash) : '';
      const listing = await this.api.shareListFiles({ dir }).catch(() => null);
      if (listing && listing.status.state === 'online' && !listing.entries.some((e) => e.path === path)) {
        throw new NotFoundError(error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    await this.api.shareWriteFile({ path, data: toBase64(data) });
  }

  async delete(path: string): Promise<boolean> {
    return (await this.api.shareDeleteFile({ path })).deleted;
  }
}
