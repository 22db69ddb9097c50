// The demo generator must produce data that honours the occupancy
// invariants. The checker below is written independently of the generator
// (and of any other module's rules) on purpose: it re-derives every
// invariant from the plain records.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, Stay } from '../../../shared/domain/model';
import { generateDemoData, generateDemoDataWithStats } from '../../../shared/demo/generate';

const TODAY = '2026-11-21';

function adultOn(birthDate: string | null, day: string): boolean {
  if (birthDate === null) return true;
  const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return day >= eighteenth;
}

function overlaps(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);
}

/** Returns human-readable violations (empty = all invariants hold). */
function checkInvariants(ds: Dataset, today: string): string[] {
  const errors: string[] = [];
  const fail = (msg: string): void => {
    if (errors.length < 50) errors.push(msg);
  };
  const index = <T extends { id: string }>(rows: T[], table: string): Map<string, T> => {
    const map = new Map<string, T>();
    for (const r of rows) {
      if (map.has(r.id)) fail(`${table}: duplicate id ${r.id}`);
      map.set(r.id, r);
    }
    return map;
  };
  const muns = index(ds.municipalities, 'municipalities');
  const accs = index(ds.accommodations, 'accommodations');
  const units = index(ds.units, 'units');
  const rooms = index(ds.rooms, 'rooms');
  const beds = index(ds.beds, 'beds');
  const persons = index(ds.persons, 'persons');
  const households = index(ds.households, 'households');
  const stays = index(ds.stays, 'stays');
  index(ds.allocations, 'allocations');
  index(ds.bedBlocks, 'bedBlocks');

  for (const a of ds.accommodations) {
    if (!muns.has(a.municipalityId)) fail(`accommodation ${a.id}: unknown municipality`);
    if (a.closedOn !== null && a.closedOn <= a.openedOn) fail(`accommodation ${a.id}: closes before it opens`);
    const expected = a.openedOn > today ? 'planned' : a.closedOn !== null && a.closedOn <= today ? 'closed' : 'active';
    if (a.status !== expected && a.status !== 'closing') fail(`accommodation ${a.id}: status ${a.status}, expected ${expected}`);
  }
  for (const u of ds.units) if (!accs.has(u.accommodationId)) fail(`unit ${u.id}: unknown accommodation`);
  for (const r of ds.rooms) {
    const u = units.get(r.unitId);
    if (!u || u.accommodationId !== r.accommodationId) fail(`room ${r.id}: unit/accommodation mismatch`);
    if (r.areaM2 < 12 || r.areaM2 > 30) fail(`room ${r.id}: area ${r.areaM2}`);
  }
  for (const b of ds.beds) {
    const r = rooms.get(b.roomId);
    if (!r || r.accommodationId !== b.accommodationId) fail(`bed ${b.id}: room/accommodation mismatch`);
  }
  for (const p of ds.persons) {
    if (p.householdId !== null && !households.has(p.householdId)) fail(`person ${p.id}: unknown household`);
    if (!p.familyName || !p.givenName || p.givenName.includes('undefined')) fail(`person ${p.id}: bad name`);
  }
  const membersOf = new Map<string, string[]>();
  for (const p of ds.persons) if (p.householdId) membersOf.set(p.householdId, [...(membersOf.get(p.householdId) ?? []), p.id]);
  for (const h of ds.households) {
    if (h.headPersonId === null || !membersOf.get(h.id)?.includes(h.headPersonId)) fail(`household ${h.id}: head is not a member`);
  }

  const byBed = new Map<string, Stay[]>();
  const byPerson = new Map<string, Stay[]>();
  const byRoom = new Map<string, Stay[]>();
  for (const s of ds.stays) {
    const bed = beds.get(s.bedId);
    const person = persons.get(s.personId);
    const acc = accs.get(s.accommodationId);
    const room = rooms.get(s.roomId);
    if (!bed || !person || !acc || !room) {
      fail(`stay ${s.id}: dangling reference`);
      continue;
    }
    if (bed.roomId !== s.roomId || bed.accommodationId !== s.accommodationId) fail(`stay ${s.id}: denormalised room/accommodation wrong`);
    if (s.householdId !== person.householdId) fail(`stay ${s.id}: household differs from the person's`);
    if (s.to !== null && s.to <= s.from) fail(`stay ${s.id}: empty or negative period`);
    if (s.from < acc.openedOn) fail(`stay ${s.id}: starts ${s.from} before ${acc.name} opens ${acc.openedOn}`);
    if (acc.closedOn !== null && (s.to === null || s.to > acc.closedOn)) fail(`stay ${s.id}: runs past closing ${acc.closedOn}`);
    if (acc.status === 'planned') fail(`stay ${s.id}: in a planned accommodation`);
    if (bed.reserve) fail(`stay ${s.id}: in a reserve bed`);
    if (room.restriction === 'women' && person.sex !== 'f') fail(`stay ${s.id}: ${person.sex} in a women-only room`);
    if (room.restriction === 'men' && person.sex !== 'm') fail(`stay ${s.id}: ${person.sex} in a men-only room`);
    if (room.restriction === 'family') {
      const kids = (membersOf.get(s.householdId ?? '') ?? []).filter((id) => !adultOn(persons.get(id)!.birthDate, s.from));
      if (kids.length === 0) fail(`stay ${s.id}: household without children in a family room on ${s.from}`);
    }
    if (s.to !== null && s.to > today) fail(`stay ${s.id}: ends in the future (${s.to}) — the future is open`);
    if (s.endKind === 'departure' && !s.departureReason) fail(`stay ${s.id}: departure without reason`);
    if ((s.endKind != null) !== (s.to !== null)) fail(`stay ${s.id}: endKind and to disagree`);
    if (s.nextStayId) {
      const next = stays.get(s.nextStayId);
      if (!next || next.previousStayId !== s.id || next.personId !== s.personId || next.from !== s.to || s.endKind !== 'move') {
        fail(`stay ${s.id}: broken move link`);
      }
    }
    if (s.previousStayId && stays.get(s.previousStayId)?.nextStayId !== s.id) fail(`stay ${s.id}: broken back link`);
    for (const [map, key] of [
      [byBed, s.bedId],
      [byPerson, s.personId],
      [byRoom, s.roomId],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
  }
  const noOverlap = (groups: Map<string, Stay[]>, what: string): void => {
    for (const [key, list] of groups) {
      list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        if (prev.to === null || prev.to > list[i]!.from) fail(`${what} ${key}: stays ${prev.id} and ${list[i]!.id} overlap`);
      }
    }
  };
  noOverlap(byBed, 'bed');
  noOverlap(byPerson, 'person');
  // Room capacity, counted directly: never more people than beds on any day.
  const bedsPerRoom = new Map<string, number>();
  for (const b of ds.beds) bedsPerRoom.set(b.roomId, (bedsPerRoom.get(b.roomId) ?? 0) + 1);
  for (const [roomId, list] of byRoom) {
    const events: [string, number][] = [];
    for (const s of list) {
      events.push([s.from, 1]);
      if (s.to !== null) events.push([s.to, -1]);
    }
    events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    let n = 0;
    for (const [, d] of events) {
      n += d;
      if (n > bedsPerRoom.get(roomId)!) {
        fail(`room ${roomId}: over capacity`);
        break;
      }
    }
  }
  // First stay of every person starts on the admission day; everyone has one.
  for (const p of ds.persons) {
    const list = byPerson.get(p.id);
    if (!list) fail(`person ${p.id}: no stay`);
    else if (list[0]!.from !== p.admissionDate) fail(`person ${p.id}: first stay ${list[0]!.from} ≠ admission ${p.admissionDate}`);
  }
  // Blocks: on existing beds, sensible period, no stay in a blocked bed.
  for (const blk of ds.bedBlocks) {
    const bed = beds.get(blk.bedId);
    if (!bed || bed.accommodationId !== blk.accommodationId) fail(`block ${blk.id}: bed mismatch`);
    if (blk.until !== null && blk.until <= blk.from) fail(`block ${blk.id}: empty period`);
    for (const s of byBed.get(blk.bedId) ?? []) {
      if (overlaps(s.from, s.to, blk.from, blk.until)) fail(`block ${blk.id}: stay ${s.id} in the blocked bed`);
    }
  }
  // Allocations reference real households and municipalities.
  for (const a of ds.allocations) {
    if (!muns.has(a.municipalityId)) fail(`allocation ${a.id}: unknown municipality`);
    if (a.householdId === null || !households.has(a.householdId)) fail(`allocation ${a.id}: unknown household`);
    if (a.personIds.some((id) => persons.get(id)?.householdId !== a.householdId)) fail(`allocation ${a.id}: person outside the household`);
  }
  return errors;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('checker', () => {
  // The checker must be able to fail: break a valid dataset in known ways.
  const base = generateDemoData({ seed: 7, scale: 0.3, today: TODAY });

  it('accepts the generated small dataset', () => {
    expect(checkInvariants(base, TODAY)).toEqual([]);
  });

  it('finds a double booking, a woman-only breach and a stay in a blocked bed', () => {
    const ds = structuredClone(base);
    const open = ds.stays.find((s) => s.to === null && s.from <= TODAY)!;
    ds.stays.push({ ...open, id: 'intruder', personId: ds.persons.find((p) => p.id !== open.personId)!.id });
    expect(checkInvariants(ds, TODAY).join('\n')).toMatch(/overlap/);

    const ds2 = structuredClone(base);
    const womenRoom = ds2.rooms.find((r) => r.restriction === 'women' && ds2.stays.some((s) => s.roomId === r.id))!;
    const stayThere = ds2.stays.find((s) => s.roomId === womenRoom.id)!;
    ds2.persons.find((p) => p.id === stayThere.personId)!.sex = 'm';
    expect(checkInvariants(ds2, TODAY).join('\n')).toMatch(/women-only/);

    const ds3 = structuredClone(base);
    const s = ds3.stays[0]!;
    ds3.bedBlocks.push({ ...ds3.bedBlocks[0]!, id: 'b', bedId: s.bedId, accommodationId: s.accommodationId, from: s.from, until: null });
    expect(checkInvariants(ds3, TODAY).join('\n')).toMatch(/in the blocked bed/);
  });
});

describe('county scale', () => {
  const t0 = performance.now();
  const { dataset: ds, stats } = generateDemoDataWithStats({ seed: 42, scale: 'county', today: TODAY });
  const ms = performance.now() - t0;

  it('honours every occupancy invariant', () => {
    expect(checkInvariants(ds, TODAY)).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds, without Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const again = generateDemoData({ seed: 42, scale: 'county', today: TODAY });
    expect(spy).not.toHaveBeenCalled();
    expect(JSON.stringify(again)).toBe(JSON.stringify(ds));
    const other = generateDemoData({ seed: 43, scale: 'county', today: TODAY });
    expect(other.persons.slice(0, 20).map((p) => p.givenName)).not.toEqual(ds.persons.slice(0, 20).map((p) => p.givenName));
  });

  it('has the 25 municipalities of the Zollernalbkreis with approximate figures', () => {
    expect(ds.municipalities).toHaveLength(25);
    expect(new Set(ds.municipalities.map((m) => m.ags)).size).toBe(25);
    for (const m of ds.municipalities) {
      expect(m.ags).toMatch(/^08417\d{3}$/);
      expect(m.populationApproximate).toBe(true);
      expect(m.populationDate).toBe('2025-06-30');
      expect(m.contact?.address?.street).toBeTruthy();
      expect(m.contact?.email).toMatch(/\.example$/);
    }
    const total = ds.municipalities.reduce((s, m) => s + m.population, 0);
    expect(total).toBeGreaterThan(180_000);
    expect(total).toBeLessThan(200_000);
    expect(ds.municipalities.map((m) => m.name)).toEqual(expect.arrayContaining(['Albstadt', 'Meßstetten', 'Straßberg', 'Zimmern unter der Burg']));
  });

  it('has about 25 accommodations with about 800 places, one planned and one closed with history', () => {
    expect(ds.accommodations).toHaveLength(25);
    expect(ds.beds.length).toBeGreaterThan(720);
    expect(ds.beds.length).toBeLessThan(880);
    const byStatus = (s: string) => ds.accommodations.filter((a) => a.status === s);
    expect(byStatus('planned')).toHaveLength(1);
    expect(byStatus('closed')).toHaveLength(1);
    expect(byStatus('active')).toHaveLength(23);
    expect(ds.stays.some((s) => s.accommodationId === byStatus('closed')[0]!.id)).toBe(true);
    const gus = ds.accommodations.filter((a) => a.kind === 'gu');
    const flats = ds.accommodations.filter((a) => a.kind === 'flat');
    expect(gus.length).toBeGreaterThan(8);
    expect(flats.length).toBeGreaterThan(8);
    const placesOf = (id: string) => ds.beds.filter((b) => b.accommodationId === id).length;
    for (const g of gus) expect(placesOf(g.id), g.name).toBeGreaterThanOrEqual(30);
    for (const g of gus) expect(placesOf(g.id), g.name).toBeLessThanOrEqual(120);
    for (const f of flats) expect(placesOf(f.id)).toBeGreaterThanOrEqual(4);
    for (const f of flats) expect(placesOf(f.id)).toBeLessThanOrEqual(8);
    for (const r of ['women', 'family', 'men'] as const) expect(ds.rooms.some((x) => x.restriction === r)).toBe(true);
    expect(ds.rooms.some((x) => x.barrierFree)).toBe(true);
    const bedsPerRoom = new Map<string, number>();
    for (const b of ds.beds) bedsPerRoom.set(b.roomId, (bedsPerRoom.get(b.roomId) ?? 0) + 1);
    for (const r of ds.rooms.filter((x) => gus.some((g) => g.id === x.accommodationId))) {
      expect(bedsPerRoom.get(r.id)).toBeGreaterThanOrEqual(2);
      expect(bedsPerRoom.get(r.id)).toBeLessThanOrEqual(6);
    }
    expect(ds.accommodations.every((a) => a.lease.rentFree || (a.lease.rentCents ?? 0) > 0)).toBe(true);
  });

  it('has about 3,000 persons over five years with realistic monthly arrivals', () => {
    expect(ds.persons.length).toBeGreaterThan(2700);
    expect(ds.persons.length).toBeLessThan(3300);
    const byMonth = new Map<string, number>();
    for (const p of ds.persons) if (p.admissionDate <= TODAY) byMonth.set(p.admissionDate.slice(0, 7), (byMonth.get(p.admissionDate.slice(0, 7)) ?? 0) + 1);
    const full = [...byMonth].filter(([m]) => m > '2021-11' && m < '2026-11').map(([, n]) => n);
    expect(full.length).toBe(59);
    expect(Math.max(...full)).toBeGreaterThanOrEqual(80);
    expect(Math.min(...full)).toBeGreaterThanOrEqual(10);
    const avg = full.reduce((a, b) => a + b, 0) / full.length;
    expect(avg).toBeGreaterThan(35);
    expect(avg).toBeLessThan(65);
    expect(stats.rejectedHouseholds).toBeLessThan(ds.households.length * 0.05);
  });

  it('mixes singles and families, asylum and § 24, and many nationalities', () => {
    const sizes = new Map<string, number>();
    for (const p of ds.persons) sizes.set(p.householdId!, (sizes.get(p.householdId!) ?? 0) + 1);
    const values = [...sizes.values()];
    expect(values.filter((n) => n === 1).length / values.length).toBeGreaterThan(0.3);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...values)).toBeLessThanOrEqual(7);
    const share24 = ds.persons.filter((p) => p.legalBasis === 'aufenthg_24').length / ds.persons.length;
    expect(share24).toBeGreaterThan(0.1);
    expect(share24).toBeLessThan(0.45);
    expect(ds.persons.filter((p) => p.legalBasis === 'asylum').length).toBeGreaterThan(ds.persons.length / 2);
    expect(new Set(ds.persons.map((p) => p.nationality)).size).toBeGreaterThanOrEqual(8);
    expect(ds.persons.every((p) => p.legalBasis !== 'aufenthg_24' || p.nationality === 'UKR')).toBe(true);
    expect(new Set(ds.persons.map((p) => p.fileNumber)).size).toBe(ds.persons.length);
    expect(ds.persons.some((p) => p.extension)).toBe(true);
  });

  it('has moves, departures by DOMAIN reason (mostly follow-up), planned stays and allocations', () => {
    const moves = ds.stays.filter((s) => s.endKind === 'move');
    expect(moves.length).toBeGreaterThan(100);
    const departures = ds.stays.filter((s) => s.endKind === 'departure');
    const reasons = new Map<string, number>();
    for (const s of departures) reasons.set(s.departureReason!, (reasons.get(s.departureReason!) ?? 0) + 1);
    expect(reasons.get('follow_up_accommodation')! / departures.length).toBeGreaterThan(0.45);
    for (const r of ['own_flat', 'redistribution', 'voluntary_return', 'deportation', 'unknown', 'other']) expect(reasons.get(r) ?? 0, r).toBeGreaterThan(0);
    const planned = ds.stays.filter((s) => s.from > TODAY);
    expect(planned.length).toBeGreaterThanOrEqual(2);
    expect(planned.length).toBeLessThan(40);
    // Every household that left for follow-up accommodation has a 'moved' allocation on that day.
    const moved = new Set(ds.allocations.filter((a) => a.status === 'moved').map((a) => `${a.householdId}|${a.plannedMoveDate}`));
    for (const s of departures.filter((x) => x.departureReason === 'follow_up_accommodation')) {
      expect(moved.has(`${s.householdId}|${s.to}`)).toBe(true);
    }
    expect(ds.allocations.some((a) => a.status === 'decided' && a.plannedMoveDate! > TODAY)).toBe(true);
  });

  it('has a few bed blocks, one of them past its until-date and one until further notice', () => {
    expect(ds.bedBlocks.length).toBeGreaterThanOrEqual(3);
    expect(ds.bedBlocks.length).toBeLessThan(20);
    expect(ds.bedBlocks.some((b) => b.until !== null && b.until < TODAY)).toBe(true);
    expect(ds.bedBlocks.some((b) => b.until === null)).toBe(true);
  });

  it('generates fast', () => {
    console.info(`county demo: ${Math.round(ms)} ms`, Object.fromEntries(Object.entries(ds).map(([k, v]) => [k, v.length])));
    expect(ms).toBeLessThan(10_000);
  });
});

describe('input validation', () => {
  it('rejects a bad date, seed or scale with a German message', () => {
    expect(() => generateDemoData({ seed: 1, today: '2026-02-30' })).toThrow(/Ungültiges Datum/);
    expect(() => generateDemoData({ seed: 1.5, today: TODAY })).toThrow(/ganze Zahl/);
    expect(() => generateDemoData({ seed: 1, scale: -1, today: TODAY })).toThrow(/Ungültige Größe/);
  });
});

describe('berlin scale', () => {
  it('generates ~100 accommodations, ~35,000 places, ~150,000 persons, ~500,000 stays in reasonable time, all invariants held', () => {
    const t0 = performance.now();
    const ds = generateDemoData({ seed: 42, scale: 'berlin', today: TODAY });
    const ms = performance.now() - t0;
    console.info(`berlin demo: ${Math.round(ms)} ms`, Object.fromEntries(Object.entries(ds).map(([k, v]) => [k, v.length])));
    expect(ds.accommodations).toHaveLength(100);
    expect(ds.beds.length).toBeGreaterThan(33_000);
    expect(ds.beds.length).toBeLessThan(37_000);
    expect(ds.persons.length).toBeGreaterThan(135_000);
    expect(ds.persons.length).toBeLessThan(165_000);
    expect(ds.stays.length).toBeGreaterThan(420_000);
    expect(ds.stays.length).toBeLessThan(600_000);
    expect(checkInvariants(ds, TODAY)).toEqual([]);
    // Target is < 20 s on a normal machine; the bound is generous for loaded CI runners.
    expect(ms).toBeLessThan(60_000);
  }, 180_000);
});
