// Residents with households. One row is one person; rows with the same
// "Haushalt" value form one household. A person who is already in Quartier
// (same Aktenzeichen, or same name and birth date) is refused as a
// duplicate, and so is the second row of a person listed twice.
import type { ImportExisting, ImportInput, ImportPlan } from './plan';
import { dataRows, emptyRecords, finishPlan, sourceKey } from './plan';
import { fileNumberKey, HouseholdBuilder, PersonIndex, personKey, readIdentity, readPerson } from './persons';

export function planResidents(input: ImportInput, existing: ImportExisting): ImportPlan {
  const rows = dataRows(input);
  const records = emptyRecords();
  const sources = new Map<string, number>();
  const index = new PersonIndex(existing.persons);
  const seenFile = new Map<string, number>();
  const seenName = new Map<string, number>();
  const households = new HouseholdBuilder();

  for (const r of rows) {
    const id = readIdentity(r, input.today, true);
    const fnKey = id.fileNumber ? fileNumberKey(id.fileNumber) : '';
    const nameKey = personKey(id.familyName, id.givenName, id.birthDate);
    if (fnKey) {
      const known = index.byFileNumber.get(fnKey);
      if (known) r.error('personExistsFileNumber', 'fileNumber', { value: id.fileNumber });
      const first = seenFile.get(fnKey);
      if (first !== undefined) r.error('duplicateFileNumber', 'fileNumber', { value: id.fileNumber, firstRow: first });
      else seenFile.set(fnKey, r.number);
    }
    if (nameKey) {
      const known = index.byNameBirth.get(nameKey);
      if (known && !(fnKey && index.byFileNumber.get(fnKey) === known)) r.error('personExistsName', 'familyName', { value: `${id.givenName} ${id.familyName}` });
      const first = seenName.get(nameKey);
      if (first !== undefined) r.error('duplicatePerson', 'familyName', { value: `${id.givenName} ${id.familyName}`, firstRow: first });
      else seenName.set(nameKey, r.number);
    }
    const person = readPerson(r, input, id, null);
    if (!person) continue;
    households.add(r, person);
    if (r.hasErrors) continue;
    records.persons.push(person);
    sources.set(sourceKey('persons', person.id), r.number);
  }
  households.build(input, (h, row) => {
    records.households.push(h);
    sources.set(sourceKey('households', h.id), row);
  });
  return finishPlan('residents', rows, [], records, sources);
}
