// Builds the accommodations of the demo data: GUs (buildings → floors →
// rooms of 2–6 beds) and flats (a few bedrooms), with opening/closing dates,
// leases and room attributes. Returns both the records and the compact
// in-memory structures the occupancy simulation works on.
import type { Accommodation, Bed, Municipality, Room, RoomRestriction, Unit } from '../domain/model';
import { addDays, fromDayNumber, toDayNumber } from '../domain/dates';
import type { Rng } from './random';
import { LANDLORDS, OPERATORS, STREETS, type RegionMunicipality } from './regions';

export const RESTRICTIONS: readonly RoomRestriction[] = ['none', 'family', 'women', 'men'];
export const R_NONE = 0;
export const R_FAMILY = 1;
export const R_WOMEN = 2;
export const R_MEN = 3;
export const KIND_GU = 0;
export const KIND_FLAT = 1;

export interface SimAccommodation {
  idx: number;
  id: string;
  kind: number;
  openDay: number;
  /** First day nobody may live here (Infinity = open-ended). */
  closeDay: number;
  /** No new placements from this day on (before a closure). */
  acceptUntilDay: number;
  accepting: boolean;
  rooms: number[];
  /** Free beds in rooms nobody lives in (kept by the simulation to skip full accommodations fast). */
  emptyFree: number;
  municipalityIdx: number;
}

export interface SimRoom {
  idx: number;
  id: string;
  accIdx: number;
  kind: number;
  restr: number;
  bf: number;
  beds: number[];
  /** Beds that are free now: not occupied, not blocked, not reserve. */
  free: number;
  occupants: number;
  /** 0 = empty, 1 = single men share it, 2 = single women share it, 3 = one household uses it exclusively. */
  tag: number;
  /** Index of the pool the room is in (-1 = none) and its position there. */
  pool: number;
  poolPos: number;
  /** This room's share of its accommodation's emptyFree. */
  emptyShare: number;
}

export interface SimBed {
  idx: number;
  id: string;
  roomIdx: number;
  reserve: boolean;
  /** Household index currently in the bed, -1 when free. */
  occupant: number;
  blocked: boolean;
}

export interface FacilityConfig {
  accommodations: number;
  targetPlaces: number;
  /** Share of accommodations that are flats. */
  flatShare: number;
  /** Range of places per shared accommodation (GU). */
  guPlaces: readonly [number, number];
  /** Name prefix for shared accommodations ("GU", "Unterkunft"). */
  guPrefix: string;
  /** Municipalities of the region that are cities (towns) host GUs. */
  region: readonly RegionMunicipality[];
}

export interface Facilities {
  accommodations: Accommodation[];
  units: Unit[];
  rooms: Room[];
  beds: Bed[];
  sim: { accs: SimAccommodation[]; rooms: SimRoom[]; beds: SimBed[] };
}

/** Deterministic, readable ids (base36 counter); they carry no personal data. */
export function demoId(prefix: string, n: number): string {
  return `dm-${prefix}-${n.toString(36).padStart(5, '0')}`;
}

export function timestampOf(day: number): string {
  return `${fromDayNumber(day)}T08:00:00.000Z`;
}

/** Periods in which counties opened extra accommodations (arrival waves of 2022 and 2023). */
const OPENING_WAVES: readonly (readonly [string, string])[] = [
  ['2022-03-01', '2022-06-30'],
  ['2023-07-15', '2023-12-31'],
];

const ROOM_SIZES: readonly (readonly [number, number])[] = [
  [2, 26],
  [3, 20],
  [4, 26],
  [5, 10],
  [6, 18],
];

export function buildFacilities(
  rng: Rng,
  cfg: FacilityConfig,
  municipalities: readonly Municipality[],
  startDay: number,
  todayDay: number,
): Facilities {
  const out: Facilities = { accommodations: [], units: [], rooms: [], beds: [], sim: { accs: [], rooms: [], beds: [] } };
  const flats = Math.round(cfg.accommodations * cfg.flatShare);
  const gus = cfg.accommodations - flats;
  const flatPlaces: number[] = Array.from({ length: flats }, () => rng.int(4, 8));
  const guBudget = Math.max(gus * 12, cfg.targetPlaces - flatPlaces.reduce((a, b) => a + b, 0));
  const [minGu, maxGu] = cfg.guPlaces;
  const guWeights = Array.from({ length: gus }, () => rng.float(minGu, maxGu));
  const weightSum = guWeights.reduce((a, b) => a + b, 0);
  const guPlaces = guWeights.map((w) => Math.min(maxGu, Math.max(minGu, Math.round((w / weightSum) * guBudget))));
  // Clamping moved the sum away from the budget: nudge random GUs within their bounds.
  let diff = guBudget - guPlaces.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0 && guard < 100_000 && gus > 0; guard++) {
    const i = rng.int(0, gus - 1);
    const step = diff > 0 ? 1 : -1;
    const next = guPlaces[i]! + step;
    if (next < minGu || next > maxGu) continue;
    guPlaces[i] = next;
    diff -= step;
  }

  const towns = cfg.region.map((m, i) => [i, m.town ? m.population : 0] as const).filter(([, w]) => w > 0);
  const anywhere = cfg.region.map((m, i) => [i, Math.pow(m.population, 0.7)] as const);
  const usedAddresses = new Set<string>();
  const address = (munIdx: number): { street: string; name: string } => {
    for (;;) {
      const street = `${rng.pick(STREETS)} ${rng.int(1, 80)}`;
      const key = `${munIdx}|${street}`;
      if (!usedAddresses.has(key)) {
        usedAddresses.add(key);
        return { street, name: street };
      }
    }
  };

  // With three or more GUs, the first one closes during the history and the
  // second one is still being prepared (planned); all others are active.
  type Role = 'closed' | 'planned' | 'normal';
  const roleOf = (guOrdinal: number): Role => (gus < 3 ? 'normal' : guOrdinal === 0 ? 'closed' : guOrdinal === 1 ? 'planned' : 'normal');
  let unitN = 0;
  let roomN = 0;
  let bedN = 0;

  const addAccommodation = (kind: number, places: number, role: Role): void => {
    const idx = out.accommodations.length;
    const munIdx = kind === KIND_GU ? rng.weighted(towns.length > 0 ? towns : anywhere) : rng.weighted(anywhere);
    const region = cfg.region[munIdx]!;
    const mun = municipalities[munIdx]!;
    const addr = address(munIdx);

    let openDay: number;
    let closeDay = Infinity;
    if (role === 'closed') {
      openDay = startDay - rng.int(400, 1500);
      closeDay = Math.min(startDay + rng.int(600, 1100), todayDay - 90);
    } else if (role === 'planned') {
      openDay = todayDay + rng.int(45, 120);
    } else if (rng.chance(0.72)) {
      openDay = startDay - rng.int(30, 2500);
    } else {
      // New places open mostly when the arrival waves hit (spring 2022, autumn 2023).
      const windows = OPENING_WAVES.map(([a, b]) => [Math.max(toDayNumber(a), startDay + 90), Math.min(toDayNumber(b), todayDay - 60)] as const).filter(
        ([a, b]) => a <= b,
      );
      const w = windows.length > 0 && rng.chance(0.7) ? rng.pick(windows) : ([startDay + 90, todayDay - 60] as const);
      openDay = rng.int(w[0], w[1]);
    }
    const status = openDay > todayDay ? 'planned' : closeDay <= todayDay ? 'closed' : 'active';
    const openedOn = fromDayNumber(openDay);
    const closedOn = Number.isFinite(closeDay) ? fromDayNumber(closeDay) : null;
    const createdDay = Math.min(openDay - 30, todayDay);
    const meta = { createdAt: timestampOf(createdDay), updatedAt: timestampOf(Math.min(Number.isFinite(closeDay) ? closeDay : createdDay, todayDay)) };
    const countyOwned = kind === KIND_GU && rng.chance(0.25);
    const accId = demoId('acc', idx);
    const acc: Accommodation = {
      id: accId,
      ...meta,
      name: kind === KIND_GU ? `${cfg.guPrefix} ${region.name} ${addr.name}` : `Wohnung ${region.name}, ${addr.name}`,
      kind: kind === KIND_GU ? 'gu' : 'flat',
      address: { street: addr.street, zip: region.zip, city: region.name },
      municipalityId: mun.id,
      lease: countyOwned
        ? { start: null, end: null, rentCents: null, rentFree: true }
        : {
            start: addDays(openedOn, -rng.int(0, 60)),
            end: closedOn,
            rentCents: kind === KIND_GU ? places * rng.int(180, 320) * 100 : rng.int(700, 1500) * 100,
            rentFree: false,
          },
      status,
      openedOn,
      closedOn,
      reservePlaces: 0,
    };
    if (kind === KIND_GU) acc.operator = countyOwned ? OPERATORS[0]! : rng.pick(OPERATORS.slice(1));
    if (!countyOwned) acc.landlord = rng.pick(LANDLORDS);
    if (status === 'closed') acc.notes = 'Mietvertrag beendet, Objekt geräumt.';
    if (status === 'planned') acc.notes = 'In Vorbereitung: Umbau und Möblierung laufen.';
    out.accommodations.push(acc);
    const simAcc: SimAccommodation = {
      idx,
      id: accId,
      kind,
      openDay,
      closeDay,
      acceptUntilDay: Number.isFinite(closeDay) ? closeDay - 45 : Infinity,
      accepting: false,
      rooms: [],
      emptyFree: 0,
      municipalityIdx: munIdx,
    };
    out.sim.accs.push(simAcc);

    const addRoom = (unitId: string, number: string, floor: string, beds: number, restr: number, bf: boolean): void => {
      const rIdx = out.rooms.length;
      const roomId = demoId('rom', roomN++);
      const area = Math.min(30, Math.max(12, Math.round(beds * rng.float(4.5, 7.5) * 2) / 2));
      out.rooms.push({ id: roomId, ...meta, accommodationId: accId, unitId, number, floor, areaM2: area, restriction: RESTRICTIONS[restr]!, barrierFree: bf });
      const simRoom: SimRoom = { idx: rIdx, id: roomId, accIdx: idx, kind, restr, bf: bf ? 1 : 0, beds: [], free: 0, occupants: 0, tag: 0, pool: -1, poolPos: -1, emptyShare: 0 };
      for (let b = 0; b < beds; b++) {
        const bIdx = out.beds.length;
        const bedId = demoId('bed', bedN++);
        out.beds.push({ id: bedId, ...meta, accommodationId: accId, roomId, label: `Bett ${b + 1}`, reserve: false, order: b + 1 });
        out.sim.beds.push({ idx: bIdx, id: bedId, roomIdx: rIdx, reserve: false, occupant: -1, blocked: false });
        simRoom.beds.push(bIdx);
      }
      simRoom.free = beds;
      out.sim.rooms.push(simRoom);
      simAcc.rooms.push(rIdx);
    };

    if (kind === KIND_FLAT) {
      const unitId = demoId('unt', unitN++);
      const floorNo = rng.int(0, 3);
      const floor = floorNo === 0 ? 'EG' : `${floorNo}. OG`;
      out.units.push({ id: unitId, ...meta, accommodationId: accId, kind: 'flat', name: `Wohnung ${floor}`, floor });
      const familyFlat = rng.chance(0.5);
      const bf = floorNo === 0 && rng.chance(0.3);
      let left = places;
      let n = 1;
      while (left > 0) {
        const beds = left <= 3 ? left : left === 4 ? 2 : rng.int(2, 3);
        addRoom(unitId, `Zimmer ${n}`, floor, beds, familyFlat ? R_FAMILY : R_NONE, bf);
        left -= beds;
        n++;
      }
      return;
    }

    const buildings = Math.min(12, Math.max(1, Math.ceil(places / 60)));
    let left = places;
    for (let b = 0; b < buildings; b++) {
      const unitId = demoId('unt', unitN++);
      out.units.push({ id: unitId, ...meta, accommodationId: accId, kind: 'building', name: `Haus ${String.fromCharCode(65 + b)}` });
      let target = b === buildings - 1 ? left : Math.round(places / buildings);
      left -= target;
      let floorNo = 0;
      let onFloor = 0;
      while (target > 0) {
        let beds = rng.weighted(ROOM_SIZES);
        if (beds > target) beds = target;
        if (target - beds === 1) beds = beds < 6 ? beds + 1 : beds - 1;
        const restr = beds >= 3 && rng.chance(0.22) ? R_FAMILY : rng.chance(0.12) ? R_WOMEN : rng.chance(0.08) ? R_MEN : R_NONE;
        const bf = floorNo === 0 && rng.chance(0.35);
        onFloor++;
        addRoom(unitId, `${floorNo}.${String(onFloor).padStart(2, '0')}`, floorNo === 0 ? 'EG' : `${floorNo}. OG`, beds, restr, bf);
        target -= beds;
        if (onFloor >= 10) {
          floorNo++;
          onFloor = 0;
        }
      }
    }
    // Reserve places (Reserveplätze): the last bed of a few unrestricted rooms.
    const reserveCount = places >= 40 ? Math.min(rng.int(0, 3) + Math.floor(places / 150), Math.floor(places / 20)) : 0;
    let reserved = 0;
    for (const rIdx of simAcc.rooms) {
      if (reserved >= reserveCount) break;
      const room = out.sim.rooms[rIdx]!;
      if (room.restr !== R_NONE || room.beds.length < 3) continue;
      const bIdx = room.beds.at(-1)!;
      out.sim.beds[bIdx]!.reserve = true;
      out.beds[bIdx]!.reserve = true;
      room.free--;
      reserved++;
    }
    acc.reservePlaces = reserved;
  };

  for (let g = 0; g < gus; g++) addAccommodation(KIND_GU, guPlaces[g]!, roleOf(g));
  for (let f = 0; f < flats; f++) addAccommodation(KIND_FLAT, flatPlaces[f]!, 'normal');
  return out;
}
