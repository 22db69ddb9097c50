// Occupancy end to end in web mode, through the real UI in Chromium, from an
// empty database so every figure is determined by what the test does:
// a municipality and a GU opened 60 days ago, "Haus A, Zimmer 1–4, je 2
// Plätze, 16 m²" via the structure dialog, a household of four via Bewohner,
// Einzug on the suggested places ten days ago, a Verlegung, an Auszug and a
// Bettsperre today. Then the dashboard and the accommodation figures must be
// exactly 8 places / 3 occupied / 1 blocked / 4 free, and three wrong inputs
// (overlap, blocked bed, Auszug before the Einzug) must be refused with a
// German message while nothing at all is written (IndexedDB counts of
// stays, audit and outbox stay the same). Screenshots of the dashboard, the
// bed board and the timeline go to test-results/screenshots/occupancy-*.png.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  closeQuietly,
  countIndexedDb,
  launchBrowser,
  makeTempDir,
  openPage,
  removeDirs,
  screenshot,
  startWebServer,
  type PageProblems,
  type WebServer,
  createFirstAdminViaFirstStart,
  flowSteps,
} from './harness';
import {
  chooseInAutocomplete,
  chooseInSelect,
  dayInPage,
  eventually,
  fillDate,
  readDate,
  germanDate,
  readDashboardFigures,
  readFigureStrip,
  readGridRow,
  squash,
} from './occupancy-helpers';

const ACCOMMODATION = 'GU Am Mühlbach';
const HOUSEHOLD = 'Familie Haddad';
const MEMBERS = [
  { givenName: 'Omar', birthDate: '1984-05-02', sex: 'männlich' },
  { givenName: 'Lina', birthDate: '1987-11-20', sex: 'weiblich' },
  { givenName: 'Sami', birthDate: '2014-02-14', sex: 'männlich' },
  { givenName: 'Mira', birthDate: '2018-08-30', sex: 'weiblich' },
] as const;
/** Tables a refused operation must not touch. */
const WRITE_TABLES = ['stays', 'bedBlocks', 'persons', 'audit', 'outbox'] as const;

/** "Lina Haddad" (dialogs) → "Haddad, Lina" (as the bed board lists occupants). */
function boardName(name: string): string {
  const [given = '', family = ''] = name.split(' ');
  return `${family}, ${given}`;
}

/** "GU Am Mühlbach · Haus A · Zimmer 2 · Bett 1" → { room: '2', bed: '1' }. */
function placeOf(text: string): { room: string; bed: string } {
  const m = /Zimmer (\S+) · Bett (\S+)$/.exec(text);
  assert.ok(m, `not a bed text: ${text}`);
  return { room: m[1]!, bed: m[2]! };
}

void describe('occupancy end to end in web mode', { timeout: 240_000 }, () => {
  let server: WebServer | undefined;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: PageProblems;
  let today = '';
  let accommodationUrl = '';
  /** Person name ("Omar Haddad") → { room, bed } after the Einzug. */
  const placeByPerson = new Map<string, { room: string; bed: string }>();
  let moved = '';
  let movedTo = { room: '', bed: '' };
  let checkedOut = '';
  let blocked = { room: '', bed: '' };
  let figuresBeforeRefusals: Record<string, string> = {};

  const main = () => page.getByRole('main');
  const nav = (label: string) => page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: label, exact: true });
  const h1 = (name: string) => main().getByRole('heading', { level: 1, name, exact: true });
  const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
  /** A text field by its accessible name (MUI's required "*" is aria-hidden, so it is not part of it). */
  const textbox = (scope: Locator, name: string) => scope.getByRole('textbox', { name, exact: true });
  /** A bed card on the board: the button "Platz <bed>: …" in room section "Zimmer <room>". */
  const bedCard = (room: string, bed: string) =>
    main()
      .getByRole('region', { name: `Zimmer ${room}`, exact: true })
      .getByRole('button', { name: new RegExp(`^Platz ${bed}: `) });

  /** Waits until the bed card shows exactly "Platz <bed>: <state>". */
  const bedShows = (room: string, bed: string, state: string) =>
    main()
      .getByRole('region', { name: `Zimmer ${room}`, exact: true })
      .getByRole('button', { name: `Platz ${bed}: ${state}`, exact: true })
      .waitFor();

  async function openAccommodation(): Promise<void> {
    await page.goto(accommodationUrl);
    await h1(ACCOMMODATION).waitFor();
    await main().getByRole('tabpanel').getByRole('region', { name: 'Haus A' }).waitFor();
  }

  /** Opens the menu of a bed card once it shows `state` (the board may still be catching up) and picks `action`. */
  async function bedAction(room: string, bed: string, state: string, action: string): Promise<void> {
    await bedShows(room, bed, state);
    await bedCard(room, bed).click();
    await page.getByRole('menu').getByRole('menuitem', { name: action }).click();
  }

  /** Waits until a dialog has closed after a successful save. */
  async function closed(d: Locator): Promise<void> {
    await d.waitFor({ state: 'detached' });
  }

  /**
   * One step of the flow. The steps build on each other, so after a failure
   * the rest is skipped (instead of each timing out on its own) and the
   * page at the moment of failure is saved as a screenshot.
   */
  const step = flowSteps(() => page, () => 'occupancy-failure');

  before(async () => {
    server = await startWebServer();
    profileDir = await makeTempDir('profile');
    context = await launchBrowser(profileDir);
    ({ page, problems } = await openPage(context));
    page.setDefaultTimeout(15_000);
    // The charts honour prefers-reduced-motion: the dashboard screenshot then
    // shows the finished lines instead of an animation frame.
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  after(async () => {
    await closeQuietly(context);
    await server?.stop();
    await removeDirs(profileDir, server?.dataDir, server?.shareDir);
  });

  step('starts empty ("Leer starten") so the figures depend only on this test', async () => {
    await page.goto(server!.url);
    await createFirstAdminViaFirstStart(page);
    const welcome = dialog('Willkommen bei Quartier');
    await welcome.getByRole('button', { name: 'Leer starten' }).click();
    await closed(welcome);
    await h1('Übersicht').waitFor();
    today = await dayInPage(page);
    const counts = await countIndexedDb(page, ['municipalities', 'accommodations', 'beds', 'persons', 'stays']);
    assert.deepEqual(Object.values(counts), [0, 0, 0, 0, 0], JSON.stringify(counts));
  });

  step('creates a municipality under Zuteilungen → Gemeinden', async () => {
    await nav('Zuteilungen').click();
    await h1('Zuteilungen').waitFor();
    await main().getByRole('tab', { name: 'Gemeinden' }).click();
    await main().getByRole('button', { name: 'Gemeinde anlegen' }).click();
    const d = dialog('Gemeinde anlegen');
    await textbox(d, 'Amtlicher Gemeindeschlüssel (AGS)').fill('08417031');
    await textbox(d, 'Name').fill('Hechingen');
    await textbox(d, 'Einwohnerzahl').fill('19500');
    await d.getByRole('button', { name: 'Speichern' }).click();
    await closed(d);
    await main().getByRole('grid', { name: 'Gemeinden' }).getByRole('row').filter({ hasText: 'Hechingen' }).waitFor();
  });

  step('creates a GU open since 60 days ago and its rooms and beds with the structure dialog', async () => {
    await nav('Unterkünfte').click();
    await h1('Unterkünfte').waitFor();
    await main().getByRole('button', { name: 'Neue Unterkunft' }).click();
    const d = dialog('Neue Unterkunft');
    await textbox(d, 'Name').fill(ACCOMMODATION);
    await textbox(d, 'Straße und Hausnummer').fill('Mühlbachweg 4');
    await textbox(d, 'PLZ').fill('72379');
    await textbox(d, 'Ort').fill('Hechingen');
    await chooseInSelect(page, d, /^Gemeinde/, 'Hechingen');
    await fillDate(page, d, 'In Betrieb ab', await dayInPage(page, -60));
    await d.getByRole('button', { name: 'Speichern' }).click();
    await closed(d);
    // Saving opens the new accommodation's page.
    await h1(ACCOMMODATION).waitFor();
    accommodationUrl = page.url();
    assert.match(new URL(accommodationUrl).hash, /^#\/accommodations\/.+/);

    await main().getByRole('button', { name: 'Struktur anlegen' }).click();
    const s = dialog(`Struktur anlegen – ${ACCOMMODATION}`);
    await textbox(s, 'Struktur (eine Zeile je Gruppe)').fill('Haus A, Zimmer 1–4, je 2 Plätze, 16 m²');
    await s.getByRole('button', { name: 'Vorschau' }).click();
    await s.getByText('4 Zimmer, 8 Plätze werden angelegt').waitFor();
    const preview = s.getByRole('table', { name: 'Vorschau der neuen Zimmer' });
    assert.match(squash(await preview.innerText()), /Neu: Haus A 4 Zimmer: 1, 2, 3, 4 je 2 = 8 16 m²/);
    await s.getByRole('button', { name: 'Anlegen' }).click();
    await closed(s);

    await main().getByRole('region', { name: 'Haus A' }).waitFor();
    for (const room of ['1', '2', '3', '4']) {
      for (const bed of ['1', '2']) await bedShows(room, bed, 'frei');
    }
    const strip = await readFigureStrip(page);
    assert.equal(strip['Plätze'], '8');
    assert.equal(strip['frei'], '8');
    const counts = await countIndexedDb(page, ['units', 'rooms', 'beds']);
    assert.deepEqual(counts, { units: 1, rooms: 4, beds: 8 });
  });

  step('creates a household of four under Bewohner', async () => {
    await nav('Bewohner').click();
    await h1('Bewohner').waitFor();
    await main().getByRole('button', { name: 'Neuer Haushalt' }).click();
    const d = dialog('Neuer Haushalt');
    await textbox(d, 'Name des Haushalts').fill(HOUSEHOLD);
    await textbox(d, 'Aktenzeichen').fill('AZ 2025-0815');
    await textbox(d, 'Staatsangehörigkeit').fill('SYR');
    await textbox(d, 'Sprachen').fill('ar, en');
    await fillDate(page, d, 'Aufnahme in den Landkreis', await dayInPage(page, -12));
    const rows = d.getByRole('list').getByRole('listitem');
    await textbox(rows.nth(0), 'Familienname').fill('Haddad');
    for (let i = 1; i < MEMBERS.length; i++) await d.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
    assert.equal(await rows.count(), MEMBERS.length);
    for (const [i, m] of MEMBERS.entries()) {
      const row = rows.nth(i);
      // New rows take over the family name of the first member.
      assert.equal(await textbox(row, 'Familienname').inputValue(), 'Haddad');
      await textbox(row, 'Vorname').fill(m.givenName);
      await fillDate(page, row, 'Geburtsdatum', m.birthDate);
      await chooseInSelect(page, row, /^Geschlecht/, m.sex);
    }
    await d.getByRole('button', { name: 'Speichern' }).click();
    await closed(d);
    const counts = await countIndexedDb(page, ['persons', 'households']);
    assert.deepEqual(counts, { persons: 4, households: 1 });
  });

  step('checks the household in on the suggested places (Einzug ten days ago)', async () => {
    await nav('Belegung').click();
    await h1('Belegung').waitFor();
    await main().getByRole('button', { name: 'Einzug', exact: true }).click();
    const d = dialog('Einzug');
    await chooseInAutocomplete(page, d, 'Person oder Haushalt', 'Haddad', /^Familie Haddad/);
    const members = d.getByRole('group', { name: 'Wer ist dabei?' }).getByRole('checkbox');
    assert.equal(await members.count(), 4);
    for (const box of await members.all()) assert.ok(await box.isChecked(), 'all members take part by default');
    await d.getByRole('button', { name: 'Weiter' }).click();

    await fillDate(page, d, 'Einzugsdatum', await dayInPage(page, -10));
    const suggestions = d.getByRole('radiogroup');
    await suggestions.getByRole('radio').first().waitFor();
    // The first suggestion is chosen: one unit, two rooms, with its explanation.
    assert.ok(await suggestions.getByRole('radio').first().isChecked());
    const first = squash(await suggestions.locator('label').first().innerText());
    assert.match(first, new RegExp(`^${ACCOMMODATION} · Haus A · Zimmer \\d, \\d`), first);
    assert.match(first, /Plätzen frei/, first);
    await d.getByRole('button', { name: 'Weiter' }).click();

    const summary = d.getByRole('list', { name: 'Zuordnung der Betten' });
    await summary.getByRole('listitem').first().waitFor();
    assert.match(squash(await d.innerText()), new RegExp(`Einzug am ${germanDate(await dayInPage(page, -10)).replace(/\./g, '\\.')}, Auszug: offen`));
    for (const item of await summary.getByRole('listitem').all()) {
      const [name = '', place = ''] = (await item.innerText()).split('\n').map(squash).filter(Boolean);
      placeByPerson.set(name, placeOf(place));
    }
    assert.deepEqual([...placeByPerson.keys()].sort(), MEMBERS.map((m) => `${m.givenName} Haddad`).sort());
    const beds = new Set([...placeByPerson.values()].map((p) => `${p.room}/${p.bed}`));
    assert.equal(beds.size, 4, 'four different beds');
    assert.equal(new Set([...placeByPerson.values()].map((p) => p.room)).size, 2, 'a family of four fills two rooms of two');

    await d.getByRole('button', { name: 'Einzug speichern' }).click();
    await closed(d);
    assert.equal((await countIndexedDb(page, ['stays'])).stays, 4);
  });

  step('moves one person to a free room (Verlegung today) from the bed board', async () => {
    await openAccommodation();
    const usedRooms = new Set([...placeByPerson.values()].map((p) => p.room));
    const freeRoom = ['1', '2', '3', '4'].find((r) => !usedRooms.has(r))!;
    moved = [...placeByPerson.keys()].sort()[0]!;
    const from = placeByPerson.get(moved)!;
    movedTo = { room: freeRoom, bed: '1' };
    await bedAction(from.room, from.bed, `belegt: ${boardName(moved)}`, 'Verlegen …');
    const d = dialog('Verlegung');
    // The occupant is preselected; the day defaults to today.
    assert.equal(await d.getByRole('combobox', { name: 'Wer wird verlegt?' }).inputValue(), `Haddad, ${moved.split(' ')[0]}`);
    assert.equal(await readDate(d, 'Datum der Verlegung'), today);
    await textbox(d, 'Grund der Verlegung').fill('Zimmertausch');
    await d.getByRole('button', { name: 'Bett selbst wählen' }).click();
    await chooseInAutocomplete(page, d, `Bett für ${moved}`, `Zimmer ${movedTo.room} · Bett ${movedTo.bed}`, `${ACCOMMODATION} · Haus A · Zimmer ${movedTo.room} · Bett ${movedTo.bed}`);
    await d.getByRole('button', { name: 'Verlegung speichern' }).click();
    await closed(d);

    await bedShows(movedTo.room, movedTo.bed, `belegt: ${boardName(moved)}`);
    await bedShows(from.room, from.bed, 'frei');
    // The old stay ends today and a new one starts: one more stay record.
    assert.equal((await countIndexedDb(page, ['stays'])).stays, 5);
  });

  step('checks one person out with a reason (Auszug today)', async () => {
    checkedOut = [...placeByPerson.keys()].sort().find((n) => n !== moved)!;
    const at = placeByPerson.get(checkedOut)!;
    await bedAction(at.room, at.bed, `belegt: ${boardName(checkedOut)}`, 'Auszug …');
    const d = dialog('Auszug');
    assert.equal(await readDate(d, 'Auszugsdatum'), today);
    await chooseInSelect(page, d, /^Auszugsgrund/, 'Eigene Wohnung');
    await textbox(d, 'Bemerkung').fill('Wohnung in Hechingen gefunden');
    await d.getByRole('button', { name: 'Auszug speichern' }).click();
    await closed(d);
    await bedShows(at.room, at.bed, 'frei');
  });

  step('blocks a free bed with a reason (Bettsperre from today)', async () => {
    blocked = { room: movedTo.room, bed: '2' };
    await bedAction(blocked.room, blocked.bed, 'frei', 'Sperren …');
    const d = dialog('Bettsperre');
    await d.getByText(`${ACCOMMODATION} · Haus A · Zimmer ${blocked.room} · Bett ${blocked.bed}`).waitFor();
    await chooseInSelect(page, d, /^Sperrgrund/, 'Schimmel');
    assert.equal(await readDate(d, 'Gesperrt ab'), today);
    await textbox(d, 'Bemerkung').fill('Schimmel an der Außenwand');
    await d.getByRole('button', { name: 'Sperre speichern' }).click();
    await closed(d);
    await bedShows(blocked.room, blocked.bed, 'gesperrt: Schimmel');
    assert.equal((await countIndexedDb(page, ['bedBlocks'])).bedBlocks, 1);
  });

  step('shows the right figures on the dashboard, the accommodation page and the accommodation list', async () => {
    // 8 places; 4 moved in, 1 moved out → 3 occupied; 1 blocked; 8 − 3 − 1 = 4 free.
    const expected = { Plätze: '8', belegt: '3', reserviert: '0', gesperrt: '1', frei: '4' };

    await openAccommodation();
    await eventually(async () => {
      const strip = await readFigureStrip(page);
      assert.deepEqual(strip, { ...expected, Quote: '37,5 %', 'm²/Platz': '8,0 m²' }, JSON.stringify(strip));
    });
    const stateCounts: Record<string, number> = {};
    for (const label of await main().getByRole('tabpanel').getByRole('button', { name: /^Platz \d+: / }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
      const state = label.split(': ')[1] ?? '';
      stateCounts[state] = (stateCounts[state] ?? 0) + 1;
    }
    assert.deepEqual(stateCounts, { belegt: 3, frei: 4, gesperrt: 1 });

    await nav('Unterkünfte').click();
    await h1('Unterkünfte').waitFor();
    await eventually(async () => {
      const row = await readGridRow(main().getByRole('grid', { name: 'Unterkünfte' }), ACCOMMODATION);
      const shown = { Plätze: row['Plätze'], belegt: row['belegt'], reserviert: row['reserviert'], gesperrt: row['gesperrt'], frei: row['frei'], Quote: row['Quote'] };
      assert.deepEqual(shown, { ...expected, Quote: '37,5 %' }, JSON.stringify(row));
    });

    await nav('Übersicht').click();
    await h1('Übersicht').waitFor();
    figuresBeforeRefusals = await eventually(async () => {
      const dash = await readDashboardFigures(page);
      assert.deepEqual(
        { Plätze: dash['Plätze'], belegt: dash['belegt'], reserviert: dash['reserviert'], gesperrt: dash['gesperrt'], frei: dash['frei'] },
        expected,
        JSON.stringify(dash),
      );
      assert.equal(dash['Belegungsquote'], '37,5 %');
      assert.equal(dash['m² pro Platz'], '8,0 m²');
      return dash;
    });
    const occupiedCard = squash(await page.getByRole('list', { name: 'Kreis gesamt' }).getByRole('listitem').filter({ hasText: /^belegt/ }).innerText());
    assert.match(occupiedCard, /3 Personen/);
  });

  /** Runs an Einzug of `person` into the bed picked by hand and expects a refusal; returns the message. */
  async function refusedCheckIn(person: string, room: string, bed: string): Promise<string> {
    await nav('Belegung').click();
    await h1('Belegung').waitFor();
    await main().getByRole('button', { name: 'Einzug', exact: true }).click();
    const d = dialog('Einzug');
    const [given = '', family = ''] = person.split(' ');
    await chooseInAutocomplete(page, d, 'Person oder Haushalt', given, `${family}, ${given}`);
    await d.getByRole('button', { name: 'Weiter' }).click();
    assert.equal(await readDate(d, 'Einzugsdatum'), today);
    await d.getByRole('button', { name: 'Bett selbst wählen' }).click();
    await chooseInAutocomplete(page, d, `Bett für ${person}`, `Zimmer ${room} · Bett ${bed}`, `${ACCOMMODATION} · Haus A · Zimmer ${room} · Bett ${bed}`);
    await d.getByRole('button', { name: 'Weiter' }).click();
    await d.getByRole('button', { name: 'Einzug speichern' }).click();
    const alert = d.getByRole('alert');
    await alert.waitFor();
    const text = squash(await alert.innerText());
    // The wizard stays open on the refusal; the user cancels.
    await d.getByRole('button', { name: 'Abbrechen' }).click();
    await closed(d);
    return text;
  }

  step('refuses an Einzug into an occupied bed for an overlapping period, and writes nothing', async () => {
    const before = await countIndexedDb(page, WRITE_TABLES);
    const occupant = [...placeByPerson.keys()].sort().find((n) => n !== moved && n !== checkedOut)!;
    const at = placeByPerson.get(occupant)!;
    const message = await refusedCheckIn(checkedOut, at.room, at.bed);
    assert.match(message, /^Nicht gespeichert/);
    assert.ok(
      message.includes(`Bett ${at.bed} in Zimmer ${at.room} (${ACCOMMODATION}) ist ab dem ${germanDate(today)} bereits mit ${occupant} belegt`),
      message,
    );
    assert.deepEqual(await countIndexedDb(page, WRITE_TABLES), before);
  });

  step('refuses an Einzug into the blocked bed, and writes nothing', async () => {
    const before = await countIndexedDb(page, WRITE_TABLES);
    const message = await refusedCheckIn(checkedOut, blocked.room, blocked.bed);
    assert.match(message, /^Nicht gespeichert/);
    assert.ok(message.includes(`Bett ${blocked.bed} in Zimmer ${blocked.room} (${ACCOMMODATION}) ist ab dem ${germanDate(today)} gesperrt (Schimmel)`), message);
    assert.deepEqual(await countIndexedDb(page, WRITE_TABLES), before);
  });

  step('refuses an Auszug dated before the Einzug, and writes nothing', async () => {
    const before = await countIndexedDb(page, WRITE_TABLES);
    const person = [...placeByPerson.keys()].sort().find((n) => n !== moved && n !== checkedOut)!;
    const at = placeByPerson.get(person)!;
    await openAccommodation();
    await bedAction(at.room, at.bed, `belegt: ${boardName(person)}`, 'Auszug …');
    const d = dialog('Auszug');
    const dayBeforeMoveIn = await dayInPage(page, -11);
    await fillDate(page, d, 'Auszugsdatum', dayBeforeMoveIn);
    await chooseInSelect(page, d, /^Auszugsgrund/, 'Eigene Wohnung');
    await d.getByRole('button', { name: 'Auszug speichern' }).click();
    const alert = d.getByRole('alert');
    await alert.waitFor();
    const message = squash(await alert.innerText());
    assert.match(message, /^Nicht gespeichert/);
    assert.ok(message.includes(`${person} wohnt am Tag vor dem ${germanDate(dayBeforeMoveIn)} in keiner Unterkunft`), message);
    await d.getByRole('button', { name: 'Abbrechen' }).click();
    await closed(d);
    assert.deepEqual(await countIndexedDb(page, WRITE_TABLES), before);
    await bedShows(at.room, at.bed, `belegt: ${boardName(person)}`);
  });

  step('after the refusals the figures are unchanged; screenshots of dashboard, bed board and timeline', async () => {
    await openAccommodation();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'occupancy-bed-board');

    await main().getByRole('tab', { name: 'Zeitstrahl' }).click();
    const timeline = main().getByRole('region', { name: 'Zeitstrahl mit 8 Plätzen' });
    await timeline.waitFor();
    // Bars: 4 Einzüge (one ended by the Verlegung, one by the Auszug), the new stay of the moved person, the block.
    const bars = timeline.getByRole('img');
    await bars.first().waitFor();
    const labels = await eventually(async () => {
      const shown = (await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).sort();
      assert.equal(shown.length, 6, shown.join('\n'));
      return shown;
    });
    assert.equal(labels.filter((l) => l.includes('gesperrt')).length, 1, labels.join('\n'));
    await screenshot(page, 'occupancy-timeline');

    await nav('Übersicht').click();
    await h1('Übersicht').waitFor();
    // Nothing changed: the same figures as before the refusals (read after the read model settled).
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await readDashboardFigures(page), figuresBeforeRefusals);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'occupancy-dashboard');
    assert.deepEqual(problems.errors, [], 'uncaught errors, console errors or failed requests during the flow');
  });
});
