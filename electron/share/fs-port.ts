// The file system operations the shared-folder code uses, as a port. The real
// implementation is node:fs/promises; tests wrap it to inject faults (failed
// renames, permission errors, a vanishing share) without touching the code.
import * as fsp from 'node:fs/promises';

export interface StatLike {
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  readonly size: number;
}

export interface DirEntryLike {
  readonly name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

export interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface ShareFs {
  stat(p: string): Promise<StatLike>;
  lstat(p: string): Promise<StatLike>;
  realpath(p: string): Promise<string>;
  access(p: string, mode: number): Promise<void>;
  readdir(p: string): Promise<DirEntryLike[]>;
  readFile(p: string): Promise<Uint8Array>;
  open(p: string, flags: 'wx' | 'r'): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  mkdir(p: string): Promise<void>;
}

export const nodeShareFs: ShareFs = {
  stat: (p) => fsp.stat(p),
  lstat: (p) => fsp.lstat(p),
  realpath: (p) => fsp.realpath(p),
  access: (p, mode) => fsp.access(p, mode),
  readdir: (p) => fsp.readdir(p, { withFileTypes: true }),
  readFile: (p) => fsp.readFile(p),
  open: (p, flags) => fsp.open(p, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (p) => fsp.unlink(p),
  mkdir: async (p) => {
    await fsp.mkdir(p, { recursive: true });
  },
};

/** The errno code of a Node fs error, if any. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
