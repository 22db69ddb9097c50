// A small, hand-checked county for report and letter tests. Every figure the
// tests expect is derived by hand in the comments below, not by the code.
//
// GU Balingen Kirchstraße 10 (a1, Balingen): room 1.01 (20 m², beds b1–b3),
// room 1.02 (12 m², b4, b5 = Reserveplatz). Wohnung Hechingen (a2, opened
// 2025-06-01): room "Zimmer 1" (14 m², b6, b7).
// Family Haddad (p1–p3) in b1–b3 since 2025-03-01; Petrenko (p4) in b4 from
// 2025-09-01, moved to b6 on 2026-01-15; Demir (p5) in b7 2025-06-01 until
// he moved out to his own flat on 2026-02-01. b4 blocked 2026-02-01..04-01.
import { emptyDataset, type Dataset, type Person, type Stay } from '../../../shared/domain/model';

const T = '2025-01-01T00:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: T, updatedAt: T });

function person(id: string, p: Partial<Person> & Pick<Person, 'familyName' | 'givenName'>): Person {
  return {
    ...meta(id),
    birthDate: null,
    sex: 'm',
    nationality: 'SYR',
    languages: [],
    householdId: null,
    fileNumber: `422-${id}`,
    residenceStatus: 'gestattung',
    asylumDecision: 'pending',
    admissionDate: '2025-03-01',
    legalBasis: 'asylum',
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
    ...p,
  };
}

function stay(id: string, s: Partial<Stay> & Pick<Stay, 'personId' | 'bedId' | 'roomId' | 'accommodationId' | 'from'>): Stay {
  return { ...meta(id), householdId: null, to: null, ...s };
}

export function fixtureDataset(): Dataset {
  const ds = emptyDataset();
  ds.municipalities.push(
    {
      ...meta('m1'),
      ags: '08417008',
      name: 'Balingen',
      population: 34000,
      populationDate: '2025-06-30',
      populationApproximate: true,
      contact: { name: 'Stadtverwaltung Balingen', department: 'Ordnungsamt', address: { street: 'Neue Str. 31', zip: '72336', city: 'Balingen' } },
    },
    { ...meta('m2'), ags: '08417031', name: 'Hechingen', population: 19000, populationDate: '2025-06-30', populationApproximate: true },
  );
  const lease = { start: null, end: null, rentCents: null, rentFree: false };
  ds.accommodations.push(
    {
      ...meta('a1'),
      name: 'GU Balingen Kirchstraße 10',
      kind: 'gu',
      address: { street: 'Kirchstraße 10', zip: '72336', city: 'Balingen' },
      municipalityId: 'm1',
      lease,
      status: 'active',
      openedOn: '2025-01-01',
      closedOn: null,
      reservePlaces: 1,
    },
    {
      ...meta('a2'),
      name: 'Wohnung Hechingen',
      kind: 'flat',
      address: { street: 'Lindenweg 2', zip: '72379', city: 'Hechingen' },
      municipalityId: 'm2',
      lease,
      status: 'active',
      openedOn: '2025-06-01',
      closedOn: null,
      reservePlaces: 0,
    },
  );
  ds.units.push({ ...meta('u1'), accommodationId: 'a1', kind: 'building', name: 'Haus A' }, { ...meta('u2'), accommodationId: 'a2', kind: 'flat', name: 'Wohnung' });
  ds.rooms.push(
    { ...meta('r1'), accommodationId: 'a1', unitId: 'u1', number: '1.01', areaM2: 20, restriction: 'family', barrierFree: false },
    { ...meta('r2'), accommodationId: 'a1', unitId: 'u1', number: '1.02', areaM2: 12, restriction: 'men', barrierFree: true },
    { ...meta('r3'), accommodationId: 'a2', unitId: 'u2', number: 'Zimmer 1', areaM2: 14, restriction: 'none', barrierFree: false },
  );
  const bed = (id: string, roomId: string, accommodationId: string, label: string, order: number, reserve = false) => ({
    ...meta(id),
    accommodationId,
    roomId,
    label,
    reserve,
    order,
  });
  ds.beds.push(
    bed('b1', 'r1', 'a1', 'A', 1),
    bed('b2', 'r1', 'a1', 'B', 2),
    bed('b3', 'r1', 'a1', 'C', 3),
    bed('b4', 'r2', 'a1', 'A', 1),
    bed('b5', 'r2', 'a1', 'B', 2, true),
    bed('b6', 'r3', 'a2', '1', 1),
    bed('b7', 'r3', 'a2', '2', 2),
  );
  ds.bedBlocks.push({ ...meta('bb1'), bedId: 'b4', accommodationId: 'a1', from: '2026-02-01', until: '2026-04-01', reason: 'repair' });
  ds.households.push({ ...meta('h1'), name: 'Familie Haddad', headPersonId: 'p1', fileNumber: '422.21-H-0001' });
  ds.persons.push(
    person('p1', { familyName: 'Haddad', givenName: 'Amira', sex: 'f', birthDate: '1990-02-01', householdId: 'h1' }),
    person('p2', { familyName: 'Haddad', givenName: 'Omar', birthDate: '1988-05-10', householdId: 'h1' }),
    person('p3', { familyName: 'Haddad', givenName: 'Lina', sex: 'f', birthDate: '2018-07-07', householdId: 'h1' }),
    person('p4', { familyName: 'Petrenko', givenName: 'Oleksandr', birthDate: '1975-01-20', nationality: 'UKR', legalBasis: 'aufenthg_24', admissionDate: '2025-09-01' }),
    person('p5', { familyName: 'Demir', givenName: 'Yusuf', nationality: 'TUR', admissionDate: '2025-06-01' }),
  );
  ds.stays.push(
    stay('s1', { personId: 'p1', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: 'h1', from: '2025-03-01' }),
    stay('s2', { personId: 'p2', bedId: 'b2', roomId: 'r1', accommodationId: 'a1', householdId: 'h1', from: '2025-03-01' }),
    stay('s3', { personId: 'p3', bedId: 'b3', roomId: 'r1', accommodationId: 'a1', householdId: 'h1', from: '2025-03-01' }),
    stay('s4', { personId: 'p4', bedId: 'b4', roomId: 'r2', accommodationId: 'a1', from: '2025-09-01', to: '2026-01-15', endKind: 'move', nextStayId: 's5' }),
    stay('s5', { personId: 'p4', bedId: 'b6', roomId: 'r3', accommodationId: 'a2', from: '2026-01-15', previousStayId: 's4' }),
    stay('s6', { personId: 'p5', bedId: 'b7', roomId: 'r3', accommodationId: 'a2', from: '2025-06-01', to: '2026-02-01', endKind: 'departure', departureReason: 'own_flat' }),
  );
  ds.allocations.push({
    ...meta('al1'),
    householdId: 'h1',
    personIds: ['p1', 'p2', 'p3'],
    municipalityId: 'm1',
    decisionDate: '2026-02-20',
    plannedMoveDate: '2026-04-01',
    status: 'decided',
    letterIds: [],
  });
  return ds;
}

export const FIXTURE_TODAY = '2026-03-01';
