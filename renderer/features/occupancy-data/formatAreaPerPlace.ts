// m² per place always with one decimal ("6,0 m²", "5,9 m²") so a column of
// figures lines up and reads as a measurement, not as a count.
import { formatNumber } from '../../i18n/format';

export function formatAreaPerPlace(m2: number | null | undefined): string {
  if (m2 == null || !Number.isFinite(m2)) return '–';
  return `${formatNumber(m2, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m²`;
}
