import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { locateElectronBinary, type LocateFs } from '../../../electron/launcher/locate-electron';
import { BUILD_OUTPUTS, needsBuild } from '../../../electron/launcher/needs-build';

function fakeFs(files: Record<string, string>): LocateFs {
  return { exists: (p) => p in files, read: (p) => files[p] ?? '' };
}

describe('locateElectronBinary', () => {
  const dir = path.join('/nm', 'electron');

  it('returns null when the package is not installed', () => {
    expect(locateElectronBinary(null, {}, fakeFs({}))).toBeNull();
  });

  it('returns null when path.txt is missing (binary never downloaded)', () => {
    expect(locateElectronBinary(dir, {}, fakeFs({}))).toBeNull();
  });

  it('returns null when path.txt exists but the binary does not', () => {
    expect(locateElectronBinary(dir, {}, fakeFs({ [path.join(dir, 'path.txt')]: 'electron' }))).toBeNull();
  });

  it('finds the downloaded binary', () => {
    const binary = path.join(dir, 'dist', 'electron');
    expect(locateElectronBinary(dir, {}, fakeFs({ [path.join(dir, 'path.txt')]: 'electron\n', [binary]: '' }))).toBe(binary);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const binary = path.join('/opt/electron', 'electron');
    expect(locateElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, fakeFs({ [binary]: '' }))).toBe(binary);
    expect(locateElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/none' }, fakeFs({}))).toBeNull();
  });

  it('finds nothing in this checkout, where the binary cannot be downloaded', () => {
    // The real node_modules/electron here has no path.txt; this must not throw or download.
    expect(locateElectronBinary(path.resolve('node_modules/electron'), {})).toBeNull();
  });
});

describe('needsBuild', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'quartier-launch-'));
    await writeFile(path.join(root, 'package.json'), '{}');
    await mkdir(path.join(root, 'electron'));
    await writeFile(path.join(root, 'electron', 'a.ts'), '');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const old = new Date('2020-01-01T00:00:00Z');
  const young = new Date('2030-01-01T00:00:00Z');

  async function writeOutputs(time: Date) {
    for (const output of BUILD_OUTPUTS) {
      await mkdir(path.dirname(path.join(root, output)), { recursive: true });
      await writeFile(path.join(root, output), '');
      await utimes(path.join(root, output), time, time);
    }
  }

  it('builds when an output is missing', () => {
    expect(needsBuild(root)).toBe(true);
  });

  it('does not build when outputs are newer than sources', async () => {
    await utimes(path.join(root, 'electron', 'a.ts'), old, old);
    await utimes(path.join(root, 'package.json'), old, old);
    await writeOutputs(young);
    expect(needsBuild(root)).toBe(false);
  });

  it('builds when a source is newer than the outputs', async () => {
    await writeOutputs(old);
    expect(needsBuild(root)).toBe(true);
  });
});
