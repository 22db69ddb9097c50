// Einstellungen says whether the data disk is encrypted only when the OS
// tells; every other outcome is "unknown", never "encrypted".
import { describe, expect, it } from 'vitest';
import { probeDiskEncryption, type DiskProbePorts } from '../../../electron/system/disk-encryption';

function ports(over: Partial<DiskProbePorts> & { files?: Record<string, string>; dirs?: Record<string, string[]>; links?: Record<string, string> }): DiskProbePorts {
  const files = over.files ?? {};
  const dirs = over.dirs ?? {};
  const links = over.links ?? {};
  return {
    platform: 'linux',
    env: {},
    run: () => Promise.reject(new Error('not found')),
    readText: (f) => (f in files ? Promise.resolve(files[f]!) : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))),
    list: (d) => (d in dirs ? Promise.resolve(dirs[d]!) : Promise.reject(new Error('ENOENT'))),
    realpath: (p) => Promise.resolve(links[p] ?? p),
    ...over,
  };
}

const MOUNTS_LUKS = [
  'sysfs /sys sysfs rw 0 0',
  '/dev/mapper/luks-1234 / ext4 rw,relatime 0 0',
  '/dev/nvme0n1p1 /boot/efi vfat rw 0 0',
].join('\n');

describe('disk encryption on Linux', () => {
  it('root on LUKS (dm-crypt) is encrypted', async () => {
    const p = ports({
      files: { '/proc/mounts': MOUNTS_LUKS, '/sys/class/block/dm-0/dm/uuid': 'CRYPT-LUKS2-abcd-luks-1234\n' },
      links: { '/dev/mapper/luks-1234': '/dev/dm-0' },
    });
    expect(await probeDiskEncryption('/home/anna/.config/Quartier', p)).toEqual({ state: 'encrypted', method: 'dm-crypt' });
  });

  it('LVM on LUKS: the logical volume sits on a CRYPT- device', async () => {
    const p = ports({
      files: {
        '/proc/mounts': '/dev/mapper/vg-home /home ext4 rw 0 0\n/dev/sda1 / ext4 rw 0 0',
        '/sys/class/block/dm-1/dm/uuid': 'LVM-xyz',
        '/sys/class/block/dm-0/dm/uuid': 'CRYPT-LUKS2-1',
        '/sys/block/dm-0/dm/name': 'cryptroot',
        '/sys/block/dm-1/dm/name': 'vg-home',
      },
      dirs: { '/sys/block': ['sda', 'dm-0', 'dm-1'], '/sys/class/block/dm-1/slaves': ['dm-0'] },
    });
    expect(await probeDiskEncryption('/home/anna/.config/Quartier', p)).toEqual({ state: 'encrypted', method: 'dm-crypt' });
  });

  it('a plain partition is not encrypted; the mount of the data directory counts, not /', async () => {
    const p = ports({
      files: { '/proc/mounts': '/dev/mapper/luks-1 / ext4 rw 0 0\n/dev/sdb1 /data ext4 rw 0 0', '/sys/class/block/dm-0/dm/uuid': 'CRYPT-LUKS2-1' },
      links: { '/dev/mapper/luks-1': '/dev/dm-0' },
      dirs: { '/sys/class/block/sdb1/slaves': [] },
    });
    expect(await probeDiskEncryption('/data/quartier', p)).toEqual({ state: 'not-encrypted', method: 'dm-crypt' });
    expect((await probeDiskEncryption('/home/x', p)).state).toBe('encrypted');
  });

  it('an overlay or tmpfs root (container) is unknown', async () => {
    const p = ports({ files: { '/proc/mounts': 'overlay / overlay rw 0 0' } });
    expect((await probeDiskEncryption('/root/q', p)).state).toBe('unknown');
  });

  it('unreadable /proc/mounts is unknown', async () => {
    expect((await probeDiskEncryption('/x', ports({}))).state).toBe('unknown');
  });
});

describe('disk encryption on Windows', () => {
  it('BitLocker on (PowerShell enum name)', async () => {
    const calls: string[] = [];
    const p = ports({ platform: 'win32', env: { SystemDrive: 'C:' }, run: (f, a) => (calls.push(`${f} ${a.join(' ')}`), Promise.resolve('On\r\n')) });
    expect(await probeDiskEncryption('C:\\Users\\a', p)).toEqual({ state: 'encrypted', method: 'BitLocker' });
    expect(calls[0]).toContain("Get-BitLockerVolume -MountPoint 'C:'");
  });

  it('PowerShell refused (no admin), manage-bde in German says off', async () => {
    const p = ports({
      platform: 'win32',
      env: { SystemDrive: 'D:' },
      run: (f) => (f === 'powershell.exe' ? Promise.reject(new Error('Zugriff verweigert')) : Promise.resolve('Schutzstatus:       Der Schutz ist deaktiviert.')),
    });
    expect(await probeDiskEncryption('D:\\q', p)).toEqual({ state: 'not-encrypted', method: 'BitLocker' });
  });

  it('both refused without admin rights: unknown with a German reason', async () => {
    const r = await probeDiskEncryption('C:\\q', ports({ platform: 'win32', env: {} }));
    expect(r.state).toBe('unknown');
    expect(r.detail).toMatch(/Administratorrechte/);
  });
});

describe('disk encryption on macOS', () => {
  it('reads fdesetup status', async () => {
    const on = ports({ platform: 'darwin', run: () => Promise.resolve('FileVault is On.\n') });
    const off = ports({ platform: 'darwin', run: () => Promise.resolve('FileVault is Off.\n') });
    expect(await probeDiskEncryption('/Users/a', on)).toEqual({ state: 'encrypted', method: 'FileVault' });
    expect(await probeDiskEncryption('/Users/a', off)).toEqual({ state: 'not-encrypted', method: 'FileVault' });
    expect((await probeDiskEncryption('/Users/a', ports({ platform: 'darwin' }))).state).toBe('unknown');
  });
});
