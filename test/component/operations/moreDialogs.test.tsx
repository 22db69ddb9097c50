// Verlegung, Bettsperre, Korrektur and Frist on a real (fake-indexeddb)
// database: a valid entry writes the expected records (and one Change), a
// refusal shows the German rule text and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import type { QuartierDb } from '../../../renderer/db/db';
import { setSetting } from '../../../renderer/db/settings';
import { BlockBedDialog, CorrectStayDialog, ExtendDeadlineDialog, MoveDialog, blockBed, checkIn } from '../../../renderer/features/operations';
import { addMonths } from '../../../shared/domain/dates';
import { computeDeadlines, NORMAL_EXTENSION_MONTHS } from '../../../shared/occupancy/deadlines';
import { ctx, seededDb } from '../../integration/operations/fixture';
import { typeDate } from '../dateInput';
import { signInAs, signOutForTest } from '../../support/session';

// Saving needs a signed-in user; these tests act as Administration.
beforeEach(() => {
  signInAs('admin');
});
afterEach(() => {
  signOutForTest();
});

let db: QuartierDb;

beforeEach(async () => {
  db = await seededDb();
  await setSetting(db, 'deviceId', ctx.deviceId);
  // Omar lives in the flat (b-f1), Ali in the GU's open room (b-g1), both from 01.02.2025.
  await checkIn(db, { assignments: [{ personId: 'p-omar', bedId: 'b-f1' }], from: '2025-02-01' }, { ctx });
  await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g1' }], from: '2025-02-01' }, { ctx });
});
afterEach(() => db.close());

/** Everything a refusal must leave untouched. */
async function snapshot() {
  return { stays: await db.stays.toArray(), blocks: await db.bedBlocks.toArray(), persons: await db.persons.toArray(), outbox: await db.outbox.count() };
}

const aliStays = async () => (await db.stays.where('personId').equals('p-ali').toArray()).filter((s) => !s.deleted).sort((a, b) => a.from.localeCompare(b.from));

describe('MoveDialog', () => {
  it('moves a person to the chosen bed: the old stay ends, a new one starts on the day', async () => {
    const user = userEvent.setup();
    let closed = 0;
    render(<MoveDialog open onClose={() => closed++} initialPersonId="p-ali" initialBedId="b-g2" db={db} />);
    await screen.findByRole('group', { name: /Datum der Verlegung/ });
    await typeDate(user, /Datum der Verlegung/, '2025-03-01');
    const save = screen.getByRole('button', { name: 'Verlegung speichern' });
    await waitFor(() => expect(save).toBeEnabled());
    const outbox = await db.outbox.count();
    await user.click(save);
    await waitFor(() => expect(closed).toBe(1));
    const stays = await aliStays();
    expect(stays.map((s) => [s.bedId, s.from, s.to])).toEqual([
      ['b-g1', '2025-02-01', '2025-03-01'],
      ['b-g2', '2025-03-01', null],
    ]);
    expect(await db.outbox.count()).toBe(outbox + 1);
  });

  it('refuses a bed that is occupied on the day with the German rule text and writes nothing', async () => {
    const user = userEvent.setup();
    render(<MoveDialog open onClose={() => {}} initialPersonId="p-ali" initialBedId="b-f1" db={db} />);
    await screen.findByRole('group', { name: /Datum der Verlegung/ });
    await typeDate(user, /Datum der Verlegung/, '2025-03-01');
    const save = screen.getByRole('button', { name: 'Verlegung speichern' });
    await waitFor(() => expect(save).toBeEnabled());
    const before = await snapshot();
    await user.click(save);
    const alert = await screen.findByTestId('operation-error');
    expect(alert).toHaveTextContent('Bett 1 in Zimmer 1 (Wohnung Lindenstraße) ist ab dem 01.03.2025 bereits mit Omar Haddad belegt');
    expect(await snapshot()).toEqual(before);
  });
});

describe('BlockBedDialog', () => {
  it('blocks a free bed from the given day until further notice', async () => {
    const user = userEvent.setup();
    let closed = 0;
    render(<BlockBedDialog open onClose={() => closed++} bedId="b-g2" db={db} />);
    await screen.findByRole('group', { name: /Gesperrt ab/ });
    await typeDate(user, /Gesperrt ab/, '2025-04-01');
    await user.type(screen.getByRole('textbox', { name: 'Bemerkung' }), 'Wasserschaden');
    await user.click(screen.getByRole('button', { name: 'Sperre speichern' }));
    await waitFor(() => expect(closed).toBe(1));
    const blocks = await db.bedBlocks.toArray();
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ bedId: 'b-g2', accommodationId: 'gu', from: '2025-04-01', until: null, reason: 'repair', note: 'Wasserschaden' });
  });

  it('refuses a second block over an existing one with the German rule text and writes nothing', async () => {
    const user = userEvent.setup();
    await blockBed(db, { bedId: 'b-g2', from: '2025-04-01', until: null, reason: 'repair' }, { ctx });
    render(<BlockBedDialog open onClose={() => {}} bedId="b-g2" db={db} />);
    await screen.findByRole('group', { name: /Gesperrt ab/ });
    await typeDate(user, /Gesperrt ab/, '2025-05-01');
    const before = await snapshot();
    await user.click(screen.getByRole('button', { name: 'Sperre speichern' }));
    const alert = await screen.findByTestId('operation-error');
    expect(alert).toHaveTextContent('Bett B in Zimmer 1.02 ist ab dem 01.04.2025 bereits gesperrt (Reparatur). Bitte die bestehende Sperrung ändern.');
    expect(await snapshot()).toEqual(before);
  });
});

describe('CorrectStayDialog', () => {
  it('corrects the move-in day with a reason', async () => {
    const user = userEvent.setup();
    const [stay] = await aliStays();
    let closed = 0;
    render(<CorrectStayDialog open onClose={() => closed++} stayId={stay!.id} db={db} />);
    await screen.findByRole('group', { name: /Einzugsdatum/ });
    await typeDate(user, /Einzugsdatum/, '2025-02-03');
    await user.type(screen.getByRole('textbox', { name: /Grund der Korrektur/ }), 'Einzug war erst am Montag');
    await user.click(screen.getByRole('button', { name: 'Korrektur speichern' }));
    await waitFor(() => expect(closed).toBe(1));
    expect((await aliStays()).map((s) => [s.bedId, s.from, s.to])).toEqual([['b-g1', '2025-02-03', null]]);
    const audit = await db.audit.where('entityId').equals(stay!.id).toArray();
    expect(audit.some((a) => a.reason === 'Einzug war erst am Montag')).toBe(true);
  });

  it('refuses a correction that overlaps another stay in the bed, with the German rule text, and writes nothing', async () => {
    const user = userEvent.setup();
    // Mariam lived in Ali's bed until he moved in.
    await checkIn(db, { assignments: [{ personId: 'p-mariam', bedId: 'b-g1' }], from: '2025-01-15', to: '2025-02-01' }, { ctx });
    const [stay] = await aliStays();
    render(<CorrectStayDialog open onClose={() => {}} stayId={stay!.id} db={db} />);
    await screen.findByRole('group', { name: /Einzugsdatum/ });
    await typeDate(user, /Einzugsdatum/, '2025-01-20');
    await user.type(screen.getByRole('textbox', { name: /Grund der Korrektur/ }), 'Tippfehler');
    const before = await snapshot();
    await user.click(screen.getByRole('button', { name: 'Korrektur speichern' }));
    const alert = await screen.findByTestId('operation-error');
    expect(alert).toHaveTextContent(/Bett A in Zimmer 1\.02 \(GU Balingen\) ist .*mit Mariam Yusuf belegt/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('ExtendDeadlineDialog', () => {
  it('records the extension with decision day and reason', async () => {
    const user = userEvent.setup();
    const omar = (await db.persons.get('p-omar'))!;
    const { regularEnd } = computeDeadlines(omar);
    let closed = 0;
    render(<ExtendDeadlineDialog open onClose={() => closed++} person={omar} db={db} />);
    await typeDate(user, /Entschieden am/, '2025-12-01');
    await user.type(screen.getByRole('textbox', { name: /Grund der Verlängerung/ }), 'Wohnungssuche läuft');
    await user.click(screen.getByRole('button', { name: 'Verlängerung speichern' }));
    await waitFor(() => expect(closed).toBe(1));
    expect((await db.persons.get('p-omar'))!.extension).toMatchObject({
      until: addMonths(regularEnd, NORMAL_EXTENSION_MONTHS),
      reason: 'Wohnungssuche läuft',
      decidedOn: '2025-12-01',
    });
  });

  it('refuses a new end that is not after the regular end, with the German text, and writes nothing', async () => {
    const user = userEvent.setup();
    const omar = (await db.persons.get('p-omar'))!;
    const { regularEnd } = computeDeadlines(omar);
    render(<ExtendDeadlineDialog open onClose={() => {}} person={omar} db={db} />);
    await typeDate(user, /Neues Ende der vorläufigen Unterbringung/, regularEnd);
    await user.type(screen.getByRole('textbox', { name: /Grund der Verlängerung/ }), 'Wohnungssuche läuft');
    const before = await snapshot();
    await user.click(screen.getByRole('button', { name: 'Verlängerung speichern' }));
    const [y, m, d] = regularEnd.split('-');
    expect(await screen.findByText(`Das neue Ende muss nach dem regulären Ende (${d}.${m}.${y}) liegen.`)).toBeInTheDocument();
    expect(await snapshot()).toEqual(before);
  });
});
