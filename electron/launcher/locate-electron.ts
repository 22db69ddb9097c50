// Finds the Electron binary WITHOUT require('electron'): that module tries to
// download the binary when it is missing (and throws or hangs offline). We
// read the same files it would read and only check that they exist.
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

export interface LocateFs {
  exists(p: string): boolean;
  read(p: string): string;
}

const nodeFs: LocateFs = { exists: existsSync, read: (p) => readFileSync(p, 'utf8') };

/** Absolute path of the Electron executable, or null when it is not installed. */
export function locateElectronBinary(electronPackageDir: string | null, env: NodeJS.ProcessEnv, fs: LocateFs = nodeFs): string | null {
  if (electronPackageDir === null) return null;
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const relative = fs.exists(pathFile) ? fs.read(pathFile).trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return fs.exists(binary) ? binary : null;
  }
  if (relative === '') return null;
  const binary = path.join(electronPackageDir, 'dist', relative);
  return fs.exists(binary) ? binary : null;
}
