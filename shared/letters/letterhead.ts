// The letterhead and signature printed on every letter and report header.
// Kept as a local setting (renderer/features/letters/settings.ts) and frozen
// into each issued letter, so a reprint shows the letterhead as it was.
import { z } from 'zod';

const line = (max: number) => z.string().trim().max(max, `Höchstens ${max} Zeichen.`);
const required = (max: number, label: string) => line(max).min(1, `${label} fehlt.`);

/** Logo as a data: URL (PNG or JPEG). Never a file path or remote URL: pdfmake must not fetch. */
const logoDataUrl = z
  .string()
  .max(700_000, 'Das Logo ist zu groß (höchstens etwa 500 KB).')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'Das Logo muss ein PNG- oder JPEG-Bild sein.');

export const letterheadSchema = z.object({
  /** "Landratsamt Zollernalbkreis" */
  authority: required(120, 'Name der Behörde'),
  /** "Amt für Zuwanderung und Integration" */
  department: line(160),
  /** "Sachgebiet 422 Asylbewerberleistungen und Unterbringungsbehörde" */
  unit: line(200),
  street: required(120, 'Straße'),
  zip: z.string().trim().regex(/^\d{5}$/, 'Die Postleitzahl hat fünf Ziffern.'),
  city: required(80, 'Ort'),
  phone: line(60),
  email: z.union([z.literal(''), z.string().trim().email('Die E-Mail-Adresse ist ungültig.').max(120)]),
  logo: logoDataUrl.nullable(),
  signerName: required(120, 'Name der unterzeichnenden Person'),
  /** "Sachgebietsleitung" or "Im Auftrag". */
  signerTitle: line(120),
});

export type Letterhead = z.infer<typeof letterheadSchema>;

export const DEFAULT_LETTERHEAD: Letterhead = {
  authority: 'Landratsamt Zollernalbkreis',
  department: 'Amt für Zuwanderung und Integration',
  unit: 'Sachgebiet 422 Asylbewerberleistungen und Unterbringungsbehörde',
  street: 'Grünewaldstr. 15',
  zip: '72336',
  city: 'Balingen',
  phone: '07433 92-1311',
  email: 'migration@zollernalbkreis.de',
  logo: null,
  signerName: 'Sachbearbeitung Unterbringung',
  signerTitle: 'Im Auftrag',
};

export type LetterheadCheck = { ok: true; value: Letterhead } | { ok: false; errors: { field: string; message: string }[] };

/** Validates user input; German messages per field, nothing is changed on error. */
export function checkLetterhead(input: unknown): LetterheadCheck {
  const parsed = letterheadSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  };
}

/** One-line postal address of the authority, as used in the return line and the Rechtsbehelfsbelehrung. */
export function authorityAddressLine(l: Letterhead): string {
  return `${l.street}, ${l.zip} ${l.city}`;
}
