// The Excel templates: their header row maps itself completely (every field
// to its own column), and the example row of each kind passes the planner
// (against the records it refers to).
import i18next from 'i18next';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import '../../../renderer/i18n';
import { templateWorkbook } from '../../../renderer/features/import/spreadsheets';
import { planImport } from '../../../shared/import';
import { IMPORT_FIELDS, IMPORT_KINDS, suggestMapping } from '../../../shared/import/fields';
import { emptyExisting } from '../../../shared/import/plan';
import type { Row } from '../../../shared/import/table';
import { accommodation, bed, municipality, room, unit } from '../../integration/db/fixtures';

describe('import templates', () => {
  for (const kind of IMPORT_KINDS) {
    it(`${kind}: header maps itself, the example row is valid, the help sheet explains every column`, async () => {
      const bytes = await templateWorkbook(i18next.t, kind);
      const wb = XLSX.read(bytes, { type: 'array' });
      expect(wb.SheetNames).toEqual(['Daten', 'Erläuterungen']);
      const rows = XLSX.utils.sheet_to_json<Row>(wb.Sheets.Daten!, { header: 1, defval: null, raw: false });
      const headers = rows[0]!.map((c) => String(c ?? ''));
      const mapping = suggestMapping(kind, headers);
      IMPORT_FIELDS[kind].forEach((f, i) => expect(mapping[f.key], f.key).toBe(i));
      const help = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Erläuterungen']!, { header: 1 });
      expect(help).toHaveLength(IMPORT_FIELDS[kind].length + 1);
      expect(help.slice(1).every((r) => typeof r[2] === 'string' && r[2].length > 5)).toBe(true);

      const existing = {
        ...emptyExisting(),
        municipalities: [{ ...municipality('m1'), name: 'Balingen' }],
        accommodations: kind === 'occupancy' ? [{ ...accommodation('a1'), name: 'GU Lindenstraße' }] : [],
        units: [unit('u1')],
        rooms: [{ ...room('r1'), number: '1.04' }],
        beds: [bed('b1')],
      };
      let n = 0;
      const plan = planImport({ kind, rows, headerRow: 0, mapping, today: '2026-03-02', now: '2026-03-02T00:00:00.000Z', newId: () => `t${++n}` }, existing);
      expect(plan.problems).toEqual([]);
      expect(plan.rowCount).toBe(1);
    });
  }
});
