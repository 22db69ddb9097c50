// Is the disk with Quartier's data encrypted? Quartier keeps personal data of
// refugees in IndexedDB on the laptop and expects full-disk encryption
// (BitLocker on the county's Windows laptops). Einstellungen shows what the
// OS tells us WITHOUT admin rights; when it cannot tell, it says "unbekannt"
// and never guesses "encrypted".
//   Windows: PowerShell Get-BitLockerVolume for the system drive (usually
//            needs admin: then unknown), falling back to `manage-bde -status`.
//   Linux:   the mount holding the data directory (else /) in /proc/mounts;
//            its device is encrypted when it, or a device below it (LVM on
//            LUKS), is a device-mapper target whose uuid starts with CRYPT-.
//   macOS:   `fdesetup status` (FileVault).
// All OS access goes through DiskProbePorts so every branch is tested.
import path from 'node:path';
import { execFile } from 'node:child_process';
import { readdir, readFile, realpath } from 'node:fs/promises';

export interface DiskEncryptionStatus {
  state: 'encrypted' | 'not-encrypted' | 'unknown';
  method?: string;
  detail?: string;
}

export interface DiskProbePorts {
  platform: NodeJS.Platform;
  /** Runs a program (no shell); rejects on a non-zero exit, a timeout or a missing program. */
  run(file: string, args: string[]): Promise<string>;
  readText(file: string): Promise<string>;
  list(dir: string): Promise<string[]>;
  realpath(file: string): Promise<string>;
  env: Record<string, string | undefined>;
}

const TIMEOUT_MS = 8000;

export const nodeDiskProbePorts: DiskProbePorts = {
  platform: process.platform,
  run: (file, args) =>
    new Promise((resolve, reject) => {
      execFile(file, args, { timeout: TIMEOUT_MS, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout) => {
        if (error) reject(new Error(error.message, { cause: error }));
        else resolve(String(stdout));
      });
    }),
  readText: (file) => readFile(file, 'utf8'),
  list: (dir) => readdir(dir),
  realpath: (file) => realpath(file),
  env: process.env,
};

export async function probeDiskEncryption(dataDir: string, ports: DiskProbePorts = nodeDiskProbePorts): Promise<DiskEncryptionStatus> {
  try {
    if (ports.platform === 'win32') return await windows(ports);
    if (ports.platform === 'linux') return await linux(dataDir, ports);
    if (ports.platform === 'darwin') return await mac(ports);
    return { state: 'unknown', detail: 'Für dieses Betriebssystem kann Quartier die Verschlüsselung nicht prüfen.' };
  } catch {
    return { state: 'unknown', detail: 'Die Abfrage beim Betriebssystem ist fehlgeschlagen.' };
  }
}

async function windows(ports: DiskProbePorts): Promise<DiskEncryptionStatus> {
  const drive = /^[A-Za-z]:$/.test(ports.env.SystemDrive ?? '') ? ports.env.SystemDrive! : 'C:';
  // ProtectionStatus is an enum name (On/Off/Unknown), not localised text.
  try {
    const out = (
      await ports.run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `(Get-BitLockerVolume -MountPoint '${drive}').ProtectionStatus`])
    ).trim();
    if (/^On$/i.test(out)) return { state: 'encrypted', method: 'BitLocker' };
    if (/^Off$/i.test(out)) return { state: 'not-encrypted', method: 'BitLocker' };
  } catch {
    // Usually "access denied" without admin rights; try manage-bde.
  }
  try {
    const out = await ports.run('manage-bde.exe', ['-status', drive]);
    // English and German output of manage-bde.
    if (/Protection On|Der Schutz ist aktiviert/i.test(out)) return { state: 'encrypted', method: 'BitLocker' };
    if (/Protection Off|Der Schutz ist deaktiviert/i.test(out)) return { state: 'not-encrypted', method: 'BitLocker' };
  } catch {
    // Needs admin rights as well.
  }
  return { state: 'unknown', method: 'BitLocker', detail: 'Der BitLocker-Status lässt sich ohne Administratorrechte nicht abfragen.' };
}

async function mac(ports: DiskProbePorts): Promise<DiskEncryptionStatus> {
  const out = await ports.run('/usr/bin/fdesetup', ['status']);
  if (/FileVault is On/i.test(out)) return { state: 'encrypted', method: 'FileVault' };
  if (/FileVault is Off/i.test(out)) return { state: 'not-encrypted', method: 'FileVault' };
  return { state: 'unknown', method: 'FileVault', detail: 'FileVault meldet einen unbekannten Zustand.' };
}

/** /proc/mounts escapes spaces and the like as octal (\040). */
function unescapeMount(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

async function linux(dataDir: string, ports: DiskProbePorts): Promise<DiskEncryptionStatus> {
  const mounts = (await ports.readText('/proc/mounts'))
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 3)
    .map(([device, mountPoint, type]) => ({ device: unescapeMount(device!), mountPoint: unescapeMount(mountPoint!), type: type! }));
  const target = await ports.realpath(dataDir).catch(() => path.resolve(dataDir));
  const inside = (mp: string) => mp === '/' || target === mp || target.startsWith(mp.endsWith('/') ? mp : `${mp}/`);
  // The last matching entry with the longest mount point is the one in effect.
  let mount: (typeof mounts)[number] | undefined;
  for (const m of mounts) if (inside(m.mountPoint) && (!mount || m.mountPoint.length >= mount.mountPoint.length)) mount = m;
  if (!mount || !mount.device.startsWith('/dev/')) {
    return { state: 'unknown', method: 'dm-crypt', detail: `Die Daten liegen auf einem Dateisystem ohne eigenes Gerät (${mount?.type ?? '?'}).` };
  }
  const block = await blockName(mount.device, ports);
  if (!block) return { state: 'unknown', method: 'dm-crypt', detail: 'Das Gerät der Daten wurde nicht gefunden.' };
  return (await isCrypt(block, ports, 0)) ? { state: 'encrypted', method: 'dm-crypt' } : { state: 'not-encrypted', method: 'dm-crypt' };
}

/** /dev/mapper/<name> or /dev/dm-N or /dev/sda2 → the name under /sys/class/block. */
async function blockName(device: string, ports: DiskProbePorts): Promise<string | null> {
  const resolved = await ports.realpath(device).catch(() => device);
  const base = path.basename(resolved);
  if (base.startsWith('dm-')) return base;
  if (device.startsWith('/dev/mapper/')) {
    const name = path.basename(device);
    for (const b of await ports.list('/sys/block').catch(() => [] as string[])) {
      if (!b.startsWith('dm-')) continue;
      const n = (await ports.readText(`/sys/block/${b}/dm/name`).catch(() => '')).trim();
      if (n === name) return b;
    }
    return null;
  }
  return base;
}

/** True when the block device is a dm-crypt target, or sits on one (LVM on LUKS). */
async function isCrypt(block: string, ports: DiskProbePorts, depth: number): Promise<boolean> {
  if (depth > 8) return false;
  const uuid = (await ports.readText(`/sys/class/block/${block}/dm/uuid`).catch(() => '')).trim();
  if (uuid.startsWith('CRYPT-')) return true;
  const slaves = await ports.list(`/sys/class/block/${block}/slaves`).catch(() => [] as string[]);
  for (const s of slaves) if (await isCrypt(s, ports, depth + 1)) return true;
  return false;
}
