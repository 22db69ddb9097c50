// The ingest workload of the sync bench, shared by the Node run
// (fake-indexeddb, test/bench/sync.ts) and the Chromium page
// (test/bench/browser/sync-entry.ts): 10 laptops × 10,000 changes, 80 %
// person creates and 20 % edits of an own earlier person.
import type { Change } from '../../shared/sync/change';

export const hlc = (ms: number, dev: string) => `${String(ms).padStart(15, '0')}-00000-${dev}`;
export const devId = (i: number) => `bench000-0000-4000-8000-${String(i).padStart(12, '0')}`;

export function personFields(id: string, k: number): Record<string, unknown> {
  return {
    id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', familyName: `Familie${k % 977}`, givenName: `Vorname${k % 313}`,
    birthDate: '1990-01-01', sex: k % 2 ? 'f' : 'm', nationality: 'SYR', languages: ['ar'], householdId: null, fileNumber: `AZ-${id}`,
    residenceStatus: 'gestattung', asylumDecision: 'pending', admissionDate: '2025-05-01', legalBasis: 'asylum', vulnerabilities: [], needsBarrierFree: false, feePayer: false,
  };
}

/** 10 laptops × 10,000 changes: 80 % person creates, 20 % edits of an own earlier person. */
export function remoteChanges(laptops: number, perLaptop: number): { byDevice: Change[][]; finalRecords: Record<string, unknown>[] } {
  const byDevice: Change[][] = [];
  const records = new Map<string, Record<string, unknown>>();
  for (let d = 0; d < laptops; d++) {
    const dev = devId(d);
    const list: Change[] = [];
    const created: string[] = [];
    for (let seq = 1; seq <= perLaptop; seq++) {
      const stamp = hlc(1_780_000_000_000 + seq * 10 + d, dev);
      let op: Change['ops'][number];
      if (seq % 5 === 0 && created.length > 0) {
        const id = created[(seq * 7) % created.length]!;
        const fields = { notes: `Notiz ${seq}`, updatedAt: '2026-02-01T00:00:00.000Z' };
        op = { kind: 'upsert', table: 'persons', id, fields, created: false };
        records.set(id, { ...records.get(id)!, ...fields });
      } else {
        const id = `p-${d}-${seq}`;
        created.push(id);
        const fields = personFields(id, seq);
        op = { kind: 'upsert', table: 'persons', id, fields, created: true };
        records.set(id, fields);
      }
      list.push({ changeId: `${dev}:${seq}`, deviceId: dev, seq, hlc: stamp, at: '2026-01-01T00:00:00.000Z', user: 'bench', operation: 'bench', ops: [op] });
    }
    byDevice.push(list);
  }
  return { byDevice, finalRecords: [...records.values()] };
}


/** Round-robin, 100 changes per laptop at a time, as a reader meets files of several laptops. */
export function interleave(byDevice: Change[][], perLaptop: number): Change[] {
  const ordered: Change[] = [];
  for (let i = 0; i < perLaptop; i += 100) for (const list of byDevice) ordered.push(...list.slice(i, i + 100));
  return ordered;
}
