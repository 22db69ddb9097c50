// Sync benchmarks (issue 4), each against a baseline measured in the same run:
// - ingest of 100,000 remote changes from 10 laptops vs a raw Dexie bulkPut
//   of the resulting records (target: ≥ 50 % of the raw throughput), and vs
//   Automerge applying equivalent changes;
// - an incremental sync of 100 new changes with 50 laptops' files on the
//   share (target: ≤ 500 ms);
// - a new laptop joining from a snapshot vs a raw bulkPut of the same
//   records (target: ≤ 1.5 ×), at the chosen scale (`--scale berlin`).
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import type { Table } from 'dexie';
import { generateDemoData } from '../../shared/demo/generate';
import { ENTITY_TABLES, type Dataset } from '../../shared/domain/model';
import type { Change } from '../../shared/sync/change';
import { defaultCrypto, encryptFile, unlockKeyring } from '../../shared/sync/cipher';
import { FORMAT_FILE, logFileName, parseFormatFile, snapshotFileName, type LogPayload, type SnapshotPayload } from '../../shared/sync/format';
import { bytesToJson, jsonToBytes } from '../../shared/sync/text';
import { QuartierDb } from '../../renderer/db/db';
import { ingestAndApply } from '../../renderer/sync/apply';
import { Laptop, NodeSharePort, tempShare, TEST_PASSPHRASE } from '../integration/sync/harness';
import { result, type BenchContext, type BenchResult, type BenchSuite } from './harness';
import { devId, hlc, interleave, personFields, remoteChanges } from './sync-workload';
import { benchIngestChromium } from './sync-browser';

let dbSeq = 0;
const freshDb = async () => {
  const db = new QuartierDb(`bench-sync-${++dbSeq}-${Date.now()}`);
  await db.open();
  return db;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function rawBulkPut(table: string, rows: readonly unknown[], chunk = 2000): Promise<number> {
  const db = await freshDb();
  const t: Table<unknown, string> = db.table(table);
  const ms = await timed(async () => {
    for (let i = 0; i < rows.length; i += chunk) await db.transaction('rw', t, () => t.bulkPut(rows.slice(i, i + chunk)));
  });
  await db.delete();
  return ms;
}

async function benchIngest(ctx: BenchContext): Promise<BenchResult[]> {
  const LAPTOPS = 10;
  const PER = 10_000;
  const { byDevice, finalRecords } = remoteChanges(LAPTOPS, PER);
  // Round-robin interleaving, as a reader meets files of several laptops.
  const ordered = interleave(byDevice, PER);
  const total = ordered.length;

  const me = 'benchrdr-0000-4000-8000-000000000000';
  const ingestOnce = async () => {
    const db = await freshDb();
    const ms = await timed(async () => {
      for (let i = 0; i < ordered.length; i += 2000) await ingestAndApply(db, me, ordered.slice(i, i + 2000), { nowMs: 1_780_000_000_000 + 10 * PER + 1000 });
    });
    const stored = await db.table('persons').count();
    await db.delete();
    if (stored !== finalRecords.length) throw new Error(`ingest stored ${stored} records, expected ${finalRecords.length}`);
    return ms;
  };
  // Interleaved twice, best of each: the machine may be shared, and load
  // should not favour either side.
  const raw1 = await rawBulkPut('persons', finalRecords);
  const ing1 = await ingestOnce();
  const ing2 = await ingestOnce();
  const raw2 = await rawBulkPut('persons', finalRecords);
  const raw = Math.min(raw1, raw2);
  const ingest = Math.min(ing1, ing2);
  ctx.log(`ingest: ${total} changes in ${Math.round(ingest)} ms; raw bulkPut of the ${finalRecords.length} resulting records ${Math.round(raw)} ms`);

  const out: BenchResult[] = [
    result('sync.ingest100k.changesPerSecond', (total / ingest) * 1000, 'changes/s', (total / raw) * 1000, 'baseline: raw bulkPut of the same records as changes/s; target ratio ≥ 0.5'),
    result('sync.ingest100k.ms', ingest, 'ms', raw, 'baseline: raw bulkPut ms'),
  ];

  try {
    // Automerge (wasm) needs several ms per change here, so building 100,000
    // changes would take tens of minutes: it applies an equivalent sample
    // (the first AM_PER changes of every laptop) and the figures compare
    // throughput in changes per second.
    const AM_PER = 100;
    const A = await import('@automerge/automerge');
    type Doc = { persons: Record<string, Record<string, unknown>> };
    const base = A.from<Doc>({ persons: {} });
    const changes: Uint8Array[] = [];
    for (const list of byDevice) {
      let doc = A.clone(base);
      for (const c of list.slice(0, AM_PER)) {
        const op = c.ops[0]!;
        if (op.kind !== 'upsert') continue;
        doc = A.change(doc, (d) => {
          if (op.created) d.persons[op.id] = { ...op.fields };
          else Object.assign(d.persons[op.id]!, op.fields);
        });
      }
      changes.push(...A.getChanges(base, doc));
    }
    const am = await timed(() => {
      A.applyChanges(A.clone(base), changes);
      return Promise.resolve();
    });
    ctx.log(`automerge applyChanges of ${changes.length} equivalent changes: ${Math.round(am)} ms`);
    out.push(
      result('sync.ingest100k.vsAutomerge', (total / ingest) * 1000, 'changes/s', (changes.length / am) * 1000, `baseline: @automerge/automerge 3.5 applyChanges throughput on ${changes.length} equivalent changes (in memory, no storage)`),
    );
  } catch (error) {
    ctx.log(`automerge not measured: ${error instanceof Error ? error.message : String(error)}`);
  }
  return out;
}

async function benchIncremental(ctx: BenchContext): Promise<BenchResult[]> {
  const share = tempShare();
  try {
    const port = new NodeSharePort(share.root);
    const reader = await Laptop.open('reader', port, { kdfIterations: 600_000, minKdfIterations: 600_000, snapshotEvery: 0 });
    await reader.sync(); // creates the share (format.json, real KDF cost)
    const c = defaultCrypto();
    const format = parseFormatFile(bytesToJson(await port.read(FORMAT_FILE)));
    const key = await unlockKeyring(c, TEST_PASSPHRASE, format.kdf, format.wrappedKey);
    const write = async (dev: string, first: number, count: number) => {
      const changes: Change[] = [];
      for (let s = first; s < first + count; s++) {
        const id = `p-${dev.slice(-4)}-${s}`;
        changes.push({ changeId: `${dev}:${s}`, deviceId: dev, seq: s, hlc: hlc(1_780_000_000_000 + s, dev), at: 'x', user: 'b', operation: 'b', ops: [{ kind: 'upsert', table: 'persons', id, fields: personFields(id, s), created: true }] });
      }
      const payload: LogPayload = { v: 1, deviceId: dev, first, last: first + count - 1, changes };
      const name = logFileName(dev, first, first + count - 1, Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0'));
      await port.write(name, await encryptFile(c, key, name, jsonToBytes(payload)));
    };
    const LAPTOPS = 50;
    const FILES = 10;
    const PER_FILE = 20;
    for (let d = 0; d < LAPTOPS; d++) for (let f = 0; f < FILES; f++) await write(devId(d), f * PER_FILE + 1, PER_FILE);
    await reader.sync(); // catch up with 10,000 changes
    const times: number[] = [];
    let next = FILES * PER_FILE + 1;
    for (let round = 0; round < 5; round++) {
      await write(devId(round), next, 100);
      const t = await timed(async () => {
        const r = await reader.sync();
        if (r.applied !== 100) throw new Error(`incremental sync applied ${r.applied}, expected 100`);
      });
      times.push(t);
      if (round === 4) next += 100;
    }
    times.sort((a, b) => a - b);
    const median = times[2]!;
    const rows = Array.from({ length: 100 }, (_, i) => personFields(`x${i}`, i));
    const raw = await rawBulkPut('persons', rows);
    const files = (await port.list('quartier-sync')).entries.length;
    ctx.log(`incremental: 100 new changes with ${files} files of ${LAPTOPS + 1} laptops on the share: median ${Math.round(median)} ms (runs ${times.map(Math.round).join(', ')})`);
    reader.close();
    return [result('sync.incremental100.ms', median, 'ms', raw, 'baseline: raw bulkPut of the same 100 records; target ≤ 500 ms')];
  } finally {
    share.cleanup();
  }
}

async function benchJoin(ctx: BenchContext): Promise<BenchResult[]> {
  const dataset: Dataset = generateDemoData({ seed: 20_240_630, scale: ctx.scale, today: '2026-06-01' });
  const count = ENTITY_TABLES.reduce((n, t) => n + dataset[t].length, 0);
  ctx.log(`join: ${ctx.scale} dataset with ${count} records`);
  const share = tempShare();
  try {
    const port = new NodeSharePort(share.root);
    const creator = await Laptop.open('creator', port, { kdfIterations: 600_000, minKdfIterations: 600_000, snapshotEvery: 0 });
    await creator.sync();
    const c = defaultCrypto();
    const format = parseFormatFile(bytesToJson(await port.read(FORMAT_FILE)));
    const key = await unlockKeyring(c, TEST_PASSPHRASE, format.kdf, format.wrappedKey);
    const dev = devId(99);
    const stamp = hlc(1_780_000_000_000, dev);
    const meta: SnapshotPayload['meta'] = [];
    for (const t of ENTITY_TABLES) for (const r of dataset[t]) meta.push([`${t}:${r.id}`, { c: stamp }]);
    const snap: SnapshotPayload = { v: 1, deviceId: dev, createdAt: 'x', vector: { [dev]: 1 }, tables: dataset, meta };
    const name = snapshotFileName(dev, 1_780_000_000_000, 'abcdef01');
    await port.write(name, await encryptFile(c, key, name, jsonToBytes(snap)));

    const rawOnce = () =>
      timed(async () => {
        const db = await freshDb();
        for (const t of ENTITY_TABLES) {
          const rows = dataset[t];
          for (let i = 0; i < rows.length; i += 10_000) await db.table(t).bulkPut(rows.slice(i, i + 10_000));
        }
        await db.delete();
      });
    const joinOnce = async (round: number) => {
      const joiner = await Laptop.open(`joiner-${round}`, port, { kdfIterations: 600_000, minKdfIterations: 600_000, snapshotEvery: 0 });
      await joiner.engine.checkPassphrase(); // the one-time key derivation is not part of the join
      const ms = await timed(async () => {
        const r = await joiner.sync();
        if (r.state !== 'ok') throw new Error(r.message);
      });
      const persons = await joiner.db.table('persons').count();
      if (persons !== dataset.persons.length) throw new Error(`join loaded ${persons} persons, expected ${dataset.persons.length}`);
      joiner.close();
      return ms;
    };
    // Interleaved rounds, best of each side (as for the ingest): a single
    // county-scale run is a few hundred ms, so one GC pause or a busy
    // neighbour process decides a one-shot ratio.
    const raws: number[] = [];
    const joins: number[] = [];
    for (let round = 0; round < 3; round++) {
      raws.push(await rawOnce());
      joins.push(await joinOnce(round));
    }
    const raw = Math.min(...raws);
    const join = Math.min(...joins);
    ctx.log(`join from snapshot: ${Math.round(join)} ms (runs ${joins.map(Math.round).join(', ')}); raw bulkPut of the same ${count} records: ${Math.round(raw)} ms (runs ${raws.map(Math.round).join(', ')})`);
    creator.close();
    return [result(`sync.joinFromSnapshot.${ctx.scale}.ms`, join, 'ms', raw, 'baseline: raw bulkPut of the same records; target ratio ≤ 1.5')];
  } finally {
    share.cleanup();
  }
}

export const syncBench: BenchSuite = {
  area: 'sync',
  title: 'Sync: ingest, incremental sync, joining from a snapshot',
  // QUARTIER_SYNC_BENCH=ingest,chromium,incremental,join picks parts (default: all).
  run: async (ctx) => {
    const parts = (process.env.QUARTIER_SYNC_BENCH ?? 'ingest,chromium,incremental,join').split(',');
    const out: BenchResult[] = [];
    if (parts.includes('ingest')) out.push(...(await benchIngest(ctx)));
    if (parts.includes('chromium')) out.push(...(await benchIngestChromium(ctx)));
    if (parts.includes('incremental')) out.push(...(await benchIncremental(ctx)));
    if (parts.includes('join')) out.push(...(await benchJoin(ctx)));
    return out;
  },
};
