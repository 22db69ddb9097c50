// The pure readers: text decoding, CSV, cell values, nationality, headers.
import { describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8Strict, decodeWindows1252 } from '../../../shared/import/encoding';
import { detectDelimiter, parseCsv, writeCsv } from '../../../shared/import/csv';
import { excelSerialToIso, readBoolean, readDay, readLegalBasis, readNumber, readSex } from '../../../shared/import/values';
import { nationalityCode, nationalityEntries } from '../../../shared/import/nationality';
import { findHeaderRow, foldHeader, mappingToSaved, missingRequiredFields, suggestMapping } from '../../../shared/import/fields';
import { toPlainWorkbook, DEFAULT_IMPORT_LIMITS } from '../../../shared/import/table';
import { NAME_POOLS } from '../../../shared/demo/names';

describe('decodeText', () => {
  it('tells UTF-8 (with/without BOM) from Windows-1252 and keeps umlauts', () => {
    const text = 'Größe;Äpfel;Übel;€ „quoted“';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8', bom: true });
    const cp = Uint8Array.from([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x80, 0x84, 0x93]);
    expect(decodeText(cp)).toEqual({ text: 'Größe€„“', encoding: 'windows-1252', bom: false });
  });

  it('agrees with TextDecoder on valid UTF-8 and refuses invalid sequences', () => {
    const samples = ['', 'ascii', 'Ünïcödé ✓', '😀 emoji', '\u0000\u007f\u0080\u07ff\u0800\uffff'];
    for (const s of samples) expect(decodeUtf8Strict(new TextEncoder().encode(s))).toBe(s);
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe4], [0xe4, 0x20], [0x80]]) {
      expect(decodeUtf8Strict(Uint8Array.from(bad))).toBeNull();
    }
    // WHATWG windows-1252 (Node's TextDecoder without full ICU would fall back to Latin-1, so the table is checked directly).
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all.length).toBe(256);
    expect(all.slice(0, 0x80)).toBe(String.fromCharCode(...Array.from({ length: 0x80 }, (_, i) => i)));
    expect(all.slice(0xa0)).toBe(String.fromCharCode(...Array.from({ length: 0x60 }, (_, i) => 0xa0 + i)));
    expect([...all.slice(0x80, 0xa0)].join('')).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });
});

describe('CSV', () => {
  it('detects the separator, also with decimal commas and quoted separators', () => {
    expect(detectDelimiter('Name;Fläche\nA;18,5\nB;"1;2"\n')).toBe(';');
    expect(detectDelimiter('Name,Area\nA,18.5\n"B, C",12\n')).toBe(',');
    expect(detectDelimiter('Name\tArea\nA\t1\n')).toBe('\t');
  });

  it('reads quoted fields with separators, newlines and doubled quotes; keeps blank lines as empty rows', () => {
    const r = parseCsv('a;b;c\r\n"x;y";"z\r\nw";"he said ""hi"""\r\n\r\nlast;;\n');
    expect(r.rows).toEqual([['a', 'b', 'c'], ['x;y', 'z\r\nw', 'he said "hi"'], [], ['last', '', '']]);
    expect(r.unterminatedQuoteLine).toBeNull();
    expect(parseCsv('a\n"open\nb\n').unterminatedQuoteLine).toBe(2);
  });

  it('round-trips what writeCsv writes', () => {
    const rows = [['Name', 'Bemerkung'], ['Müller; Hans', 'Zeile 1\nZeile 2'], ['"Q"', '']];
    for (const d of [';', ','] as const) expect(parseCsv(writeCsv(rows, d), { delimiter: d }).rows).toEqual(rows);
  });
});

describe('cell values', () => {
  it('reads German, ISO and Excel dates and refuses impossible days', () => {
    expect(readDay('14.02.1988')).toEqual({ ok: true, value: '1988-02-14' });
    expect(readDay('4.2.88')).toEqual({ ok: true, value: '1988-02-04' });
    expect(readDay('4.2.24')).toEqual({ ok: true, value: '2024-02-04' });
    expect(readDay('1988-02-14')).toEqual({ ok: true, value: '1988-02-14' });
    expect(readDay('2024-03-01T00:00:00')).toEqual({ ok: true, value: '2024-03-01' });
    expect(readDay(45352)).toEqual({ ok: true, value: '2024-03-01' });
    expect(readDay('45352')).toEqual({ ok: true, value: '2024-03-01' });
    expect(readDay('31.02.2024')).toEqual({ ok: false, code: 'dateInvalid' });
    expect(readDay('29.02.2023')).toEqual({ ok: false, code: 'dateInvalid' });
    expect(readDay('29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readDay('02/03/2024')).toEqual({ ok: false, code: 'dateAmbiguous' });
    expect(readDay('gestern')).toEqual({ ok: false, code: 'dateUnreadable' });
    expect(readDay(5)).toEqual({ ok: false, code: 'dateInvalid' });
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(60)).toBeNull();
  });

  it('reads German and English number formats', () => {
    const cases: [string | number, number][] = [['18,5', 18.5], ['18.5', 18.5], ['1.234,5', 1234.5], ['1,234.5', 1234.5], ['1.234.567', 1234567], ['12 m²', 12], ['20qm', 20], [7, 7]];
    for (const [input, value] of cases) expect(readNumber(input), String(input)).toEqual({ ok: true, value });
    expect(readNumber('zwölf')).toEqual({ ok: false, code: 'numberInvalid' });
  });

  it('reads yes/no, sex and legal basis words', () => {
    expect(readBoolean('Ja')).toEqual({ ok: true, value: true });
    expect(readBoolean('x')).toEqual({ ok: true, value: true });
    expect(readBoolean('')).toEqual({ ok: true, value: false });
    expect(readBoolean('vielleicht').ok).toBe(false);
    expect(readSex('weiblich')).toEqual({ ok: true, value: 'f' });
    expect(readSex('W')).toEqual({ ok: true, value: 'f' });
    expect(readSex('d')).toEqual({ ok: true, value: 'x' });
    expect(readLegalBasis('§ 24 AufenthG')).toEqual({ ok: true, value: 'aufenthg_24' });
    expect(readLegalBasis('§15a')).toEqual({ ok: true, value: 'aufenthg_15a' });
    expect(readLegalBasis('Asylantrag')).toEqual({ ok: true, value: 'asylum' });
  });
});

describe('nationality', () => {
  it('maps German names, adjectives in any inflection, English names and codes to ISO alpha-3', () => {
    const cases: [string, string][] = [
      ['Syrien', 'SYR'], ['syrisch', 'SYR'], ['Syrische', 'SYR'], ['SYRISCHER', 'SYR'], ['Syrische Arabische Republik', 'SYR'], ['Syrien, Arabische Republik', 'SYR'],
      ['Ukraine', 'UKR'], ['ukrainisch', 'UKR'], ['Afghanistan', 'AFG'], ['afghanische', 'AFG'], ['Türkei', 'TUR'], ['Tuerkei', 'TUR'], ['türkisch', 'TUR'],
      ['Irak', 'IRQ'], ['irakisch', 'IRQ'], ['Iran', 'IRN'], ['Eritrea', 'ERI'], ['eritreisch', 'ERI'], ['Somalia', 'SOM'], ['Georgien', 'GEO'],
      ['Nigeria', 'NGA'], ['nigerianisch', 'NGA'], ['Niger', 'NER'], ['Russische Föderation', 'RUS'], ['Côte d’Ivoire', 'CIV'], ['Elfenbeinküste', 'CIV'],
      ['Kosovo', 'XKX'], ['staatenlos', 'XXA'], ['ungeklärt', 'XXX'], ['Syria', 'SYR'], ['SYR', 'SYR'], ['sy', 'SYR'], ['DR Kongo', 'COD'], ['Weißrussland', 'BLR'],
    ];
    for (const [text, code] of cases) expect(nationalityCode(text), text).toBe(code);
    expect(nationalityCode('Atlantis')).toBeNull();
    expect(nationalityCode('')).toBeNull();
    expect(nationalityCode('constructor')).toBeNull();
    expect(nationalityCode('__proto__')).toBeNull();
  });

  it('covers every UN member state once, and every nationality the demo uses', () => {
    const codes = nationalityEntries().map((e) => e.alpha3);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(196);
    for (const pool of Object.values(NAME_POOLS)) {
      const entry = nationalityEntries().find((e) => e.alpha3 === pool.nationality)!;
      expect(nationalityCode(entry.germanName)).toBe(pool.nationality);
    }
  });
});

describe('header mapping', () => {
  it('folds headers and suggests columns from German and English words', () => {
    expect(foldHeader('Geb.-Datum')).toBe('gebdatum');
    expect(foldHeader('Staatsangehörigkeit')).toBe(foldHeader('STAATSANGEHOERIGKEIT'));
    const headers = ['AZ', 'Name', 'Vorname', 'Geb.-Datum', 'Nationalität', 'Unterkunft', 'Raum', 'Bett', 'Einzugsdatum'];
    const m = suggestMapping('occupancy', headers);
    expect(m).toMatchObject({ fileNumber: 0, familyName: 1, givenName: 2, birthDate: 3, nationality: 4, accommodation: 5, room: 6, place: 7, moveIn: 8, unit: null });
    expect(missingRequiredFields('occupancy', m)).toEqual([]);
    const en = suggestMapping('residents', ['Last name', 'First name', 'Date of birth', 'Nationality', 'Admission date']);
    expect(en).toMatchObject({ familyName: 0, givenName: 1, birthDate: 2, nationality: 3, admissionDate: 4 });
    expect(suggestMapping('residents', ['Geburtsdatum (TT.MM.JJJJ)', 'Nachname', 'Vorname'])).toMatchObject({ birthDate: 0 });
  });

  it('prefers a saved mapping and finds the header below a title line', () => {
    const headers = ['Familie', 'Rufname', 'Spalte X'];
    const saved = mappingToSaved(headers, { familyName: 2, givenName: 1 });
    expect(suggestMapping('residents', headers, saved)).toMatchObject({ familyName: 2, givenName: 1, household: 0 });
    expect(findHeaderRow('occupancy', [['Belegungsliste Stand 01.03.2026'], [], ['Name', 'Vorname', 'Zimmer', 'Einzug'], ['A', 'B', '1', '1.1.2024']])).toBe(2);
  });
});

describe('toPlainWorkbook', () => {
  it('rebuilds plain rows and drops anything else', () => {
    const hostile = JSON.parse('{"sheets":[{"name":"T","rows":[["a",1,null,true,{"x":1},[2]],"nope"],"__proto__":{"polluted":1}}],"__proto__":{"evil":1}}') as unknown;
    const wb = toPlainWorkbook(hostile, DEFAULT_IMPORT_LIMITS);
    // Non-array rows become empty rows; trailing empty rows are dropped.
    expect(wb).toEqual({ sheets: [{ name: 'T', rows: [['a', 1, null, 'WAHR']] }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => toPlainWorkbook({ sheets: 'x' }, DEFAULT_IMPORT_LIMITS)).toThrow();
  });
});
