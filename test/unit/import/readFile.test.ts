// Reading real files through the real isolation: every file goes through
// readImportFile → a worker thread running the same parseFileBytes as the
// app's Web Worker. Files are written in the test: xlsx/xls with SheetJS,
// CSV in UTF-8 (with and without BOM) and Windows-1252, with `;` and `,`.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import '../../../renderer/i18n';
import { fileErrorText } from '../../../renderer/features/import/fileErrorText';
import { ImportFileError, readImportFile } from '../../../renderer/features/import/worker/readImportFile';
import { heavyXlsx, pollutingXlsx } from './hostileFiles';
import { spawnNodeWorker, startTsWorker } from './nodeWorkerPort';

const spawn = spawnNodeWorker();

function xlsxBytes(sheets: Record<string, unknown[][]>, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true }), name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

/** Windows-1252 bytes (Latin-1 plus the 0x80–0x9F punctuation used here). */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

const CSV_TEXT = (sep: string) =>
  [
    ['Nachname', 'Vorname', 'Staatsangehörigkeit', 'Bemerkung'].join(sep),
    ['Müller', 'Jürgen', 'Österreich', `"Straße 5${sep} „Haus“ mit ""Garten"""`].join(sep),
    ['Größe', 'Ähnlich', 'Türkei', '"zwei\r\nZeilen"'].join(sep),
  ].join('\r\n') + '\r\n';

const EXPECTED = [
  ['Nachname', 'Vorname', 'Staatsangehörigkeit', 'Bemerkung'],
  ['Müller', 'Jürgen', 'Österreich'],
  ['Größe', 'Ähnlich', 'Türkei', 'zwei\r\nZeilen'],
];

describe('readImportFile (worker)', () => {
  it('reads an xlsx with two sheets; dates become ISO days, numbers stay numbers', async () => {
    const bytes = xlsxBytes({
      Belegung: [
        ['Name', 'Geb.-Datum', 'Plätze'],
        ['Haddad', new Date(Date.UTC(1988, 1, 14)), 4],
      ],
      Notizen: [['frei']],
    });
    const { workbook } = await readImportFile({ name: 'liste.xlsx', bytes }, { spawn });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Belegung', 'Notizen']);
    expect(workbook.sheets[0]!.rows).toEqual([
      ['Name', 'Geb.-Datum', 'Plätze'],
      ['Haddad', '1988-02-14', 4],
    ]);
  });

  it('reads a legacy .xls (BIFF8)', async () => {
    const bytes = xlsxBytes({ Tabelle1: [['Zimmer', 'Bett'], ['1.04', 'Bett 2']] }, 'biff8');
    const { workbook } = await readImportFile({ name: 'alt.xls', bytes }, { spawn });
    expect(workbook.sheets[0]!.rows).toEqual([
      ['Zimmer', 'Bett'],
      ['1.04', 'Bett 2'],
    ]);
  });

  for (const sep of [';', ','] as const) {
    it(`reads CSV with "${sep}" in UTF-8 with BOM, UTF-8 without BOM and Windows-1252 alike`, async () => {
      const text = CSV_TEXT(sep);
      const expected = EXPECTED.map((r, i) => (i === 1 ? [...r, `Straße 5${sep} „Haus“ mit "Garten"`] : r));
      const variants: [string, Uint8Array][] = [
        ['utf-8', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
        ['utf-8', new TextEncoder().encode(text)],
        ['windows-1252', cp1252(text)],
      ];
      for (const [encoding, bytes] of variants) {
        const { workbook, csv } = await readImportFile({ name: 'bewohner.csv', bytes }, { spawn });
        expect(csv).toEqual({ encoding, delimiter: sep });
        expect(workbook.sheets[0]!.rows).toEqual(expected);
      }
    });
  }

  it('refuses files that are too large, of an unknown type or empty, before any worker runs', async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    const refuse = (name: string, bytes: Uint8Array) =>
      readImportFile({ name, bytes }, { spawn: () => { throw new Error('no worker expected'); }, limits: { maxBytes: 1024 * 1024 } }).catch((e: unknown) => e);
    const tooLarge = await refuse('a.xlsx', big);
    expect(tooLarge).toMatchObject({ code: 'tooLarge', params: { maxMb: 1 } });
    expect(fileErrorText(i18next.t, tooLarge as ImportFileError)).toBe('Die Datei ist zu groß. Erlaubt sind höchstens 1 MB – teilen Sie die Liste bitte auf.');
    expect(await refuse('a.pdf', new Uint8Array(3))).toMatchObject({ code: 'unsupportedType' });
    expect(await refuse('a.csv', new Uint8Array(0))).toMatchObject({ code: 'emptyFile' });
  });

  it('refuses more rows than the limit (CSV and xlsx)', async () => {
    const csv = new TextEncoder().encode(['Name', ...Array.from({ length: 30 }, (_, i) => `P${i}`)].join('\n'));
    const rowsErr = (await readImportFile({ name: 'a.csv', bytes: csv }, { spawn, limits: { maxRows: 20 } }).catch((e: unknown) => e)) as ImportFileError;
    expect(rowsErr).toMatchObject({ code: 'tooManyRows', params: { max: 20 } });
    expect(fileErrorText(i18next.t, { code: 'tooManyRows', params: { max: 100_000 } })).toBe('Die Datei hat mehr als 100.000 Datenzeilen. Teilen Sie die Liste bitte auf mehrere Dateien auf.');
    const xlsx = xlsxBytes({ T: [['Name'], ...Array.from({ length: 30 }, (_, i) => [`P${i}`])] });
    await expect(readImportFile({ name: 'a.xlsx', bytes: xlsx }, { spawn, limits: { maxRows: 20 } })).rejects.toMatchObject({ code: 'tooManyRows' });
  });

  it('reports a CSV with an unterminated quote with its line', async () => {
    const bytes = new TextEncoder().encode('Name;Bemerkung\nA;ok\nB;"offen\nC;x\n');
    await expect(readImportFile({ name: 'a.csv', bytes }, { spawn })).rejects.toMatchObject({ code: 'unterminatedQuote', params: { line: 3 } });
  });

  it('reports garbage named .xlsx/.xls and a broken zip as unreadable', async () => {
    const garbage = new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const truncated = xlsxBytes({ T: [['Name'], ['A']] }).slice(0, 300);
    for (const [name, bytes] of [['kaputt.xlsx', garbage], ['kaputt.xls', garbage], ['halb.xlsx', truncated]] as const) {
      await expect(readImportFile({ name, bytes }, { spawn })).rejects.toMatchObject({ code: 'unreadable' });
    }
  });
});

/** Parses with SheetJS directly inside a throwaway worker thread and reports whether ITS Object.prototype got polluted. */
function pollutesWhenParsedDirectly(bytes: Uint8Array): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const w = startTsWorker(new URL('./directParseProbe.ts', import.meta.url));
    w.once('message', (m: boolean) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
    w.postMessage(bytes);
  });
}

describe('isolation of the spreadsheet parser', () => {
  it('a file crafted to pollute Object.prototype (CVE-2023-30533) leaves the app unaffected', async () => {
    const bytes = pollutingXlsx();
    // The payload is live: parsed directly (in another isolate), it pollutes.
    expect(await pollutesWhenParsedDirectly(bytes)).toBe(true);

    const { workbook } = await readImportFile({ name: 'boese.xlsx', bytes }, { spawn });
    const probe: Record<string, unknown> = {};
    expect(probe.c).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('c');
    expect('polluted' in probe).toBe(false);
    // Only plain rows came back, rebuilt: real arrays, strings, no own extras.
    // The "__proto__" sheet is not an own sheet of the parsed workbook: skipped, never dereferenced.
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Tabelle1']);
    const sheet = workbook.sheets[0]!;
    expect(Object.getPrototypeOf(sheet)).toBe(Object.prototype);
    expect(Object.keys(sheet)).toEqual(['name', 'rows']);
    expect(sheet.rows).toEqual([
      ['Nachname', 'Vorname', '__proto__', 'constructor'],
      ['Haddad', 'Rami', '{"polluted":true}', 'prototype'],
    ]);
    for (const row of sheet.rows) {
      expect(Array.isArray(row)).toBe(true);
      expect(Object.getPrototypeOf(row)).toBe(Array.prototype);
      for (const cell of row) expect(['string', 'number'].includes(typeof cell) || cell === null).toBe(true);
    }
  });

  it('a pathological file is stopped by the time limit with its code and seconds (the worker is terminated)', async () => {
    const bytes = heavyXlsx(12_000, 100);
    expect(bytes.byteLength).toBeLessThan(20 * 1024 * 1024); // passes the size limit: only time stops it
    const t0 = Date.now();
    const err = await readImportFile({ name: 'riesig.xlsx', bytes }, { spawn, limits: { maxMs: 2500 } }).catch((e: unknown) => e);
    const elapsed = Date.now() - t0;
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err).toMatchObject({ code: 'timeLimit', params: { seconds: 2.5 } });
    expect(fileErrorText(i18next.t, err as ImportFileError)).toBe(
      'Das Lesen der Datei wurde nach 2,5 Sekunden abgebrochen. Die Datei ist zu aufwendig oder beschädigt. Speichern Sie sie bitte als CSV oder teilen Sie sie auf.',
    );
    expect(elapsed).toBeGreaterThanOrEqual(2400);
    expect(elapsed).toBeLessThan(6000);
  }, 30_000);
});
