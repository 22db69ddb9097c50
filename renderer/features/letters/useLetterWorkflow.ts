// The steps every letter screen shares: prepare drafts (with the missing-data
// check), then issue + render + save or print, with progress and cancel.
import { useCallback, useMemo, useState } from 'react';
import { isoDateOf } from '../../../shared/domain/dates';
import type { LetterRequest } from '../../../shared/letters/context';
import type { QuartierDb } from '../../db/db';
import { useOccupancyData } from '../occupancy-data/hooks';
import { resolveWriteContext } from '../operations/commandContext';
import { exportFileName, printPdf, saveExport } from '../exports/output';
import { useExportJob } from '../exports/useExportJob';
import { contentOf, issueLetters, prepareLetters, type Preparation } from './issue';
import { useLetterhead, useTemplates } from './storage';
import { recordAccessEvent } from '../audit/recordAccess';
import { letterIssueEvent } from '../../../shared/audit/descriptions';

export type LetterOutput = 'save' | 'print';

export interface LetterWorkflow {
  ready: boolean;
  preparation: Preparation | null;
  job: ReturnType<typeof useExportJob>;
  /** Issues (logs) the letters, renders one PDF and saves or prints it. Returns the number of letters issued. */
  issue: (output: LetterOutput) => Promise<number>;
}

export function useLetterWorkflow(db: QuartierDb, requests: readonly LetterRequest[], annexLanguage: string | null): LetterWorkflow {
  const { dataset, status } = useOccupancyData(db);
  const templates = useTemplates(db);
  const letterhead = useLetterhead(db);
  const job = useExportJob();
  const [issuedOn] = useState(() => isoDateOf(new Date()));

  const preparation = useMemo(() => {
    if (status !== 'ready' || !templates || !letterhead || requests.length === 0) return null;
    return prepareLetters(dataset, templates, requests, letterhead, { issuedOn, annexLanguage });
  }, [dataset, status, templates, letterhead, requests, issuedOn, annexLanguage]);

  const issue = useCallback(
    async (output: LetterOutput) => {
      if (!preparation || !letterhead || preparation.problems.length > 0) return 0;
      const ctx = await resolveWriteContext(db);
      // Logged (and permission-checked) before anything is issued: a refusal stops the letters.
      const personIds = [...new Set(preparation.letters.flatMap((l) => l.context.personIds))];
      await recordAccessEvent(db, ctx, letterIssueEvent(preparation.letters.map((l) => l.template.kind), personIds, output));
      const entries = await issueLetters(db, ctx, preparation.letters, letterhead, { issuedOn, annexLanguage });
      const contents = entries.map(contentOf);
      const first = entries[0]!;
      const title = entries.length === 1 ? `Schreiben ${first.number}` : `Schreiben ${first.number} bis ${entries.at(-1)!.number}`;
      const bytes = await job.run({ type: 'letters', letters: contents, title });
      // The letters are logged even if rendering was cancelled: they can be printed again from the log.
      if (!bytes) return entries.length;
      if (output === 'print') await printPdf(bytes);
      else await saveExport(bytes, exportFileName(entries.length === 1 ? `Schreiben-${first.number}` : `Schreiben-${first.number}-Stapel-${entries.length}`, 'pdf'), 'pdf');
      return entries.length;
    },
    [db, preparation, letterhead, issuedOn, annexLanguage, job],
  );

  return { ready: preparation !== null, preparation, job, issue };
}
