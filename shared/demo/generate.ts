// Deterministic demo data: the same {seed, scale, today} always gives the
// same dataset (ids included), so every laptop can load an identical seed and
// tests can rely on it. No real persons: names are combined at random from
// small invented pools (names.ts). Municipality figures are approximations.
import type { Dataset, IsoDate, Municipality } from '../domain/model';
import { addMonths, isIsoDate, toDayNumber } from '../domain/dates';
import { buildFacilities, demoId, timestampOf, type FacilityConfig } from './facilities';
import { createRng } from './random';
import { BERLIN, ZOLLERNALB, type RegionMunicipality } from './regions';
import { simulate, type SimulationConfig } from './simulation';

export type DemoScale = 'county' | 'berlin' | number;

export interface DemoOptions {
  seed: number;
  /** 'county' (default, Zollernalbkreis-like), 'berlin' (LAF-like), or a factor of the county scale. */
  scale?: DemoScale;
  /** The day the history ends; planned stays lie after it. */
  today: IsoDate;
}

export interface DemoStats {
  rejectedHouseholds: number;
}

export const DEFAULT_DEMO_SEED = 20_240_630;
/** Years of history before `today`. */
export const DEMO_HISTORY_MONTHS = 60;

interface ScaleConfig {
  region: readonly RegionMunicipality[];
  regionKind: 'county' | 'city';
  facilities: Omit<FacilityConfig, 'region'>;
  targetPersons: number;
  movesPerYear: number;
  blockCount: number;
  fileNumberPrefix: string;
}

function scaleConfig(scale: DemoScale): ScaleConfig {
  if (scale === 'berlin') {
    return {
      region: BERLIN,
      regionKind: 'city',
      facilities: { accommodations: 100, targetPlaces: 35_000, flatShare: 0.1, guPlaces: [80, 1200], guPrefix: 'Unterkunft' },
      targetPersons: 152_000,
      movesPerYear: 3.5,
      blockCount: 300,
      fileNumberPrefix: 'LAF',
    };
  }
  const f = scale === 'county' ? 1 : scale;
  if (typeof f !== 'number' || !Number.isFinite(f) || f <= 0 || f > 100) {
    throw new Error(`Ungültige Größe für Demodaten: ${String(scale)} (erlaubt: county, berlin oder ein Faktor über 0 bis 100).`);
  }
  return {
    region: ZOLLERNALB,
    regionKind: 'county',
    facilities: { accommodations: Math.max(4, Math.round(25 * f)), targetPlaces: Math.round(800 * f), flatShare: 0.48, guPlaces: [30, 120], guPrefix: 'GU' },
    targetPersons: Math.round(3000 * f),
    movesPerYear: 0.3,
    blockCount: Math.max(3, Math.round(8 * f)),
    fileNumberPrefix: '422.21',
  };
}

export function generateDemoData(options: DemoOptions): Dataset {
  return generateDemoDataWithStats(options).dataset;
}

export function generateDemoDataWithStats(options: DemoOptions): { dataset: Dataset; stats: DemoStats } {
  const { seed, today } = options;
  if (!isIsoDate(today)) throw new Error(`Ungültiges Datum für Demodaten: ${String(today)}`);
  if (!Number.isInteger(seed)) throw new Error(`Der Startwert muss eine ganze Zahl sein: ${seed}`);
  const cfg = scaleConfig(options.scale ?? 'county');
  const rng = createRng(seed);
  const todayDay = toDayNumber(today);
  const startDay = toDayNumber(addMonths(today, -DEMO_HISTORY_MONTHS));

  const municipalities = buildMunicipalities(cfg, today, startDay, rng.fork());
  const facilities = buildFacilities(rng.fork(), { ...cfg.facilities, region: cfg.region }, municipalities, startDay, todayDay);
  const simCfg: SimulationConfig = {
    startDay,
    todayDay,
    targetPersons: cfg.targetPersons,
    movesPerYear: cfg.movesPerYear,
    blockCount: cfg.blockCount,
    plannedHorizonDays: 21,
    fileNumberPrefix: cfg.fileNumberPrefix,
  };
  const sim = simulate(rng.fork(), simCfg, facilities, municipalities);
  return {
    dataset: {
      municipalities,
      accommodations: facilities.accommodations,
      units: facilities.units,
      rooms: facilities.rooms,
      beds: facilities.beds,
      bedBlocks: sim.bedBlocks,
      persons: sim.persons,
      households: sim.households,
      stays: sim.stays,
      allocations: sim.allocations,
      letterTemplates: [],
      letters: [],
      // No demo accounts: there is no default password (the first start creates the administrator).
      users: [],
      accessLog: [],
    },
    stats: { rejectedHouseholds: sim.rejectedHouseholds },
  };
}

function buildMunicipalities(cfg: ScaleConfig, today: IsoDate, startDay: number, rng: ReturnType<typeof createRng>): Municipality[] {
  // Population as of 30 June of the previous year (§ 2 DVO FlüAG).
  const populationDate = `${Number(today.slice(0, 4)) - 1}-06-30`;
  return cfg.region.map((m, i) => {
    const slug = m.name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-');
    return {
      id: demoId('mun', i),
      createdAt: timestampOf(startDay),
      updatedAt: timestampOf(startDay),
      ags: m.ags,
      name: m.name,
      population: m.population,
      populationDate,
      populationApproximate: true,
      foreignShare: Math.round(rng.float(0.07, 0.2) * 1000) / 1000,
      contact: {
        name: cfg.regionKind === 'city' ? `Bezirksamt ${m.name}` : m.town ? `Stadtverwaltung ${m.name}` : `Gemeindeverwaltung ${m.name}`,
        department: cfg.regionKind === 'city' ? 'Amt für Soziales – Wohnungsnotfallhilfe' : 'Ordnungsamt – Anschlussunterbringung',
        // .example domains (RFC 2606): demo mail never reaches a real office.
        email: `unterbringung@${slug}.example`,
        address: { street: m.townHallStreet, zip: m.zip, city: m.name },
      },
    };
  });
}
