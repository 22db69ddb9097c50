// Turns an accommodation's beds, stays and blocks (from the occupancy index)
// into timeline rows and bars, in board order (unit → room → bed) so both
// tabs of the detail page read the same way.
import type { BlockReason, Id, IsoDate } from '../../../shared/domain/model';
import { addDays, addMonths, dayInPeriod, startOfMonth } from '../../../shared/domain/dates';
import type { OccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { personDisplayName, type UnitCardModel } from '../bed-board/boardModel';
import type { TimelineBar, TimelineRow } from './BedTimeline';

export interface TimelineLabels {
  bed: (label: string) => string;
  room: (unit: string, room: string) => string;
  block: (reason: BlockReason) => string;
}

export interface TimelineModel {
  rows: TimelineRow[];
  barsByRow: Map<Id, TimelineBar[]>;
  rangeStart: IsoDate;
  rangeEnd: IsoDate;
}

export function buildTimeline(ix: OccupancyIndex, units: readonly UnitCardModel[], today: IsoDate, labels: TimelineLabels): TimelineModel {
  const rows: TimelineRow[] = [];
  const barsByRow = new Map<Id, TimelineBar[]>();
  // Show at least two years back and one ahead; extend to the data.
  let minDay = addMonths(startOfMonth(today), -24);
  let maxDay = addMonths(startOfMonth(today), 13);
  for (const u of units) {
    for (const r of u.rooms) {
      for (const card of r.beds) {
        rows.push({ id: card.bed.id, label: labels.bed(card.bed.label), group: labels.room(u.unit.name, r.room.number) });
        const b = ix.bedIndexById.get(card.bed.id);
        if (b === undefined) continue;
        const bars: TimelineBar[] = [];
        for (let j = ix.stayOffset[b]!; j < ix.stayOffset[b + 1]!; j++) {
          const s = ix.stays[j]!;
          const kind = s.from > today ? 'planned' : dayInPeriod(today, s.from, s.to) ? 'current' : 'stay';
          bars.push({ id: s.id, from: s.from, to: s.to, kind, label: personDisplayName(ix.persons.get(s.personId)) });
          if (s.from < minDay) minDay = s.from;
          if (s.to !== null && s.to > maxDay) maxDay = s.to;
        }
        for (let j = ix.blockOffset[b]!; j < ix.blockOffset[b + 1]!; j++) {
          const k = ix.blocks[j]!;
          bars.push({ id: k.id, from: k.from, to: k.until, kind: 'block', label: labels.block(k.reason) });
          if (k.from < minDay) minDay = k.from;
        }
        if (bars.length > 0) barsByRow.set(card.bed.id, bars);
      }
    }
  }
  // Month boundaries keep the header ticks tidy.
  return { rows, barsByRow, rangeStart: startOfMonth(minDay), rangeEnd: startOfMonth(addDays(maxDay, 31)) };
}

