// Export bench (issue 5): letters and reports.
// - export.letters.1000: 1,000 allocation letters in one PDF (compose from
//   the data + layout + render), against the same-run baseline of pdfmake
//   rendering 1,000 plain letters of the same text length (one page break
//   per letter, no tables, no letterhead). Target ratio ≤ 1.5.
// - export.report.*: Belegungsübersicht and Belegungstage (a year) at the
//   chosen scale, model + file bytes. Targets (Berlin scale): Excel ≤ 3 s,
//   PDF ≤ 5 s; the baseline column holds the target.
import { performance } from 'node:perf_hooks';
import type { Allocation, Dataset } from '../../shared/domain/model';
import { generateDemoData } from '../../shared/demo/generate';
import {
  buildLetterContext,
  buildLetterData,
  composeLetter,
  DEFAULT_LETTERHEAD,
  defaultTemplate,
  lettersDocDefinition,
  type LetterContent,
} from '../../shared/letters';
import { buildOccupancyIndex } from '../../shared/occupancy/occupancyIndex';
import { buildReport, type ReportRequest } from '../../shared/reports';
import type { PdfDocDefinition, PdfNode } from '../../shared/reports/pdfTypes';
import { renderPdf } from '../../renderer/features/exports/pdf';
import { produceExport } from '../../renderer/features/exports/produce';
import { medianMs, result, type BenchResult, type BenchSuite } from './harness';

const TODAY = '2026-03-01';
const LETTERS = 1000;

/** 1,000 complete allocation letters, each dated on its decision day (when the household still lived in the county's accommodation). */
function allocationLetters(data: Dataset): LetterContent[] {
  const ld = buildLetterData(data);
  const template = defaultTemplate('allocation', `${TODAY}T00:00:00.000Z`);
  const usable: { a: Allocation; day: string }[] = data.allocations.filter((a) => a.decisionDate).map((a) => ({ a, day: a.decisionDate! }));
  const out: LetterContent[] = [];
  for (let i = 0; out.length < LETTERS && i < usable.length * 3; i++) {
    const { a, day } = usable[i % usable.length]!;
    const ctx = buildLetterContext(ld, { kind: 'allocation', allocationId: a.id }, DEFAULT_LETTERHEAD, day);
    const { content, missing } = composeLetter(template, ctx, DEFAULT_LETTERHEAD, { number: `2026-BENCH0-${String(out.length + 1).padStart(5, '0')}`, issuedOn: day });
    if (missing.length === 0) out.push(content);
  }
  if (out.length < LETTERS) throw new Error(`Nur ${out.length} vollständige Zuteilungsschreiben in den Demodaten.`);
  return out;
}

/** The baseline: each letter's text as plain paragraphs, same length, one page break per letter. */
function plainLetters(letters: LetterContent[]): PdfDocDefinition {
  const content: PdfNode[] = [];
  letters.forEach((c, i) => {
    const text = [
      ...c.addressLines,
      c.subject,
      c.salutation,
      ...c.sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => (p.kind === 'text' ? p.text : c.persons.map((r) => Object.values(r).join(' ')).join('\n')))]),
      c.closing,
      c.letterhead.signerName,
    ].join('\n\n');
    content.push(i === 0 ? { text } : { text, pageBreak: 'before' });
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [68, 50, 56, 70],
    info: { title: 'Baseline', author: 'Bench', creator: 'Quartier' },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {},
    content,
  };
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const exportsBench: BenchSuite = {
  area: 'export',
  title: 'Schreiben und Berichte (PDF, Excel)',
  async run(ctx) {
    const out: BenchResult[] = [];
    ctx.log(`Demodaten (${ctx.scale}) werden erzeugt …`);
    const data = generateDemoData({ seed: 20_240_630, scale: ctx.scale, today: TODAY });
    const index = buildOccupancyIndex(data);
    const reportCtx = { data, index, authority: DEFAULT_LETTERHEAD.authority };

    // Letters: warm up pdfmake (fonts) once, then alternate baseline and measured runs.
    const county = ctx.scale === 'county' ? data : generateDemoData({ seed: 20_240_630, scale: 'county', today: TODAY });
    const letters = allocationLetters(county);
    await renderPdf(plainLetters(letters.slice(0, 5)));
    const runs = 3;
    const base: number[] = [];
    const real: number[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(await timeOnce(() => renderPdf(plainLetters(letters))));
      real.push(
        await timeOnce(async () => {
          // Composition from the data is part of the work, so it is timed too.
          const composed = allocationLetters(county);
          await renderPdf(lettersDocDefinition(composed, 'Zuteilungen'));
        }),
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    out.push(result('export.letters.1000', median(real), 'ms', median(base), 'baseline: pdfmake, 1,000 plain letters of the same text; target ratio ≤ 1.5'));

    const requests: [string, ReportRequest][] = [
      ['overview', { kind: 'occupancyOverview', day: TODAY }],
      ['days', { kind: 'occupancyDays', fromMonth: '2025-01', toMonth: '2025-12' }],
    ];
    for (const [name, request] of requests) {
      for (const format of ['xlsx', 'pdf'] as const) {
        const ms = await medianMs(async () => {
          const model = buildReport(reportCtx, request, TODAY);
          await produceExport({ type: 'report', format, model, printedAt: '01.03.2026, 10:00' });
        }, 3, 1);
        const target = format === 'xlsx' ? 3000 : 5000;
        out.push(result(`export.report.${name}.${format}`, ms, 'ms', target, `model + bytes at ${ctx.scale} scale; baseline = target (Berlin)`));
      }
    }
    return out;
  },
};
