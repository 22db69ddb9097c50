// Zuteilungen: every allocation with its status; change the status (decide,
// Umzug erfolgt, cancel) and produce the letters for one or several.
import { useMemo, useState } from 'react';
import { Box, Button, Chip, MenuItem, Paper, Stack, TextField } from '@mui/material';
import { DataGrid, type GridColDef, type GridRowSelectionModel } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import { allowedTransitions } from '../../../../shared/allocation/status';
import type { Allocation, AllocationStatus, Id, IsoDate } from '../../../../shared/domain/model';
import type { QuartierDb } from '../../../db/db';
import { formatDate } from '../../../i18n/format';
import type { OccupancyData } from '../../occupancy-data/hooks';
import { LetterBatchDialog } from './LetterBatchDialog';
import { StatusDialog, type StatusAction } from './StatusDialog';
import { PermissionGate } from '../../../auth/PermissionGate';

interface Row {
  id: Id;
  household: string;
  persons: number;
  municipality: string;
  decisionDate: IsoDate | null;
  plannedMoveDate: IsoDate | null;
  movedOn: IsoDate | null;
  status: AllocationStatus;
  letters: number;
  allocation: Allocation;
}

const STATUS_COLOR: Record<AllocationStatus, 'default' | 'info' | 'success' | 'warning'> = {
  planned: 'default',
  decided: 'info',
  moved: 'success',
  cancelled: 'warning',
};

export interface AllocationsTabProps {
  db: QuartierDb;
  data: OccupancyData;
  today: IsoDate;
}

export function AllocationsTab({ db, data, today }: AllocationsTabProps) {
  const { t } = useTranslation('allocations');
  const [statusFilter, setStatusFilter] = useState<AllocationStatus | ''>('');
  const [dialog, setDialog] = useState<{ row: Row; action: StatusAction } | null>(null);
  const [letterIds, setLetterIds] = useState<Id[] | null>(null);
  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const { dataset } = data;
  const letterAllocations = useMemo(() => {
    if (!letterIds) return [];
    const ids = new Set(letterIds);
    return dataset.allocations.filter((a) => ids.has(a.id));
  }, [letterIds, dataset.allocations]);

  const rows = useMemo<Row[]>(() => {
    const households = new Map(dataset.households.map((h) => [h.id, h.name]));
    const persons = new Map(dataset.persons.map((p) => [p.id, p]));
    const municipalities = new Map(dataset.municipalities.map((m) => [m.id, m.name]));
    return dataset.allocations
      .filter((a) => !a.deleted && (statusFilter === '' || a.status === statusFilter))
      .map((a) => {
        const first = persons.get(a.personIds[0] ?? '');
        return {
          id: a.id,
          household: (a.householdId ? households.get(a.householdId) : undefined) ?? (first ? `${first.familyName}, ${first.givenName}` : '–'),
          persons: a.personIds.length,
          municipality: municipalities.get(a.municipalityId) ?? '–',
          decisionDate: a.decisionDate,
          plannedMoveDate: a.plannedMoveDate,
          movedOn: a.movedOn ?? null,
          status: a.status,
          letters: a.letterIds.length,
          allocation: a,
        };
      });
  }, [dataset.allocations, dataset.households, dataset.persons, dataset.municipalities, statusFilter]);

  const selectedIds = useMemo(
    () => rows.filter((r) => (selection.type === 'include' ? selection.ids.has(r.id) : !selection.ids.has(r.id))).map((r) => r.id),
    [rows, selection],
  );

  const columns = useMemo<GridColDef<Row>[]>(() => {
    const date = (field: keyof Row, key: string): GridColDef<Row> => ({ field, headerName: t(key), width: 120, valueFormatter: (v: string | null) => formatDate(v) });
    return [
      { field: 'household', headerName: t('list.column.household'), flex: 1, minWidth: 170 },
      { field: 'persons', headerName: t('list.column.persons'), type: 'number', width: 90 },
      { field: 'municipality', headerName: t('list.column.municipality'), width: 150 },
      date('decisionDate', 'list.column.decisionDate'),
      date('plannedMoveDate', 'list.column.plannedMoveDate'),
      date('movedOn', 'list.column.movedOn'),
      {
        field: 'status',
        headerName: t('list.column.status'),
        width: 120,
        valueFormatter: (v: AllocationStatus) => t(`status.${v}`),
        renderCell: (p) => <Chip size="small" variant="outlined" color={STATUS_COLOR[p.row.status]} label={t(`status.${p.row.status}`)} />,
      },
      { field: 'letters', headerName: t('list.column.letters'), type: 'number', width: 90 },
      {
        field: 'actions',
        headerName: t('list.column.actions'),
        sortable: false,
        filterable: false,
        minWidth: 330,
        flex: 1,
        renderCell: (p) => {
          const next = allowedTransitions(p.row.status);
          const action = (a: StatusAction, key: string) =>
            next.includes(a) ? (
              <PermissionGate permission="allocations:write">
                {(denied) => (
                  <Button disabled={denied} size="small" onClick={() => setDialog({ row: p.row, action: a })} aria-label={`${t(key)}: ${p.row.household}`}>
                    {t(key)}
                  </Button>
                )}
              </PermissionGate>
            ) : null;
          return (
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
              {action('decided', 'list.decide')}
              {action('moved', 'list.moved')}
              {action('cancelled', 'list.cancel')}
              {p.row.status !== 'cancelled' ? (
                <PermissionGate permission="letters:issue">
                  {(denied) => (
                    <Button disabled={denied} size="small" onClick={() => setLetterIds([p.row.id])} aria-label={`${t('list.letters')}: ${p.row.household}`}>
                      {t('list.letters')}
                    </Button>
                  )}
                </PermissionGate>
              ) : null}
            </Stack>
          );
        },
      },
    ];
  }, [t]);

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('list.statusFilter')}
          value={statusFilter}
          onChange={(e) => setStatusFilter(e.target.value as AllocationStatus | '')}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{t('list.allStatuses')}</MenuItem>
          {(['planned', 'decided', 'moved', 'cancelled'] as const).map((s) => (
            <MenuItem key={s} value={s}>
              {t(`status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        <PermissionGate permission="letters:issue">
          {(denied) => (
            <Button variant="outlined" disabled={denied || selectedIds.length === 0} onClick={() => setLetterIds(selectedIds)}>
              {t('list.lettersSelected')}
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
          disableRowSelectionOnClick
          isRowSelectable={(p) => (p.row).status !== 'cancelled'}
          rowSelectionModel={selection}
          onRowSelectionModelChange={setSelection}
          density="compact"
          aria-label={t('list.gridLabel')}
          initialState={{ sorting: { sortModel: [{ field: 'decisionDate', sort: 'desc' }] } }}
          sx={{ border: 0 }}
        />
      </Paper>
      {dialog ? (
        <StatusDialog db={db} allocation={dialog.row.allocation} action={dialog.action} name={dialog.row.household} today={today} onClose={() => setDialog(null)} />
      ) : null}
      <LetterBatchDialog open={letterIds !== null} onClose={() => setLetterIds(null)} db={db} allocations={letterAllocations} />
    </Box>
  );
}
