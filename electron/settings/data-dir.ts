// Where Quartier keeps its app settings (and the default shared folder) when
// nothing else is configured. Matches Electron's app.getPath('userData') for
// productName "Quartier", so desktop and web mode on one machine share them.
import path from 'node:path';

export const APP_DIR_NAME = 'Quartier';

export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(homeDir, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(homeDir, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env.XDG_CONFIG_HOME;
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homeDir, '.config'), APP_DIR_NAME);
}
