// Unterkünfte: every accommodation with its figures as of today, sortable
// and filterable; a row opens the detail page.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import AddIcon from '@mui/icons-material/Add';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { Accommodation, AccommodationKind, AccommodationStatus, Id } from '../../../shared/domain/model';
import { isoDateOf } from '../../../shared/domain/dates';
import { Page } from '../../components/Page';
import { getDb } from '../../db/db';
import { formatDate, formatInteger, formatPercent } from '../../i18n/format';
import { formatAreaPerPlace } from '../../features/occupancy-data/formatAreaPerPlace';
import { useFiguresAsOf, useOccupancyData } from '../../features/occupancy-data/hooks';
import { AccommodationDialog } from './AccommodationDialog';
import { PermissionGate } from '../../auth/PermissionGate';

interface Row {
  id: Id;
  name: string;
  kind: AccommodationKind;
  municipality: string;
  status: AccommodationStatus;
  places: number | null;
  occupied: number | null;
  reserved: number | null;
  blocked: number | null;
  free: number | null;
  rate: number | null;
  m2PerPlace: number | null;
}

export function AccommodationListPage() {
  const { t } = useTranslation('accommodations');
  const navigate = useNavigate();
  const db = getDb();
  const today = isoDateOf(new Date());
  const data = useOccupancyData();
  const figures = useFiguresAsOf(today);
  const [createOpen, setCreateOpen] = useState(false);

  const rows = useMemo<Row[]>(() => {
    const municipalityName = new Map(data.dataset.municipalities.map((m) => [m.id, m.name]));
    return data.dataset.accommodations
      .filter((a: Accommodation) => !a.deleted)
      .map((a) => {
        const f = figures?.byAccommodation[a.id];
        return {
          id: a.id,
          name: a.name,
          kind: a.kind,
          municipality: municipalityName.get(a.municipalityId) ?? '–',
          status: a.status,
          places: f?.places ?? null,
          occupied: f?.occupied ?? null,
          reserved: f?.reserved ?? null,
          blocked: f?.blocked ?? null,
          free: f ? f.free + f.reserve : null,
          rate: f?.rate ?? null,
          m2PerPlace: f?.m2PerPlace ?? null,
        };
      });
  }, [data.dataset, figures]);

  const columns = useMemo<GridColDef<Row>[]>(() => {
    const count = (field: keyof Row, key: string, width = 78): GridColDef<Row> => ({
      field,
      headerName: t(key),
      type: 'number',
      width,
      valueFormatter: (v: number | null) => formatInteger(v),
    });
    return [
      { field: 'name', headerName: t('column.name'), flex: 1, minWidth: 190 },
      {
        field: 'kind',
        headerName: t('column.kind'),
        width: 100,
        type: 'singleSelect',
        valueOptions: [
          { value: 'gu', label: t('kind.guShort') },
          { value: 'flat', label: t('kind.flat') },
        ],
      },
      { field: 'municipality', headerName: t('column.municipality'), width: 120 },
      {
        field: 'status',
        headerName: t('column.status'),
        width: 130,
        type: 'singleSelect',
        valueOptions: (['planned', 'active', 'closing', 'closed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
      },
      count('places', 'column.places'),
      count('occupied', 'column.occupied'),
      count('reserved', 'column.reserved', 96),
      count('blocked', 'column.blocked'),
      count('free', 'column.free'),
      { field: 'rate', headerName: t('column.rate'), type: 'number', width: 84, valueFormatter: (v: number | null) => formatPercent(v) },
      { field: 'm2PerPlace', headerName: t('column.m2PerPlace'), type: 'number', width: 92, valueFormatter: (v: number | null) => formatAreaPerPlace(v) },
    ];
  }, [t]);

  return (
    <Page
      title={t('list.title')}
      subtitle={t('list.subtitle', { date: formatDate(today) })}
      actions={
        <PermissionGate permission="accommodations:write">
          {(denied) => (
            <Button disabled={denied} variant="contained" startIcon={<AddIcon />} onClick={() => setCreateOpen(true)}>
              {t('list.create')}
            </Button>
          )}
        </PermissionGate>
      }
    >
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 220px)', minHeight: 400 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={data.status === 'loading'}
          onRowClick={(p) => void navigate(`/accommodations/${String(p.id)}`)}
          onCellKeyDown={(p, e) => {
            // Enter on a row opens it, like a click (keyboard users).
            if (e.key === 'Enter' && !e.defaultPrevented) void navigate(`/accommodations/${String(p.id)}`);
          }}
          initialState={{ sorting: { sortModel: [{ field: 'name', sort: 'asc' }] } }}
          disableRowSelectionOnClick
          density="compact"
          aria-label={t('list.title')}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      <AccommodationDialog
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onSaved={(id) => void navigate(`/accommodations/${id}`)}
        db={db}
        municipalities={data.dataset.municipalities}
        today={today}
      />
    </Page>
  );
}
