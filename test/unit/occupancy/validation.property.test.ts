// validateStayChanges on a partial context must find exactly what a
// brute-force checker over the whole dataset finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayInPeriod, periodsOverlap } from '../../../shared/domain/dates';
import type { Dataset, Stay } from '../../../shared/domain/model';
import { buildValidationContext, validateStayChanges } from '../../../shared/occupancy';
import { historyArb, proposedArb } from './gen';

/** Keys "code|stay[|other]" (pairs of proposed stays normalised) found by looping over everything. */
function bruteForce(data: Dataset, proposed: Stay[]): string[] {
  const proposedIds = new Set(proposed.map((s) => s.id));
  const all = [...data.stays.filter((s) => !proposedIds.has(s.id)), ...proposed].filter((s) => !s.deleted && !s.cancelled);
  const keys = new Set<string>();
  const pairKey = (code: string, a: string, b: string) =>
    proposedIds.has(b) ? `${code}|${[a, b].sort().join('|')}` : `${code}|${a}|${b}`;
  for (const p of proposed) {
    if (p.deleted || p.cancelled) continue;
    if (p.to !== null && p.to <= p.from) {
      keys.add(`stay.invalidPeriod|${p.id}`);
      continue;
    }
    const bed = data.beds.find((b) => b.id === p.bedId)!;
    const room = data.rooms.find((r) => r.id === bed.roomId)!;
    const acc = data.accommodations.find((a) => a.id === bed.accommodationId)!;
    if (bed.deleted || room.deleted || acc.deleted) keys.add(`stay.bedRemoved|${p.id}`);
    for (const o of all) {
      if (o.id === p.id || !periodsOverlap(p.from, p.to, o.from, o.to)) continue;
      const open = (p.to === null && o.to === null) ? 'Open' : '';
      if (o.bedId === p.bedId) keys.add(pairKey(`stay.bedOverlap${open}`, p.id, o.id));
      if (o.personId === p.personId) keys.add(pairKey(`stay.personOverlap${open}`, p.id, o.id));
    }
    for (const k of data.bedBlocks) {
      if (k.deleted || k.bedId !== p.bedId || !periodsOverlap(p.from, p.to, k.from, k.until)) continue;
      keys.add(`stay.bedBlocked${p.to === null && k.until === null ? 'Open' : ''}|${p.id}|${k.id}`);
    }
    if (p.from < acc.openedOn) keys.add(`stay.beforeOpening|${p.id}`);
    if (acc.closedOn !== null && (p.to === null || !dayInPeriod(p.to, '0000-01-01', addOne(acc.closedOn)))) keys.add(`stay.afterClosing|${p.id}`);
    const person = data.persons.find((x) => x.id === p.personId)!;
    const householdSize = person.householdId ? data.persons.filter((x) => x.householdId === person.householdId).length : 1;
    const fits =
      room.restriction === 'none' ||
      (room.restriction === 'women' && person.sex === 'f') ||
      (room.restriction === 'men' && person.sex === 'm') ||
      (room.restriction === 'family' && householdSize >= 2);
    if (!fits) {
      const code = p.overrideReason ? 'stay.restrictionOverridden' : `stay.restriction${room.restriction[0]!.toUpperCase()}${room.restriction.slice(1)}`;
      keys.add(`${code}|${p.id}`);
    }
  }
  return [...keys].sort();
}

/** Day after `day` as ISO (so "to <= closedOn" reads as "to in [.., closedOn]"). */
function addOne(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('validateStayChanges = brute force', () => {
  it('finds exactly the violations of a brute-force check, from a partial context', () => {
    fc.assert(
      fc.property(
        historyArb.chain((data) => proposedArb(data).map((proposed) => ({ data, proposed }))),
        ({ data, proposed }) => {
          const ctx = buildValidationContext(data, proposed);
          const found = validateStayChanges(proposed, ctx).map((v) => {
            const related = v.related?.[0]?.id;
            const pair = related && proposed.some((s) => s.id === related) && v.code.includes('Overlap');
            return pair ? `${v.code}|${[v.entity!.id, related].sort().join('|')}` : [v.code, v.entity!.id, ...(related ? [related] : [])].join('|');
          });
          expect(found.sort()).toEqual(bruteForce(data, proposed));
          // The partial context is really partial when the dataset is bigger.
          expect(ctx.stays.every((s) => proposed.some((p) => p.bedId === s.bedId || p.personId === s.personId))).toBe(true);
        },
      ),
      { seed: 4242, numRuns: 300 },
    );
  });
});
