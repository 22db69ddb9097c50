// The export work itself: a job (plain, cloneable data) → file bytes. Runs
// inside the export worker in the app, and directly in tests and the bench.
import { lettersDocDefinition } from '../../../shared/letters/document';
import type { LetterContent } from '../../../shared/letters/compose';
import type { ReportModel } from '../../../shared/reports/model';
import { reportDocDefinition } from '../../../shared/reports/pdfDocument';
import { renderPdf } from './pdf';
import { renderReportXlsx } from './xlsx';
import type { DocumentModel } from '../../../shared/audit/auditExport';
import { auskunftDocDefinition, type AuskunftView } from '../../../shared/audit/auskunft';

import type { ExportFormat } from './formats';

export type { ExportFormat } from './formats';

export type ExportJob =
  | { type: 'report'; format: ExportFormat; model: ReportModel; printedAt: string }
  | { type: 'letters'; letters: LetterContent[]; title: string }
  /** A sectioned document that is not one of the reports (the audit list). */
  | { type: 'document'; format: ExportFormat; model: DocumentModel; printedAt: string }
  /** Auskunft nach Art. 15 DSGVO (PDF). */
  | { type: 'auskunft'; view: AuskunftView };

export interface ExportProgress {
  /** layout: pdfmake arranges pages (no measurable progress); render: pages are written. */
  phase: 'prepare' | 'layout' | 'render' | 'done';
  /** 0..1, or null while the phase has no measurable progress. */
  fraction: number | null;
}

export async function produceExport(job: ExportJob, onProgress: (p: ExportProgress) => void = () => {}): Promise<Uint8Array> {
  onProgress({ phase: 'prepare', fraction: 0 });
  if ((job.type === 'report' || job.type === 'document') && job.format === 'xlsx') {
    const bytes = await renderReportXlsx(job.model);
    onProgress({ phase: 'done', fraction: 1 });
    return bytes;
  }
  const doc =
    job.type === 'report' || job.type === 'document'
      ? reportDocDefinition(job.model, { printedAt: job.printedAt })
      : job.type === 'auskunft'
        ? auskunftDocDefinition(job.view)
        : lettersDocDefinition(job.letters, job.title);
  onProgress({ phase: 'layout', fraction: null });
  const bytes = await renderPdf(doc, (fraction) => onProgress({ phase: 'render', fraction }));
  onProgress({ phase: 'done', fraction: 1 });
  return bytes;
}
