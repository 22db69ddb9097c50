// Acting users for tests: one actor per role, and a WriteContext builder.
// runOperation refuses a context without actor (permission checks, issue #7).
// While the users table is empty the repository takes the actor as given, so
// tests that do not create users can act as any role.
import type { Id, Role } from '../../shared/domain/model';
import type { Actor, WriteContext } from '../../renderer/db/repository';

export const ACTORS: Readonly<Record<Role, Actor>> = {
  admin: { userId: 'u-admin', role: 'admin', accommodationIds: [] },
  housing: { userId: 'u-housing', role: 'housing', accommodationIds: [] },
  field: { userId: 'u-field', role: 'field', accommodationIds: [] },
  caseworker: { userId: 'u-caseworker', role: 'caseworker', accommodationIds: [] },
  readonly: { userId: 'u-readonly', role: 'readonly', accommodationIds: [] },
};

export const ADMIN = ACTORS.admin;

/** An Außendienst actor for the given accommodations. */
export function fieldActor(accommodationIds: Id[], userId = 'u-field'): Actor {
  return { userId, role: 'field', accommodationIds };
}

/** A WriteContext acting as `actor` (Administration by default). */
export function testCtx(fields: Omit<WriteContext, 'actor'> & { actor?: Actor }): WriteContext {
  return { ...fields, actor: fields.actor ?? ADMIN };
}
