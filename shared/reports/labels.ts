// German wording of domain values in printed reports.
import type { AccommodationKind, BlockReason, DepartureReason, RoomRestriction } from '../domain/model';
import type { BedState } from '../occupancy/occupancyIndex';

export const BED_STATE_DE: Record<BedState, string> = {
  occupied: 'belegt',
  blocked: 'gesperrt',
  reserved: 'reserviert',
  reserve: 'Reserveplatz',
  free: 'frei',
};

export const KIND_DE: Record<AccommodationKind, string> = {
  gu: 'Gemeinschaftsunterkunft',
  flat: 'Wohnung (dezentral)',
};

/** Short form for narrow table columns. */
export const KIND_SHORT_DE: Record<AccommodationKind, string> = {
  gu: 'GU',
  flat: 'dezentral',
};

export const RESTRICTION_DE: Record<RoomRestriction, string> = {
  none: 'keine',
  women: 'nur Frauen',
  men: 'nur Männer',
  family: 'Familien',
};

export const BLOCK_REASON_DE: Record<BlockReason, string> = {
  repair: 'Reparatur',
  mould: 'Schimmel',
  quarantine: 'Quarantäne',
  pest: 'Schädlingsbefall',
  other: 'sonstiger Grund',
};

export const DEPARTURE_REASON_DE: Record<DepartureReason, string> = {
  follow_up_accommodation: 'Anschlussunterbringung (Zuteilung an Gemeinde)',
  own_flat: 'eigene Wohnung',
  redistribution: 'Umverteilung in anderen Kreis',
  voluntary_return: 'freiwillige Ausreise',
  deportation: 'Abschiebung',
  unknown: 'unbekannt verzogen',
  death: 'Tod',
  other: 'sonstiger Grund',
};

export { DEPARTURE_REASONS } from '../domain/model';
