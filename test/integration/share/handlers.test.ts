import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createMainServices } from '../../../electron/handlers/create-handlers';
import { unsupportedDialogs, type DialogPort } from '../../../electron/handlers/dialog-port';
import { createDispatcher } from '../../../electron/ipc/dispatch';

describe('main-side handlers', () => {
  let base: string;
  let dataDir: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'quartier-handlers-'));
    dataDir = path.join(base, 'data');
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates settings with a stable installation id and the default share on first start', async () => {
    const first = await createMainServices({ mode: 'web', version: '1.2.3', dataDir, dialogs: unsupportedDialogs });
    const info = await first.handlers['app:get-info']({});
    expect(info).toMatchObject({ name: 'Quartier', version: '1.2.3', mode: 'web', platform: process.platform });
    expect(info.installationId).toMatch(/^[0-9a-f-]{36}$/);
    const defaultRoot = path.join(dataDir, 'Austauschordner');
    expect((await stat(defaultRoot)).isDirectory()).toBe(true);
    expect(await first.handlers['settings:get-share-root']({})).toEqual({ root: defaultRoot });
    expect((await first.handlers['share:get-status']({})).state).toBe('online');

    const second = await createMainServices({ mode: 'web', version: '1.2.3', dataDir, dialogs: unsupportedDialogs });
    expect((await second.handlers['app:get-info']({})).installationId).toBe(info.installationId);
  });

  it('round-trips base64 data through write/list/read/delete', async () => {
    const { handlers } = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs });
    const data = Buffer.from([0, 1, 2, 250, 255]).toString('base64');
    await expect(handlers['share:write-file']({ path: 'segments/a.bin', data })).resolves.toEqual({ written: true });
    const listing = await handlers['share:list-files']({ dir: '' });
    expect(listing.entries).toEqual([{ path: 'segments/a.bin', size: 5 }]);
    await expect(handlers['share:read-file']({ path: 'segments/a.bin' })).resolves.toEqual({ data });
    await expect(handlers['share:delete-file']({ path: 'segments/a.bin' })).resolves.toEqual({ deleted: true });
  });

  it('sets the share root (persisted), reports an unmounted one as offline and never creates it', async () => {
    const services = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs });
    const missing = path.join(base, 'S-Laufwerk');
    const status = await services.handlers['settings:set-share-root']({ root: missing });
    expect(status).toMatchObject({ root: missing, state: 'offline' });
    await expect(stat(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    const saved = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
    expect(saved.shareRoot).toBe(missing);

    await mkdir(missing);
    expect((await services.handlers['share:get-status']({})).state).toBe('online');
    const again = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs });
    expect(await again.handlers['settings:get-share-root']({})).toEqual({ root: missing });
  });

  it('refuses a relative share root and changes nothing', async () => {
    const { handlers } = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs });
    const before = await handlers['settings:get-share-root']({});
    await expect(handlers['settings:set-share-root']({ root: 'relativ/ordner' })).rejects.toMatchObject({ code: 'path-rejected' });
    expect(await handlers['settings:get-share-root']({})).toEqual(before);
  });

  it('uses QUARTIER_SHARE_DIR-style override over the saved setting', async () => {
    const override = path.join(base, 'override');
    await mkdir(override);
    const { handlers } = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs, shareRootOverride: override });
    expect(await handlers['settings:get-share-root']({})).toEqual({ root: override });
  });

  it('answers save-as/print with a German "not supported" error in web mode', async () => {
    const { handlers } = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs });
    const dispatch = createDispatcher(handlers);
    const result = await dispatch('files:save-as', { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-supported', message: expect.stringMatching(/Web-Modus/) } });
  });

  it('passes decoded bytes to the dialog port', async () => {
    const seen: Array<{ name: string; bytes: number[] }> = [];
    const dialogs: DialogPort = {
      saveAs: (name, _mime, data) => (seen.push({ name, bytes: [...data] }), Promise.resolve('/home/u/Bericht.pdf')),
      printPdf: () => Promise.resolve(false),
    };
    const { handlers } = await createMainServices({ mode: 'electron', version: '1', dataDir, dialogs });
    await expect(handlers['files:save-as']({ suggestedName: 'Bericht.pdf', mimeType: 'application/pdf', data: 'AQID' })).resolves.toEqual({
      saved: true,
      location: '/home/u/Bericht.pdf',
    });
    expect(seen).toEqual([{ name: 'Bericht.pdf', bytes: [1, 2, 3] }]);
    await expect(handlers['files:print-pdf']({ data: 'AQID' })).resolves.toEqual({ printed: false });
  });
});
