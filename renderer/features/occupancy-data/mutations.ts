// Reads Dexie's `storagemutated` notifications: which tables changed and,
// where Dexie knows them, which primary keys. Puts, adds and deletes carry
// their exact keys; `clear()` and range deletes carry a range, which we treat
// as "reload the whole table". The notification also arrives for writes made
// in other windows (Dexie forwards it over a BroadcastChannel), where the
// tree is a plain structured-clone copy, so we walk it as plain data.
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';

export type TableChange = { kind: 'keys'; keys: Set<string> } | { kind: 'all' };

/** More changed keys than this and a full reload of the table is cheaper. */
const MAX_KEYS = 5_000;

function isNode(tree: IntervalTree | null | undefined): tree is IntervalTreeNode {
  return !!tree && tree.d > 0 && 'from' in tree;
}

/** Collects single keys of a range tree; null when it holds a real range. */
export function keysOfRangeTree(tree: IntervalTree): Set<string> | null {
  const keys = new Set<string>();
  const stack: IntervalTreeNode[] = [];
  if (isNode(tree)) stack.push(tree);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    keys.add(node.from);
    if (keys.size > MAX_KEYS) return null;
    if (isNode(node.l)) stack.push(node.l);
    if (isNode(node.r)) stack.push(node.r);
  }
  return keys;
}

/**
 * Changes per table of database `dbName` contained in one notification.
 * Only the primary-key part (`idb://<db>/<table>/`) is read.
 */
export function tableChanges(parts: ObservabilitySet, dbName: string, tables: ReadonlySet<string>): Map<string, TableChange> {
  const prefix = `idb://${dbName}/`;
  const out = new Map<string, TableChange>();
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix) || !part.endsWith('/')) continue;
    const table = part.slice(prefix.length, -1);
    if (table.includes('/') || !tables.has(table)) continue;
    const keys = keysOfRangeTree(tree);
    out.set(table, keys ? { kind: 'keys', keys } : { kind: 'all' });
  }
  return out;
}

/** Merges `next` into `acc` (keys union; 'all' wins). */
export function mergeChanges(acc: Map<string, TableChange>, next: Map<string, TableChange>): void {
  for (const [table, change] of next) {
    const prev = acc.get(table);
    if (!prev || prev.kind === 'all') {
      if (!prev) acc.set(table, change.kind === 'keys' ? { kind: 'keys', keys: new Set(change.keys) } : change);
      continue;
    }
    if (change.kind === 'all') {
      acc.set(table, change);
      continue;
    }
    for (const k of change.keys) prev.keys.add(k);
    if (prev.keys.size > MAX_KEYS) acc.set(table, { kind: 'all' });
  }
}
