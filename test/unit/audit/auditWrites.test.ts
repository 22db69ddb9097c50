// "Audit entries immutable", checked on the source: nothing in renderer/
// writes to the local `audit` table except
// - the repository's append path (runOperation / applyWithoutOutbox add the
//   entries of each operation: renderer/db/repository.ts),
// - a snapshot loaded on a new laptop, which adds the entries it does not have
//   yet and never replaces one (bulkAdd: renderer/sync/snapshot.ts),
// - the retention scrub, which rewrites the personal data in the entries of
//   the records a retention run anonymised (renderer/sync/purge.ts; see
//   docs/data-model.md "Immutability").
// The Writer cannot reach the table at all (test/integration/audit/
// access-log.test.ts); this guard keeps a direct Dexie call from appearing
// elsewhere — a new exception needs a decision and an entry below.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const CHANGING = 'put|update|delete|clear|bulkPut|bulkDelete|bulkUpdate|modify|upsert|bulkUpsert';
const APPENDING = 'add|bulkAdd';

/** Ways to name the audit table: `db.audit`, `this.audit`, `x.table('audit')`. */
const AUDIT_TABLE = String.raw`(?:\.audit|\.table\(\s*['"\x60]audit['"\x60]\s*\))`;
/** Methods that narrow a table to a collection (`db.audit.where(…).equals(…).delete()`). */
const COLLECTION = String.raw`(?:\.(?:where|filter|orderBy|toCollection|limit|offset|reverse|equals|anyOf|between|above|below|startsWith|noneOf)\([^;]*?)*`;

function callsOf(methods: string): RegExp {
  return new RegExp(String.raw`${AUDIT_TABLE}${COLLECTION}\.(${methods})\(`, 'g');
}

/** Lines of `text` with a call of one of `methods` on the audit table (comments skipped). */
function auditCalls(text: string, methods: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
  return [...code.matchAll(callsOf(methods))].map((m) => m[0]);
}

const ALLOWED_CHANGES = new Set(['renderer/sync/purge.ts']);
const ALLOWED_APPENDS = new Set(['renderer/db/repository.ts', 'renderer/sync/snapshot.ts']);

function posix(path: string): string {
  return relative('.', path).split(sep).join('/');
}

describe('the audit table is written only where it may be', () => {
  it('recognises the write calls it is looking for (the guard is not blind)', () => {
    const hits = (s: string) => auditCalls(s, CHANGING);
    expect(hits('await db.audit.put(entry);')).toHaveLength(1);
    expect(hits('await db.audit.bulkPut(list);')).toHaveLength(1);
    expect(hits('await db.audit.clear();')).toHaveLength(1);
    expect(hits("await db.audit.where('entityId').equals(id).delete();")).toHaveLength(1);
    expect(hits("await db.audit.where('at').below(x).modify((e) => { e.user = ''; });")).toHaveLength(1);
    expect(hits("await db.table('audit').update(id, {});")).toHaveLength(1);
    expect(hits('await this.audit.bulkDelete(ids);')).toHaveLength(1);
    // Reads and other tables are not writes to the audit trail.
    expect(hits("await db.audit.where('changeId').equals(id).toArray();")).toEqual([]);
    expect(hits('await db.auditLog.put(x); await db.accessLog.put(y);')).toEqual([]);
    expect(hits('// db.audit.clear() was removed')).toEqual([]);
    expect(auditCalls('await db.audit.bulkAdd(audit);', APPENDING)).toHaveLength(1);
  });

  it('nothing in renderer/ changes or deletes audit entries except the retention scrub', () => {
    const offenders: string[] = [];
    const allowedSeen = new Set<string>();
    for (const file of sourceFiles('renderer')) {
      const calls = auditCalls(readFileSync(file, 'utf8'), CHANGING);
      if (calls.length === 0) continue;
      const name = posix(file);
      if (ALLOWED_CHANGES.has(name)) allowedSeen.add(name);
      else offenders.push(...calls.map((c) => `${name}: ${c}`));
    }
    expect(offenders, 'a write to the audit table outside the retention scrub: audit entries are immutable').toEqual([]);
    // The exception is real (if the scrub moved, this list must follow it).
    expect([...allowedSeen]).toEqual([...ALLOWED_CHANGES]);
  });

  it('only the repository and the snapshot loader add audit entries', () => {
    const offenders: string[] = [];
    const seen = new Set<string>();
    for (const file of sourceFiles('renderer')) {
      const calls = auditCalls(readFileSync(file, 'utf8'), APPENDING);
      if (calls.length === 0) continue;
      const name = posix(file);
      if (ALLOWED_APPENDS.has(name)) seen.add(name);
      else offenders.push(...calls.map((c) => `${name}: ${c}`));
    }
    expect(offenders, 'audit entries are added by runOperation/applyWithoutOutbox only').toEqual([]);
    expect([...seen].sort()).toEqual([...ALLOWED_APPENDS].sort());
  });

  it('the audit table is not an entity table, so no synced change can write it', async () => {
    const { ENTITY_TABLES } = await import('../../../shared/domain/model');
    expect((ENTITY_TABLES as readonly string[]).includes('audit')).toBe(false);
  });
});
