// Bettsperre and its end. One operation each, refused (nothing written) when
// the block collides with another block of the bed.
import type { BlockBedInput, UnblockBedInput } from '../../../shared/occupancy/planners/blocks';
import { planBlockBed, planUnblockBed } from '../../../shared/occupancy/planners/blocks';
import type { Violation } from '../../../shared/occupancy/violation';
import type { QuartierDb } from '../../db/db';
import { runOperation } from '../../db/repository';
import { applyPlan } from './applyPlan';
import { newId, resolveWriteContext, type CommandOptions } from './commandContext';
import { loadValidationContext } from './loadValidationContext';
import type { CommandResult } from './stayCommands';

export type { BlockBedInput, UnblockBedInput } from '../../../shared/occupancy/planners/blocks';

export async function blockBed(db: QuartierDb, input: BlockBedInput, opts: CommandOptions = {}): Promise<CommandResult> {
  const ctx = await resolveWriteContext(db, opts);
  let warnings: Violation[] = [];
  const note = input.note?.trim() || undefined;
  const result = await runOperation(
    db,
    ctx,
    'bed.block',
    async (w) => {
      // Bed, room, accommodation, blocks and stays of the bed (+ their persons for names).
      const vctx = await loadValidationContext(w, { bedIds: [input.bedId], personIds: [] });
      warnings = await applyPlan(w, planBlockBed(input, vctx, { newId, now: w.now }));
    },
    note ? { reason: note } : {},
  );
  return { warnings, result };
}

export async function unblockBed(db: QuartierDb, input: UnblockBedInput, opts: CommandOptions = {}): Promise<CommandResult> {
  const ctx = await resolveWriteContext(db, opts);
  let warnings: Violation[] = [];
  const result = await runOperation(db, ctx, 'bed.unblock', async (w) => {
    const block = await w.get('bedBlocks', input.blockId);
    const bedBlocks = block ? await w.query('bedBlocks').where('bedId').equals(block.bedId).toArray() : [];
    warnings = await applyPlan(w, planUnblockBed(input, { bedBlocks }, { newId, now: w.now }));
  });
  return { warnings, result };
}
