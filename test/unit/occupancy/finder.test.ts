import { describe, expect, it } from 'vitest';
import { buildOccupancyIndex, checkSpaceStandard, DEFAULT_SPACE_STANDARD, figuresAsOf, findPlaces, spaceStandardAt } from '../../../shared/occupancy';
import { accommodation, bed, block, dataset, person, room, stay, unit } from './fixtures';

function county() {
  const gu = accommodation('G', { name: 'GU Hechingen' });
  const flat = accommodation('F', { name: 'Wohnungen Albstadt', kind: 'flat' });
  const closing = accommodation('C', { name: 'GU Alt', status: 'closing' });
  const hA = unit('HA', 'G', { name: 'Haus A' });
  const w3 = unit('W3', 'F', { name: 'Wohnung 3', kind: 'flat' });
  const hC = unit('HC', 'C', { name: 'Haus C' });
  const fam = room('FAM', 'G', 'HA', { number: '1.01', restriction: 'family', barrierFree: true, areaM2: 28 });
  const men = room('MEN', 'G', 'HA', { number: '1.02', restriction: 'men', areaM2: 24 });
  const women = room('WOM', 'G', 'HA', { number: '1.03', restriction: 'women', areaM2: 14 });
  const mixed = room('MIX', 'G', 'HA', { number: '1.04', areaM2: 12 });
  const w3a = room('W3A', 'F', 'W3', { number: '1', areaM2: 14 });
  const w3b = room('W3B', 'F', 'W3', { number: '2', areaM2: 14 });
  const old = room('OLD', 'C', 'HC', { number: '1', areaM2: 40 });
  const beds = [
    ...[1, 2, 3, 4].map((i) => bed(`FAM${i}`, fam, { label: String(i), order: i })),
    ...[1, 2, 3, 4].map((i) => bed(`MEN${i}`, men, { label: String(i), order: i })),
    ...[1, 2].map((i) => bed(`WOM${i}`, women, { label: String(i), order: i })),
    bed('MIX1', mixed, { order: 1 }),
    bed('MIX2', mixed, { order: 2, reserve: true }),
    ...[1, 2].map((i) => bed(`W3A${i}`, w3a, { order: i })),
    ...[1, 2].map((i) => bed(`W3B${i}`, w3b, { order: i })),
    ...[1, 2, 3, 4, 5].map((i) => bed(`OLD${i}`, old, { order: i })),
  ];
  const resident = person('R1', { sex: 'm' });
  const data = dataset({
    accommodations: [gu, flat, closing],
    units: [hA, w3, hC],
    rooms: [fam, men, women, mixed, w3a, w3b, old],
    beds,
    persons: [resident],
    stays: [stay('S1', resident, beds.find((b) => b.id === 'MEN1')!, '2026-01-01', null)],
    bedBlocks: [block('K1', beds.find((b) => b.id === 'WOM2')!, '2026-02-01', '2026-03-01')],
  });
  return buildOccupancyIndex(data);
}

const mother = { id: 'm', sex: 'f' as const, birthDate: '1990-01-01', needsBarrierFree: false, householdId: 'H' };
const kid = (id: string, sex: 'f' | 'm') => ({ id, sex, birthDate: '2018-01-01', needsBarrierFree: false, householdId: 'H' });

describe('findPlaces', () => {
  it('puts a family of four into the family room and explains it in one line', () => {
    const ix = county();
    const [best] = findPlaces(ix, { persons: [mother, kid('a', 'f'), kid('b', 'm'), kid('c', 'm')], householdId: 'H', from: '2026-02-10', to: null });
    expect(best).toMatchObject({ accommodationId: 'G', roomIds: ['FAM'], bedIds: ['FAM1', 'FAM2', 'FAM3', 'FAM4'] });
    expect(best!.explanation).toEqual({
      code: 'finder.sameRoom',
      params: { roomType: 'family', access: 'barrierFree', free: 4, places: 4, rooms: 1, accommodation: 'GU Hechingen', unit: 'Haus A', room: '1.01' },
    });
  });

  it('never offers occupied, blocked, reserve places, closing accommodations or unfitting rooms', () => {
    const ix = county();
    const single = { id: 'w', sex: 'f' as const, birthDate: '1995-01-01', needsBarrierFree: false };
    const all = findPlaces(ix, { persons: [single], from: '2026-02-10', to: '2026-02-20' }, { limit: 100 });
    const beds = all.flatMap((s) => s.bedIds);
    expect(beds).not.toContain('MEN2'); // men only
    expect(beds).not.toContain('FAM1'); // family room for a single person
    expect(beds).not.toContain('WOM2'); // blocked in the period
    expect(beds).not.toContain('MIX2'); // reserve place
    expect(beds.some((b) => b.startsWith('OLD'))).toBe(false); // closing accommodation
    expect(beds).toContain('WOM1');
    // During the block the women's room has 1 free place, after it 2.
    const womenRoom = (from: string) => findPlaces(ix, { persons: [single], from, to: null }, { limit: 100 }).find((s) => s.roomIds[0] === 'WOM')!.explanation.params.free;
    expect(womenRoom('2026-02-10')).toBe(1);
    expect(womenRoom('2026-03-01')).toBe(2);
    // The occupied bed MEN1 is not offered.
    const man = { id: 'x', sex: 'm' as const, birthDate: '1980-01-01', needsBarrierFree: false };
    const forMan = findPlaces(ix, { persons: [man], from: '2026-02-10', to: null }, { limit: 100 }).flatMap((s) => s.bedIds);
    expect(forMan).not.toContain('MEN1');
    expect(forMan).toContain('MEN2');
    expect(findPlaces(ix, { persons: [man], from: '2026-02-10', to: null }, { includeClosing: true, limit: 100 }).flatMap((s) => s.bedIds)).toContain('OLD1');
  });

  it('keeps a household together in one flat across rooms when no room is big enough', () => {
    const ix = county();
    const dad = { ...mother, id: 'd', sex: 'm' as const };
    const res = findPlaces(ix, { persons: [mother, dad, kid('a', 'f')], householdId: 'H', from: '2026-02-10', to: null }, { accommodationIds: ['F'] });
    expect(res).toHaveLength(1);
    expect(res[0]).toMatchObject({ unitId: 'W3', roomIds: ['W3A', 'W3B'], explanation: { code: 'finder.sameUnit', params: { rooms: 2, free: 4, places: 4 } } });
    expect(new Set(res[0]!.bedIds).size).toBe(3);
    expect(findPlaces(ix, { persons: [mother, dad, kid('a', 'f')], from: '2026-02-10', to: null }, { accommodationIds: ['F'], allowSplitRooms: false })).toEqual([]);
  });

  it('needs barrier-free rooms when anyone needs them, and prefers the preferred kind', () => {
    const ix = county();
    const wheelchair = { id: 'w', sex: 'm' as const, birthDate: '1960-01-01', needsBarrierFree: true };
    expect(findPlaces(ix, { persons: [wheelchair], from: '2026-02-10', to: null })).toEqual([]);
    const plain = { ...wheelchair, needsBarrierFree: false };
    expect(findPlaces(ix, { persons: [plain], from: '2026-02-10', to: null }, { preferKind: 'flat' })[0]!.accommodationId).toBe('F');
  });

  it('honours opening periods and planned stays', () => {
    const ix = county();
    const man = { id: 'x', sex: 'm' as const, birthDate: '1980-01-01', needsBarrierFree: false };
    expect(findPlaces(ix, { persons: [man], from: '2019-06-01', to: '2019-07-01' })).toEqual([]);
    // MEN1 is occupied from 2026-01-01: a stay before that overlapping it is not possible, one ending before is.
    const before = findPlaces(ix, { persons: [man], from: '2025-12-01', to: '2026-01-01' }, { accommodationIds: ['G'], limit: 100 }).flatMap((s) => s.bedIds);
    expect(before).toContain('MEN1');
    const overlapping = findPlaces(ix, { persons: [man], from: '2025-12-01', to: '2026-01-02' }, { accommodationIds: ['G'], limit: 100 }).flatMap((s) => s.bedIds);
    expect(overlapping).not.toContain('MEN1');
  });
});

describe('space standard (§ 8 FlüAG)', () => {
  it('uses the dated setting', () => {
    expect(spaceStandardAt(DEFAULT_SPACE_STANDARD, '2021-12-31')).toBe(7);
    expect(spaceStandardAt(DEFAULT_SPACE_STANDARD, '2022-01-01')).toBe(4.5);
    expect(spaceStandardAt(DEFAULT_SPACE_STANDARD, '2023-12-31')).toBe(4.5);
    expect(spaceStandardAt(DEFAULT_SPACE_STANDARD, '2024-01-01')).toBe(7);
  });

  it('warns per room, accommodation and county below the standard', () => {
    const ix = county();
    const f = figuresAsOf(ix, '2026-02-10', { rooms: true });
    expect(f.byRoom!.MIX!.m2PerPlace).toBe(6); // 12 m² for 2 places (reserve places are held too)
    const warnings = checkSpaceStandard(ix, '2026-02-10', DEFAULT_SPACE_STANDARD, f);
    // Men's room 24 m² / 4 = 6, mixed room 12 m² / 2 = 6; the women's room has exactly 7.
    expect(warnings.filter((w) => w.code === 'space.room').map((w) => w.params.room)).toEqual(['1.02', '1.04']);
    expect(warnings.find((w) => w.params.room === '1.02')!.params).toMatchObject({ actual: 6, required: 7, places: 4, areaM2: 24 });
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    // In the exception period 4.5 m² suffice.
    expect(checkSpaceStandard(ix, '2023-06-01').filter((w) => w.code === 'space.room')).toEqual([]);
  });
});
