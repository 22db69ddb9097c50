// Who fits a room restriction (Frauenzimmer, Männerzimmer, Familienzimmer).
// One definition for validation and the free-place finder.
//
// - women: every person placed is female ('f'), girls included.
// - men:   every person placed is male ('m').
// - family: the household (Haushalt) has a child under 18 on the move-in day,
//   or is a couple. Quartier records no relationships, so a "couple" is two or
//   more adults sharing one household. Together: a household of at least two
//   persons fits; a single person (or a person without a household) does not.
//   Persons without a birth date count as adults.
// - none:  everybody fits.
import { addMonths } from '../domain/dates';
import type { IsoDate, Person, RoomRestriction } from '../domain/model';

export type RestrictionMember = Pick<Person, 'sex' | 'birthDate'>;

/** Age in completed years on `day`; null without a birth date. */
export function ageOn(birthDate: IsoDate | null, day: IsoDate): number | null {
  if (!birthDate) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Birthday not yet reached this year → one year less (29 Feb handled by addMonths clamping).
  return addMonths(birthDate, years * 12) > day ? years - 1 : years;
}

export function isMinorOn(p: RestrictionMember, day: IsoDate): boolean {
  const age = ageOn(p.birthDate, day);
  return age !== null && age < 18;
}

/** True when the household members (everyone in the household) form a family on `day`. */
export function isFamilyHousehold(members: readonly RestrictionMember[], day: IsoDate): boolean {
  if (members.length < 2) return false;
  const minors = members.filter((m) => isMinorOn(m, day)).length;
  const adults = members.length - minors;
  return minors > 0 || adults >= 2;
}

/**
 * Does `person` fit a room with `restriction`? `householdMembers` are all
 * members of the person's household (including the person), or just the
 * person when they have no household.
 */
export function fitsRestriction(
  restriction: RoomRestriction,
  person: RestrictionMember,
  householdMembers: readonly RestrictionMember[],
  day: IsoDate,
): boolean {
  switch (restriction) {
    case 'none':
      return true;
    case 'women':
      return person.sex === 'f';
    case 'men':
      return person.sex === 'm';
    case 'family':
      return isFamilyHousehold(householdMembers, day);
  }
}
