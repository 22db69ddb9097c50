// Protokoll: the audit trail (every change) and the access log (exports,
// letters, Auskunft, sign-ins) in one list, newest first, with filters by
// person, accommodation, user, period and operation, a detail drawer with
// the field diff, and the filtered list as Excel or PDF (itself an access).
// Only for users with the permission 'audit:read'.
import { useMemo, useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowParams } from '@mui/x-data-grid';
import { deDE as gridDeDE, enUS as gridEnUS } from '@mui/x-data-grid/locales';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate, isoDateOf } from '../../../shared/domain/dates';
import type { Id } from '../../../shared/domain/model';
import { fieldDiff, type ProtocolRow } from '../../../shared/audit/protocol';
import { protocolDocument, protocolFilterText } from '../../../shared/audit/auditExport';
import { auditExportEvent } from '../../../shared/audit/descriptions';
import { formatDateTimeDe } from '../../../shared/reports/format';
import { Page } from '../../components/Page';
import { getDb, type QuartierDb } from '../../db/db';
import { EMPTY_FILTER, PROTOCOL_LIMIT, protocolUserNames, type ProtocolFilter } from '../../features/audit/auditQuery';
import { buildNameLookups } from '../../features/audit/lookups';
import { useOperationLabel } from '../../features/audit/operationLabel';
import { useCanReadAudit } from '../../features/audit/permission';
import { recordAccess } from '../../features/audit/recordAccess';
import { useProtocol } from '../../features/audit/useProtocol';
import { ExportProgress } from '../../features/exports/ExportProgress';
import type { ExportFormat } from '../../features/exports/formats';
import { exportFileName, saveExport } from '../../features/exports/output';
import { useExportJob } from '../../features/exports/useExportJob';
import { useLetterhead } from '../../features/letters/storage';
import { useOccupancyData } from '../../features/occupancy-data/hooks';
import { formatDateTime } from '../../i18n/format';
import { notify } from '../../state/ui';
import { ProtocolDetail } from './ProtocolDetail';
import { ProtocolFilterBar } from './ProtocolFilterBar';

/** The last 30 days: the usual question, and a bounded first read. */
function defaultFilter(today: string): ProtocolFilter {
  return { ...EMPTY_FILTER, from: addDays(today, -30), to: today };
}

/** The filter to query with, or null while the period is incomplete or reversed. */
function validFilter(f: ProtocolFilter): ProtocolFilter | null {
  if (f.from !== null && !isIsoDate(f.from)) return null;
  if (f.to !== null && !isIsoDate(f.to)) return null;
  if (f.from !== null && f.to !== null && f.from > f.to) return null;
  return f;
}

export default function AuditPage({ db = getDb() }: { db?: QuartierDb } = {}) {
  const allowed = useCanReadAudit();
  const { t } = useTranslation('audit');
  if (!allowed) {
    return (
      <Page title={t('title')}>
        <Alert severity="info">{t('noPermission')}</Alert>
      </Page>
    );
  }
  return <ProtocolView db={db} />;
}

/** The grid's texts of the UI language (a localeText prop replaces the theme's, so they are merged here). */
function gridLocale(lng: string | undefined) {
  return (lng === 'en' ? gridEnUS : gridDeDE).components.MuiDataGrid.defaultProps.localeText;
}

function ProtocolView({ db }: { db: QuartierDb }) {
  const { t, i18n } = useTranslation('audit');
  const today = useMemo(() => isoDateOf(new Date()), []);
  const [filter, setFilter] = useState<ProtocolFilter>(() => defaultFilter(today));
  const [selected, setSelected] = useState<ProtocolRow | null>(null);
  const applied = validFilter(filter);
  const result = useProtocol(db, applied);
  const { dataset } = useOccupancyData(db);
  // Display names only (the users table also holds password hashes, which never leave this read).
  const accounts = useLiveQuery(() => db.users.toArray().then((list) => list.map((u) => ({ id: u.id, displayName: u.displayName }))), [db]);
  const lookups = useMemo(() => buildNameLookups(dataset, accounts ?? []), [dataset, accounts]);
  const users = useLiveQuery(() => protocolUserNames(db), [db]) ?? [];
  const letterhead = useLetterhead(db);
  const job = useExportJob();
  const operationLabel = useOperationLabel();

  const personLabel = (id: Id) => lookups.personName(id) ?? `${t('values.unknownPerson')} (${id.slice(0, 8)})`;
  const details = (r: ProtocolRow): string => {
    if (r.source === 'access') return r.description ?? '';
    const a = r.audit!;
    if (a.before === null) return t('created');
    const diff = fieldDiff(a.before, a.after);
    const shown = diff.slice(0, 4).map((c) => t(`fields.${c.path.split('.').at(-1) ?? c.path}`, { defaultValue: c.path }));
    return diff.length > 4 ? `${shown.join(', ')} ${t('moreChanges', { count: diff.length - 4 })}` : shown.join(', ');
  };

  const columns = useMemo<GridColDef<ProtocolRow>[]>(
    () => [
      { field: 'at', headerName: t('columns.at'), width: 150, valueFormatter: (v: string) => formatDateTime(v) },
      { field: 'user', headerName: t('columns.user'), width: 150 },
      { field: 'operation', headerName: t('columns.operation'), width: 230, valueGetter: (_v, r) => operationLabel(r) },
      {
        field: 'record',
        headerName: t('columns.record'),
        width: 230,
        sortable: false,
        valueGetter: (_v, r) =>
          r.source === 'access' ? t(`accessKinds.${r.accessKind ?? 'export'}`) : `${t(`entities.${r.entity ?? ''}`, { defaultValue: r.entity ?? '' })} ${r.entityId ? (lookups.recordName(r.entity ?? '', r.entityId) ?? '') : ''}`.trim(),
      },
      { field: 'persons', headerName: t('columns.persons'), width: 200, sortable: false, valueGetter: (_v, r) => r.personIds.map(personLabel).join('; ') },
      { field: 'details', headerName: t('columns.details'), flex: 1, minWidth: 240, sortable: false, valueGetter: (_v, r) => details(r) },
      { field: 'deviceId', headerName: t('columns.device'), width: 110, valueFormatter: (v: string) => v.slice(0, 8) },
    ],
    // personLabel/details only depend on t and lookups.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, lookups, operationLabel],
  );

  const exportAs = async (format: ExportFormat) => {
    if (!result || !applied) return;
    const rows = result.rows;
    const accommodationName = applied.accommodationId ? (lookups.recordName('accommodations', applied.accommodationId) ?? null) : null;
    const filterText = protocolFilterText({ from: applied.from, to: applied.to, accommodationName, user: applied.user, operation: applied.operation, person: applied.personId !== null });
    try {
      // The export names persons: it is an access of its own, logged (and permission-checked) first.
      const personIds = applied.personId ? [applied.personId] : [];
      await recordAccess(db, auditExportEvent(rows.length, filterText, format, personIds));
      const printedAt = formatDateTimeDe(new Date());
      const model = protocolDocument(
        rows,
        { personName: personLabel, recordName: lookups.recordName, formatInstant: (iso) => formatDateTimeDe(new Date(iso)) },
        { authority: letterhead?.authority ?? '', filterText, printedAt, today },
      );
      const bytes = await job.run({ type: 'document', format, model, printedAt });
      if (bytes && (await saveExport(bytes, exportFileName(`Protokoll-${today}`, format), format))) notify(t('export.saved'));
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const running = job.state.status === 'running';
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      actions={
        <Stack direction="row" spacing={1} aria-label={t('export.label')} role="group">
          <Button variant="outlined" onClick={() => void exportAs('xlsx')} disabled={running || !result || result.rows.length === 0}>
            {t('export.xlsx')}
          </Button>
          <Button variant="outlined" onClick={() => void exportAs('pdf')} disabled={running || !result || result.rows.length === 0}>
            {t('export.pdf')}
          </Button>
        </Stack>
      }
    >
      <ProtocolFilterBar value={filter} onChange={setFilter} onReset={() => setFilter(defaultFilter(today))} persons={dataset.persons} accommodations={dataset.accommodations} users={users} />
      {applied === null ? <Alert severity="warning" sx={{ mb: 2 }}>{t('invalidPeriod')}</Alert> : null}
      {result?.truncated ? <Alert severity="info" sx={{ mb: 2 }}>{t('truncated', { limit: PROTOCOL_LIMIT.toLocaleString('de-DE') })}</Alert> : null}
      <ExportProgress state={job.state} onCancel={job.cancel} />
      {job.state.status === 'error' ? <Alert severity="error">{job.state.message}</Alert> : null}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
        {result ? t('count', { count: result.rows.length }) : t('loading')}
      </Typography>
      <div style={{ height: 620, width: '100%' }}>
        <DataGrid
          rows={result?.rows ?? []}
          columns={columns}
          getRowId={(r) => r.key}
          loading={result === undefined}
          density="compact"
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 50, page: 0 } } }}
          onRowClick={(p: GridRowParams<ProtocolRow>) => setSelected(p.row)}
          disableRowSelectionOnClick
          // Only the empty-list text is ours; the rest of the grid's German texts come from the theme.
          localeText={{ ...gridLocale(i18n.resolvedLanguage), noRowsLabel: t('empty') }}
          aria-label={t('title')}
        />
      </div>
      <ProtocolDetail row={selected} lookups={lookups} onClose={() => setSelected(null)} />
    </Page>
  );
}
