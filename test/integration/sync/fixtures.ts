// Base data for sync tests: one accommodation with two rooms (r1: bed b1;
// r2: beds b2, b3) and three persons.
import { accommodation, bed, household, municipality, person, room, unit } from '../db/fixtures';
import type { Stay } from '../../../shared/domain/model';
import type { Laptop } from './harness';

export async function seedBase(l: Laptop): Promise<void> {
  await l.write('import.accommodations', async (w) => {
    await w.put('municipalities', municipality());
    await w.put('accommodations', accommodation());
    await w.put('units', unit());
    await w.put('rooms', room('r1'));
    await w.put('rooms', { ...room('r2'), number: '1.02' });
    await w.put('beds', bed('b1', 'r1', 'a1', 1));
    await w.put('beds', bed('b2', 'r2', 'a1', 1));
    await w.put('beds', bed('b3', 'r2', 'a1', 2));
    await w.put('households', household('h1', 'p1'));
    await w.put('persons', person('p1', 'h1'));
    await w.put('persons', { ...person('p2', null), givenName: 'Amina', familyName: 'Yusuf', sex: 'f' });
    await w.put('persons', { ...person('p3', null), givenName: 'Olena', familyName: 'Koval', sex: 'f' });
  });
}

export function stay(id: string, personId: string, bedId: string, from = '2026-03-01', to: string | null = null): Omit<Stay, 'createdAt' | 'updatedAt'> {
  const roomId = bedId === 'b1' ? 'r1' : 'r2';
  return { id, personId, bedId, roomId, accommodationId: 'a1', householdId: null, from, to };
}

export async function placeStay(l: Laptop, id: string, personId: string, bedId: string, from?: string, to?: string | null): Promise<void> {
  await l.write('stay.checkIn', async (w) => {
    await w.put('stays', stay(id, personId, bedId, from, to));
  });
}
