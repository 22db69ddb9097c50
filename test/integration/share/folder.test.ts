import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { ShareFolder, TEMP_SUFFIX } from '../../../electron/share/folder';
import { QuartierError } from '../../../electron/ipc/errors';
import { faultyFs } from './faulty-fs';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('ShareFolder on a real temp folder', () => {
  let base: string;
  let root: string;
  let sleeps: number[];

  const folder = (options: ConstructorParameters<typeof ShareFolder>[1] = {}, shareRoot = () => root) =>
    new ShareFolder(shareRoot, { sleep: (ms) => (sleeps.push(ms), Promise.resolve()), ...options });

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'quartier-share-'));
    root = path.join(base, 'share');
    await mkdir(root);
    sleeps = [];
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('writes, lists (recursively, sorted, with sizes), reads and deletes', async () => {
    const share = folder();
    await share.write('segments/laptop-a/0002.json', bytes('{"b":2}'));
    await share.write('segments/laptop-a/0001.json', bytes('{"a":1}'));
    await share.write('manifest.json', bytes('{}'));

    const all = await share.list('');
    expect(all.status.state).toBe('online');
    expect(all.entries).toEqual([
      { path: 'manifest.json', size: 2 },
      { path: 'segments/laptop-a/0001.json', size: 7 },
      { path: 'segments/laptop-a/0002.json', size: 7 },
    ]);
    expect((await share.list('segments')).entries.map((e) => e.path)).toEqual(['segments/laptop-a/0001.json', 'segments/laptop-a/0002.json']);
    expect(text(await share.read('segments/laptop-a/0001.json'))).toBe('{"a":1}');

    await share.write('manifest.json', bytes('{"v":2}'));
    expect(await readFile(path.join(root, 'manifest.json'), 'utf8')).toBe('{"v":2}');

    expect(await share.delete('manifest.json')).toBe(true);
    expect(await share.delete('manifest.json')).toBe(false);
    expect((await share.list('')).entries.map((e) => e.path)).not.toContain('manifest.json');
  });

  it('lists a missing subfolder of an online share as empty', async () => {
    const result = await folder().list('noch-nicht-da');
    expect(result).toEqual({ status: { root, state: 'online' }, entries: [] });
  });

  it('hides temp files of unfinished writes and symlinks', async () => {
    await writeFile(path.join(root, `.a.json.123${TEMP_SUFFIX}`), 'halb');
    await writeFile(path.join(root, 'a.json'), 'ganz');
    await mkdir(path.join(base, 'outside'));
    await writeFile(path.join(base, 'outside', 'secret.txt'), 'geheim');
    await symlink(path.join(base, 'outside'), path.join(root, 'escape'), 'dir');
    await symlink(path.join(base, 'outside', 'secret.txt'), path.join(root, 'secret.txt'), 'file');
    expect((await folder().list('')).entries).toEqual([{ path: 'a.json', size: 4 }]);
  });

  it('refuses to read or write through a symlink that leaves the share', async () => {
    await mkdir(path.join(base, 'outside'));
    await writeFile(path.join(base, 'outside', 'secret.txt'), 'geheim');
    await symlink(path.join(base, 'outside'), path.join(root, 'escape'), 'dir');
    const share = folder();
    await expect(share.read('escape/secret.txt')).rejects.toMatchObject({ code: 'path-rejected' });
    await expect(share.write('escape/planted.json', bytes('x'))).rejects.toMatchObject({ code: 'path-rejected' });
    await expect(readdir(path.join(base, 'outside'))).resolves.toEqual(['secret.txt']);
    await expect(share.list('escape')).rejects.toMatchObject({ code: 'path-rejected' });
  });

  it('refuses traversal on every operation and changes nothing', async () => {
    const share = folder();
    for (const bad of ['../x.json', '/etc/passwd', 'a\\..\\..\\x', '%2e%2e%2fx']) {
      await expect(share.write(bad, bytes('x'))).rejects.toMatchObject({ code: 'path-rejected' });
      await expect(share.read(bad)).rejects.toMatchObject({ code: 'path-rejected' });
      await expect(share.delete(bad)).rejects.toMatchObject({ code: 'path-rejected' });
    }
    await expect(share.list('..')).rejects.toMatchObject({ code: 'path-rejected' });
    expect(await readdir(base)).toEqual(['share']);
    expect(await readdir(root)).toEqual([]);
  });

  it('reports a missing file as not-found in German', async () => {
    await expect(folder().read('fehlt.json')).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/gibt es im Austauschordner nicht/) });
  });

  describe('offline share', () => {
    it('is offline (never empty) when the folder is missing', async () => {
      const share = folder({}, () => path.join(base, 'nicht-verbunden'));
      const status = await share.status();
      expect(status.state).toBe('offline');
      expect(status.reason).toMatch(/nicht gefunden/);
      const listing = await share.list('');
      expect(listing.status.state).toBe('offline');
      expect(listing.entries).toEqual([]);
      await expect(share.read('a.json')).rejects.toMatchObject({ code: 'share-offline', message: expect.stringMatching(/nicht gefunden/) });
      await expect(share.write('a.json', bytes('x'))).rejects.toMatchObject({ code: 'share-offline' });
      await expect(share.delete('a.json')).rejects.toMatchObject({ code: 'share-offline' });
      // Writing must not create the missing share (that would hide the outage).
      expect(await readdir(base)).toEqual(['share']);
    });

    it('is offline when the root is a file', async () => {
      const file = path.join(base, 'datei');
      await writeFile(file, 'x');
      const status = await folder({}, () => file).status();
      expect(status).toMatchObject({ state: 'offline', reason: expect.stringMatching(/kein Ordner/) });
    });

    it('is offline when the folder is not writable', async () => {
      const { fs } = faultyFs({}, { access: 'EACCES' });
      const status = await folder({ fs }).status();
      expect(status).toMatchObject({ state: 'offline', reason: expect.stringMatching(/nicht les- oder beschreibbar \(EACCES\)/) });
    });

    it('returns offline, not a partial listing, when the share vanishes while listing', async () => {
      await mkdir(path.join(root, 'segments'));
      await writeFile(path.join(root, 'segments', 'a.json'), 'x');
      let statCalls = 0;
      const { fs } = faultyFs({});
      const vanishing = {
        ...fs,
        stat: async (p: string) => {
          statCalls++;
          // 1st: status before, 2nd: the start folder, 3rd: status after → gone.
          if (statCalls === 3) {
            const error: NodeJS.ErrnoException = new Error('gone');
            error.code = 'ENOENT';
            throw error;
          }
          return fs.stat(p);
        },
      };
      const listing = await folder({ fs: vanishing }).list('');
      expect(listing.status.state).toBe('offline');
      expect(listing.entries).toEqual([]);
    });
  });

  describe('atomic write with rename retry', () => {
    it('retries EPERM twice with exponential backoff, then succeeds', async () => {
      const { fs, calls } = faultyFs({ rename: ['EPERM', 'EPERM'] });
      const share = folder({ fs, retry: { attempts: 5, baseDelayMs: 10 } });
      await share.write('segments/0001.json', bytes('inhalt'));
      expect(calls.filter((c) => c.op === 'rename')).toHaveLength(3);
      expect(sleeps).toEqual([10, 20]);
      expect(await readFile(path.join(root, 'segments', '0001.json'), 'utf8')).toBe('inhalt');
      expect(await readdir(path.join(root, 'segments'))).toEqual(['0001.json']);
    });

    it('retries EBUSY as well', async () => {
      const { fs } = faultyFs({ rename: ['EBUSY'] });
      await folder({ fs }).write('a.json', bytes('x'));
      expect(await readFile(path.join(root, 'a.json'), 'utf8')).toBe('x');
    });

    it('writes through a temp file in the same folder and renames it', async () => {
      const { fs, calls } = faultyFs({});
      await folder({ fs }).write('segments/x.json', bytes('x'));
      const open = calls.find((c) => c.op === 'open' && c.args[1] === 'wx');
      const rename = calls.find((c) => c.op === 'rename');
      expect(open?.args[0]).toMatch(new RegExp(`segments[/\\\\]\\.x\\.json\\.[0-9a-f]+${TEMP_SUFFIX.replace('.', '\\.')}$`));
      expect(rename?.args[0]).toBe(open?.args[0]);
      expect(rename?.args[1]).toBe(path.join(root, 'segments', 'x.json'));
    });

    it('gives up on permanent EACCES with a clear German message and leaves no file behind', async () => {
      const { fs, calls } = faultyFs({}, { rename: 'EACCES' });
      const share = folder({ fs, retry: { attempts: 4, baseDelayMs: 5 } });
      const error = await share.write('segments/0001.json', bytes('inhalt')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QuartierError);
      expect((error as QuartierError).code).toBe('io-failed');
      expect((error as QuartierError).message).toMatch(/„segments\/0001\.json“ konnte nicht im Austauschordner gespeichert werden \(EACCES\): Zugriff verweigert/);
      expect(calls.filter((c) => c.op === 'rename')).toHaveLength(4);
      expect(sleeps).toEqual([5, 10, 20]);
      // Neither the final name nor a leftover temp file.
      expect(await readdir(path.join(root, 'segments'))).toEqual([]);
    });

    it('keeps the previous version intact when replacing fails', async () => {
      await writeFile(path.join(root, 'manifest.json'), 'alt');
      const { fs } = faultyFs({}, { rename: 'EACCES' });
      await expect(folder({ fs, retry: { attempts: 2, baseDelayMs: 1 } }).write('manifest.json', bytes('neu'))).rejects.toThrow(QuartierError);
      expect(await readFile(path.join(root, 'manifest.json'), 'utf8')).toBe('alt');
      expect(await readdir(root)).toEqual(['manifest.json']);
    });

    it('does not retry errors that are not transient locks', async () => {
      const { fs, calls } = faultyFs({ rename: ['ENOSPC'] });
      await expect(folder({ fs }).write('a.json', bytes('x'))).rejects.toMatchObject({ message: expect.stringMatching(/kein Platz/) });
      expect(calls.filter((c) => c.op === 'rename')).toHaveLength(1);
      expect(await readdir(root)).toEqual([]);
    });

    it('cleans up the temp file when the write itself fails', async () => {
      const { fs } = faultyFs({});
      const failingWrite = {
        ...fs,
        open: async (p: string, flags: 'wx' | 'r') => {
          const handle = await fs.open(p, flags);
          return {
            writeFile: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
            sync: () => handle.sync(),
            close: () => handle.close(),
          };
        },
      };
      await expect(folder({ fs: failingWrite }).write('a.json', bytes('x'))).rejects.toMatchObject({ code: 'io-failed' });
      expect(await readdir(root)).toEqual([]);
    });

    it('retries a locked delete', async () => {
      await writeFile(path.join(root, 'a.json'), 'x');
      const { fs } = faultyFs({ unlink: ['EBUSY'] });
      expect(await folder({ fs }).delete('a.json')).toBe(true);
      expect(await readdir(root)).toEqual([]);
    });
  });
});
