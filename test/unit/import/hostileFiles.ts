// Hostile spreadsheet files for the isolation tests (unit and e2e), written
// with SheetJS and patched at the zip level.
import * as XLSX from 'xlsx';

// Under Node's ESM loader (the e2e runner) the CommonJS build of xlsx exposes
// CFB only on its default export; vitest and bundlers expose it by name.
const xlsxModule = XLSX as unknown as { CFB?: typeof XLSX.CFB; default?: { CFB: typeof XLSX.CFB } };
const CFB = (xlsxModule.CFB ?? xlsxModule.default?.CFB)!;

/** An xlsx whose comment is anchored at "__proto__" (CVE-2023-30533): SheetJS 0.18.5 then writes into Object.prototype. */
export function pollutingXlsx(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Nachname', 'Vorname', '__proto__', 'constructor'],
    ['Haddad', 'Rami', '{"polluted":true}', 'prototype'],
  ]);
  (ws.A1 as XLSX.CellObject).c = [{ a: 'x', t: 'polluted' }] as XLSX.Comments;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Tabelle1');
  // A sheet named "__proto__" as well: SheetJS stores it as the prototype of wb.Sheets.
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), '__proto__');
  const cfb = CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, { type: 'buffer' });
  const i = cfb.FullPaths.findIndex((p: string) => /comments\d*\.xml$/.test(p));
  const entry = cfb.FileIndex[i]!;
  const xml = Buffer.from(entry.content as Uint8Array).toString('utf8').replace(/ref="A1"/g, 'ref="__proto__"');
  entry.content = Buffer.from(xml);
  entry.size = Buffer.byteLength(xml);
  return new Uint8Array(CFB.write(cfb, { fileType: 'zip', type: 'buffer' }) as Buffer);
}

/**
 * A small zip that expands to a sheet of rows × cols numeric cells: slow to
 * parse, quick to write. Cells and rows carry no `r` attribute (allowed by
 * OOXML), which keeps the XML repetitive and the zip small: 80,000 × 100
 * cells are about 7 MB, well under the size limit, and take SheetJS far
 * longer than 15 s to read.
 */
export function heavyXlsx(rows: number, cols: number): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a']]), 'Tabelle1');
  const cfb = CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, { type: 'buffer' });
  const row = `<row>${'<c><v>1</v></c>'.repeat(cols)}</row>`;
  const xml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(rows)}</sheetData></worksheet>`,
  );
  const i = cfb.FullPaths.findIndex((p: string) => p.endsWith('xl/worksheets/sheet1.xml'));
  const entry = cfb.FileIndex[i]!;
  entry.content = xml;
  entry.size = xml.byteLength;
  return new Uint8Array(CFB.write(cfb, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer);
}
