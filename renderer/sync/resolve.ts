// Resolution actions of the Konflikte inbox. Each is an ordinary operation
// through the repository (renderer/db/repository.ts), so it lands in the
// outbox, ships like any change, and the conflict disappears on every laptop
// once they have synced — nobody resolves a conflict silently.
//
// When the chosen outcome equals the current value (keep the winning value,
// confirm a delete) the repository would see "no change" and emit nothing;
// writing a throw-away value first and then the chosen one in the SAME
// operation yields one op with the chosen value, which the sync marks as
// having seen every competing version.
import type { EntityTable, Id } from '../../shared/domain/model';
import { runOperation, type WriteContext } from '../db/repository';
import type { QuartierDb } from '../db/db';

const PLACEHOLDER = '\u0000quartier-resolve';

export async function cancelStay(db: QuartierDb, ctx: WriteContext, stayId: Id): Promise<void> {
  await runOperation(db, ctx, 'conflict.cancelStay', async (w) => {
    const stay = await w.get('stays', stayId);
    if (!stay) throw new Error('Die Belegung gibt es nicht mehr.');
    await w.patch('stays', stayId, { cancelled: true });
  });
}

export async function pickFieldValue(db: QuartierDb, ctx: WriteContext, table: EntityTable, id: Id, field: string, value: unknown): Promise<void> {
  if (field === 'id') throw new Error('Die Kennung eines Datensatzes kann nicht gewählt werden.');
  await runOperation(db, ctx, 'conflict.pickValue', async (w) => {
    await w.patch(table, id, { [field]: PLACEHOLDER });
    await w.patch(table, id, { [field]: value });
  });
}

export async function restoreRecord(db: QuartierDb, ctx: WriteContext, table: EntityTable, id: Id): Promise<void> {
  await runOperation(db, ctx, 'conflict.restore', async (w) => {
    await w.patch(table, id, { deleted: false });
  });
}

export async function confirmDelete(db: QuartierDb, ctx: WriteContext, table: EntityTable, id: Id): Promise<void> {
  await runOperation(db, ctx, 'conflict.confirmDelete', async (w) => {
    await w.patch(table, id, { deleted: false });
    await w.softDelete(table, id);
  });
}
