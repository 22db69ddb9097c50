// Warteliste: households due to leave vorläufige Unterbringung, with the
// reasons, filters (reason, accommodation, weeks ahead) and multi-select →
// "Vorschlag erstellen".
import { useMemo, useState } from 'react';
import { Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import { allocationQueue, filterQueue, QUEUE_REASONS, type QueueEntry, type QueueReason } from '../../../../shared/allocation/queue';
import type { IsoDate } from '../../../../shared/domain/model';
import { formatDate, formatInteger } from '../../../i18n/format';
import type { OccupancyData } from '../../occupancy-data/hooks';
import { ReasonChips } from './ReasonChips';
import { PermissionGate } from '../../../auth/PermissionGate';

interface Row {
  id: string;
  name: string;
  members: number;
  accommodation: string;
  earliestEnd: IsoDate;
  reasons: QueueReason[];
}

export interface QueueTabProps {
  data: OccupancyData;
  today: IsoDate;
  onPropose: (entries: QueueEntry[]) => void;
}

const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };

export function QueueTab({ data, today, onPropose }: QueueTabProps) {
  const { t } = useTranslation('allocations');
  const [weeks, setWeeks] = useState(8);
  const [reasons, setReasons] = useState<QueueReason[]>([]);
  const [accommodationId, setAccommodationId] = useState('');
  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY_SELECTION);
  const { dataset } = data;

  const queue = useMemo(
    () =>
      allocationQueue({
        persons: dataset.persons,
        households: dataset.households,
        stays: dataset.stays,
        allocations: dataset.allocations,
        today,
        weeks: Number.isFinite(weeks) && weeks >= 0 ? weeks : 0,
      }),
    [dataset.persons, dataset.households, dataset.stays, dataset.allocations, today, weeks],
  );
  const accommodationName = useMemo(() => new Map(dataset.accommodations.map((a) => [a.id, a.name])), [dataset.accommodations]);
  const inQueue = useMemo(() => {
    const ids = new Set(queue.flatMap((e) => e.accommodationIds));
    return dataset.accommodations.filter((a) => ids.has(a.id)).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }, [queue, dataset.accommodations]);
  const visible = useMemo(() => filterQueue(queue, { reasons, accommodationId: accommodationId || null }), [queue, reasons, accommodationId]);
  const byKey = useMemo(() => new Map(visible.map((e) => [e.key, e])), [visible]);
  const rows = useMemo<Row[]>(
    () =>
      visible.map((e) => ({
        id: e.key,
        name: e.name,
        members: e.members.length,
        accommodation: e.accommodationIds.map((id) => accommodationName.get(id) ?? '–').join(', '),
        earliestEnd: e.earliestEnd,
        reasons: e.reasons,
      })),
    [visible, accommodationName],
  );

  const selected = useMemo(() => {
    const ids = selection.ids;
    return visible.filter((e) => (selection.type === 'include' ? ids.has(e.key) : !ids.has(e.key)));
  }, [selection, visible]);
  const selectedPersons = selected.reduce((s, e) => s + e.members.length, 0);

  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'name', headerName: t('queue.column.name'), flex: 1, minWidth: 180 },
      { field: 'members', headerName: t('queue.column.members'), type: 'number', width: 90 },
      { field: 'accommodation', headerName: t('queue.column.accommodation'), flex: 1, minWidth: 160 },
      { field: 'earliestEnd', headerName: t('queue.column.earliestEnd'), width: 130, valueFormatter: (v: string) => formatDate(v) },
      {
        field: 'reasons',
        headerName: t('queue.column.reasons'),
        flex: 1.5,
        minWidth: 260,
        sortable: false,
        valueGetter: (v: QueueReason[]) => v.map((r) => t(`reason.${r}`)).join(', '),
        renderCell: (p) => <ReasonChips reasons={p.row.reasons} />,
      },
    ],
    [t],
  );

  return (
    <Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <TextField
          select
          size="small"
          label={t('queue.filterReasons')}
          value={reasons}
          onChange={(e) => setReasons(e.target.value as unknown as QueueReason[])}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (v) => ((v as QueueReason[]).length === 0 ? t('queue.allReasons') : (v as QueueReason[]).map((r) => t(`reason.${r}`)).join(', ')),
            },
            inputLabel: { shrink: true },
          }}
          sx={{ minWidth: 240 }}
        >
          {QUEUE_REASONS.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`reason.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('queue.filterAccommodation')}
          value={accommodationId}
          onChange={(e) => setAccommodationId(e.target.value)}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">{t('queue.allAccommodations')}</MenuItem>
          {inQueue.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="number"
          label={t('queue.weeks')}
          value={weeks}
          onChange={(e) => setWeeks(Math.max(0, Math.min(104, Math.floor(Number(e.target.value)))))}
          slotProps={{ htmlInput: { min: 0, max: 104 } }}
          sx={{ width: 200 }}
        />
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary" role="status">
          {selected.length > 0
            ? t('queue.selected', { count: selected.length, persons: formatInteger(selectedPersons) })
            : t('queue.count', { count: visible.length, persons: formatInteger(visible.reduce((s, e) => s + e.members.length, 0)) })}
        </Typography>
        <PermissionGate permission="allocations:write">
          {(denied) => (
            <Button variant="contained" disabled={denied || selected.length === 0} onClick={() => onPropose(selected.filter((e) => byKey.has(e.key)))}>
              {t('queue.propose')}
            </Button>
          )}
        </PermissionGate>
      </Stack>
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 330px)', minHeight: 380 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={data.status === 'loading'}
          checkboxSelection
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          density="compact"
          aria-label={t('queue.gridLabel')}
          localeText={{ noRowsLabel: t('queue.empty') }}
          initialState={{ sorting: { sortModel: [{ field: 'earliestEnd', sort: 'asc' }] } }}
          sx={{ border: 0 }}
        />
      </Paper>
    </Box>
  );
}
