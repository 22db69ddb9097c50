import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/settings/data-dir';

describe('defaultDataDir', () => {
  it('uses %APPDATA%\\Quartier on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\m\\AppData\\Roaming' }, 'win32', 'C:\\Users\\m')).toBe('C:\\Users\\m\\AppData\\Roaming\\Quartier');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\m')).toBe('C:\\Users\\m\\AppData\\Roaming\\Quartier');
  });
  it('uses ~/.config/Quartier (or XDG_CONFIG_HOME) on Linux', () => {
    expect(defaultDataDir({}, 'linux', '/home/m')).toBe('/home/m/.config/Quartier');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/conf' }, 'linux', '/home/m')).toBe('/x/conf/Quartier');
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/m')).toBe('/home/m/.config/Quartier');
  });
  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/m')).toBe('/Users/m/Library/Application Support/Quartier');
  });
});
