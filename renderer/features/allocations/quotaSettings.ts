// The quota settings (key, weights, crediting percentage) in the local
// settings table. Local like every setting (renderer/db/settings.ts): each
// laptop of the office keeps the county's agreed rule.
import { DEFAULT_QUOTA_SETTINGS, validateQuotaSettings, type QuotaSettings } from '../../../shared/allocation/ledger';
import { problem } from '../../../shared/allocation/problems';
import type { QuartierDb } from '../../db/db';
import { AllocationRefusedError } from './errors';

export const QUOTA_SETTINGS_KEY = 'allocation.quota';

function isQuotaSettings(v: unknown): v is QuotaSettings {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<QuotaSettings>;
  return (
    (s.key === 'population' || s.key === 'weighted') &&
    typeof s.creditPercent === 'number' &&
    typeof s.weights === 'object' &&
    s.weights !== null &&
    typeof s.weights.population === 'number' &&
    typeof s.weights.area === 'number' &&
    typeof s.weights.foreignResidents === 'number'
  );
}

/** The stored settings, or the defaults when none (or an unreadable value) are stored. */
export async function loadQuotaSettings(db: QuartierDb): Promise<QuotaSettings> {
  const row = await db.settings.get(QUOTA_SETTINGS_KEY);
  return isQuotaSettings(row?.value) && validateQuotaSettings(row.value).length === 0 ? row.value : DEFAULT_QUOTA_SETTINGS;
}

/** Validates and stores; throws AllocationRefusedError (nothing stored) when invalid. */
export async function saveQuotaSettings(db: QuartierDb, settings: QuotaSettings): Promise<QuotaSettings> {
  const errors = validateQuotaSettings(settings);
  if (!Number.isInteger(settings.creditPercent)) errors.push('Die Anrechnung ist eine ganze Prozentzahl.');
  if (errors.length > 0) throw new AllocationRefusedError(errors.map((m) => problem('quotaSettings', m, { detail: m })));
  const value: QuotaSettings = { key: settings.key, weights: { ...settings.weights }, creditPercent: settings.creditPercent };
  await db.settings.put({ key: QUOTA_SETTINGS_KEY, value });
  return value;
}
