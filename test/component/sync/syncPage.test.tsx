// The sync screen as a user meets it, over the REAL main-side handlers
// (createMainServices) on a real temporary shared folder, and a second
// simulated laptop on the same folder: status and "Jetzt synchronisieren",
// the passphrase (never in plain text), Geräte with "Abmelden …" and
// "Neu anmelden …", the Konflikte inbox, and the disk encryption section.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QuartierApi } from '../../../shared/ipc/contract';

const platform = vi.hoisted(() => ({ impl: null as unknown as Record<string, (req: unknown) => Promise<unknown>> }));
vi.mock('../../../renderer/platform/api', () => ({
  platformMode: 'web',
  api: new Proxy({}, { get: (_t, name: string) => (req: unknown) => platform.impl[name]!(req) }),
}));

import '../../../renderer/i18n';
import { methodName, type ChannelName } from '../../../shared/ipc/contract';
import { createMainServices } from '../../../electron/handlers/create-handlers';
import { unsupportedDialogs } from '../../../electron/handlers/dialog-port';
import { getDb } from '../../../renderer/db/db';
import { runOperation } from '../../../renderer/db/repository';
import { getDeviceId } from '../../../renderer/db/settings';
import { ingestAndApply, recomputeAllConflicts } from '../../../renderer/sync/apply';
import { forgetPassphrase, useSyncStore } from '../../../renderer/sync/controller';
import { SyncOverviewSection } from '../../../renderer/pages/sync/SyncOverviewSection';
import { SyncSettingsSection } from '../../../renderer/pages/sync/SyncSettingsSection';
import { DevicesSection } from '../../../renderer/pages/sync/DevicesSection';
import { ConflictInbox } from '../../../renderer/pages/sync/ConflictInbox';
import { DiskEncryptionSection } from '../../../renderer/pages/settings/DiskEncryptionSection';
import { Laptop, NodeSharePort, TEST_PASSPHRASE } from '../../integration/sync/harness';
import { ADMIN } from '../../support/actors';
import { signInAs, signOutForTest } from '../../support/session';
import { accommodation, bed, person, room, unit } from '../../integration/db/fixtures';
import { MemoryRouter } from 'react-router';
import type { ReactNode } from 'react';

let dataDir: string;
let shareRoot: string;
const laptops: Laptop[] = [];

/** The API the renderer sees, backed by the main side's real handlers (web mode: no OS key store). */
async function installApi(over: Partial<Record<keyof QuartierApi, (req: never) => Promise<unknown>>> = {}): Promise<void> {
  const { handlers } = await createMainServices({ mode: 'web', version: '1', dataDir, dialogs: unsupportedDialogs, shareRootOverride: shareRoot, diskEncryption: () => Promise.resolve({ state: 'unknown', method: 'BitLocker', detail: 'Ohne Administratorrechte nicht abfragbar.' }) });
  const impl: Record<string, (req: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(handlers) as ChannelName[]) impl[methodName(channel)] = handlers[channel] as (req: unknown) => Promise<unknown>;
  Object.assign(impl, over);
  platform.impl = impl;
}

async function clearDefaultDb(): Promise<void> {
  const db = getDb();
  await db.open();
  for (const t of db.tables) await t.clear();
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'quartier-syncui-'));
  shareRoot = path.join(dataDir, 'share');
  await mkdir(shareRoot);
  await installApi();
  await clearDefaultDb();
  await forgetPassphrase();
  useSyncStore.setState({ lastReport: null, running: false, progress: null });
  signInAs('admin');
});

afterEach(async () => {
  signOutForTest();
  for (const l of laptops.splice(0)) l.close();
  await rm(dataDir, { recursive: true, force: true });
});

function wrap(node: ReactNode) {
  return render(<MemoryRouter>{node}</MemoryRouter>);
}

async function enterPassphrase(user: ReturnType<typeof userEvent.setup>, remember = false): Promise<void> {
  await user.type(screen.getByLabelText('Passwort der Organisation'), TEST_PASSPHRASE);
  if (remember) await user.click(screen.getByLabelText('Auf diesem Rechner verschlüsselt merken (Schlüssel dieser Installation)'));
  await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));
}

/** A second laptop on the same shared folder (its own database). */
async function otherLaptop(name: string): Promise<Laptop> {
  const l = await Laptop.open(name, new NodeSharePort(shareRoot), { minKdfIterations: 1000, snapshotEvery: 0 });
  laptops.push(l);
  return l;
}

describe('sync status and passphrase', () => {
  it('without a passphrase says "not set up"; after entering one (this session only) it syncs and ships the pending change', async () => {
    const user = userEvent.setup();
    const db = getDb();
    await runOperation(db, { user: 'Test', deviceId: await getDeviceId(db), actor: ADMIN }, 'accommodation.create', async (w) => {
      await w.put('accommodations', accommodation());
    });
    wrap(
      <>
        <SyncOverviewSection />
        <SyncSettingsSection />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('passphrase-status')).toHaveTextContent('Noch kein Passwort hinterlegt'));
    await waitFor(() => expect(screen.getByTestId('sync-pending')).toHaveTextContent('1'));
    await user.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
    await waitFor(() => expect(screen.getByTestId('sync-state')).toHaveTextContent('Nicht eingerichtet'));

    // Web mode: no OS key store, so by default only for this session, and it says so.
    expect(screen.getByText(/kein Schlüsselspeicher des Betriebssystems zur Verfügung/)).toBeInTheDocument();
    await enterPassphrase(user);
    await waitFor(() => expect(screen.getByTestId('passphrase-status')).toHaveTextContent('Das Passwort gilt nur für diese Sitzung.'));
    const dump = JSON.stringify(await db.syncState.toArray());
    expect(dump).not.toContain(TEST_PASSPHRASE);

    await user.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
    await waitFor(() => expect(screen.getByTestId('sync-state')).toHaveTextContent('Verbunden'), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByTestId('sync-pending')).toHaveTextContent('0'));
  }, 30_000);

  it('a passphrase that is too short is refused in German and nothing is kept', async () => {
    const user = userEvent.setup();
    wrap(<SyncSettingsSection />);
    await user.type(screen.getByLabelText('Passwort der Organisation'), 'kurz');
    await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));
    expect(await screen.findByText('Das Passwort der Organisation muss mindestens 10 Zeichen lang sein.')).toBeInTheDocument();
    expect(screen.getByTestId('passphrase-status')).toHaveTextContent('Noch kein Passwort hinterlegt');
  });

  it('in the desktop app offers the OS key store, ticked by default', async () => {
    const stored = new Map<string, string>();
    await installApi({
      secretsGetStatus: () => Promise.resolve({ backend: 'os' }),
      secretsStoreSecret: ((req: { name: string; value: string }) => (stored.set(req.name, req.value), Promise.resolve({ stored: true }))),
      secretsLoadSecret: ((req: { name: string }) => Promise.resolve({ value: stored.get(req.name) ?? null })),
      secretsDeleteSecret: ((req: { name: string }) => Promise.resolve({ deleted: stored.delete(req.name) })),
    });
    await forgetPassphrase(); // re-reads the key store status of the new API
    const user = userEvent.setup();
    wrap(<SyncSettingsSection />);
    const box = await screen.findByLabelText('Im Schlüsselspeicher des Betriebssystems merken');
    await waitFor(() => expect(box).toBeChecked());
    await user.type(screen.getByLabelText('Passwort der Organisation'), TEST_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Passwort speichern' }));
    await waitFor(() => expect(screen.getByTestId('passphrase-status')).toHaveTextContent('verschlüsselt im Schlüsselspeicher des Betriebssystems'));
    expect(stored.get('sync-passphrase')).toBe(TEST_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Passwort entfernen' }));
    await waitFor(() => expect(screen.getByTestId('passphrase-status')).toHaveTextContent('Noch kein Passwort hinterlegt'));
    expect(stored.size).toBe(0);
  });
});

describe('Geräte', () => {
  it('lists both laptops, retires the other one with a reason, and shows it as retired', async () => {
    const user = userEvent.setup();
    wrap(
      <>
        <SyncOverviewSection />
        <SyncSettingsSection />
        <DevicesSection />
      </>,
    );
    await enterPassphrase(user, true);
    await user.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
    await waitFor(() => expect(screen.getByTestId('sync-state')).toHaveTextContent('Verbunden'), { timeout: 20_000 });
    const other = await otherLaptop('Laptop Außenstelle');
    expect((await other.sync()).state).toBe('ok');
    await user.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));

    const table = await screen.findByTestId('devices-table');
    const row = await within(table).findByRole('row', { name: /Laptop Außenstelle/ });
    await user.click(within(row).getByRole('button', { name: 'Gerät Laptop Außenstelle abmelden' }));
    const dialog = await screen.findByRole('dialog', { name: 'Gerät „Laptop Außenstelle“ abmelden?' });
    await user.type(within(dialog).getByLabelText('Grund (optional)'), 'Laptop gestohlen');
    await user.click(within(dialog).getByRole('button', { name: 'Gerät abmelden' }));
    await waitFor(() => expect(within(screen.getByTestId('devices-table')).getByRole('row', { name: /Laptop Außenstelle/ })).toHaveTextContent(/Abgemeldet am/));
    // The other laptop now stops and writes nothing.
    expect((await other.sync()).retired).toBe(true);
  }, 40_000);

  it('a laptop retired by another one explains it and registers anew: new id, pending change shipped once', async () => {
    const user = userEvent.setup();
    const db = getDb();
    wrap(
      <>
        <SyncOverviewSection />
        <SyncSettingsSection />
        <DevicesSection />
      </>,
    );
    await enterPassphrase(user, true);
    await user.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
    await waitFor(() => expect(screen.getByTestId('sync-state')).toHaveTextContent('Verbunden'), { timeout: 20_000 });
    const oldId = await getDeviceId(db);
    const other = await otherLaptop('Laptop Zentrale');
    await other.sync();
    await other.engine.retireDevice(oldId, 'verschwunden');
    await other.sync({ snapshot: true });
    // Meanwhile a change on this laptop that was never shipped.
    await runOperation(db, { user: 'Test', deviceId: oldId, actor: ADMIN }, 'accommodation.create', async (w) => {
      await w.put('accommodations', { ...accommodation(), id: 'a-offline', name: 'Offline angelegt' });
    });

    await user.click(screen.getByRole('button', { name: 'Jetzt synchronisieren' }));
    const alert = await screen.findByTestId('self-retired', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('Dieses Gerät wurde abgemeldet.');
    expect(alert).toHaveTextContent('1 Änderung wurde noch nicht übertragen');
    await user.click(within(alert).getByRole('button', { name: 'Neu anmelden …' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dieses Gerät neu anmelden?' });
    expect(dialog).toHaveTextContent('genau einmal übertragen');
    await user.click(within(dialog).getByRole('button', { name: 'Neu anmelden' }));
    await waitFor(() => expect(screen.queryByTestId('self-retired')).not.toBeInTheDocument(), { timeout: 20_000 });
    const newId = await getDeviceId(db);
    expect(newId).not.toBe(oldId);
    await other.sync();
    expect(await other.db.accommodations.get('a-offline')).toMatchObject({ name: 'Offline angelegt' });
  }, 60_000);
});

describe('Konflikte', () => {
  it('shows both stays of a double-booked bed side by side; cancelling one resolves it', async () => {
    const user = userEvent.setup();
    const db = getDb();
    const ctx = { user: 'Test', deviceId: await getDeviceId(db), actor: ADMIN };
    await runOperation(db, ctx, 'import.accommodations', async (w) => {
      await w.put('accommodations', accommodation());
      await w.put('units', unit());
      await w.put('rooms', room());
      await w.put('beds', bed());
      await w.put('persons', person('p1', null));
      await w.put('persons', { ...person('p2', null), givenName: 'Amina', familyName: 'Yusuf' });
    });
    // What two offline laptops produce: two stays on one bed (applied as synced facts).
    await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('stays', { id: 's1', personId: 'p1', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: null, from: '2026-03-01', to: null });
    });
    await db.stays.put({ id: 's2', personId: 'p2', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: null, from: '2026-03-10', to: null, createdAt: '2026-03-10T00:00:00.000Z', updatedAt: '2026-03-10T00:00:00.000Z' });
    await recomputeAllConflicts(db);

    wrap(<ConflictInbox />);
    const card = await screen.findByText('Bett doppelt belegt');
    const conflict = card.closest('[data-conflict-id]') as HTMLElement;
    expect(conflict).not.toBeNull();
    expect(within(conflict).getByText(/Yusuf/)).toBeInTheDocument();
    const cancels = within(conflict).getAllByRole('button', { name: 'Diese Belegung stornieren' });
    expect(cancels).toHaveLength(2);
    await user.click(cancels[1]!);
    // The resolution is an ordinary change, waiting in the outbox to be synced.
    await waitFor(async () => expect((await db.outbox.toArray()).some((e) => e.change.operation === 'conflict.cancelStay')).toBe(true));
    expect((await db.stays.toArray()).filter((s) => s.cancelled === true)).toHaveLength(1);
    // The next sync pass ingests it first and the conflict is gone.
    await ingestAndApply(db, ctx.deviceId, []);
    await waitFor(() => expect(screen.getByText('Keine offenen Konflikte.')).toBeInTheDocument());
  });
});

describe('Festplattenverschlüsselung', () => {
  it.each([
    [{ state: 'encrypted', method: 'BitLocker' }, 'ist verschlüsselt (BitLocker)'],
    [{ state: 'not-encrypted', method: 'dm-crypt' }, 'ist nicht verschlüsselt (dm-crypt)'],
    [{ state: 'unknown', method: 'BitLocker', detail: 'Der BitLocker-Status lässt sich ohne Administratorrechte nicht abfragen.' }, 'unbekannt. Grund: Der BitLocker-Status lässt sich ohne Administratorrechte nicht abfragen.'],
  ])('shows %o', async (status, text) => {
    await installApi({ systemGetDiskEncryption: () => Promise.resolve(status) });
    wrap(<DiskEncryptionSection />);
    const box = await screen.findByTestId('disk-encryption');
    expect(box).toHaveAttribute('data-state', status.state);
    expect(box).toHaveTextContent(text);
    expect(screen.getByText(/setzt eine verschlüsselte Festplatte voraus \(unter Windows BitLocker\)/)).toBeInTheDocument();
  });
});
