// Sync end to end in web mode: two browser profiles are two laptops sharing
// one folder (one web server, one QUARTIER_SHARE_DIR). Both start from the
// same deterministic demo data; each places a DIFFERENT person in the SAME
// bed while they have not synced; both sync; both show the same conflict in
// the Konflikte inbox; one resolves it through the inbox; both converge (same
// stays, no conflict). Screenshot: test-results/screenshots/sync-conflict-inbox.png.
//
// The two placements are written into IndexedDB in exactly the repository's
// format (record + outbox change with the next seq and an HLC stamp, one
// transaction) from inside the page, because this test is about the sync,
// not about the Einzug dialog; everything after that goes through the UI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  closeQuietly,
  launchBrowser,
  makeTempDir,
  openPage,
  removeDirs,
  screenshot,
  startWebServer,
  type WebServer,
  loadDemoViaFirstStart,
} from './harness';

const PASSPHRASE = 'Landratsamt-Sync 2026';

interface Laptop {
  context: BrowserContext;
  page: Page;
  profile: string;
}

async function startLaptop(server: WebServer, name: string): Promise<Laptop> {
  const profile = await makeTempDir(`sync-${name}`);
  const context = await launchBrowser(profile);
  // tsx (esbuild keepNames) wraps named inner functions of page.evaluate
  // callbacks in __name(); give the page a no-op for it.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const { page } = await openPage(context, server.url);
  await loadDemoViaFirstStart(page, 180_000);
  await page.goto(`${server.origin}/#/sync`);
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'Synchronisation' }).waitFor();
  await page.getByLabel('Passwort der Organisation').fill(PASSPHRASE);
  // Web mode: kept for this session unless asked to keep it sealed with the installation key.
  await page.getByLabel('Auf diesem Rechner verschlüsselt merken (Schlüssel dieser Installation)').check();
  await page.getByRole('button', { name: 'Passwort speichern' }).click();
  await page.getByText('Ein Passwort ist auf diesem Laptop hinterlegt – verschlüsselt mit einem Schlüssel dieser Installation.').waitFor();
  return { context, page, profile };
}

async function syncNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Jetzt synchronisieren' });
  await button.waitFor();
  await button.click();
  // The button is disabled while a pass runs; wait until it is usable again.
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.includes('Jetzt synchronisieren'));
    return b !== undefined && !b.disabled;
  }, undefined, { timeout: 120_000 });
}

/** A free bed and two persons without a current stay, identical on both laptops (same demo seed). */
async function pickPlacement(page: Page): Promise<{ bedId: string; personIds: [string, string] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('quartier');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error ?? new Error('getAll failed'));
      });
    type S = { bedId: string; personId: string; to: string | null; cancelled?: boolean; deleted?: boolean };
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    // Busy = a stay that has not ended by today (current or planned).
    const stays = (await all<S>('stays')).filter((s) => !s.cancelled && !s.deleted && (s.to === null || s.to > today));
    const usedBeds = new Set(stays.map((s) => s.bedId));
    const usedPersons = new Set(stays.map((s) => s.personId));
    for (const b of await all<{ bedId: string; until: string | null; deleted?: boolean }>('bedBlocks')) {
      if (!b.deleted && (b.until === null || b.until > today)) usedBeds.add(b.bedId);
    }
    const beds = (await all<{ id: string; deleted?: boolean; reserve: boolean }>('beds')).filter((b) => !b.deleted && !b.reserve && !usedBeds.has(b.id)).map((b) => b.id).sort();
    const persons = (await all<{ id: string; deleted?: boolean }>('persons')).filter((p) => !p.deleted && !usedPersons.has(p.id)).map((p) => p.id).sort();
    db.close();
    if (!beds[0] || !persons[1]) throw new Error('no free bed or persons in the demo data');
    return { bedId: beds[0], personIds: [persons[0]!, persons[1]] as [string, string] };
  });
}

/** Writes one check-in as the repository does: the stay and its outbox change in one transaction. */
async function placeOffline(page: Page, bedId: string, personId: string): Promise<string> {
  return page.evaluate(
    async ({ bedId, personId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('quartier');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open failed'));
      });
      const tx = db.transaction(['beds', 'persons', 'stays', 'outbox', 'syncState', 'settings'], 'readwrite');
      const get = <T>(store: string, key: string) =>
        new Promise<T | undefined>((resolve, reject) => {
          const r = tx.objectStore(store).get(key);
          r.onsuccess = () => resolve(r.result as T | undefined);
          r.onerror = () => reject(r.error ?? new Error('get failed'));
        });
      const bed = (await get<{ id: string; roomId: string; accommodationId: string }>('beds', bedId))!;
      const person = (await get<{ householdId: string | null }>('persons', personId))!;
      let deviceId = (await get<{ value: string }>('settings', 'deviceId'))?.value;
      if (!deviceId) {
        deviceId = crypto.randomUUID();
        tx.objectStore('settings').put({ key: 'deviceId', value: deviceId });
      }
      const seq = ((await get<{ value: number }>('syncState', 'outboxSeq'))?.value ?? 0) + 1;
      const lastHlc = (await get<{ value: string }>('syncState', 'hlc'))?.value;
      const lastMs = lastHlc ? Number(lastHlc.slice(0, 15)) : 0;
      const ms = Math.max(Date.now(), lastMs + 1);
      const hlc = `${String(ms).padStart(15, '0')}-00000-${deviceId}`;
      const now = new Date().toISOString();
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const id = crypto.randomUUID();
      const stay = { id, personId, bedId, roomId: bed.roomId, accommodationId: bed.accommodationId, householdId: person.householdId ?? null, from: today, to: null, createdAt: now, updatedAt: now };
      tx.objectStore('stays').put(stay);
      tx.objectStore('syncState').put({ key: 'outboxSeq', value: seq });
      tx.objectStore('syncState').put({ key: 'hlc', value: hlc });
      tx.objectStore('outbox').add({
        seq,
        shipped: false,
        change: { changeId: `${deviceId}:${seq}`, deviceId, seq, hlc, at: now, user: 'E2E', operation: 'stay.checkIn', ops: [{ kind: 'upsert', table: 'stays', id, fields: stay, created: true }] },
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
      });
      db.close();
      return id;
    },
    { bedId, personId },
  );
}

async function conflictIds(page: Page): Promise<string[]> {
  await page.goto(page.url().replace(/#.*$/, '#/sync'));
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'Synchronisation' }).waitFor();
  await page.getByRole('heading', { name: 'Konflikte' }).waitFor();
  return page.locator('[data-conflict-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-conflict-id') ?? '').sort());
}

/** Stays of the bed that are current or planned (not ended by today). */
async function activeStaysOfBed(page: Page, bedId: string): Promise<string[]> {
  return page.evaluate(async (bedId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('quartier');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const stays = await new Promise<{ id: string; bedId: string; to: string | null; cancelled?: boolean; deleted?: boolean }[]>((resolve, reject) => {
      const r = db.transaction('stays').objectStore('stays').getAll();
      r.onsuccess = () => resolve(r.result as never);
      r.onerror = () => reject(r.error ?? new Error('getAll failed'));
    });
    db.close();
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return stays.filter((s) => s.bedId === bedId && !s.cancelled && !s.deleted && (s.to === null || s.to > today)).map((s) => s.id).sort();
  }, bedId);
}

void describe('sync of two laptops through one shared folder (web mode)', { timeout: 600_000 }, () => {
  let server: WebServer | undefined;
  let a: Laptop | undefined;
  let b: Laptop | undefined;

  before(async () => {
    server = await startWebServer();
  });

  after(async () => {
    await closeQuietly(a?.context);
    await closeQuietly(b?.context);
    await server?.stop();
    await removeDirs(a?.profile, b?.profile, server?.dataDir, server?.shareDir);
  });

  void it('shows the same double booking on both laptops, and both converge after one resolves it', async () => {
    a = await startLaptop(server!, 'a');
    b = await startLaptop(server!, 'b');
    await syncNow(a.page);
    await syncNow(b.page);

    const placement = await pickPlacement(a.page);
    assert.deepEqual(await pickPlacement(b.page), placement, 'both laptops hold the same demo data');
    const stayA = await placeOffline(a.page, placement.bedId, placement.personIds[0]);
    const stayB = await placeOffline(b.page, placement.bedId, placement.personIds[1]);

    for (let round = 0; round < 2; round++) {
      await syncNow(a.page);
      await syncNow(b.page);
    }
    const idsA = await conflictIds(a.page);
    const idsB = await conflictIds(b.page);
    assert.ok(idsA.length >= 1, 'laptop A shows the conflict');
    assert.deepEqual(idsB, idsA, 'both laptops show the same conflicts');
    const article = a.page.locator('article[data-kind="bed-double-booking"]');
    await article.waitFor();
    assert.equal(await article.getByRole('button', { name: 'Diese Belegung stornieren' }).count(), 2, 'both versions side by side, each with its action');
    assert.match(await a.page.getByTestId('sync-status').innerText(), /Konflikt/);
    await screenshot(a.page, 'sync-conflict-inbox');

    // B resolves: cancel its own placement through the inbox.
    const bArticle = b.page.locator('article[data-kind="bed-double-booking"]');
    await bArticle.waitFor();
    const cards = bArticle.locator('.MuiCard-root');
    const count = await cards.count();
    let clicked = false;
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const text = await card.innerText();
      const personB = await b.page.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open('quartier');
          r.onsuccess = () => resolve(r.result);
        });
        const p = await new Promise<{ givenName: string; familyName: string }>((resolve) => {
          const r = db.transaction('persons').objectStore('persons').get(id);
          r.onsuccess = () => resolve(r.result as never);
        });
        db.close();
        return `${p.givenName} ${p.familyName}`;
      }, placement.personIds[1]);
      if (text.includes(personB)) {
        await card.getByRole('button', { name: 'Diese Belegung stornieren' }).click();
        clicked = true;
        break;
      }
    }
    assert.ok(clicked, 'found the card of the placement made on B');
    await b.page.getByText('Entscheidung gespeichert').first().waitFor();

    for (let round = 0; round < 2; round++) {
      await syncNow(b.page);
      await syncNow(a.page);
    }
    assert.deepEqual(await conflictIds(a.page), []);
    assert.deepEqual(await conflictIds(b.page), []);
    await a.page.getByText('Keine offenen Konflikte.').waitFor();
    assert.deepEqual(await activeStaysOfBed(a.page, placement.bedId), [stayA]);
    assert.deepEqual(await activeStaysOfBed(b.page, placement.bedId), [stayA]);
    assert.notEqual(stayA, stayB);
    await screenshot(a.page, 'sync-resolved');
  });
});
