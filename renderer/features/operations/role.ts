// The user's role on this laptop. It decides who sees vulnerability details
// (DSGVO: only roles that need them). Stored in the local settings table.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type QuartierDb } from '../../db/db';

export const ROLES = ['admin', 'manager', 'field', 'office'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_KEY = 'role';
/** Restrictive default: vulnerability details stay hidden until a role that needs them is set. */
export const DEFAULT_ROLE: Role = 'office';

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export async function getRole(db: QuartierDb): Promise<Role> {
  const row = await db.settings.get(ROLE_KEY);
  return isRole(row?.value) ? row.value : DEFAULT_ROLE;
}

export async function setRole(db: QuartierDb, role: Role): Promise<void> {
  await db.settings.put({ key: ROLE_KEY, value: role });
}

/** Roles that may read vulnerability flags (minor, pregnancy, illness, …). */
export function canSeeVulnerabilities(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

export function useRole(db: QuartierDb = getDb()): Role {
  return useLiveQuery(() => getRole(db), [db]) ?? DEFAULT_ROLE;
}
