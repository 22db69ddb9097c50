// Guarantee 4, for real: writer processes killed with SIGKILL at random
// points while writing to the share, many times. Afterwards the share is
// readable (no torn file under a final name, nothing quarantined), every
// change a writer reported as written is there (nothing lost), and a reader
// applies each change exactly once (nothing applied twice).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readVector } from '../../../renderer/sync/apply';
import { Laptop, NodeSharePort, tempShare, TEST_PASSPHRASE } from './harness';

export const CRASH_ITERATIONS = Number(process.env.SYNC_CRASH_ITERATIONS ?? 60);
const PARALLEL = 4;
const DEVICES = ['11111111-aaaa-4aaa-8aaa-000000000001', '22222222-bbbb-4bbb-8bbb-000000000002', '33333333-cccc-4ccc-8ccc-000000000003', '44444444-dddd-4ddd-8ddd-000000000004'];
const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'crash-writer.ts');

const share = tempShare();
const stateDir = mkdtempSync(path.join(tmpdir(), 'quartier-crash-state-'));
afterAll(() => {
  share.cleanup();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Runs one writer and SIGKILLs it after `killAfterMs` of writing; returns the highest seq it reported as written. */
function runAndKill(deviceId: string, killAfterMs: number, seed: number): Promise<{ reported: number; started: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, share.root, path.join(stateDir, `${deviceId}.json`), deviceId, TEST_PASSPHRASE, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let reported = 0;
    let started = false;
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (line.startsWith('start')) {
          started = true;
          // Kill at a random moment after the writer started writing.
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else if (line.startsWith('ok ')) reported = Math.max(reported, Number(line.slice(3)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without SIGKILL: ${stderr}`));
      else resolve({ reported, started });
    });
  });
}

describe('crash safety with real SIGKILL', () => {
  it(`${CRASH_ITERATIONS} writer processes killed at random points: nothing lost, nothing applied twice, nothing torn`, async () => {
    const port = new NodeSharePort(share.root);
    const creator = await Laptop.open('creator', port);
    expect((await creator.sync()).state).toBe('ok'); // creates format.json with the test passphrase
    const reported = new Map<string, number>();
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let done = 0;
    while (done < CRASH_ITERATIONS) {
      const round = DEVICES.slice(0, Math.min(PARALLEL, CRASH_ITERATIONS - done));
      const results = await Promise.all(round.map((dev) => runAndKill(dev, 1 + Math.floor(rnd() * 60), Math.floor(rnd() * 1e9))));
      results.forEach((r, i) => {
        expect(r.started).toBe(true);
        const dev = round[i]!;
        reported.set(dev, Math.max(reported.get(dev) ?? 0, r.reported));
      });
      done += round.length;
    }
    // Killed writers leave temp files behind; they are invisible to readers.
    const leftovers = DEVICES.flatMap((d) => {
      const dir = path.join(share.root, 'quartier-sync', 'log', d);
      return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.quartier-tmp')) : [];
    });

    const reader = await Laptop.open('reader', port);
    const report = await reader.sync();
    expect(report.state).toBe('ok');
    expect(report.quarantined).toEqual([]);
    expect(report.waitingFor).toEqual([]);
    const vector = await readVector(reader.db);
    let total = 0;
    for (const dev of DEVICES) {
      const got = vector[dev] ?? 0;
      expect(got).toBeGreaterThanOrEqual(reported.get(dev) ?? 0);
      total += got;
      // Every seq 1..got is there exactly once.
      const ids = (await reader.db.table('municipalities').where('id').startsWith(`${dev}-`).primaryKeys()) as string[];
      expect(ids.length).toBe(got);
    }
    expect(report.applied).toBe(total);
    expect(total).toBeGreaterThan(CRASH_ITERATIONS);
    console.info(`crash test: ${CRASH_ITERATIONS} kills, ${total} changes applied, ${leftovers.length} temp files left by killed writers (ignored)`);
    creator.close();
    reader.close();
  }, 180_000);
});
