// A fictional case ("Familie Muster") for the live preview of the template
// editor, so administrators see every placeholder filled without touching
// real residents' data.
import type { LetterTemplateKind } from '../domain/model';
import { formatDateDe } from '../reports/format';
import type { LetterContext } from './context';
import { authorityAddressLine, type Letterhead } from './letterhead';
import { LEGAL_BASIS_TEXT, SALUTATION_INSTITUTION } from './labels';

export function sampleLetterContext(kind: LetterTemplateKind, letterhead: Letterhead, issuedOn: string): LetterContext {
  const persons = [
    { familyName: 'Muster', givenName: 'Erika', birthDate: '12.08.1987', nationality: 'ukrainisch', fileNumber: '422.21-2026-000001' },
    { familyName: 'Muster', givenName: 'Max', birthDate: '03.02.2016', nationality: 'ukrainisch', fileNumber: '422.21-2026-000002' },
  ];
  const resident = kind !== 'municipality_notice';
  // A notice lists household and planned move per person, like a real one.
  const rows = resident ? persons : persons.map((p) => ({ ...p, household: 'Familie Muster', plannedMoveDate: '01.05.2026' }));
  return {
    kind,
    caseLabel: 'Muster, Erika',
    recipientName: resident ? 'Erika Muster' : 'Gemeinde Musterstadt',
    addressLines: resident
      ? ['Frau', 'Erika Muster', 'GU Musterstadt, Zimmer 1.04', 'Musterweg 1', '72336 Musterstadt']
      : ['Gemeindeverwaltung Musterstadt', 'Ordnungsamt', 'Rathausplatz 1', '72336 Musterstadt'],
    persons: rows,
    personIds: [],
    householdId: null,
    allocationId: null,
    allocationIds: [],
    missing: [],
    values: {
      datum: formatDateDe(issuedOn),
      schreiben_nr: 'Entwurf',
      behoerde: letterhead.authority,
      behoerde_adresse: authorityAddressLine(letterhead),
      anrede: resident ? 'Sehr geehrte Frau Muster,' : SALUTATION_INSTITUTION,
      name: 'Erika Muster',
      vorname: 'Erika',
      nachname: 'Muster',
      geburtsdatum: '12.08.1987',
      aktenzeichen: '422.21-2026-H000001',
      haushalt: 'Muster, Erika, geb. 12.08.1987\nMuster, Max, geb. 03.02.2016',
      personenzahl: '2',
      personenliste: 'Muster, Erika, geb. 12.08.1987\nMuster, Max, geb. 03.02.2016',
      unterkunft: 'GU Musterstadt',
      unterkunft_adresse: 'Musterweg 1, 72336 Musterstadt',
      zimmer: '1.04',
      platz: 'B',
      einzugsdatum: formatDateDe(issuedOn),
      bisherige_unterkunft: 'GU Beispielheim',
      bisherige_adresse: 'Beispielstraße 5, 72336 Musterstadt',
      bisheriges_zimmer: 'Zimmer 2.01, Platz A',
      grund: 'Sanierung des bisherigen Zimmers',
      gemeinde: 'Musterstadt',
      entscheidungsdatum: formatDateDe(issuedOn),
      umzugsdatum: formatDateDe(issuedOn),
      rechtsgrundlage: LEGAL_BASIS_TEXT.aufenthg_24,
      frist_ende: formatDateDe(issuedOn),
    },
  };
}
