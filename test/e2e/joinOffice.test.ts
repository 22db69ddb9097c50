// A second laptop joins an existing office (issue #7, first start „Mit der
// gemeinsamen Ablage verbinden“), in Chromium with two web servers (two
// laptops, each its own data folder and browser profile) on ONE share folder:
// laptop A creates the first administrator and syncs with the organisation
// passphrase; laptop B refuses a wrong passphrase in German, then joins and
// signs in with A's administrator — no second administrator, no welcome
// dialog for demo data. Screenshots: test-results/screenshots/join-*.png.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  closeQuietly,
  countIndexedDb,
  createFirstAdminViaFirstStart,
  E2E_ADMIN,
  joinOfficeViaFirstStart,
  launchBrowser,
  makeTempDir,
  openPage,
  removeDirs,
  screenshot,
  signIn,
  startWebServer,
  type WebServer,
} from './harness';

const PASSPHRASE = 'Kreis-Geheimnis 2026!';

void describe('join an office from the shared folder', { timeout: 240_000 }, () => {
  const servers: WebServer[] = [];
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];

  after(async () => {
    for (const c of contexts) await closeQuietly(c);
    for (const s of servers) await s.stop();
    await removeDirs(...dirs);
  });

  void it('laptop B joins laptop A’s office and signs in with A’s administrator', async () => {
    const share = await makeTempDir('share');
    dirs.push(share);
    const laptop = async () => {
      const server = await startWebServer({ shareDir: share });
      const profile = await makeTempDir('profile');
      const context = await launchBrowser(profile);
      servers.push(server);
      contexts.push(context);
      dirs.push(profile);
      return openPage(context, server.url);
    };

    const { page: a } = await laptop();
    await createFirstAdminViaFirstStart(a);
    const welcome = a.getByRole('dialog', { name: 'Willkommen bei Quartier' });
    await welcome.getByRole('button', { name: 'Leer starten' }).click();
    await welcome.waitFor({ state: 'detached' });
    await a.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Synchronisation', exact: true }).click();
    await a.getByLabel(/^Passwort der Organisation/).first().fill(PASSPHRASE);
    await a.getByRole('button', { name: 'Passwort speichern' }).click();
    await a.getByRole('main').getByRole('button', { name: 'Jetzt synchronisieren' }).click();
    await a.getByText(/^Synchronisiert /).first().waitFor({ timeout: 60_000 });

    const { page: b, problems } = await laptop();
    const refusal = await joinOfficeViaFirstStart(b, 'falsches Passwort!');
    assert.equal(refusal, 'Das Passwort der Organisation ist falsch. Es wurde nichts geschrieben.');
    assert.deepEqual(await countIndexedDb(b, ['users', 'outbox']), { users: 0, outbox: 0 });
    await screenshot(b, 'join-wrong-passphrase');

    assert.equal(await joinOfficeViaFirstStart(b, PASSPHRASE), null);
    await screenshot(b, 'join-sign-in');
    await signIn(b, E2E_ADMIN.login, E2E_ADMIN.password);
    assert.equal(await b.getByRole('dialog', { name: 'Willkommen bei Quartier' }).isVisible(), false);
    assert.equal((await countIndexedDb(b, ['users'])).users, 1);
    assert.deepEqual(problems.errors, []);
  });
});
