// Local storage of the letterhead and of this laptop's letter counter, and
// the synced letter templates. Letterhead and counter live in the local
// `settings` table (per device, not synced); templates are synced records.
import { useLiveQuery } from 'dexie-react-hooks';
import type { LetterTemplate, LetterTemplateKind } from '../../../shared/domain/model';
import { checkLetterhead, DEFAULT_LETTERHEAD, type Letterhead, type LetterheadCheck } from '../../../shared/letters/letterhead';
import { checkTemplateText, type TemplateTextProblem } from '../../../shared/letters/placeholders';
import { defaultTemplate, TEMPLATE_KINDS } from '../../../shared/letters/defaultTemplates';
import { deviceShortId, reserveLetterNumbers, type LetterCounter } from '../../../shared/letters/numbering';
import type { QuartierDb } from '../../db/db';
import { runOperation, type WriteContext } from '../../db/repository';

export const LETTERHEAD_SETTING = 'letters.letterhead';
export const COUNTER_SETTING = 'letters.counter';

export async function loadLetterhead(db: QuartierDb): Promise<Letterhead> {
  const row = await db.settings.get(LETTERHEAD_SETTING);
  if (!row) return DEFAULT_LETTERHEAD;
  const checked = checkLetterhead(row.value);
  // A stored value that no longer validates (older version) falls back field-wise to the default.
  return checked.ok ? checked.value : { ...DEFAULT_LETTERHEAD, ...(row.value as Partial<Letterhead>) };
}

/** Validates and stores the letterhead; on error nothing is written. */
export async function saveLetterhead(db: QuartierDb, input: unknown): Promise<LetterheadCheck> {
  const checked = checkLetterhead(input);
  if (checked.ok) await db.settings.put({ key: LETTERHEAD_SETTING, value: checked.value });
  return checked;
}

export function useLetterhead(db: QuartierDb): Letterhead | undefined {
  return useLiveQuery(() => loadLetterhead(db), [db]);
}

/**
 * Reserves `count` letter numbers of this device in one transaction, so two
 * tabs never hand out the same number. Numbers may have gaps (a cancelled
 * batch), never duplicates.
 */
export async function reserveNumbers(db: QuartierDb, deviceId: string, year: number, count: number): Promise<string[]> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(COUNTER_SETTING);
    const state = isCounter(row?.value) ? row.value : null;
    const { numbers, next } = reserveLetterNumbers(state, year, deviceShortId(deviceId), count);
    await db.settings.put({ key: COUNTER_SETTING, value: next });
    return numbers;
  });
}

function isCounter(v: unknown): v is LetterCounter {
  return typeof v === 'object' && v !== null && typeof (v as LetterCounter).year === 'number' && typeof (v as LetterCounter).last === 'number';
}

/** The current template per kind: stored ones, the shipped default for kinds never saved. */
export async function loadTemplates(db: QuartierDb): Promise<Map<LetterTemplateKind, LetterTemplate>> {
  const stored = (await db.letterTemplates.toArray()).filter((t) => !t.deleted);
  const out = new Map<LetterTemplateKind, LetterTemplate>();
  for (const kind of TEMPLATE_KINDS) {
    const candidates = stored.filter((t) => t.kind === kind).sort((a, b) => b.version - a.version);
    out.set(kind, candidates[0] ?? defaultTemplate(kind, new Date(0).toISOString()));
  }
  return out;
}

export function useTemplates(db: QuartierDb): Map<LetterTemplateKind, LetterTemplate> | undefined {
  return useLiveQuery(() => loadTemplates(db), [db]);
}

export interface TemplateEdit {
  name: string;
  blocks: LetterTemplate['blocks'];
  annexes: NonNullable<LetterTemplate['annexes']>;
}

export type SaveTemplateResult = { ok: true; template: LetterTemplate } | { ok: false; problems: (TemplateTextProblem & { block: string })[] };

/** Checks every block and annex; saves as the next version. On problems nothing is written. */
export async function saveTemplate(db: QuartierDb, ctx: WriteContext, current: LetterTemplate, edit: TemplateEdit): Promise<SaveTemplateResult> {
  const problems: (TemplateTextProblem & { block: string })[] = [];
  for (const b of edit.blocks) for (const p of checkTemplateText(b.text, current.kind)) problems.push({ ...p, block: b.title || b.key });
  for (const a of edit.annexes) {
    for (const p of checkTemplateText(`${a.title}\n${a.text}`, current.kind)) problems.push({ ...p, block: `Anlage ${a.language}` });
    if (!/^[a-z]{2,3}$/.test(a.language)) problems.push({ placeholder: '', message: 'Sprachcode bitte als zwei Kleinbuchstaben (z. B. uk).', block: `Anlage ${a.language}` });
  }
  if (!edit.name.trim()) problems.push({ placeholder: '', message: 'Der Name der Vorlage fehlt.', block: 'Name' });
  if (problems.length > 0) return { ok: false, problems };
  let saved: LetterTemplate | undefined;
  await runOperation(db, ctx, 'letters.saveTemplate', async (w) => {
    const stored = await w.get('letterTemplates', current.id);
    // Versions only grow, also when another laptop saved in between (sync brings its version).
    const version = Math.max(stored?.version ?? 0, current.version) + 1;
    saved = await w.put('letterTemplates', {
      id: current.id,
      kind: current.kind,
      name: edit.name.trim(),
      version,
      blocks: edit.blocks,
      annexes: edit.annexes,
    });
  });
  return { ok: true, template: saved! };
}
