// The quota ledger (Zuteilungsquote) per municipality for a period, after
// § 18 FlüAG and § 2 DVO FlüAG: every municipality takes in persons for the
// Anschlussunterbringung by its share of the county population (as of 30 June
// of the previous year); places the county itself runs inside a municipality
// may be credited (Anrechnung) in part or in full.
//
//   counted_i  = allocated_i + credited_i
//   credited_i = floor(countyPlaces_i × creditPercent / 100)
//   total      = Σ counted_i
//   target_i   = apportion(total, key)          (largest remainder, Σ = total)
//   balance_i  = counted_i − target_i           (> 0 ahead, < 0 behind; Σ = 0)
//
// Crediting is floored so a municipality is never credited more than the
// agreed percentage of a place. The worked example is in docs/allocation.md.
import type { Allocation, IsoDate, Municipality } from '../domain/model';
import { apportion, shares, type KeyEntry } from './apportion';

export type KeyKind = 'population' | 'weighted';

/** Weights of the optional weighted key; they need not add up to 1. */
export interface KeyWeights {
  population: number;
  area: number;
  foreignResidents: number;
}

export interface QuotaSettings {
  key: KeyKind;
  weights: KeyWeights;
  /** Anrechnung of county-run places, 0–100 %. */
  creditPercent: number;
}

export const DEFAULT_QUOTA_SETTINGS: QuotaSettings = {
  key: 'population',
  weights: { population: 1, area: 0, foreignResidents: 0 },
  creditPercent: 0,
};

export interface LedgerInput {
  municipalities: readonly Municipality[];
  allocations: readonly Allocation[];
  /** Places the county runs inside each municipality (id → places), e.g. from the occupancy engine at the period end. */
  countyPlaces: ReadonlyMap<string, number>;
  period: { from: IsoDate; to: IsoDate };
  settings: QuotaSettings;
}

export interface LedgerRow {
  municipalityId: string;
  name: string;
  ags: string;
  population: number;
  /** Exact share of the key, 0..1. */
  share: number;
  /** Persons allocated with status decided or moved, decision date in the period. */
  allocated: number;
  /** Persons in allocations still planned (not yet counted). */
  planned: number;
  countyPlaces: number;
  credited: number;
  counted: number;
  target: number;
  balance: number;
}

export interface Ledger {
  period: { from: IsoDate; to: IsoDate };
  settings: QuotaSettings;
  rows: LedgerRow[];
  totals: { population: number; allocated: number; planned: number; credited: number; counted: number; target: number; balance: number };
}

/** Whether an allocation counts in the period: decided or moved, decision date in [from, to]. */
export function allocationCounts(a: Allocation, period: { from: IsoDate; to: IsoDate }): boolean {
  if (a.deleted) return false;
  if (a.status !== 'decided' && a.status !== 'moved') return false;
  return a.decisionDate !== null && a.decisionDate >= period.from && a.decisionDate <= period.to;
}

/** The key entries for the configured key kind. */
export function keyEntries(municipalities: readonly Municipality[], settings: QuotaSettings): KeyEntry[] {
  const active = municipalities.filter((m) => !m.deleted);
  if (settings.key === 'population') return active.map((m) => ({ id: m.id, weight: Math.max(0, m.population) }));
  const w = settings.weights;
  const sumPop = active.reduce((s, m) => s + Math.max(0, m.population), 0);
  const sumArea = active.reduce((s, m) => s + Math.max(0, m.areaKm2 ?? 0), 0);
  const foreign = (m: Municipality) => Math.max(0, m.population) * Math.max(0, m.foreignShare ?? 0);
  const sumForeign = active.reduce((s, m) => s + foreign(m), 0);
  const part = (x: number, sum: number) => (sum > 0 ? x / sum : 0);
  return active.map((m) => ({
    id: m.id,
    weight:
      w.population * part(Math.max(0, m.population), sumPop) +
      w.area * part(Math.max(0, m.areaKm2 ?? 0), sumArea) +
      w.foreignResidents * part(foreign(m), sumForeign),
  }));
}

export function validateQuotaSettings(s: QuotaSettings): string[] {
  const errors: string[] = [];
  if (!(s.creditPercent >= 0 && s.creditPercent <= 100)) errors.push('Die Anrechnung muss zwischen 0 und 100 % liegen.');
  if (s.key === 'weighted') {
    const ws = [s.weights.population, s.weights.area, s.weights.foreignResidents];
    if (ws.some((x) => !(x >= 0) || !Number.isFinite(x))) errors.push('Gewichte dürfen nicht negativ sein.');
    if (ws.every((x) => x === 0)) errors.push('Mindestens ein Gewicht muss größer als 0 sein.');
  }
  return errors;
}

export function buildLedger(input: LedgerInput): Ledger {
  const { municipalities, allocations, countyPlaces, period, settings } = input;
  const problems = validateQuotaSettings(settings);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const active = municipalities.filter((m) => !m.deleted);
  const allocated = new Map<string, number>();
  const planned = new Map<string, number>();
  for (const a of allocations) {
    if (a.deleted) continue;
    if (allocationCounts(a, period)) allocated.set(a.municipalityId, (allocated.get(a.municipalityId) ?? 0) + a.personIds.length);
    else if (a.status === 'planned') planned.set(a.municipalityId, (planned.get(a.municipalityId) ?? 0) + a.personIds.length);
  }
  const entries = keyEntries(active, settings);
  const shareOf = shares(entries);
  const credited = new Map(active.map((m) => [m.id, Math.floor(((countyPlaces.get(m.id) ?? 0) * settings.creditPercent) / 100)]));
  const total = active.reduce((s, m) => s + (allocated.get(m.id) ?? 0) + (credited.get(m.id) ?? 0), 0);
  const targets = entries.some((e) => e.weight > 0) ? apportion(total, entries) : new Map<string, number>();
  const rows: LedgerRow[] = active.map((m) => {
    const al = allocated.get(m.id) ?? 0;
    const cr = credited.get(m.id) ?? 0;
    const target = targets.get(m.id) ?? 0;
    return {
      municipalityId: m.id,
      name: m.name,
      ags: m.ags,
      population: m.population,
      share: shareOf.get(m.id) ?? 0,
      allocated: al,
      planned: planned.get(m.id) ?? 0,
      countyPlaces: countyPlaces.get(m.id) ?? 0,
      credited: cr,
      counted: al + cr,
      target,
      balance: al + cr - target,
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const sum = (f: (r: LedgerRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    period,
    settings,
    rows,
    totals: {
      population: sum((r) => r.population),
      allocated: sum((r) => r.allocated),
      planned: sum((r) => r.planned),
      credited: sum((r) => r.credited),
      counted: sum((r) => r.counted),
      target: sum((r) => r.target),
      balance: sum((r) => r.balance),
    },
  };
}
