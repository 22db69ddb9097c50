// The residents screens read the app-wide occupancy store instead of their
// own whole-table live query. The derived lookup must equal what the live
// loader gives (same filtering of deleted persons and cancelled stays, same
// ordering), follow writes, and not re-read whole tables after a write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../../renderer/i18n';
import { getDb, openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { disposeOccupancyStore } from '../../../renderer/features/occupancy-data/hooks';
import { indexPlacementData, loadPlacementData, useCachedPlacementData } from '../../../renderer/features/operations/placementData';
import ResidentsListPage from '../../../renderer/pages/residents/ResidentsListPage';
import type { Dataset } from '../../../shared/domain/model';
import { person, smallDataset, stay } from '../accommodations/fixtures';

const META = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

function dataset(): Dataset {
  const d = smallDataset();
  const [b1, , , , b5, b6] = d.beds;
  d.households.push({ ...META, id: 'h1', name: 'Familie Haddad', headPersonId: 'p1' });
  d.persons[0] = { ...d.persons[0]!, householdId: 'h1' };
  d.persons.push(
    person('p3', 'Haddad', 'Sami', { householdId: 'h1', birthDate: '2014-02-14' }),
    person('p4', 'Gelöscht', 'Gustav', { deleted: true }),
    person('p5', 'Ehemalig', 'Erika'),
  );
  d.stays.push(
    stay('s3', 'p3', b1!, '2025-10-01', null),
    { ...stay('s4', 'p5', b5!, '2025-01-01', '2025-06-01') },
    { ...stay('s5', 'p5', b6!, '2025-07-01', null), cancelled: true },
    { ...stay('s6', 'p2', b6!, '2025-01-01', '2025-02-01'), deleted: true },
  );
  return d;
}

async function seed(db: QuartierDb, d: Dataset) {
  await db.transaction('rw', [db.municipalities, db.accommodations, db.units, db.rooms, db.beds, db.bedBlocks, db.persons, db.households, db.stays], async () => {
    await db.municipalities.bulkPut(d.municipalities);
    await db.accommodations.bulkPut(d.accommodations);
    await db.units.bulkPut(d.units);
    await db.rooms.bulkPut(d.rooms);
    await db.beds.bulkPut(d.beds);
    await db.bedBlocks.bulkPut(d.bedBlocks);
    await db.persons.bulkPut(d.persons);
    await db.households.bulkPut(d.households);
    await db.stays.bulkPut(d.stays);
  });
}

describe('useCachedPlacementData', () => {
  let db: QuartierDb;
  beforeEach(async () => {
    db = await openDatabase(`cached-placement-${crypto.randomUUID()}`);
    await seed(db, dataset());
  });
  afterEach(async () => {
    disposeOccupancyStore(db);
    db.close();
    await db.delete();
  });

  it('equals the live loader, then follows a write without re-reading whole tables', async () => {
    const { result } = renderHook(() => useCachedPlacementData(db));
    await waitFor(() => expect(result.current).toBeDefined());
    expect(result.current).toEqual(indexPlacementData(await loadPlacementData(db)));
    expect(result.current!.personById.has('p4')).toBe(false);
    expect(result.current!.staysByPerson.get('p5')!.map((s) => s.id)).toEqual(['s4']);
    expect(result.current!.membersByHousehold.get('h1')!.map((p) => p.id)).toEqual(['p1', 'p3']);

    const personsBefore = result.current!.personById;
    const reads = [vi.spyOn(db.persons, 'toArray'), vi.spyOn(db.stays, 'toArray'), vi.spyOn(db.beds, 'toArray')];
    const bed6 = dataset().beds[5]!;
    await db.stays.put(stay('s7', 'p5', bed6, '2026-03-01', null));
    await waitFor(() => expect(result.current!.staysByPerson.get('p5')!.map((s) => s.id)).toEqual(['s4', 's7']));
    // Only the changed row was re-read (no table read at all); the person maps were kept as they were.
    for (const spy of reads) expect(spy).not.toHaveBeenCalled();
    for (const spy of reads) spy.mockRestore();
    expect(result.current).toEqual(indexPlacementData(await loadPlacementData(db)));
    expect(result.current!.personById).toBe(personsBefore);
  });
});

describe('ResidentsListPage on the cached store', () => {
  beforeEach(async () => {
    await seed(getDb(), dataset());
  });

  it('lists current residents, and former ones with the switch off', async () => {
    render(
      <MemoryRouter>
        <ResidentsListPage />
      </MemoryRouter>,
    );
    const grid = await screen.findByRole('grid', { name: 'Bewohner' });
    await waitFor(() => expect(within(grid).getByText('Amal')).toBeInTheDocument());
    expect(within(grid).getByText('Sami')).toBeInTheDocument();
    expect(within(grid).queryByText('Erika')).toBeNull();
    expect(within(grid).queryByText('Gustav')).toBeNull();
    screen.getByRole('switch').click();
    await waitFor(() => expect(within(grid).getByText('Erika')).toBeInTheDocument());
    expect(within(grid).queryByText('Gustav')).toBeNull();
  });
});
