import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { StructureDialog } from '../../../renderer/pages/accommodations/StructureDialog';
import { planStructure, structureFormSchema, EMPTY_STRUCTURE_FORM } from '../../../renderer/pages/accommodations/structurePlan';
import { accommodation, unit } from './fixtures';

let db: QuartierDb;

beforeEach(async () => {
  db = await openDatabase(`structure-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function fill(user: ReturnType<typeof userEvent.setup>, label: RegExp, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

describe('planStructure', () => {
  it('plans rooms and places and detects existing room numbers', () => {
    let n = 0;
    const input = structureFormSchema.parse({ ...EMPTY_STRUCTURE_FORM, unitName: 'Haus A', roomFrom: '1', roomTo: '3', placesPerRoom: '2', areaM2: '14,5' });
    const plan = planStructure('a1', input, [], () => `id${n++}`);
    expect(plan.unit).toMatchObject({ name: 'Haus A', accommodationId: 'a1', kind: 'building' });
    expect(plan.rooms.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(plan.rooms.every((r) => r.areaM2 === 14.5 && r.unitId === plan.unitId)).toBe(true);
    expect(plan.beds).toHaveLength(6);
    expect(plan.duplicates).toEqual([]);
    const again = planStructure('a1', { ...input, unitMode: 'existing', unitId: 'u1' }, [{ unitId: 'u1', number: '2' }], () => `x${n++}`);
    expect(again.unit).toBeNull();
    expect(again.duplicates).toEqual(['2']);
  });

  it('rejects a reversed room range', () => {
    const r = structureFormSchema.safeParse({ ...EMPTY_STRUCTURE_FORM, unitName: 'Haus A', roomFrom: '5', roomTo: '3' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('structure.validation.toBeforeFrom');
  });
});

describe('StructureDialog', () => {
  it('previews "Haus A, Zimmer 1–3, je 2 Plätze" as 3 rooms / 6 places and writes them in one operation', async () => {
    const user = userEvent.setup();
    const acc = accommodation('a1');
    let closed = 0;
    render(<StructureDialog open onClose={() => closed++} db={db} accommodation={acc} units={[]} />);
    await fill(user, /^Name \(z\. B\. Haus A\)/, 'Haus A');
    await fill(user, /^Zimmer von/, '1');
    await fill(user, /^Zimmer bis/, '3');
    await fill(user, /^Plätze je Zimmer/, '2');
    await user.click(screen.getByRole('button', { name: 'Vorschau' }));
    expect(await screen.findByTestId('structure-summary')).toHaveTextContent('3 Zimmer, 6 Plätze werden angelegt');
    expect(screen.getByText('Neu: Haus A')).toBeInTheDocument();
    expect(screen.getByText('Zimmer 1, 2, 3')).toBeInTheDocument();
    // The preview alone writes nothing.
    expect(await db.rooms.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));
    await waitFor(() => expect(closed).toBe(1));
    const units = await db.units.toArray();
    expect(units.map((u) => u.name)).toEqual(['Haus A']);
    const rooms = await db.rooms.toArray();
    expect(rooms.map((r) => r.number).sort()).toEqual(['1', '2', '3']);
    const beds = await db.beds.toArray();
    expect(beds).toHaveLength(6);
    expect(new Set(beds.map((b) => b.roomId))).toEqual(new Set(rooms.map((r) => r.id)));
    // Atomic: one change in the outbox carrying all 10 records.
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.change.ops).toHaveLength(10);
  });

  it('refuses room numbers that already exist and writes nothing', async () => {
    const user = userEvent.setup();
    const acc = accommodation('a1');
    const u = unit('u1', 'a1', 'Haus A');
    await db.units.put(u);
    await db.rooms.put({ id: 'r-old', accommodationId: 'a1', unitId: 'u1', number: '2', areaM2: 12, restriction: 'none', barrierFree: false, createdAt: u.createdAt, updatedAt: u.updatedAt });
    render(<StructureDialog open onClose={() => undefined} db={db} accommodation={acc} units={[u]} />);
    await user.click(screen.getByRole('combobox', { name: /^Gebäude\/Wohnung/ }));
    await user.click(await screen.findByRole('option', { name: 'vorhandenes wählen' }));
    await user.click(screen.getByRole('combobox', { name: /^Vorhandenes Gebäude/ }));
    await user.click(await screen.findByRole('option', { name: 'Haus A' }));
    await fill(user, /^Zimmer von/, '1');
    await fill(user, /^Zimmer bis/, '3');
    await user.click(screen.getByRole('button', { name: 'Vorschau' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Diese Zimmernummern gibt es dort schon: 2.');
    expect(screen.getByRole('button', { name: 'Anlegen' })).toBeDisabled();
    expect(await db.rooms.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
