// The pure parts of the audit view: merging audit entries with access
// events, the field diff, the persons of an entry, the access-event rules
// and the append-only rule.
import { describe, expect, it } from 'vitest';
import type { AccessEvent, AuditEntry } from '../../../shared/domain/model';
import { changeText, fieldDiff, formatFieldValue, mergeProtocol, personIdsOfAuditEntry } from '../../../shared/audit/protocol';
import { accessEventProblems, buildAccessEvent, accessOperationOf } from '../../../shared/audit/accessEvents';
import { assertAppendOnly, AppendOnlyViolationError } from '../../../shared/audit/immutability';
import { changeSummary, protocolDocument, protocolFilterText } from '../../../shared/audit/auditExport';
import { auditRow } from '../../../shared/audit/protocol';

const entry = (id: string, at: string, p: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at,
  user: 'A',
  deviceId: 'dev',
  operation: 'stay.checkIn',
  entity: 'stays',
  entityId: `s-${id}`,
  before: null,
  after: { id: `s-${id}`, personId: 'p1' },
  ...p,
});

const access = (id: string, at: string, p: Partial<AccessEvent> = {}): AccessEvent => ({
  id,
  at,
  createdAt: at,
  updatedAt: at,
  kind: 'export',
  userId: 'u1',
  userName: 'B',
  deviceId: 'dev',
  subject: 'report.freePlaces.pdf',
  description: 'Freie Plätze (PDF)',
  personIds: [],
  ...p,
});

describe('mergeProtocol', () => {
  it('merges both sources newest first and drops the audit entry of an access event (its own row says it once)', () => {
    const rows = mergeProtocol(
      [entry('1', '2026-03-01T09:00:00.000Z'), entry('2', '2026-03-01T11:00:00.000Z'), entry('3', '2026-03-01T10:00:00.000Z', { entity: 'accessLog', entityId: 'z1', operation: 'access.export' })],
      [access('z1', '2026-03-01T10:00:00.000Z')],
    );
    expect(rows.map((r) => r.key)).toEqual(['a:2', 'z:z1', 'a:1']);
    expect(rows[1]).toMatchObject({ source: 'access', operation: 'access.export', user: 'B', userId: 'u1', description: 'Freie Plätze (PDF)' });
  });
});

describe('personIdsOfAuditEntry', () => {
  it('finds the person itself, a stay’s person, an allocation’s persons, a household head — before and after', () => {
    expect(personIdsOfAuditEntry(entry('1', 'x', { entity: 'persons', entityId: 'p9', after: { id: 'p9' } }))).toEqual(['p9']);
    expect(personIdsOfAuditEntry(entry('1', 'x'))).toEqual(['p1']);
    expect(personIdsOfAuditEntry(entry('1', 'x', { entity: 'allocations', before: { personIds: ['p1', 'p2'] }, after: { personIds: ['p2', 'p3'] } })).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(personIdsOfAuditEntry(entry('1', 'x', { entity: 'households', after: { headPersonId: 'p4' } }))).toEqual(['p4']);
    expect(personIdsOfAuditEntry(entry('1', 'x', { entity: 'accommodations', after: { name: 'GU' } }))).toEqual([]);
  });
});

describe('fieldDiff', () => {
  it('lists changed fields with nested paths, ignores meta fields and unchanged values', () => {
    const before = { id: 'a', updatedAt: '1', name: 'GU', address: { street: 'A 1', zip: '1', city: 'X' }, tags: ['a'] };
    const after = { id: 'a', updatedAt: '2', name: 'GU', address: { street: 'B 2', zip: '1', city: 'X' }, tags: ['a', 'b'], notes: 'neu' };
    expect(fieldDiff(before, after)).toEqual([
      { path: 'address.street', before: 'A 1', after: 'B 2' },
      { path: 'notes', before: undefined, after: 'neu' },
      { path: 'tags', before: ['a'], after: ['a', 'b'] },
    ]);
  });

  it('opens an object that appeared or disappeared, keeps a letter’s content and a password hash closed', () => {
    expect(fieldDiff({ extension: null }, { extension: { until: '2027-01-01', reason: 'x' } })).toEqual([
      { path: 'extension.reason', before: undefined, after: 'x' },
      { path: 'extension.until', before: undefined, after: '2027-01-01' },
    ]);
    const diff = fieldDiff({ content: { a: 1 }, password: { hash: 'h1' } }, { content: { a: 2 }, password: { hash: 'h2' } });
    expect(diff.map((c) => c.path)).toEqual(['content', 'password']);
    expect(formatFieldValue('password', { hash: 'h2' })).toBe('(nicht angezeigt)');
    expect(formatFieldValue('content', { a: 2 })).toBe('(Dokumentinhalt)');
  });

  it('writes German change text for documents', () => {
    expect(changeText('to', null, '2026-03-05')).toBe('Bis (alt: –, neu: 05.03.2026)');
    expect(changeText('address.street', 'A 1', 'B 2')).toBe('Straße (alt: A 1, neu: B 2)');
    expect(changeText('needsBarrierFree', false, true)).toBe('Braucht Barrierefreiheit (alt: nein, neu: ja)');
    expect(changeSummary(auditRow(entry('1', 'x')))).toBe('Neu angelegt');
  });
});

describe('access events', () => {
  it('maps kinds to the reserved operation names', () => {
    expect([accessOperationOf('export'), accessOperationOf('letter'), accessOperationOf('auskunft'), accessOperationOf('retention')]).toEqual([
      'access.export',
      'access.letter',
      'access.auskunft',
      'retention.run',
    ]);
  });

  it('refuses empty or overlong input in German and normalises person ids', () => {
    expect(accessEventProblems({ kind: 'export', subject: '', description: '', personIds: [''] })).toHaveLength(3);
    expect(() => buildAccessEvent('z', 't', { userId: 'u', userName: 'U', deviceId: 'd' }, { kind: 'export', subject: 'x'.repeat(200), description: 'd', personIds: [] })).toThrow('zu lang');
    const e = buildAccessEvent('z', 't', { userId: 'u', userName: 'U', deviceId: 'd' }, { kind: 'letter', subject: ' letter.issue ', description: ' D ', personIds: ['b', 'a', 'b'] });
    expect(e).toMatchObject({ subject: 'letter.issue', description: 'D', personIds: ['a', 'b'] });
  });

  it('append-only: new and unchanged records pass, a change of an access event is refused, other tables are free', () => {
    expect(() => assertAppendOnly('accessLog', 'z', undefined, ['id', 'at'])).not.toThrow();
    expect(() => assertAppendOnly('accessLog', 'z', { id: 'z' }, [])).not.toThrow();
    expect(() => assertAppendOnly('accessLog', 'z', { id: 'z' }, ['deleted', 'updatedAt'])).toThrow(AppendOnlyViolationError);
    expect(() => assertAppendOnly('persons', 'p', { id: 'p' }, ['notes'])).not.toThrow();
  });
});

describe('audit list document', () => {
  it('has one row per protocol row with resolved names and a filter line without person names', () => {
    const rows = mergeProtocol([entry('1', '2026-03-01T09:00:00.000Z')], [access('z1', '2026-03-01T10:00:00.000Z', { kind: 'letter', personIds: ['p1'], description: 'Nachdruck Schreiben 1 (Einweisung)' })]);
    const filterText = protocolFilterText({ from: '2026-02-01', to: '2026-03-01', accommodationName: 'GU Balingen', user: null, operation: 'stay.checkIn', person: true });
    expect(filterText).toBe('Zeitraum 01.02.2026 – 01.03.2026, eine Person, Unterkunft GU Balingen, Vorgang Einzug');
    const doc = protocolDocument(
      rows,
      { personName: (id) => (id === 'p1' ? 'Haddad, Amira' : id), recordName: (t, id) => (t === 'stays' ? `GU (${id})` : null), formatInstant: (iso) => iso.slice(11, 16) },
      { authority: 'LRA', filterText, printedAt: '01.03.2026, 12:00', today: '2026-03-01' },
    );
    expect(doc.subtitle).toBe(`2 Einträge · ${filterText}`);
    expect(doc.sections[0]!.rows).toEqual([
      ['10:00', 'B', 'dev', 'Schreiben ausgegeben', 'Schreiben', 'Haddad, Amira', 'Nachdruck Schreiben 1 (Einweisung)'],
      ['09:00', 'A', 'dev', 'Einzug', 'Belegung GU (s-1)', 'Haddad, Amira', 'Neu angelegt'],
    ]);
  });
});
