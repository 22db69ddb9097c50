// German wording of domain values as printed in letters (binding text, so
// not taken from the UI translation files, which may be English).
import type { LegalBasis, Sex } from '../domain/model';

export const LEGAL_BASIS_TEXT: Record<LegalBasis, string> = {
  asylum: 'die Aufnahme als asylsuchende Person nach dem Asylgesetz',
  aufenthg_22: '§ 22 des Aufenthaltsgesetzes (Aufnahme aus dem Ausland)',
  aufenthg_23: '§ 23 des Aufenthaltsgesetzes (Aufnahme durch die obersten Landesbehörden)',
  aufenthg_24: '§ 24 des Aufenthaltsgesetzes (vorübergehender Schutz)',
  aufenthg_15a: '§ 15a des Aufenthaltsgesetzes (Verteilung unerlaubt eingereister Personen)',
  other: 'das Flüchtlingsaufnahmegesetz',
};

/** Address line above the name in the recipient block. */
export function addressForm(sex: Sex): string {
  return sex === 'f' ? 'Frau' : sex === 'm' ? 'Herrn' : '';
}

/** "Sehr geehrte Frau Haddad," – neutral form for persons without a binary sex entry. */
export function salutationFor(sex: Sex, givenName: string, familyName: string): string {
  if (sex === 'f') return `Sehr geehrte Frau ${familyName},`;
  if (sex === 'm') return `Sehr geehrter Herr ${familyName},`;
  return `Guten Tag ${givenName} ${familyName},`;
}

export const SALUTATION_INSTITUTION = 'Sehr geehrte Damen und Herren,';

/** Common nationalities in German; other codes print as the ISO code. */
const NATIONALITIES: Record<string, string> = {
  AFG: 'afghanisch',
  ALB: 'albanisch',
  DZA: 'algerisch',
  ARM: 'armenisch',
  AZE: 'aserbaidschanisch',
  BIH: 'bosnisch-herzegowinisch',
  CMR: 'kamerunisch',
  COD: 'kongolesisch',
  DEU: 'deutsch',
  EGY: 'ägyptisch',
  ERI: 'eritreisch',
  ETH: 'äthiopisch',
  GEO: 'georgisch',
  GMB: 'gambisch',
  GIN: 'guineisch',
  IRN: 'iranisch',
  IRQ: 'irakisch',
  KOS: 'kosovarisch',
  XKX: 'kosovarisch',
  LBN: 'libanesisch',
  LBY: 'libysch',
  MAR: 'marokkanisch',
  MDA: 'moldauisch',
  MKD: 'nordmazedonisch',
  NGA: 'nigerianisch',
  PAK: 'pakistanisch',
  PSE: 'palästinensisch',
  RUS: 'russisch',
  SDN: 'sudanesisch',
  SOM: 'somalisch',
  SRB: 'serbisch',
  SYR: 'syrisch',
  TUN: 'tunesisch',
  TUR: 'türkisch',
  UKR: 'ukrainisch',
  VEN: 'venezolanisch',
  YEM: 'jemenitisch',
  XXA: 'staatenlos',
  XXX: 'ungeklärt',
};

export function nationalityText(code: string): string {
  return NATIONALITIES[code.toUpperCase()] ?? code;
}
