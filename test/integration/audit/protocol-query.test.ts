// queryProtocol against a large audit trail: the filters are answered by
// index (period, person, accommodation, user), the newest rows come first,
// the result is cut at the limit with `truncated`, and access events are
// merged in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { localDayStart, queryProtocol, protocolUserNames, EMPTY_FILTER } from '../../../renderer/features/audit/auditQuery';
import type { AccessEvent, AuditEntry } from '../../../shared/domain/model';
import { seededDb } from './fixture';

const ROWS = 30_000;
let db: QuartierDb;

// Entry i: one minute apart starting 2026-01-01 (local), about stays s1..s6 and
// persons p1..p5 in turn, by two users.
function instant(i: number): string {
  return new Date(new Date(2026, 0, 1).getTime() + i * 60_000).toISOString();
}

beforeAll(async () => {
  db = await seededDb();
  const audit: AuditEntry[] = [];
  for (let i = 0; i < ROWS; i++) {
    const onStay = i % 2 === 0;
    const entityId = onStay ? `s${(i % 6) + 1}` : `p${(i % 5) + 1}`;
    audit.push({
      id: `a${i}`,
      at: instant(i),
      user: i % 3 === 0 ? 'Frau A' : 'Herr B',
      deviceId: 'dev',
      operation: onStay ? 'stay.correct' : 'person.update',
      entity: onStay ? 'stays' : 'persons',
      entityId,
      before: { id: entityId },
      after: { id: entityId, notes: String(i) },
      changeId: `dev:${i}`,
    });
  }
  await db.audit.bulkAdd(audit);
  const access: AccessEvent[] = [0, 100, 29_999].map((i) => ({
    id: `z${i}`,
    at: instant(i),
    createdAt: instant(i),
    updatedAt: instant(i),
    kind: 'letter',
    userId: 'u',
    userName: 'Frau A',
    deviceId: 'dev',
    subject: 'letter.reprint',
    description: 'Nachdruck',
    personIds: i === 100 ? ['p2'] : ['p1'],
  }));
  await db.accessLog.bulkAdd(access);
}, 60_000);
afterAll(() => db.close());

describe('queryProtocol', () => {
  it('reads a period by the at index, newest first, cut at the limit', async () => {
    const result = await queryProtocol(db, { ...EMPTY_FILTER, from: '2026-01-01', to: '2026-01-01' }, 500);
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(500);
    // The first day has 1,440 entries (minutes 0..1439); the newest is minute 1439.
    expect(result.rows[0]!.key).toBe('a:a1439');
    expect(result.rows.every((r, i) => i === 0 || r.at <= result.rows[i - 1]!.at)).toBe(true);
    expect(result.rows.every((r) => r.at >= localDayStart('2026-01-01') && r.at < localDayStart('2026-01-02'))).toBe(true);
  });

  it('finds a person’s entries (the person, their stays) and the access events naming them', async () => {
    const result = await queryProtocol(db, { ...EMPTY_FILTER, personId: 'p1' }, 10_000);
    expect(result.truncated).toBe(false);
    // p1's own entries: odd i with i % 5 == 0 → i = 5, 15, 25, …; stay s1 (p1's): even i with i % 6 == 0.
    const expected = ROWS / 10 + ROWS / 6;
    const changes = result.rows.filter((r) => r.source === 'audit');
    expect(changes).toHaveLength(expected);
    expect(changes.every((r) => r.entityId === 'p1' || r.entityId === 's1')).toBe(true);
    expect(result.rows.filter((r) => r.source === 'access').map((r) => r.key).sort()).toEqual(['z:z0', 'z:z29999']);
  });

  it('combines accommodation, user and operation filters', async () => {
    // Stays s5 and s6 are in a2 (fixture); their entries are i ≡ 4 (mod 6), all by Herr B.
    const result = await queryProtocol(db, { ...EMPTY_FILTER, accommodationId: 'a2', user: 'Herr B', operation: 'stay.correct' }, 10_000);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => (r.entityId === 's5' || r.entityId === 's6') && r.user === 'Herr B' && r.operation === 'stay.correct')).toBe(true);
    const all = (await db.audit.toArray()).filter((e) => (e.entityId === 's5' || e.entityId === 's6') && e.user === 'Herr B');
    expect(all).toHaveLength(ROWS / 6);
    // The access events concern persons, not accommodations: none in an accommodation's list.
    expect(result.rows.some((r) => r.source === 'access')).toBe(false);
    expect((await queryProtocol(db, { ...EMPTY_FILTER, accommodationId: 'a2', user: 'Frau A' })).rows).toEqual([]);
    expect(result.rows).toHaveLength(all.length);
  });

  it('lists the user names from the user index and the access log', async () => {
    expect(await protocolUserNames(db)).toEqual(['Frau A', 'Herr B']);
  });
});
