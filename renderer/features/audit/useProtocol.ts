// The audit view's rows for a filter, re-read when the audit trail or the
// access log changes (Dexie live query over the indexed reads only).
import { useLiveQuery } from 'dexie-react-hooks';
import type { QuartierDb } from '../../db/db';
import { queryProtocol, type ProtocolFilter, type ProtocolQueryResult } from './auditQuery';

export function useProtocol(db: QuartierDb, filter: ProtocolFilter | null): ProtocolQueryResult | undefined {
  const key = JSON.stringify(filter);
  return useLiveQuery(() => (filter ? queryProtocol(db, filter) : Promise.resolve({ rows: [], truncated: false })), [db, key]);
}
