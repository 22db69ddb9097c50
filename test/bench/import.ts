// Import bench (issue 8): a 10,000-row resident list (xlsx, households of
// 1–5 persons) read in the parse worker (a worker thread running the app's
// parseFileBytes), checked and planned, and imported with runImport (one
// transaction, audit entry per record, one outbox Change) into IndexedDB
// (fake-indexeddb, as the other Node benches). Target: ≤ 10 s in total.
// Baseline in the same run: a bare Dexie bulkPut of the very records the
// import wrote (same persons and households) into an empty database.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { openDatabase } from '../../renderer/db/db';
import { previewImport, runImport } from '../../renderer/features/import/importCommands';
import { readImportFile } from '../../renderer/features/import/worker/readImportFile';
import { findHeaderRow, suggestMapping } from '../../shared/import/fields';
import { cellText } from '../../shared/import/table';
import { spawnNodeWorker } from '../unit/import/nodeWorkerPort';
import { ADMIN } from '../support/actors';
import { result, type BenchResult, type BenchSuite } from './harness';

const ROWS = 10_000;
const NATIONALITIES = ['Syrien', 'syrisch', 'Afghanistan', 'afghanisch', 'Türkei', 'Irak', 'Ukraine', 'ukrainisch', 'Georgien', 'Eritrea'];

function residentList(): Uint8Array {
  const aoa: (string | number)[][] = [['Nachname', 'Vorname', 'Geb.-Datum', 'Geschlecht', 'Staatsangehörigkeit', 'Aktenzeichen', 'Haushalt', 'Aufnahme', 'Rechtsgrundlage']];
  let household = 0;
  for (let i = 0; i < ROWS; ) {
    const size = 1 + (household % 5);
    for (let m = 0; m < size && i < ROWS; m++, i++) {
      const year = m < 2 ? 1970 + (i % 30) : 2005 + (i % 18);
      aoa.push([
        `Familie${household}`,
        `Person${i}`,
        `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.${year}`,
        m % 2 === 0 ? 'm' : 'w',
        NATIONALITIES[i % NATIONALITIES.length]!,
        `BENCH-${String(i).padStart(6, '0')}`,
        `H${household}`,
        '01.03.2025',
        i % 3 === 0 ? '§ 24 AufenthG' : 'Asyl',
      ]);
    }
    household++;
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Bewohner');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

export const importBench: BenchSuite = {
  area: 'import',
  title: 'Bewohnerliste mit 10.000 Zeilen: lesen, prüfen, importieren',
  async run({ log }): Promise<BenchResult[]> {
    const bytes = residentList();
    log(`Datei: ${(bytes.byteLength / 1024).toFixed(0)} KB xlsx, ${ROWS} Zeilen`);
    const ctx = { user: 'Bench', deviceId: 'dev-bench', actor: ADMIN };
    const db = await openDatabase(`bench-import-${Date.now()}`);
    const base = await openDatabase(`bench-import-base-${Date.now()}`);
    try {
      const t0 = performance.now();
      const { workbook } = await readImportFile({ name: 'bewohner.xlsx', bytes }, { spawn: spawnNodeWorker() });
      const tRead = performance.now();
      const rows = workbook.sheets[0]!.rows;
      const headerRow = findHeaderRow('residents', rows);
      const mapping = suggestMapping('residents', (rows[headerRow] ?? []).map((c) => cellText(c)));
      const req = { kind: 'residents' as const, fileName: 'bewohner.xlsx', rows, headerRow, mapping };
      const preview = await previewImport(db, req, { today: '2026-03-01' });
      const tPreview = performance.now();
      if (preview.errorRows.length > 0) throw new Error(`Bench-Datei hat Fehler: ${JSON.stringify(preview.problems.slice(0, 3))}`);
      const { plan } = await runImport(db, req, { ctx, today: '2026-03-01' });
      const tImport = performance.now();
      const total = tImport - t0;
      log(`lesen (Worker) ${(tRead - t0).toFixed(0)} ms, Vorschau ${(tPreview - tRead).toFixed(0)} ms, Import ${(tImport - tPreview).toFixed(0)} ms`);
      log(`angelegt: ${plan.records.persons.length} Personen, ${plan.records.households.length} Haushalte, ${await db.audit.count()} Protokolleinträge`);

      // Baseline: the same records, written bare.
      const persons = await db.persons.toArray();
      const households = await db.households.toArray();
      const b0 = performance.now();
      await base.transaction('rw', base.persons, base.households, async () => {
        await base.households.bulkPut(households);
        await base.persons.bulkPut(persons);
      });
      const baseline = performance.now() - b0;
      return [
        result('import.residents.10000.total', total, 'ms', baseline, 'lesen im Worker + prüfen (Vorschau) + Import in einer Transaktion mit Protokoll und Outbox; Ziel ≤ 10.000 ms; Basis: bulkPut derselben Datensätze'),
        result('import.residents.10000.write', tImport - tPreview, 'ms', baseline, 'nur runImport (erneute Prüfung in der Transaktion + Schreiben); Basis: bulkPut derselben Datensätze'),
      ];
    } finally {
      db.close();
      base.close();
      await db.delete();
      await base.delete();
    }
  },
};
