// How the sync reaches the shared folder. The renderer implements it over the
// IPC API (renderer/sync/apiPort.ts), tests over a real temp folder with
// injected faults. Paths are share-relative with forward slashes.

export interface ShareState {
  state: 'online' | 'offline';
  root: string;
  /** German reason when offline. */
  reason?: string;
}

export interface ShareListing {
  status: ShareState;
  entries: { path: string; size: number }[];
}

export interface ShareFolderPort {
  status(): Promise<ShareState>;
  /** Recursive listing under `dir`; offline → status offline and no entries (never "empty"). */
  list(dir: string): Promise<ShareListing>;
  read(path: string): Promise<Uint8Array>;
  /** Atomic write (temp name, flush, rename). Throws on failure. */
  write(path: string, data: Uint8Array): Promise<void>;
  delete(path: string): Promise<boolean>;
}

/** Thrown by the engine when the share cannot be used; the sync state becomes "offline". */
export class ShareOfflineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareOfflineError';
  }
}
