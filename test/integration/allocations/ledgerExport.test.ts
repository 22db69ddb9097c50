// The quota ledger through the real report renderers: the PDF text and the
// Excel cells carry the same figures as the ledger.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { produceExport } from '../../../renderer/features/exports/produce';
import { buildLedger, DEFAULT_QUOTA_SETTINGS } from '../../../shared/allocation/ledger';
import { asReportModel, quotaLedgerReport } from '../../../shared/allocation/ledgerReport';
import type { Allocation } from '../../../shared/domain/model';
import { municipalities } from './fixture';

const T = '2026-01-01T00:00:00.000Z';
const alloc = (id: string, m: string, n: number): Allocation => ({
  id, householdId: null, personIds: Array.from({ length: n }, (_, i) => `${id}${i}`), municipalityId: m, decisionDate: '2026-02-01',
  plannedMoveDate: null, status: 'decided', letterIds: [], createdAt: T, updatedAt: T,
});

const ledger = buildLedger({
  municipalities,
  allocations: [alloc('a', 'm-alb', 30), alloc('b', 'm-bal', 20), alloc('c', 'm-hech', 4)],
  countyPlaces: new Map([['m-bal', 45], ['m-hech', 12]]),
  period: { from: '2026-01-01', to: '2026-12-31' },
  settings: { ...DEFAULT_QUOTA_SETTINGS, creditPercent: 50 },
});
const model = asReportModel(quotaLedgerReport(ledger, 'Landratsamt Zollernalbkreis'));

describe('quota ledger export', () => {
  it('PDF: title, period and the signed balances', async () => {
    const bytes = await produceExport({ type: 'report', format: 'pdf', model, printedAt: '10.03.2026, 10:00' });
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
    const page = await pdf.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Zuteilungsquote der Gemeinden');
    expect(text).toContain('Zeitraum 01.01.2026 – 31.12.2026');
    for (const r of ledger.rows) expect(text).toContain(r.name);
    expect(text).toMatch(/[+−]\d+ (über|unter) Soll/);
  });

  it('Excel: numbers as numbers, one row per municipality', async () => {
    const bytes = await produceExport({ type: 'report', format: 'xlsx', model, printedAt: 'x' });
    const wb = XLSX.read(bytes, { type: 'array' });
    const sheet = wb.Sheets['Zuteilungsquote']!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { range: findHeader(sheet) });
    const byName = new Map(rows.map((r) => [r['Gemeinde'], r]));
    for (const r of ledger.rows) {
      expect(byName.get(r.name)).toMatchObject({ Zugeteilt: r.allocated, Angerechnet: r.credited, Soll: r.target, Saldo: r.balance });
    }
  });
});

/** Row index (0-based) of the header row "Gemeinde". */
function findHeader(sheet: XLSX.WorkSheet): number {
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
  const i = aoa.findIndex((row) => row[0] === 'Gemeinde');
  if (i < 0) throw new Error('no header row');
  return i;
}
