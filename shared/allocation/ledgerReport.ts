// The quota ledger (Zuteilungsquote) as a report model in the shape of the
// report models (shared/reports/model.ts), so the same PDF and Excel
// renderers produce it and both files show the same numbers. It is a report
// kind of its own ('quotaLedger'), also made from the Berichte page
// (shared/reports/request.ts).
import type { ReportModel, ReportSection, CellValue } from '../reports/model';
import { formatDateDe } from '../reports/format';
import type { Ledger } from './ledger';

export type QuotaLedgerReport = ReportModel & { kind: 'quotaLedger' };

/** "+3 über Soll", "−5 unter Soll", "im Soll" — the signed balance in words (never colour alone). */
export function balanceTextDe(balance: number): string {
  if (balance > 0) return `+${balance} über Soll`;
  if (balance < 0) return `−${-balance} unter Soll`;
  return 'im Soll';
}

const KEY_TEXT: Record<Ledger['settings']['key'], string> = {
  population: 'Einwohnerzahl',
  weighted: 'gewichteter Schlüssel',
};

export function quotaLedgerReport(ledger: Ledger, authority: string): QuotaLedgerReport {
  const { period, settings } = ledger;
  const rows: CellValue[][] = ledger.rows.map((r) => [
    r.name,
    r.ags,
    r.population,
    r.share,
    r.allocated,
    r.planned,
    r.countyPlaces,
    r.credited,
    r.counted,
    r.target,
    r.balance,
    balanceTextDe(r.balance),
  ]);
  const t = ledger.totals;
  const section: ReportSection = {
    title: 'Zuteilungsquote je Gemeinde',
    sheetName: 'Zuteilungsquote',
    columns: [
      { header: 'Gemeinde', type: 'text', width: 22 },
      { header: 'AGS', type: 'text', width: 10 },
      { header: 'Einwohner', type: 'integer', width: 10 },
      { header: 'Anteil', type: 'percent', width: 8 },
      { header: 'Zugeteilt', type: 'integer', width: 9 },
      { header: 'Geplant', type: 'integer', width: 8 },
      { header: 'Kreisplätze', type: 'integer', width: 10 },
      { header: 'Angerechnet', type: 'integer', width: 11 },
      { header: 'Gezählt', type: 'integer', width: 8 },
      { header: 'Soll', type: 'integer', width: 7 },
      { header: 'Saldo', type: 'integer', width: 7 },
      { header: 'Stand', type: 'text', width: 14 },
    ],
    rows,
    totals: [['Summe', null, t.population, 1, t.allocated, t.planned, ledger.rows.reduce((s, r) => s + r.countyPlaces, 0), t.credited, t.counted, t.target, t.balance, null]],
    emptyText: 'Keine Gemeinden erfasst.',
  };
  const weights =
    settings.key === 'weighted'
      ? ` (Gewichte: Einwohner ${settings.weights.population}, Fläche ${settings.weights.area}, Ausländeranteil ${settings.weights.foreignResidents})`
      : '';
  return {
    kind: 'quotaLedger',
    title: 'Zuteilungsquote der Gemeinden',
    subtitle: `Zeitraum ${formatDateDe(period.from)} – ${formatDateDe(period.to)}`,
    authority,
    asOf: period.from,
    until: period.to,
    notes: [
      `Schlüssel: ${KEY_TEXT[settings.key]}${weights}; Anrechnung der Plätze des Kreises in der Gemeinde: ${settings.creditPercent} % (abgerundet).`,
      'Gezählt = zugeteilte Personen (entschieden oder umgezogen, Entscheidung im Zeitraum) + angerechnete Plätze. ' +
        'Soll = Summe aller gezählten Personen nach dem Schlüssel verteilt (größte Reste, § 18 FlüAG, § 2 DVO FlüAG). ' +
        'Saldo = Gezählt − Soll; positiv über, negativ unter Soll. Geplante Zuteilungen zählen erst nach der Entscheidung.',
    ],
    orientation: 'landscape',
    sections: [section],
  };
}

/** Kept for callers written before 'quotaLedger' was a report kind: the report already is a ReportModel. */
export function asReportModel(report: QuotaLedgerReport): ReportModel {
  return report;
}
