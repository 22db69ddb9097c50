// Saved column mappings, one per import kind, in the local settings table
// (not synced: a mapping belongs to the lists of this office laptop). Stored
// as folded header → field, so the next list with the same headers maps
// itself, whatever the column order.
import { IMPORT_FIELDS, type FieldKey, type ImportKind } from '../../../shared/import/fields';
import type { QuartierDb } from '../../db/db';

const keyOf = (kind: ImportKind) => `import.mapping.${kind}`;

export async function loadSavedMapping(db: QuartierDb, kind: ImportKind): Promise<Record<string, FieldKey> | undefined> {
  const row = await db.settings.get(keyOf(kind));
  const value: unknown = row?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const allowed = new Set<string>(IMPORT_FIELDS[kind].map((f) => f.key));
  // A Map-like plain object without prototype: header words such as "constructor" are just keys.
  const out = Object.create(null) as Record<string, FieldKey>;
  for (const [header, field] of Object.entries(value)) {
    if (typeof field === 'string' && allowed.has(field)) out[header] = field as FieldKey;
  }
  return out;
}

export async function saveMapping(db: QuartierDb, kind: ImportKind, saved: Record<string, FieldKey>): Promise<void> {
  await db.settings.put({ key: keyOf(kind), value: { ...saved } });
}
