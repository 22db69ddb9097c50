import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { resolveInsideRoot, resolveInsideRootReal } from '../../../electron/security/paths';
import { QuartierError } from '../../../electron/ipc/errors';

const root = path.resolve('/srv/share');

describe('resolveInsideRoot', () => {
  it('resolves plain relative paths inside the root', () => {
    expect(resolveInsideRoot(root, 'segments/client-1/0001.json')).toBe(path.join(root, 'segments', 'client-1', '0001.json'));
    expect(resolveInsideRoot(root, 'Übersicht März.pdf')).toBe(path.join(root, 'Übersicht März.pdf'));
    expect(resolveInsideRoot(root, '')).toBe(root);
  });

  it.each([
    ['parent', '..'],
    ['parent prefix', '../etc/passwd'],
    ['parent in the middle', 'a/../../etc'],
    ['parent even if it stays inside', 'a/../b'],
    ['dot segment', './a'],
    ['absolute posix', '/etc/passwd'],
    ['drive letter', 'C:\\Windows\\system32'],
    ['drive letter with slash', 'C:/Windows'],
    ['drive-relative', 'C:foo'],
    ['UNC', '\\\\server\\share\\x'],
    ['UNC forward', '//server/share/x'],
    ['backslash', 'a\\b'],
    ['backslash parent', '..\\secret'],
    ['encoded dots and slash', '%2e%2e%2fetc'],
    ['encoded backslash', '..%5c..%5cwindows'],
    ['encoded upper', '%2E%2E/x'],
    ['NUL byte', 'a\u0000.json'],
    ['newline', 'a\nb'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/'],
    ['alternate data stream', 'a.json:evil'],
    ['windows device', 'con'],
    ['windows device with ext', 'segments/NUL.txt'],
    ['trailing dot', 'a.'],
    ['trailing space', 'a '],
    ['wildcard', 'a*.json'],
    ['very long', 'a/'.repeat(300) + 'b'],
  ])('rejects %s', (_name, relative) => {
    expect(() => resolveInsideRoot(root, relative)).toThrow(QuartierError);
    try {
      resolveInsideRoot(root, relative);
    } catch (error) {
      expect((error as QuartierError).code).toBe('path-rejected');
      expect((error as QuartierError).message).toMatch(/abgelehnt/);
    }
  });

  it('refuses a relative root', () => {
    expect(() => resolveInsideRoot('share', 'a')).toThrow(QuartierError);
  });
});

describe('resolveInsideRootReal (on disk)', () => {
  let base: string;
  let shareRoot: string;
  let outside: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'quartier-paths-'));
    shareRoot = path.join(base, 'share');
    outside = path.join(base, 'outside');
    await mkdir(path.join(shareRoot, 'segments'), { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'geheim');
    await symlink(outside, path.join(shareRoot, 'escape'), 'dir');
    await symlink(path.join(outside, 'secret.txt'), path.join(shareRoot, 'secret-link.txt'), 'file');
    await symlink(path.join(shareRoot, 'segments'), path.join(shareRoot, 'inner-link'), 'dir');
    await symlink(path.join(base, 'nowhere'), path.join(shareRoot, 'dangling'), 'file');
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('accepts existing and not yet existing paths inside the root', async () => {
    await expect(resolveInsideRootReal(shareRoot, 'segments')).resolves.toMatch(/segments$/);
    await expect(resolveInsideRootReal(shareRoot, 'segments/new/deeper/file.json')).resolves.toMatch(/segments[/\\]new[/\\]deeper[/\\]file\.json$/);
  });

  it('accepts a symlink that stays inside the root', async () => {
    const resolved = await resolveInsideRootReal(shareRoot, 'inner-link/x.json');
    expect(resolved.endsWith(path.join('segments', 'x.json'))).toBe(true);
  });

  it('rejects a directory symlink that points outside', async () => {
    await expect(resolveInsideRootReal(shareRoot, 'escape/secret.txt')).rejects.toMatchObject({ code: 'path-rejected' });
    await expect(resolveInsideRootReal(shareRoot, 'escape/new-file.json')).rejects.toMatchObject({ code: 'path-rejected' });
    await expect(resolveInsideRootReal(shareRoot, 'escape')).rejects.toMatchObject({ code: 'path-rejected' });
  });

  it('rejects a file symlink that points outside', async () => {
    await expect(resolveInsideRootReal(shareRoot, 'secret-link.txt')).rejects.toMatchObject({ code: 'path-rejected' });
  });

  it('rejects a dangling symlink', async () => {
    await expect(resolveInsideRootReal(shareRoot, 'dangling')).rejects.toMatchObject({ code: 'path-rejected' });
  });

  it('still applies the lexical checks', async () => {
    await expect(resolveInsideRootReal(shareRoot, '../outside/secret.txt')).rejects.toMatchObject({ code: 'path-rejected' });
  });

  it('reports a missing root as offline', async () => {
    await expect(resolveInsideRootReal(path.join(base, 'gone'), 'a.json')).rejects.toMatchObject({ code: 'share-offline' });
  });

  it('works when the root itself is reached through a symlink', async () => {
    const linkedRoot = path.join(base, 'linked-root');
    await symlink(shareRoot, linkedRoot, 'dir');
    await expect(resolveInsideRootReal(linkedRoot, 'segments/a.json')).resolves.toMatch(/share[/\\]segments[/\\]a\.json$/);
  });
});
