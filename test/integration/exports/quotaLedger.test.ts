// @vitest-environment node
// The Zuteilungsquote as a report kind of the Berichte page: built through the
// one report dispatcher (buildReport) and read back from the PDF (pdfjs-dist)
// and the Excel file (SheetJS). Figures hand-checked on the report fixture:
// Balingen (34,000 inh.) has the decided allocation al1 (3 persons, decided
// 20.02.2026) and the GU with 5 places; Hechingen (19,000) the flat with 2.
// Crediting 50 %: Balingen floor(2.5) = 2, Hechingen floor(1) = 1; counted
// 5 and 1, total 6; exact targets 3.85 / 2.15 → 3 + 2, the one left to the
// larger remainder (Balingen) → Soll 4 / 2, balances +1 / −1.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEFAULT_QUOTA_SETTINGS } from '../../../shared/allocation/ledger';
import { buildOccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { buildReport, type ReportContext } from '../../../shared/reports';
import { produceExport } from '../../../renderer/features/exports/produce';
import { fixtureDataset, FIXTURE_TODAY } from '../../unit/reports/fixture';

const SXLSX = (XLSX as unknown as { default?: typeof XLSX }).default ?? XLSX;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}

function context(): ReportContext {
  const data = fixtureDataset();
  return { data, index: buildOccupancyIndex(data), authority: 'Landratsamt Zollernalbkreis' };
}

const request = { kind: 'quotaLedger', from: '2026-01-01', to: '2026-12-31', settings: { ...DEFAULT_QUOTA_SETTINGS, creditPercent: 50 } } as const;

describe('Zuteilungsquote report', () => {
  it('is built by the report dispatcher with the period and the settings', () => {
    const model = buildReport(context(), request, FIXTURE_TODAY);
    expect(model.kind).toBe('quotaLedger');
    expect(model.subtitle).toBe('Zeitraum 01.01.2026 – 31.12.2026');
    expect(model.notes[0]).toContain('Anrechnung der Plätze des Kreises in der Gemeinde: 50 %');
    const rows = model.sections[0]!.rows.map((r) => [r[0], r[4], r[6], r[7], r[8], r[9], r[10]]);
    expect(rows).toEqual([
      ['Balingen', 3, 5, 2, 5, 4, 1],
      ['Hechingen', 0, 2, 1, 1, 2, -1],
    ]);
    // A period outside the decision date counts nobody; bad input is refused in German.
    const before = buildReport(context(), { ...request, from: '2025-01-01', to: '2025-12-31' }, FIXTURE_TODAY);
    expect(before.sections[0]!.rows.map((r) => r[4])).toEqual([0, 0]);
    expect(() => buildReport(context(), { ...request, to: '2025-12-31' }, FIXTURE_TODAY)).toThrow('Das Ende des Zeitraums liegt vor dem Beginn.');
    expect(() => buildReport(context(), { ...request, settings: { ...request.settings, creditPercent: 120 } }, FIXTURE_TODAY)).toThrow('zwischen 0 und 100');
  });

  it('PDF and Excel show the same hand-checked figures', async () => {
    const model = buildReport(context(), request, FIXTURE_TODAY);
    const text = await pdfText(await produceExport({ type: 'report', format: 'pdf', model, printedAt: '01.03.2026, 10:00' }));
    expect(text).toContain('Zuteilungsquote der Gemeinden');
    expect(text).toContain('Zeitraum 01.01.2026 – 31.12.2026');
    expect(text).toMatch(/Balingen 08417008 34\.000 64,2\s?% 3 0 5 2 5 4 1 \+1 über Soll/);
    expect(text).toMatch(/Hechingen 08417031 19\.000 35,8\s?% 0 0 2 1 1 2 [−-]1 [−-]1 unter Soll/);
    expect(text).toMatch(/Summe 53\.000 100,0\s?% 3 0 7 3 6 6 0/);

    const wb = SXLSX.read(await produceExport({ type: 'report', format: 'xlsx', model, printedAt: 'x' }), { type: 'array', cellNF: true });
    expect(wb.SheetNames).toEqual(['Zuteilungsquote', 'Info']);
    const ws = wb.Sheets['Zuteilungsquote']!;
    expect(ws['A2'].v).toBe('Balingen');
    expect(ws['D2']).toMatchObject({ t: 'n', z: '0.0%' });
    expect(ws['D2'].v).toBeCloseTo(34000 / 53000, 10);
    expect(['E2', 'G2', 'H2', 'I2', 'J2', 'K2'].map((c) => (ws[c] as XLSX.CellObject).v)).toEqual([3, 5, 2, 5, 4, 1]);
    expect(['E3', 'G3', 'H3', 'I3', 'J3', 'K3'].map((c) => (ws[c] as XLSX.CellObject).v)).toEqual([0, 2, 1, 1, 2, -1]);
    expect(ws['L3'].v).toBe('−1 unter Soll');
    expect(ws['K4']).toMatchObject({ t: 'n', v: 0 });
  });
});
