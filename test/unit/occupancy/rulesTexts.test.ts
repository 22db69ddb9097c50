// Every violation code the occupancy module can emit has a German and an
// English text, and the texts render with real params through i18next.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildValidationContext, localizeViolationParams, validateStayChanges } from '../../../shared/occupancy';
import { dataset, person, smallHouse, stay } from './fixtures';

const root = join(import.meta.dirname, '../../..');
const de = JSON.parse(readFileSync(join(root, 'renderer/i18n/locales/de/rules.json'), 'utf8')) as Record<string, unknown>;
const en = JSON.parse(readFileSync(join(root, 'renderer/i18n/locales/en/rules.json'), 'utf8')) as Record<string, unknown>;

function lookup(tree: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Codes in error('…')/warning('…') calls, template codes expanded with their suffixes. */
function emittedCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(root, 'shared/occupancy'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:error|warning)\(\s*(?:'([^']+)'|`([^`$]+)\$\{suffix\}`)/g)) {
      if (m[1]) codes.add(m[1]);
      if (m[2]) {
        const suffixes = m[2] === 'stay.restriction' ? ['Women', 'Men', 'Family'] : ['', 'Open'];
        for (const s of suffixes) codes.add(`${m[2]}${s}`);
      }
    }
    for (const m of text.matchAll(/'(?:stay|block|accommodation)\.[a-zA-Z]+Open'/g)) codes.add(m[0].slice(1, -1));
    for (const m of text.matchAll(/code: '(finder\.[a-zA-Z]+)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('rules texts', () => {
  const codes = emittedCodes();

  it('finds the codes in the source (sanity)', () => {
    expect(codes).toContain('stay.bedOverlap');
    expect(codes).toContain('stay.bedOverlapOpen');
    expect(codes).toContain('stay.restrictionFamily');
    expect(codes).toContain('structure.unparseable');
    expect(codes.length).toBeGreaterThan(40);
  });

  it.each(codes)('%s has German and English text', (code) => {
    expect(typeof lookup(de, code), `de: ${code}`).toBe('string');
    expect(typeof lookup(en, code), `en: ${code}`).toBe('string');
  });

  it('renders the bed-overlap message in clear German with formatted dates', async () => {
    const t = i18next.createInstance();
    await t.init({ lng: 'de', resources: { de: { rules: de }, en: { rules: en } }, ns: ['rules'], defaultNS: 'rules', interpolation: { escapeValue: false } });
    const h = smallHouse();
    const amir = person('P1', { givenName: 'Amir', familyName: 'Haddad' });
    const lena = person('P2', { givenName: 'Lena', familyName: 'Kurz' });
    const existing = stay('S1', amir, h.b2, '2026-02-03', '2026-02-10');
    const proposed = stay('S2', lena, h.b2, '2026-02-01', '2026-03-01');
    const data = dataset({ accommodations: [h.acc], units: [h.u], rooms: [h.r1, h.r2], beds: [h.b1, h.b2, h.b3, h.b4], persons: [amir, lena], stays: [existing] });
    const [v] = validateStayChanges([proposed], buildValidationContext(data, [proposed]));
    const toGerman = (iso: string) => iso.split('-').reverse().join('.');
    expect(t.t(`rules:${v!.code}`, localizeViolationParams(v!, toGerman))).toBe(
      'Bett 2 in Zimmer 1.04 (GU Balingen) ist vom 03.02.2026 bis 10.02.2026 bereits mit Amir Haddad belegt.',
    );
    expect(t.t('rules:finder.sameRoom', { roomType: 'family', access: 'barrierFree', free: 4, places: 4 })).toBe(
      'Familienzimmer, barrierefrei, 4 von 4 Plätzen frei',
    );
    expect(t.t('rules:stay.bedBlockedOpen', { bed: '1', room: '2', accommodation: 'X', fromDate: '01.01.2026', reason: 'mould' })).toContain('(Schimmel)');
  });
});
