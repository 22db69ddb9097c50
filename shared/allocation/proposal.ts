// Proposes a municipality for each selected household so that the ledger's
// balances even out. Households are placed as a whole (families are never
// split): the unit of assignment is the household, not the person.
//
// Method: the persons about to be allocated are added to the total, the
// targets are apportioned again, and households are placed largest first
// (hardest to fit) into the municipality with the largest remaining deficit
// (target − counted − already proposed). Ties: larger key share, then name,
// then id — deterministic, so every laptop proposes the same.
import { apportion } from './apportion';
import { keyEntries, type Ledger } from './ledger';
import type { Municipality } from '../domain/model';

export interface HouseholdToPlace {
  householdId: string;
  name: string;
  personIds: string[];
}

export type ProposalReason =
  /** The municipality was the furthest behind its target. */
  | 'most_behind'
  /** No municipality was behind; this one was the least ahead. */
  | 'least_ahead'
  /** Chosen by the user. */
  | 'manual';

export interface Proposal {
  householdId: string;
  householdName: string;
  personIds: string[];
  municipalityId: string;
  municipalityName: string;
  reason: ProposalReason;
  /** For the one-line explanation: the deficit before this household was placed, its new target and counted figures. */
  deficitBefore: number;
  target: number;
  countedBefore: number;
}

export interface ProposalResult {
  proposals: Proposal[];
  /** Balance per municipality after all proposals (counted − new target). */
  projectedBalance: Map<string, number>;
}

export interface ProposalOptions {
  /** Municipalities to leave out (e.g. no housing available). */
  exclude?: ReadonlySet<string>;
  /** Choices the user made; kept as they are and counted first. */
  fixed?: ReadonlyMap<string, string>;
}

export function proposeAllocations(
  ledger: Ledger,
  municipalities: readonly Municipality[],
  households: readonly HouseholdToPlace[],
  options: ProposalOptions = {},
): ProposalResult {
  const seen = new Set<string>();
  for (const h of households) {
    if (seen.has(h.householdId)) throw new Error(`Haushalt ${h.name} ist doppelt ausgewählt.`);
    seen.add(h.householdId);
    if (h.personIds.length === 0) throw new Error(`Haushalt ${h.name} hat keine Personen.`);
  }
  const byId = new Map(municipalities.filter((m) => !m.deleted).map((m) => [m.id, m]));
  const entries = keyEntries([...byId.values()], ledger.settings);
  const addition = households.reduce((s, h) => s + h.personIds.length, 0);
  const newTotal = ledger.totals.counted + addition;
  const targets = apportion(newTotal, entries);
  const share = new Map(ledger.rows.map((r) => [r.municipalityId, r.share]));
  const counted = new Map(ledger.rows.map((r) => [r.municipalityId, r.counted]));
  const exclude = options.exclude ?? new Set<string>();
  const fixed = options.fixed ?? new Map<string, string>();

  const proposals: Proposal[] = [];
  const place = (h: HouseholdToPlace, municipalityId: string, reason: ProposalReason) => {
    const m = byId.get(municipalityId);
    if (!m) throw new Error(`Unbekannte Gemeinde für Haushalt ${h.name}.`);
    const before = counted.get(municipalityId) ?? 0;
    const target = targets.get(municipalityId) ?? 0;
    proposals.push({
      householdId: h.householdId,
      householdName: h.name,
      personIds: [...h.personIds],
      municipalityId,
      municipalityName: m.name,
      reason,
      deficitBefore: target - before,
      target,
      countedBefore: before,
    });
    counted.set(municipalityId, before + h.personIds.length);
  };

  const free: HouseholdToPlace[] = [];
  for (const h of households) {
    const chosen = fixed.get(h.householdId);
    if (chosen) place(h, chosen, 'manual');
    else free.push(h);
  }
  free.sort((a, b) => b.personIds.length - a.personIds.length || (a.householdId < b.householdId ? -1 : 1));
  const candidates = [...byId.values()].filter((m) => !exclude.has(m.id));
  if (free.length > 0 && candidates.length === 0) throw new Error('Keine Gemeinde steht für einen Vorschlag zur Verfügung.');
  for (const h of free) {
    let best: Municipality | undefined;
    let bestDeficit = -Infinity;
    for (const m of candidates) {
      const deficit = (targets.get(m.id) ?? 0) - (counted.get(m.id) ?? 0);
      if (
        best === undefined ||
        deficit > bestDeficit ||
        (deficit === bestDeficit &&
          ((share.get(m.id) ?? 0) > (share.get(best.id) ?? 0) ||
            ((share.get(m.id) ?? 0) === (share.get(best.id) ?? 0) && m.name.localeCompare(best.name, 'de') < 0)))
      ) {
        best = m;
        bestDeficit = deficit;
      }
    }
    if (!best) break;
    place(h, best.id, bestDeficit > 0 ? 'most_behind' : 'least_ahead');
  }
  const projectedBalance = new Map<string, number>();
  for (const m of byId.values()) projectedBalance.set(m.id, (counted.get(m.id) ?? 0) - (targets.get(m.id) ?? 0));
  // Keep the caller's order so the table matches the selection.
  const order = new Map(households.map((h, i) => [h.householdId, i]));
  proposals.sort((a, b) => (order.get(a.householdId) ?? 0) - (order.get(b.householdId) ?? 0));
  return { proposals, projectedBalance };
}
