import { describe, expect, it } from 'vitest';
import { parseStructureSpec, planStructure } from '../../../shared/occupancy';
import { accommodation, deps, room, unit } from './fixtures';

describe('parseStructureSpec', () => {
  it('expands "Haus A, Zimmer 1–20, je 4 Plätze" with en dash or hyphen', () => {
    for (const text of ['Haus A, Zimmer 1–20, je 4 Plätze', 'Haus A, Zimmer 1-20 je 4 Plätze', 'Haus A: Zimmer 1 – 20, je 4 Betten']) {
      const { lines, violations } = parseStructureSpec(text);
      expect(violations).toEqual([]);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.unitName).toBe('Haus A');
      expect(lines[0]!.unitKind).toBe('building');
      expect(lines[0]!.roomNumbers).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
      expect(lines[0]!.bedsPerRoom).toBe(4);
    }
  });

  it('parses flats, dotted and zero-padded ranges and attributes', () => {
    const { lines, violations } = parseStructureSpec(
      'Wohnung 3: 3 Zimmer je 2 Plätze, 12,5 m²\nHaus B, Zimmer 1.01–1.03, je 1 Platz, Frauen, barrierefrei, 1. OG; Haus C, Zimmer 08-10, je 6 Plätze, Familie, 30 qm',
    );
    expect(violations).toEqual([]);
    expect(lines.map((l) => [l.unitName, l.unitKind, l.roomNumbers, l.bedsPerRoom, l.areaM2, l.restriction, l.barrierFree, l.floor])).toEqual([
      ['Wohnung 3', 'flat', ['1', '2', '3'], 2, 12.5, 'none', false, null],
      ['Haus B', 'building', ['1.01', '1.02', '1.03'], 1, null, 'women', true, '1. OG'],
      ['Haus C', 'building', ['08', '09', '10'], 6, 30, 'family', false, null],
    ]);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 2]);
  });

  it('reports unparseable lines, bad ranges, unknown attributes with line numbers', () => {
    const { lines, violations } = parseStructureSpec('Haus A, Zimmer 1–20, je 4 Plätze\nirgendwas\nHaus B, Zimmer 9–3, je 2 Plätze\nHaus C, Zimmer 1, je 2 Plätze, Sauna\nHaus D, Zimmer 1, je 0 Plätze');
    expect(lines).toHaveLength(1);
    expect(violations.map((v) => [v.code, v.params.line])).toEqual([
      ['structure.unparseable', 2],
      ['structure.rangeInvalid', 3],
      ['structure.unknownAttribute', 4],
      ['structure.bedsInvalid', 5],
    ]);
    expect(violations[0]!.params.text).toBe('irgendwas');
    expect(parseStructureSpec('  \n ').violations.map((v) => v.code)).toEqual(['structure.empty']);
  });
});

describe('planStructure', () => {
  const acc = accommodation('A');

  it('creates units, rooms and beds', () => {
    const res = planStructure('Haus A, Zimmer 1–20, je 4 Plätze, 16 m²\nWohnung 3: 3 Zimmer je 2 Plätze, 12 m²', { accommodation: acc, units: [], rooms: [] }, deps());
    expect(res.ok).toBe(true);
    expect(res.summary).toEqual({ units: 2, rooms: 23, beds: 86 });
    expect(res.writes.units!.map((u) => [u.name, u.kind])).toEqual([['Haus A', 'building'], ['Wohnung 3', 'flat']]);
    const room5 = res.writes.rooms!.find((r) => r.number === '5')!;
    expect(room5.areaM2).toBe(16);
    expect(res.writes.beds!.filter((b) => b.roomId === room5.id).map((b) => b.label)).toEqual(['1', '2', '3', '4']);
    expect(new Set([...res.writes.units!, ...res.writes.rooms!, ...res.writes.beds!].map((r) => r.id)).size).toBe(2 + 23 + 86);
  });

  it('reuses an existing unit by name and refuses existing room numbers (nothing written)', () => {
    const u = unit('U1', 'A', { name: 'Haus A' });
    const existing = room('R1', 'A', 'U1', { number: '2' });
    const ok = planStructure('haus a, Zimmer 3–4, je 2 Plätze, 10 m²', { accommodation: acc, units: [u], rooms: [existing] }, deps());
    expect(ok.ok).toBe(true);
    expect(ok.writes.units).toEqual([]);
    expect(ok.writes.rooms!.every((r) => r.unitId === 'U1')).toBe(true);
    const clash = planStructure('Haus A, Zimmer 1–3, je 2 Plätze, 10 m²', { accommodation: acc, units: [u], rooms: [existing] }, deps());
    expect(clash.ok).toBe(false);
    expect(clash.violations.map((v) => [v.code, v.params.room])).toEqual([['structure.roomExists', '2']]);
    expect(clash.writes).toEqual({});
  });

  it('warns when no area is given', () => {
    const res = planStructure('Haus A, Zimmer 1, je 2 Plätze', { accommodation: acc, units: [], rooms: [] }, deps());
    expect(res.ok).toBe(true);
    expect(res.violations.map((v) => v.code)).toEqual(['structure.areaMissing']);
  });
});
