// Preparing, checking and issuing letters. Preparing composes drafts from
// the recorded data (nothing is written) and lists every missing datum;
// issuing reserves numbers, freezes the content into the letters log in one
// operation and returns what is to be printed.
import type { Dataset, LetterLogEntry, LetterTemplate, LetterTemplateKind } from '../../../shared/domain/model';
import { buildLetterContext, buildLetterData, LetterDataError, type LetterContext, type LetterRequest } from '../../../shared/letters/context';
import { composeLetter, describeMissing, type LetterContent } from '../../../shared/letters/compose';
import type { Letterhead } from '../../../shared/letters/letterhead';
import type { QuartierDb } from '../../db/db';
import { runOperation, type WriteContext } from '../../db/repository';
import { newId } from '../operations/commandContext';
import { reserveNumbers } from './storage';

export interface PreparedLetter {
  request: LetterRequest;
  context: LetterContext;
  template: LetterTemplate;
  /** Draft content (number "Entwurf") for the preview. */
  draft: LetterContent;
}

export interface Preparation {
  letters: PreparedLetter[];
  /** One German line per incomplete or impossible letter; generation waits until this is empty. */
  problems: string[];
}

export interface PrepareOptions {
  issuedOn: string;
  annexLanguage?: string | null;
}

export const DRAFT_NUMBER = 'Entwurf';

type LetterDataset = Pick<Dataset, 'persons' | 'households' | 'stays' | 'accommodations' | 'rooms' | 'beds' | 'municipalities' | 'allocations'>;

export function prepareLetters(
  dataset: LetterDataset,
  templates: ReadonlyMap<LetterTemplateKind, LetterTemplate>,
  requests: readonly LetterRequest[],
  letterhead: Letterhead,
  options: PrepareOptions,
): Preparation {
  const data = buildLetterData(dataset);
  const letters: PreparedLetter[] = [];
  const problems: string[] = [];
  for (const request of requests) {
    const template = templates.get(request.kind);
    if (!template) {
      problems.push('Für diese Briefart gibt es keine Vorlage.');
      continue;
    }
    try {
      const context = buildLetterContext(data, request, letterhead, options.issuedOn, null);
      const composed = composeLetter(template, context, letterhead, {
        number: DRAFT_NUMBER,
        issuedOn: options.issuedOn,
        annexLanguage: options.annexLanguage ?? null,
      });
      if (composed.missing.length > 0) problems.push(describeMissing(context.caseLabel, composed.missing));
      letters.push({ request, context, template, draft: composed.content });
    } catch (err) {
      if (err instanceof LetterDataError) problems.push(err.message);
      else throw err;
    }
  }
  return { letters, problems };
}

/**
 * Issues prepared letters: numbers, log entries (with the frozen content),
 * and the letter ids on allocations. All in one operation: either every
 * letter is logged or none is.
 */
export async function issueLetters(
  db: QuartierDb,
  ctx: WriteContext,
  prepared: readonly PreparedLetter[],
  letterhead: Letterhead,
  options: PrepareOptions,
): Promise<LetterLogEntry[]> {
  if (prepared.length === 0) return [];
  const numbers = await reserveNumbers(db, ctx.deviceId, Number(options.issuedOn.slice(0, 4)), prepared.length);
  const entries: LetterLogEntry[] = [];
  await runOperation(db, ctx, prepared.length === 1 ? 'letters.issue' : 'letters.issueBatch', async (w) => {
    const letterIdsByAllocation = new Map<string, string[]>();
    for (const [i, p] of prepared.entries()) {
      const number = numbers[i]!;
      const { content, missing } = composeLetter(p.template, p.context, letterhead, {
        number,
        issuedOn: options.issuedOn,
        annexLanguage: options.annexLanguage ?? null,
      });
      if (missing.length > 0) throw new Error(describeMissing(p.context.caseLabel, missing));
      const entry = await w.put('letters', {
        id: newId(),
        number,
        templateId: p.template.id,
        templateKind: p.template.kind,
        templateVersion: p.template.version,
        issuedOn: options.issuedOn,
        issuedBy: ctx.user,
        recipientName: p.context.recipientName,
        personIds: p.context.personIds,
        householdId: p.context.householdId,
        allocationId: p.context.allocationId,
        ...(p.context.allocationIds.length > 0 ? { allocationIds: p.context.allocationIds } : {}),
        content,
      });
      entries.push(entry);
      // A notice covering several allocations is linked to each of them.
      for (const allocationId of p.context.allocationIds) {
        const list = letterIdsByAllocation.get(allocationId) ?? [];
        list.push(entry.id);
        letterIdsByAllocation.set(allocationId, list);
      }
    }
    for (const [allocationId, ids] of letterIdsByAllocation) {
      const allocation = await w.get('allocations', allocationId);
      if (allocation) await w.patch('allocations', allocationId, { letterIds: [...allocation.letterIds, ...ids] });
    }
  });
  return entries;
}

/** The frozen content of a logged letter, for an exact reprint. */
export function contentOf(entry: LetterLogEntry): LetterContent {
  const c = entry.content as LetterContent | null;
  if (!c || c.format !== 1) throw new Error('Dieses Schreiben wurde in einem unbekannten Format gespeichert und kann nicht nachgedruckt werden.');
  return c;
}
