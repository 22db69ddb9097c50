// Auskunft nach Art. 15 DSGVO for one person: records the access (and so
// passes the permission check) FIRST, then reads every record about the
// person by index, builds the JSON file and the PDF. Saving is separate
// (saveAuskunft), so tests and other callers get the bytes.
import type { Id } from '../../../shared/domain/model';
import { auskunftEvent } from '../../../shared/audit/descriptions';
import { auskunftJson, auskunftView, collectAuskunft, type AuskunftRecords, type AuskunftSources, type AuskunftView } from '../../../shared/audit/auskunft';
import { formatDateTimeDe } from '../../../shared/reports/format';
import type { QuartierDb } from '../../db/db';
import type { WriteContext } from '../../db/repository';
import { recordAccessEvent } from '../audit/recordAccess';
import { withoutInlineState } from '../../../shared/sync/inlineState';

export interface AuskunftFiles {
  records: AuskunftRecords;
  /** The JSON file's text. */
  json: string;
  view: AuskunftView;
  pdf: Uint8Array;
}

export interface GenerateAuskunftOptions {
  /** Authority named in the document (letterhead). */
  authority: string;
  /** Renders the PDF; the app passes the export job runner (worker), tests produce in-page. */
  renderPdf: (view: AuskunftView) => Promise<Uint8Array | null>;
  /** Local date and time; defaults to German format in the local time zone. */
  formatInstant?: (iso: string) => string;
}

export class AuskunftCancelledError extends Error {
  constructor() {
    super('Die Erstellung der Auskunft wurde abgebrochen.');
    this.name = 'AuskunftCancelledError';
  }
}

/** Reads what collectAuskunft needs about one person, by index (never whole big tables). */
export async function loadAuskunftSources(db: QuartierDb, personId: Id): Promise<AuskunftSources> {
  const person = await db.persons.get(personId);
  if (!person) throw new Error('Die Person ist nicht (mehr) vorhanden; eine Auskunft ist nicht möglich.');
  return db.transaction('r', [db.persons, db.households, db.stays, db.allocations, db.letters, db.accessLog, db.accommodations, db.rooms, db.beds, db.municipalities, db.audit], async () => {
    const [members, household, stays, allocations, letters, accessLog] = await Promise.all([
      person.householdId ? db.persons.where('householdId').equals(person.householdId).toArray() : Promise.resolve([person]),
      person.householdId ? db.households.get(person.householdId) : Promise.resolve(undefined),
      db.stays.where('personId').equals(personId).toArray(),
      db.allocations.filter((a) => a.personIds.includes(personId)).toArray(),
      db.letters.filter((l) => l.personIds.includes(personId)).toArray(),
      db.accessLog.filter((e) => e.personIds.includes(personId)).toArray(),
    ]);
    const persons = members.some((m) => m.id === personId) ? members : [person, ...members];
    const ids = <T,>(list: readonly T[], key: (x: T) => Id) => [...new Set(list.map(key))];
    const [accommodations, rooms, beds, municipalities] = await Promise.all([
      db.accommodations.bulkGet(ids(stays, (s) => s.accommodationId)),
      db.rooms.bulkGet(ids(stays, (s) => s.roomId)),
      db.beds.bulkGet(ids(stays, (s) => s.bedId)),
      db.municipalities.bulkGet(ids(allocations, (a) => a.municipalityId)),
    ]);
    const related = [personId, ...(household ? [household.id] : []), ...stays.map((s) => s.id), ...allocations.map((a) => a.id), ...letters.map((l) => l.id)];
    // One key-range read per record (plain getAll), not an anyOf cursor over the whole index.
    const audit = (await Promise.all(related.map((id) => db.audit.where('entityId').equals(id).toArray()))).flat();
    const present = <T,>(list: (T | undefined)[]) => list.filter((x): x is T => x !== undefined);
    // Records as the person sees them: without the sync's merge-state bookkeeping (shared/sync/inlineState.ts).
    const clean = <T extends object>(list: readonly T[]) => list.map((r) => withoutInlineState(r));
    return {
      persons: clean(persons),
      households: household ? clean([household]) : [],
      stays: clean(stays),
      allocations: clean(allocations),
      letters: clean(letters),
      accessLog: clean(accessLog),
      accommodations: clean(present(accommodations)),
      rooms: clean(present(rooms)),
      beds: clean(present(beds)),
      municipalities: clean(present(municipalities)),
      audit,
    };
  });
}

/**
 * Records the Auskunft as an access event (refused → throws, nothing is
 * produced), then builds the JSON and the PDF. The access event itself is
 * part of the Auskunft's "Zugriffe".
 */
export async function generateAuskunft(db: QuartierDb, ctx: WriteContext, personId: Id, options: GenerateAuskunftOptions): Promise<AuskunftFiles> {
  if (!(await db.persons.get(personId))) throw new Error('Die Person ist nicht (mehr) vorhanden; eine Auskunft ist nicht möglich.');
  const event = await recordAccessEvent(db, ctx, auskunftEvent(personId));
  const sources = await loadAuskunftSources(db, personId);
  const records = collectAuskunft(sources, personId, { generatedAt: event.at, authority: options.authority });
  const view = auskunftView(records, { formatInstant: options.formatInstant ?? ((iso) => formatDateTimeDe(new Date(iso))) });
  const pdf = await options.renderPdf(view);
  if (!pdf) throw new AuskunftCancelledError();
  return { records, json: auskunftJson(records), view, pdf };
}

/** File names carry no personal data: the kind of document, the day and a short random part of the id. */
export function auskunftFileBase(generatedAt: string, personId: Id): string {
  return `Auskunft-Art15-${generatedAt.slice(0, 10)}-${personId.replace(/[^A-Za-z0-9]/g, '').slice(0, 6)}`;
}
