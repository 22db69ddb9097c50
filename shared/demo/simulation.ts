// Event-driven occupancy simulation for the demo data: households arrive,
// are placed, move and leave, day by day, over five years of history and a
// few weeks of planned arrivals. Every placement takes a bed from a pool of
// beds that are free ON THAT DAY, so the resulting stays satisfy the
// occupancy invariants by construction:
// - a bed holds at most one person at a time (a bed is in no pool while occupied);
// - a person is in one bed at a time (a move ends the old stay on the day the new one starts);
// - stays lie within the accommodation's [openedOn, closedOn) (rooms enter the
//   pools when it opens, leave them 45 days before it closes, and whoever is
//   still there is moved out on the closing day);
// - women-only rooms hold only women, men-only rooms only men, family rooms
//   only households with a child under 18 on the day the stay begins;
// - nobody is placed in a blocked bed, and only free beds get blocked;
// - reserve beds are never offered.
// Rooms are shared only by single adults of the same sex; a household of two
// or more gets rooms of its own. No per-day loop over beds: free rooms sit in
// pools keyed by (empty/partial, kind, restriction, barrier-free, capacity or
// sex), so a placement costs O(number of pools), which keeps Berlin scale fast.
import type {
  Allocation,
  BedBlock,
  BlockReason,
  Household,
  LegalBasis,
  Municipality,
  Person,
  Sex,
  Stay,
  Vulnerability,
} from '../domain/model';
import { addMonths, fromDayNumber, toDayNumber } from '../domain/dates';
import { DEPARTURE_REASONS } from '../domain/model';
import {
  KIND_FLAT,
  KIND_GU,
  R_FAMILY,
  R_MEN,
  R_NONE,
  R_WOMEN,
  demoId,
  timestampOf,
  type Facilities,
  type SimRoom,
} from './facilities';
import { ASYLUM_NATIONALITIES, NAME_POOLS, PROGRAMME_NATIONALITIES, type NamePool } from './names';
import type { Rng } from './random';

export interface SimulationConfig {
  startDay: number;
  todayDay: number;
  /** Persons arriving over the whole history (approximately). */
  targetPersons: number;
  /** Expected moves per household and year of stay. */
  movesPerYear: number;
  blockCount: number;
  /** Days after today with planned (reserved) arrivals. */
  plannedHorizonDays: number;
  /** Prefix of file numbers (Aktenzeichen). */
  fileNumberPrefix: string;
}

export interface SimulationResult {
  persons: Person[];
  households: Household[];
  stays: Stay[];
  allocations: Allocation[];
  bedBlocks: BedBlock[];
  /** Households that found no place within a month of their arrival and were left out. */
  rejectedHouseholds: number;
}

// Event types, in the order they are handled within a day.
const EV_OPEN = 0;
const EV_PRECLOSE = 1;
const EV_BLOCK_END = 2;
const EV_DEPART = 3; // before EV_CLOSE: who leaves anyway on the closing day is not moved first
const EV_CLOSE = 4;
const EV_MOVE = 5;
const EV_BLOCK_START = 6;
const EV_SHIFT = 16_777_216; // 2^24: event = type * EV_SHIFT + argument

const POOL_EMPTY = 0;
const POOL_PARTIAL = 1;
const MAX_CAP = 9;
const poolIndex = (state: number, kind: number, restr: number, bf: number, sub: number): number =>
  (((state * 2 + kind) * 4 + restr) * 2 + bf) * 10 + sub;
const POOL_COUNT = poolIndex(1, 1, 3, 1, 9) + 1;

const ASYLUM_REASONS: readonly (readonly [number, number])[] = [
  [0, 62],
  [1, 12],
  [2, 5],
  [3, 5],
  [4, 4],
  [5, 7],
  [6, 0.3],
  [7, 4.7],
];
const PROTECTION_REASONS: readonly (readonly [number, number])[] = [
  [0, 55],
  [1, 25],
  [2, 5],
  [3, 10],
  [5, 3],
  [7, 2],
];
const REASON_OTHER = 7;
const REASON_FOLLOW_UP = 0;

const END_NONE = 0;
const END_DEPARTURE = 1;
const END_MOVE = 2;

interface MemberSpec {
  sex: Sex;
  birthDay: number;
  adult: boolean;
  vulnerabilities: Vulnerability[];
  needsBarrierFree: boolean;
}

interface SimHousehold {
  idx: number;
  pool: NamePool;
  familyName: string;
  legalBasis: LegalBasis;
  members: MemberSpec[];
  /** First person index of the household (persons are consecutive). */
  firstPerson: number;
  allF: boolean;
  allM: boolean;
  /** Day on which the youngest minor turns 18 (-Infinity without minors). */
  childUntilDay: number;
  needsBf: boolean;
  admissionDay: number;
  departDay: number;
  reason: number;
  extended: boolean;
  active: boolean;
  /** Current bed and stay per member. */
  beds: number[];
  stays: number[];
}

/** Growable columns for stays: 500,000 stays as objects only at the very end. */
class StayColumns {
  person: number[] = [];
  household: number[] = [];
  bed: number[] = [];
  from: number[] = [];
  to: number[] = [];
  end: number[] = [];
  reason: number[] = [];
  prev: number[] = [];
  next: number[] = [];

  add(person: number, household: number, bed: number, from: number, prev: number): number {
    const i = this.person.length;
    this.person.push(person);
    this.household.push(household);
    this.bed.push(bed);
    this.from.push(from);
    this.to.push(-1);
    this.end.push(END_NONE);
    this.reason.push(-1);
    this.prev.push(prev);
    this.next.push(-1);
    return i;
  }
}

export function simulate(rng: Rng, cfg: SimulationConfig, fac: Facilities, municipalities: readonly Municipality[]): SimulationResult {
  const { accs, rooms, beds } = fac.sim;
  const { startDay, todayDay } = cfg;
  const endDay = todayDay + cfg.plannedHorizonDays;
  const totalDays = endDay - startDay + 1;

  // ---------------------------------------------------------------- pools
  const pools: number[][] = Array.from({ length: POOL_COUNT }, () => []);
  const removeFromPool = (room: SimRoom): void => {
    if (room.pool < 0) return;
    const list = pools[room.pool]!;
    const last = list.pop()!;
    if (last !== room.idx) {
      list[room.poolPos] = last;
      rooms[last]!.poolPos = room.poolPos;
    }
    room.pool = -1;
    room.poolPos = -1;
  };
  const refresh = (room: SimRoom): void => {
    const share = room.occupants === 0 ? room.free : 0;
    if (share !== room.emptyShare) {
      accs[room.accIdx]!.emptyFree += share - room.emptyShare;
      room.emptyShare = share;
    }
    let want = -1;
    if (accs[room.accIdx]!.accepting && room.free > 0) {
      if (room.occupants === 0) want = poolIndex(POOL_EMPTY, room.kind, room.restr, room.bf, Math.min(room.free, MAX_CAP));
      else if (room.tag === 1 || room.tag === 2) want = poolIndex(POOL_PARTIAL, room.kind, room.restr, room.bf, room.tag);
    }
    if (want === room.pool) return;
    removeFromPool(room);
    if (want >= 0) {
      const list = pools[want]!;
      room.pool = want;
      room.poolPos = list.length;
      list.push(room.idx);
    }
  };
  const setAccepting = (accIdx: number, accepting: boolean): void => {
    const acc = accs[accIdx]!;
    acc.accepting = accepting;
    for (const r of acc.rooms) refresh(rooms[r]!);
  };

  // --------------------------------------------------------------- events
  const events: (number[] | undefined)[] = new Array<number[] | undefined>(totalDays);
  const schedule = (day: number, type: number, arg: number): void => {
    if (day < startDay || day > todayDay) return; // only the past is decided; the future stays open
    const o = day - startDay;
    (events[o] ??= []).push(type * EV_SHIFT + arg);
  };
  for (const acc of accs) {
    if (acc.openDay <= startDay && startDay < acc.acceptUntilDay) setAccepting(acc.idx, true);
    else if (acc.openDay > startDay) schedule(acc.openDay, EV_OPEN, acc.idx);
    if (Number.isFinite(acc.closeDay)) {
      schedule(acc.acceptUntilDay, EV_PRECLOSE, acc.idx);
      schedule(acc.closeDay, EV_CLOSE, acc.idx);
    }
  }

  // ------------------------------------------------------------ placement
  const households: SimHousehold[] = [];
  const stays = new StayColumns();
  let personCount = 0;

  const allowedRestrictions = (h: SimHousehold, day: number): number[] => {
    const out = [R_NONE];
    if (h.members.length >= 2 && day < h.childUntilDay) out.push(R_FAMILY);
    if (h.allF) out.push(R_WOMEN);
    if (h.allM) out.push(R_MEN);
    return out;
  };

  /** Picks a room from the given pools, weighted by pool size and the pools' weights. */
  const pickRoom = (candidates: number[], weights: number[], exclude: readonly number[]): number => {
    let total = 0;
    for (let i = 0; i < candidates.length; i++) total += pools[candidates[i]!]!.length * weights[i]!;
    if (total <= 0) return -1;
    for (let attempt = 0; attempt < 6; attempt++) {
      let r = rng.next() * total;
      for (let i = 0; i < candidates.length; i++) {
        const list = pools[candidates[i]!]!;
        r -= list.length * weights[i]!;
        if (r < 0) {
          const room = list[Math.floor(rng.next() * list.length)]!;
          if (!exclude.includes(room)) return room;
          break;
        }
      }
    }
    return -1;
  };

  const findRooms = (h: SimHousehold, day: number, kinds: readonly number[], exclude: readonly number[]): number[] | null => {
    const restrs = allowedRestrictions(h, day);
    const bfs = h.needsBf ? [1] : [0, 1];
    const size = h.members.length;
    const cand: number[] = [];
    const weights: number[] = [];
    if (size === 1) {
      const tag = h.allF ? 2 : 1;
      const tryPartial = rng.chance(0.85);
      for (const pass of tryPartial ? [POOL_PARTIAL, POOL_EMPTY] : [POOL_EMPTY, POOL_PARTIAL]) {
        cand.length = 0;
        weights.length = 0;
        for (const k of kinds)
          for (const r of restrs)
            for (const bf of bfs) {
              if (pass === POOL_PARTIAL) {
                cand.push(poolIndex(POOL_PARTIAL, k, r, bf, tag));
                weights.push(1);
              } else {
                for (let c = 1; c <= MAX_CAP; c++) {
                  cand.push(poolIndex(POOL_EMPTY, k, r, bf, c));
                  weights.push(1);
                }
              }
            }
        const room = pickRoom(cand, weights, exclude);
        if (room >= 0) return [room];
      }
      return null;
    }
    // Households: rooms of their own; prefer a snug fit.
    for (const k of kinds)
      for (const r of restrs)
        for (const bf of bfs)
          for (let c = Math.min(size, MAX_CAP); c <= MAX_CAP; c++) {
            cand.push(poolIndex(POOL_EMPTY, k, r, bf, c));
            weights.push(1 / (1 + (c - size)) ** 2);
          }
    const room = pickRoom(cand, weights, exclude);
    if (room >= 0) return [room];
    // Large household: several empty rooms in one accommodation.
    const offset = Math.floor(rng.next() * accs.length);
    for (let i = 0; i < accs.length; i++) {
      const acc = accs[(offset + i) % accs.length]!;
      if (!acc.accepting || acc.emptyFree < size || !kinds.includes(acc.kind)) continue;
      const free: SimRoom[] = [];
      let sum = 0;
      for (const rIdx of acc.rooms) {
        const room = rooms[rIdx]!;
        if (room.occupants !== 0 || room.free === 0 || exclude.includes(rIdx)) continue;
        if (!restrs.includes(room.restr) || (h.needsBf && room.bf === 0)) continue;
        free.push(room);
        sum += room.free;
      }
      if (sum < size) continue;
      free.sort((a, b) => b.free - a.free || a.idx - b.idx);
      const chosen: number[] = [];
      let got = 0;
      for (const room of free) {
        chosen.push(room.idx);
        got += room.free;
        if (got >= size) return chosen;
      }
    }
    return null;
  };

  const findPlacement = (h: SimHousehold, day: number, preferFlat: boolean, exclude: readonly number[]): number[] | null =>
    (preferFlat ? findRooms(h, day, [KIND_FLAT], exclude) : null) ?? findRooms(h, day, [KIND_GU, KIND_FLAT], exclude);

  /** Puts the household's members into free beds of the chosen rooms and opens their stays. */
  const occupy = (h: SimHousehold, chosen: number[], day: number, previous: number[] | null): void => {
    let m = 0;
    const tag = h.members.length === 1 ? (h.allF ? 2 : 1) : 3;
    for (const rIdx of chosen) {
      const room = rooms[rIdx]!;
      for (const bIdx of room.beds) {
        if (m >= h.members.length) break;
        const bed = beds[bIdx]!;
        if (bed.occupant !== -1 || bed.blocked || bed.reserve) continue;
        bed.occupant = h.idx;
        room.free--;
        room.occupants++;
        room.tag = tag;
        const prev = previous ? previous[m]! : -1;
        const s = stays.add(h.firstPerson + m, h.idx, bIdx, day, prev);
        if (prev >= 0) {
          stays.to[prev] = day;
          stays.end[prev] = END_MOVE;
          stays.next[prev] = s;
        }
        h.beds[m] = bIdx;
        h.stays[m] = s;
        m++;
      }
      refresh(room);
    }
    if (m !== h.members.length) throw new Error('Demo-Simulation: zu wenige freie Betten im gewählten Zimmer');
  };

  const vacate = (bedIdxs: readonly number[]): void => {
    for (const bIdx of bedIdxs) {
      const bed = beds[bIdx]!;
      const room = rooms[bed.roomIdx]!;
      bed.occupant = -1;
      room.free++;
      room.occupants--;
      if (room.occupants === 0) room.tag = 0;
      refresh(room);
    }
  };

  const roomsOf = (h: SimHousehold): number[] => [...new Set(h.beds.map((b) => beds[b]!.roomIdx))];

  const move = (h: SimHousehold, day: number, preferFlat: boolean): boolean => {
    // At most one move per day: a second one would leave an empty stay [day, day).
    if (stays.from[h.stays[0]!] === day) return false;
    const chosen = findPlacement(h, day, preferFlat, roomsOf(h));
    if (!chosen) return false;
    const oldBeds = h.beds.slice();
    occupy(h, chosen, day, h.stays.slice());
    vacate(oldBeds);
    return true;
  };

  const allocations: Allocation[] = [];
  const munWeights = municipalities.map((m, i) => [i, m.population] as const);
  const depart = (h: SimHousehold, day: number, reason: number): void => {
    for (const s of h.stays) {
      stays.to[s] = day;
      stays.end[s] = END_DEPARTURE;
      stays.reason[s] = reason;
    }
    vacate(h.beds);
    h.active = false;
    h.reason = reason;
    h.departDay = day;
    if (reason === REASON_FOLLOW_UP) {
      allocations.push(makeAllocation(h, 'moved', day - rng.int(14, 42), day));
    }
  };

  const makeAllocation = (h: SimHousehold, status: Allocation['status'], decisionDay: number | null, moveDay: number | null): Allocation => {
    const mun = municipalities[rng.weighted(munWeights)]!;
    const created = Math.min(decisionDay ?? todayDay, todayDay);
    const decided = decisionDay === null ? null : Math.max(decisionDay, h.admissionDay);
    return {
      id: demoId('alc', allocations.length),
      createdAt: timestampOf(decided ?? created),
      updatedAt: timestampOf(Math.min(moveDay ?? created, todayDay)),
      householdId: demoId('hh', h.idx),
      personIds: h.members.map((_, m) => demoId('per', h.firstPerson + m)),
      municipalityId: mun.id,
      decisionDate: decided === null ? null : fromDayNumber(decided),
      plannedMoveDate: moveDay === null ? null : fromDayNumber(moveDay),
      status,
      letterIds: [],
    };
  };

  // ------------------------------------------------------------ arrivals
  const monthOf = (day: number): string => fromDayNumber(day).slice(0, 7);
  const ukraineShare = (month: string): number => (month < '2022-03' ? 0 : month <= '2022-09' ? 0.8 : 0.12);
  const waveFactor = (month: string): number => {
    const m = Number(month.slice(5, 7));
    let f = 1 + 0.2 * Math.cos((2 * Math.PI * (m - 10)) / 12);
    const ukraine: Record<string, number> = { '2022-03': 2.2, '2022-04': 2.5, '2022-05': 1.8, '2022-06': 1.2, '2022-07': 0.9, '2022-08': 0.8, '2022-09': 0.8, '2022-10': 0.6, '2022-11': 0.5, '2022-12': 0.4 };
    const autumn23: Record<string, number> = { '2023-08': 0.6, '2023-09': 0.9, '2023-10': 1.2, '2023-11': 1.1, '2023-12': 0.8, '2024-01': 0.6, '2024-02': 0.4, '2024-03': 0.3 };
    f += ukraine[month] ?? 0;
    f += autumn23[month] ?? 0;
    return f;
  };
  const monthStarts: number[] = [];
  for (let d = startDay; d <= todayDay; ) {
    monthStarts.push(d);
    d = toDayNumber(addMonths(`${fromDayNumber(d).slice(0, 7)}-01`, 1));
  }
  const factorSum = monthStarts.reduce((s, d) => s + waveFactor(monthOf(d)), 0);
  const arrivalsByDay: (MemberSpecBatch[] | undefined)[] = new Array<MemberSpecBatch[] | undefined>(totalDays);
  const planArrivals = (fromDay: number, toDay: number, persons: number, month: string): void => {
    let planned = 0;
    while (planned < persons) {
      const day = rng.int(fromDay, toDay);
      const batch = composeHousehold(rng, day, ukraineShare(month));
      planned += batch.members.length;
      (arrivalsByDay[day - startDay] ??= []).push(batch);
    }
  };
  // Slightly more than the target: some households find no place at peaks.
  const perFactor = (cfg.targetPersons * 1.02) / factorSum;
  for (let i = 0; i < monthStarts.length; i++) {
    const from = monthStarts[i]!;
    const to = Math.min((monthStarts[i + 1] ?? todayDay + 1) - 1, todayDay);
    const month = monthOf(from);
    const days = to - from + 1;
    const full = toDayNumber(addMonths(`${month}-01`, 1)) - toDayNumber(`${month}-01`);
    planArrivals(from, to, Math.round(((perFactor * waveFactor(month) * days) / full) * rng.float(0.85, 1.15)), month);
  }
  // A few announced arrivals in the coming weeks: planned stays.
  const perDay = cfg.targetPersons / Math.max(1, todayDay - startDay);
  planArrivals(todayDay + 1, endDay, Math.max(4, Math.round(perDay * cfg.plannedHorizonDays * 0.12)), monthOf(todayDay));

  // --------------------------------------------------------------- blocks
  const blocks: BedBlock[] = [];
  const blockSpecs: { until: number | null; reason: BlockReason; note?: string }[] = [];
  const regularBlocks = Math.max(0, cfg.blockCount - 2);
  for (let i = 0; i < regularBlocks; i++) {
    const day = rng.int(startDay + 30, todayDay - 30);
    const reason = rng.weighted<BlockReason>([
      ['repair', 5],
      ['mould', 2],
      ['quarantine', 1],
      ['pest', 1],
      ['other', 1],
    ]);
    const length = reason === 'mould' ? rng.int(30, 120) : reason === 'quarantine' ? rng.int(7, 14) : reason === 'pest' ? rng.int(7, 21) : rng.int(5, 60);
    blockSpecs.push({ until: day + length, reason });
    schedule(day, EV_BLOCK_START, blockSpecs.length - 1);
  }
  // Always one block "until further notice" and one running past today.
  blockSpecs.push({ until: null, reason: 'mould', note: 'Schimmelbefall, Sanierung beauftragt' });
  schedule(todayDay - 20, EV_BLOCK_START, blockSpecs.length - 1);
  blockSpecs.push({ until: todayDay + 14, reason: 'repair', note: 'Bettgestell defekt' });
  schedule(todayDay - 10, EV_BLOCK_START, blockSpecs.length - 1);

  const blockBed = (day: number, specIdx: number): void => {
    const spec = blockSpecs[specIdx]!;
    for (let attempt = 0; attempt < 200; attempt++) {
      const acc = accs[Math.floor(rng.next() * accs.length)]!;
      if (!acc.accepting || Number.isFinite(acc.closeDay) || acc.rooms.length === 0) continue;
      const room = rooms[acc.rooms[Math.floor(rng.next() * acc.rooms.length)]!]!;
      const bIdx = room.beds.find((b) => beds[b]!.occupant === -1 && !beds[b]!.blocked && !beds[b]!.reserve);
      if (bIdx === undefined) continue;
      const bed = beds[bIdx]!;
      bed.blocked = true;
      room.free--;
      refresh(room);
      const block: BedBlock = {
        id: demoId('blk', blocks.length),
        createdAt: timestampOf(day),
        updatedAt: timestampOf(day),
        bedId: bed.id,
        accommodationId: acc.id,
        from: fromDayNumber(day),
        until: spec.until === null ? null : fromDayNumber(spec.until),
        reason: spec.reason,
      };
      if (spec.note) block.note = spec.note;
      blocks.push(block);
      if (spec.until !== null) schedule(spec.until, EV_BLOCK_END, bIdx);
      return;
    }
  };
  const unblockBed = (bIdx: number): void => {
    const bed = beds[bIdx]!;
    bed.blocked = false;
    const room = rooms[bed.roomIdx]!;
    room.free++;
    refresh(room);
  };

  // ------------------------------------------------------------- main loop
  let rejected = 0;
  for (let day = startDay; day <= endDay; day++) {
    const o = day - startDay;
    const dayEvents = events[o];
    if (dayEvents) {
      dayEvents.sort((a, b) => a - b);
      for (const ev of dayEvents) {
        const type = Math.floor(ev / EV_SHIFT);
        const arg = ev % EV_SHIFT;
        switch (type) {
          case EV_OPEN:
            setAccepting(arg, day < accs[arg]!.acceptUntilDay);
            break;
          case EV_PRECLOSE:
            setAccepting(arg, false);
            break;
          case EV_BLOCK_END:
            unblockBed(arg);
            break;
          case EV_CLOSE: {
            // Whoever still lives here is moved out on the closing day.
            const inside = new Set<number>();
            for (const r of accs[arg]!.rooms) for (const b of rooms[r]!.beds) if (beds[b]!.occupant >= 0) inside.add(beds[b]!.occupant);
            for (const hIdx of [...inside].sort((a, b) => a - b)) {
              const h = households[hIdx]!;
              if (!move(h, day, false)) depart(h, day, REASON_OTHER);
            }
            break;
          }
          case EV_DEPART: {
            const h = households[arg]!;
            if (h.active && h.departDay === day) depart(h, day, h.reason);
            break;
          }
          case EV_MOVE: {
            const h = households[arg]!;
            if (h.active && day < h.departDay) move(h, day, day - h.admissionDay >= 365 && rng.chance(0.6));
            break;
          }
          case EV_BLOCK_START:
            blockBed(day, arg);
            break;
        }
      }
      events[o] = undefined;
    }

    const arrivals = arrivalsByDay[o];
    if (!arrivals) continue;
    for (const batch of arrivals) {
      const h: SimHousehold = {
        idx: households.length,
        pool: batch.pool,
        familyName: batch.familyName,
        legalBasis: batch.legalBasis,
        members: batch.members,
        firstPerson: personCount,
        allF: batch.members.every((m) => m.sex === 'f'),
        allM: batch.members.every((m) => m.sex === 'm'),
        childUntilDay: childUntil(batch.members),
        needsBf: batch.members.some((m) => m.needsBarrierFree),
        admissionDay: day,
        departDay: Infinity,
        reason: -1,
        extended: false,
        active: true,
        beds: [],
        stays: [],
      };
      const chosen = findPlacement(h, day, h.members.length >= 2 && rng.chance(0.35), []);
      if (!chosen) {
        // No place today: the Land keeps the household in initial reception
        // (LEA) a little longer; retry every few days for up to a month.
        batch.tries++;
        const retry = o + 3;
        if (batch.tries <= 10 && retry < totalDays && (day <= todayDay) === (day + 3 <= todayDay)) (arrivalsByDay[retry] ??= []).push(batch);
        else rejected++;
        continue;
      }
      households.push(h);
      personCount += h.members.length;
      occupy(h, chosen, day, null);
      planDeparture(rng, h, cfg);
      schedule(h.departDay, EV_DEPART, h.idx);
      const span = h.departDay - day;
      if (span > 14) {
        const moves = rng.poisson((cfg.movesPerYear * span) / 365);
        for (let i = 0; i < moves; i++) schedule(day + rng.int(7, span - 1), EV_MOVE, h.idx);
      }
    }
    arrivalsByDay[o] = undefined;
  }

  // Households still here whose follow-up placement is already decided or planned.
  for (const h of households) {
    if (!h.active || h.reason !== REASON_FOLLOW_UP || h.admissionDay > todayDay) continue;
    const until = h.departDay - todayDay;
    if (until <= 42) allocations.push(makeAllocation(h, 'decided', Math.max(h.admissionDay, todayDay - rng.int(1, 20)), h.departDay));
    else if (until <= 90) allocations.push(makeAllocation(h, 'planned', null, null));
  }

  return {
    ...materialise(rng, cfg, households, stays, fac),
    allocations,
    bedBlocks: blocks,
    rejectedHouseholds: rejected,
  };
}

// ---------------------------------------------------------------------------
// Households and persons

interface MemberSpecBatch {
  pool: NamePool;
  familyName: string;
  legalBasis: LegalBasis;
  members: MemberSpec[];
  /** Failed placement attempts so far. */
  tries: number;
}

const YEAR = 365.25;

function childUntil(members: readonly MemberSpec[]): number {
  let until = -Infinity;
  for (const m of members) {
    if (m.adult) continue;
    // 18th birthday, computed like a calendar would (29 Feb → 28 Feb).
    until = Math.max(until, toDayNumber(addMonths(fromDayNumber(m.birthDay), 18 * 12)));
  }
  return until;
}

function composeHousehold(rng: Rng, day: number, ukraineShare: number): MemberSpecBatch {
  const u = rng.next();
  let legalBasis: LegalBasis;
  if (u < ukraineShare) legalBasis = 'aufenthg_24';
  else if (u < ukraineShare + 0.02) legalBasis = rng.pick(['aufenthg_22', 'aufenthg_23'] as const);
  else if (u < ukraineShare + 0.03) legalBasis = 'aufenthg_15a';
  else if (u < ukraineShare + 0.035) legalBasis = 'other';
  else legalBasis = 'asylum';
  const nationality =
    legalBasis === 'aufenthg_24'
      ? 'UKR'
      : legalBasis === 'aufenthg_22' || legalBasis === 'aufenthg_23'
        ? rng.weighted(PROGRAMME_NATIONALITIES)
        : rng.weighted(ASYLUM_NATIONALITIES);
  const pool = NAME_POOLS[nationality]!;
  const adult = (sex: Sex, minAge: number, mode: number, maxAge: number): MemberSpec => {
    const age = Math.floor(rng.triangular(minAge, mode, maxAge));
    const vulnerabilities: Vulnerability[] = [];
    if (age >= 65) vulnerabilities.push('elderly');
    const disabled = rng.chance(age >= 65 ? 0.12 : 0.02);
    if (disabled) vulnerabilities.push('disability');
    if (sex === 'f' && age < 42 && rng.chance(0.04)) vulnerabilities.push('pregnancy');
    if (rng.chance(0.02)) vulnerabilities.push('serious_illness');
    if (rng.chance(0.03)) vulnerabilities.push('trauma');
    return { sex, birthDay: Math.floor(day - age * YEAR - rng.int(0, 364)), adult: true, vulnerabilities, needsBarrierFree: disabled };
  };
  const child = (parentAge: number): MemberSpec => {
    const age = rng.int(0, Math.max(0, Math.min(17, parentAge - 18)));
    return { sex: rng.chance(0.5) ? 'f' : 'm', birthDay: Math.floor(day - age * YEAR - rng.int(0, 364)), adult: false, vulnerabilities: ['minor'], needsBarrierFree: false };
  };
  const ageOf = (m: MemberSpec): number => Math.floor((day - m.birthDay) / YEAR);
  const withChildren = (parents: MemberSpec[], count: number): MemberSpec[] => {
    const youngestParent = Math.min(...parents.map(ageOf));
    const kids = Array.from({ length: count }, () => child(youngestParent));
    if (parents.length === 1) parents[0]!.vulnerabilities.push('single_parent');
    return [...parents, ...kids];
  };

  let members: MemberSpec[];
  const r = rng.next();
  if (legalBasis === 'aufenthg_24') {
    if (r < 0.42) members = withChildren([adult('f', 22, 34, 50)], rng.int(1, 3));
    else if (r < 0.55) members = withChildren([adult('f', 24, 34, 45), adult('f', 55, 62, 80)], rng.int(1, 2));
    else if (r < 0.72) members = [adult('f', 18, 40, 85)];
    else if (r < 0.82) members = [adult('m', 60, 68, 85), adult('f', 58, 66, 85)];
    else if (r < 0.9) members = [adult('m', 18, 55, 85)];
    else members = withChildren([adult('m', 22, 38, 55), adult('f', 22, 35, 50)], rng.int(1, 3));
  } else if (r < 0.55) {
    members = [adult(rng.chance(0.82) ? 'm' : 'f', 18, 26, 60)];
  } else if (r < 0.61) {
    members = [adult('m', 20, 28, 50), adult('f', 19, 26, 45)];
  } else if (r < 0.68) {
    members = withChildren([adult('f', 20, 30, 48)], rng.int(1, 4));
  } else {
    members = withChildren([adult('m', 22, 34, 55), adult('f', 20, 31, 48)], rng.int(1, 5));
  }
  return { pool, familyName: rng.pick(pool.family), legalBasis, members, tries: 0 };
}

function planDeparture(rng: Rng, h: SimHousehold, cfg: SimulationConfig): void {
  const protection = h.legalBasis !== 'asylum' && h.legalBasis !== 'other';
  const reason = rng.weighted(protection ? PROTECTION_REASONS : ASYLUM_REASONS);
  const deadlineDay = toDayNumber(addMonths(fromDayNumber(h.admissionDay), protection ? 6 : 24));
  const maxSpan = deadlineDay - h.admissionDay;
  let span: number;
  if (reason === 0 || reason === 1) {
    span = protection ? Math.round(rng.triangular(14, 80, maxSpan)) : Math.round(rng.triangular(120, 360, maxSpan));
    if (reason === 0 && rng.chance(0.06)) {
      span = maxSpan + rng.int(1, 90); // extended beyond the § 9 FlüAG deadline
      h.extended = true;
    }
  } else if (reason === 6) {
    span = rng.int(30, maxSpan);
  } else {
    span = Math.round(rng.triangular(7, 90, Math.max(30, Math.min(maxSpan, 500))));
  }
  h.reason = reason;
  h.departDay = h.admissionDay + Math.max(1, span);
  // The future stays open: a departure after today is only a plan.
  if (h.departDay > cfg.todayDay) h.departDay = Math.max(h.departDay, cfg.todayDay + 1);
}

function materialise(
  rng: Rng,
  cfg: SimulationConfig,
  households: readonly SimHousehold[],
  stays: StayColumns,
  fac: Facilities,
): { persons: Person[]; households: Household[]; stays: Stay[] } {
  const { todayDay } = cfg;
  const persons: Person[] = [];
  const householdRecords: Household[] = [];
  const isoCache = new Map<number, string>();
  const iso = (d: number): string => {
    let s = isoCache.get(d);
    if (s === undefined) {
      s = fromDayNumber(d);
      isoCache.set(d, s);
    }
    return s;
  };
  const tsCache = new Map<number, string>();
  const ts = (d: number): string => {
    let s = tsCache.get(d);
    if (s === undefined) {
      s = `${iso(d)}T08:00:00.000Z`;
      tsCache.set(d, s);
    }
    return s;
  };
  // One id string per person and household, shared by all their stays.
  const personIds: string[] = [];
  const householdIds: string[] = [];

  for (const h of households) {
    const hhId = demoId('hh', h.idx);
    householdIds[h.idx] = hhId;
    const created = Math.min(h.admissionDay, todayDay);
    const year = iso(h.admissionDay).slice(0, 4);
    const status = residence(rng, h, todayDay);
    let headGiven = '';
    h.members.forEach((m, i) => {
      const pIdx = h.firstPerson + i;
      const givenName = rng.pick(m.sex === 'f' ? h.pool.female : h.pool.male);
      if (i === 0) headGiven = givenName;
      const languages = [h.pool.languages[0]!];
      if (h.pool.languages.length > 1 && rng.chance(0.35)) languages.push(h.pool.languages[1]!);
      personIds[pIdx] = demoId('per', pIdx);
      const person: Person = {
        id: personIds[pIdx],
        createdAt: ts(created),
        updatedAt: ts(Math.min(h.active ? created : h.departDay, todayDay)),
        familyName: h.familyName,
        givenName,
        birthDate: iso(m.birthDay),
        sex: m.sex,
        nationality: h.pool.nationality,
        languages,
        householdId: hhId,
        fileNumber: `${cfg.fileNumberPrefix}-${year}-${String(pIdx + 1).padStart(6, '0')}`,
        azrNumber: String(rng.int(100000, 999999)) + String(rng.int(100000, 999999)),
        residenceStatus: status.residence,
        asylumDecision: status.decision,
        admissionDate: iso(h.admissionDay),
        legalBasis: h.legalBasis,
        vulnerabilities: m.vulnerabilities,
        needsBarrierFree: m.needsBarrierFree,
        feePayer: m.adult && status.residence === 'aufenthaltserlaubnis' && rng.chance(0.25),
      };
      if (h.extended) {
        const deadline = addMonths(iso(h.admissionDay), h.legalBasis === 'asylum' ? 24 : 6);
        person.extension = {
          until: addMonths(deadline, 3),
          reason: 'Keine Anschlussunterbringung zum Fristende verfügbar',
          decidedOn: iso(toDayNumber(deadline) - 21),
          by: 'Sachbearbeitung',
        };
      }
      persons.push(person);
    });
    householdRecords.push({
      id: hhId,
      createdAt: ts(created),
      updatedAt: ts(created),
      name: h.members.length > 1 ? `Familie ${h.familyName}` : `${h.familyName}, ${headGiven}`,
      headPersonId: personIds[h.firstPerson]!,
      fileNumber: `${cfg.fileNumberPrefix}-${year}-H${String(h.idx + 1).padStart(6, '0')}`,
    });
  }

  const { beds, rooms, accs } = fac.sim;
  const stayRecords: Stay[] = new Array<Stay>(stays.person.length);
  for (let i = 0; i < stays.person.length; i++) {
    const from = stays.from[i]!;
    const to = stays.to[i]!;
    const bed = beds[stays.bed[i]!]!;
    const room = rooms[bed.roomIdx]!;
    const created = from > todayDay ? todayDay - 3 : from;
    const s: Stay = {
      id: demoId('sty', i),
      createdAt: ts(created),
      updatedAt: ts(to >= 0 ? to : created),
      personId: personIds[stays.person[i]!]!,
      bedId: bed.id,
      roomId: room.id,
      accommodationId: accs[room.accIdx]!.id,
      householdId: householdIds[stays.household[i]!]!,
      from: iso(from),
      to: to >= 0 ? iso(to) : null,
    };
    const end = stays.end[i]!;
    if (end === END_MOVE) s.endKind = 'move';
    if (end === END_DEPARTURE) {
      s.endKind = 'departure';
      s.departureReason = DEPARTURE_REASONS[stays.reason[i]!]!;
    }
    if (stays.prev[i]! >= 0) s.previousStayId = demoId('sty', stays.prev[i]!);
    if (stays.next[i]! >= 0) s.nextStayId = demoId('sty', stays.next[i]!);
    stayRecords[i] = s;
  }
  return { persons, households: householdRecords, stays: stayRecords };
}

function residence(rng: Rng, h: SimHousehold, todayDay: number): { residence: Person['residenceStatus']; decision: Person['asylumDecision'] } {
  if (h.legalBasis === 'aufenthg_15a') return { residence: 'duldung', decision: 'pending' };
  if (h.legalBasis === 'other') return { residence: 'other', decision: 'pending' };
  if (h.legalBasis !== 'asylum') return { residence: rng.chance(0.85) ? 'aufenthaltserlaubnis' : 'fiktion', decision: 'pending' };
  const reason = h.active ? -1 : h.reason;
  if (reason === 4) return { residence: 'duldung', decision: 'final_rejected' };
  if (reason === 0 || reason === 1) {
    const u = rng.next();
    if (u < 0.6) return { residence: 'aufenthaltserlaubnis', decision: 'final_granted' };
    if (u < 0.8) return { residence: 'duldung', decision: 'rejected' };
    return { residence: 'gestattung', decision: 'pending' };
  }
  if (reason === -1) {
    if (todayDay - h.admissionDay < 180) return { residence: 'gestattung', decision: 'pending' };
    const u = rng.next();
    if (u < 0.4) return { residence: 'gestattung', decision: 'pending' };
    if (u < 0.7) return { residence: rng.chance(0.7) ? 'aufenthaltserlaubnis' : 'fiktion', decision: 'granted' };
    if (u < 0.9) return { residence: 'duldung', decision: 'rejected' };
    return { residence: 'duldung', decision: 'final_rejected' };
  }
  const u = rng.next();
  if (u < 0.5) return { residence: 'gestattung', decision: 'pending' };
  if (u < 0.8) return { residence: 'duldung', decision: 'rejected' };
  return { residence: 'duldung', decision: 'final_rejected' };
}
