// @vitest-environment node
// Reads the produced files back: PDF text extracted with pdfjs-dist, Excel
// parsed with SheetJS (our own files only). The numbers must equal the
// occupancy engine's; names, dates and totals must be in the PDF text.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildOccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { figuresAsOf } from '../../../shared/occupancy/figures';
import { occupancyDaysByMonth } from '../../../shared/occupancy/series';
import { buildReport, type ReportContext } from '../../../shared/reports';
import { buildLetterContext, buildLetterData, composeLetter, DEFAULT_LETTERHEAD, defaultTemplate } from '../../../shared/letters';
import { produceExport, type ExportProgress } from '../../../renderer/features/exports/produce';
import { excelDate } from '../../../renderer/features/exports/xlsx';
import { runExport, ExportCancelledError } from '../../../renderer/features/exports/runExport';
import { fixtureDataset, FIXTURE_TODAY } from '../../unit/reports/fixture';

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}

function context(): ReportContext {
  const data = fixtureDataset();
  return { data, index: buildOccupancyIndex(data), authority: 'Landratsamt Zollernalbkreis' };
}

const SXLSX = ((XLSX as unknown as { default?: typeof XLSX }).default ?? XLSX);

describe('report PDF', () => {
  it('Belegungsübersicht: header, German numbers and totals in the text', async () => {
    const model = buildReport(context(), { kind: 'occupancyOverview', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    const bytes = await produceExport({ type: 'report', format: 'pdf', model, printedAt: '01.03.2026, 10:00' });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = (await pdfPages(bytes)).join(' ');
    expect(text).toContain('Landratsamt Zollernalbkreis');
    expect(text).toContain('Belegungsübersicht');
    expect(text).toContain('Stichtag 01.03.2026');
    expect(text).toContain('GU Balingen Kirchstraße 10');
    expect(text).toMatch(/Landkreis gesamt 7 4 0 1 1 1 57,1\s%/);
    expect(text).toContain('Seite 1 von 1');
  });

  it('Belegungstage: states the [Einzug, Auszug) rule and prints the hand-checked totals', async () => {
    const model = buildReport(context(), { kind: 'occupancyDays', fromMonth: '2026-01', toMonth: '2026-02' }, FIXTURE_TODAY);
    const text = (await pdfPages(await produceExport({ type: 'report', format: 'pdf', model, printedAt: 'x' }))).join(' ');
    expect(text).toContain('[Einzug, Auszug)');
    expect(text).toContain('Summe 155 112 267');
  });

  it('Belegungsliste: names, households and dates', async () => {
    const model = buildReport(context(), { kind: 'occupancyList', accommodationId: 'a1', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    const text = (await pdfPages(await produceExport({ type: 'report', format: 'pdf', model, printedAt: 'x' }))).join(' ');
    expect(text).toContain('Haddad, Amira Familie Haddad 01.03.2025 01.03.2027');
    expect(text).toContain('gesperrt');
  });
});

describe('report Excel', () => {
  it('gives back the engine numbers as typed cells, one sheet per section, frozen header and autofilter', async () => {
    const ctx = context();
    const model = buildReport(ctx, { kind: 'occupancyOverview', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    const bytes = await produceExport({ type: 'report', format: 'xlsx', model, printedAt: 'x' });
    const wb = SXLSX.read(bytes, { type: 'array', cellNF: true });
    expect(wb.SheetNames).toEqual(['Unterkünfte', 'Nach Art', 'Nach Gemeinde', 'Info']);
    const ws = wb.Sheets['Unterkünfte']!;
    const engine = figuresAsOf(ctx.index, FIXTURE_TODAY);
    expect(ws['A2'].v).toBe('GU Balingen Kirchstraße 10');
    expect(ws['D2']).toMatchObject({ t: 'n', v: engine.byAccommodation['a1']!.places });
    expect(ws['E2']).toMatchObject({ t: 'n', v: engine.byAccommodation['a1']!.occupied });
    expect(ws['J2']).toMatchObject({ t: 'n', v: 0.6, z: '0.0%' });
    expect(ws['D4']).toMatchObject({ t: 'n', v: engine.county.places });
    expect(ws['!autofilter']).toEqual({ ref: 'A1:K3' });
    // The frozen first row is in the sheet XML itself.
    const zip = SXLSX.CFB.read(bytes, { type: 'array' });
    const sheetXml = new TextDecoder().decode(SXLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!.content as Uint8Array);
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // Column widths are written (the name column wider than the number columns).
    const widths = [...sheetXml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(11);
    expect(widths[0]!).toBeGreaterThan(widths[3]!);
  });

  it('writes dates as Excel dates and Belegungstage equal to the engine', async () => {
    const ctx = context();
    const model = buildReport(ctx, { kind: 'occupancyDays', fromMonth: '2026-01', toMonth: '2026-02' }, FIXTURE_TODAY);
    const wb = SXLSX.read(await produceExport({ type: 'report', format: 'xlsx', model, printedAt: 'x' }), { type: 'array', cellNF: true });
    const detail = wb.Sheets['Monatswerte']!;
    expect(detail['B2']).toMatchObject({ t: 'n', v: excelDate('2026-01-01'), z: 'dd.mm.yyyy' });
    const rows = SXLSX.utils.sheet_to_json<Record<string, unknown>>(detail, { raw: true });
    const engine = occupancyDaysByMonth(ctx.index, '2026-01', '2026-02');
    expect(rows.slice(0, engine.length).map((r) => r['Belegungstage'])).toEqual(engine.map((e) => e.occupancyDays));
    expect(excelDate('1970-01-01')).toBe(25569);
  });
});

describe('letters PDF', () => {
  function letter(kind: 'assignment' | 'allocation', withAnnex = false) {
    const ds = fixtureDataset();
    const data = buildLetterData(ds);
    const request = kind === 'assignment' ? ({ kind, stayId: 's1' } as const) : ({ kind, allocationId: 'al1' } as const);
    const ctx = buildLetterContext(data, request, DEFAULT_LETTERHEAD, FIXTURE_TODAY);
    const t = defaultTemplate(kind, '2026-03-01T00:00:00.000Z');
    t.annexes = [{ language: 'uk', title: 'Рішення про поселення', text: 'Київ, вулиця Шевченка' }];
    return composeLetter(t, ctx, DEFAULT_LETTERHEAD, { number: '2026-ABC123-00001', issuedOn: FIXTURE_TODAY, annexLanguage: withAnnex ? 'uk' : null }).content;
  }

  it('contains names, dates, legal text; the Cyrillic annex is embedded and extractable', async () => {
    const bytes = await produceExport({ type: 'letters', letters: [letter('assignment', true)], title: 'Einweisung' });
    const pages = await pdfPages(bytes);
    const text = pages.join(' ');
    expect(text).toContain('Amira Haddad');
    expect(text).toContain('Bescheid über die Einweisung');
    expect(text).toContain('01.03.2025');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).not.toContain('undefined');
    expect(pages.at(-1)).toContain('Київ, вулиця Шевченка');
    expect(pages.at(-1)).toContain('Anlage: Übersetzung (Ukrainisch)');
  });

  it('batch: each letter starts on a new page, progress is reported, cancel stops', async () => {
    const letters = [letter('assignment'), letter('allocation'), letter('assignment')];
    const progress: ExportProgress[] = [];
    const bytes = await runExport({ type: 'letters', letters, title: 'Stapel' }, { onProgress: (p) => progress.push(p), inPage: true });
    const pages = await pdfPages(bytes);
    const starts = pages.map((p, i) => (p.includes('Sehr geehrte Frau Haddad') ? i : -1)).filter((i) => i >= 0);
    expect(starts.length).toBe(3);
    expect(pages[starts[1]!]).toContain('Zuteilung in die Anschlussunterbringung');
    expect(progress.at(-1)).toEqual({ phase: 'done', fraction: 1 });
    expect(progress.some((p) => p.phase === 'render' && p.fraction !== null && p.fraction > 0)).toBe(true);

    const controller = new AbortController();
    const pending = runExport({ type: 'letters', letters, title: 'Stapel' }, { signal: controller.signal, inPage: true });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ExportCancelledError);
  });
});
