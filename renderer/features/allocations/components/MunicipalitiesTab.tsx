// Gemeinden: the municipalities with the data of the key; approximate
// populations are flagged (text, not colour alone); a row opens the form.
import { useMemo, useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Tooltip } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useTranslation } from 'react-i18next';
import type { Id, IsoDate, Municipality } from '../../../../shared/domain/model';
import type { QuartierDb } from '../../../db/db';
import { formatDate, formatInteger, formatNumber, formatPercent } from '../../../i18n/format';
import type { OccupancyData } from '../../occupancy-data/hooks';
import { MunicipalityDialog } from './MunicipalityDialog';
import { PermissionGate } from '../../../auth/PermissionGate';

interface Row {
  id: Id;
  ags: string;
  name: string;
  population: number;
  approximate: boolean;
  populationDate: IsoDate;
  areaKm2: number | null;
  foreignShare: number | null;
  contact: string;
}

export function MunicipalitiesTab({ db, data, today }: { db: QuartierDb; data: OccupancyData; today: IsoDate }) {
  const { t } = useTranslation('allocations');
  const [editing, setEditing] = useState<Municipality | 'new' | null>(null);
  const active = useMemo(() => data.dataset.municipalities.filter((m) => !m.deleted), [data.dataset.municipalities]);
  const rows = useMemo<Row[]>(
    () =>
      active.map((m) => ({
        id: m.id,
        ags: m.ags,
        name: m.name,
        population: m.population,
        approximate: m.populationApproximate,
        populationDate: m.populationDate,
        areaKm2: m.areaKm2 ?? null,
        foreignShare: m.foreignShare ?? null,
        contact: [m.contact?.name, m.contact?.address ? `${m.contact.address.zip} ${m.contact.address.city}` : ''].filter(Boolean).join(', '),
      })),
    [active],
  );
  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      { field: 'ags', headerName: t('municipalities.column.ags'), width: 110 },
      { field: 'name', headerName: t('municipalities.column.name'), flex: 1, minWidth: 170 },
      {
        field: 'population',
        headerName: t('municipalities.column.population'),
        width: 200,
        type: 'number',
        renderCell: (p) => (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end', height: '100%', width: '100%' }}>
            {p.row.approximate ? (
              <Tooltip title={t('municipalities.approximateHint')}>
                <Chip size="small" variant="outlined" color="warning" label={t('municipalities.approximate')} />
              </Tooltip>
            ) : null}
            <span>{formatInteger(p.row.population)}</span>
          </Stack>
        ),
      },
      { field: 'populationDate', headerName: t('municipalities.column.populationDate'), width: 110, valueFormatter: (v: string) => formatDate(v) },
      { field: 'areaKm2', headerName: t('municipalities.column.areaKm2'), width: 110, type: 'number', valueFormatter: (v: number | null) => formatNumber(v, { maximumFractionDigits: 1 }) },
      { field: 'foreignShare', headerName: t('municipalities.column.foreignShare'), width: 140, type: 'number', valueFormatter: (v: number | null) => formatPercent(v) },
      { field: 'contact', headerName: t('municipalities.column.contact'), flex: 1, minWidth: 200 },
    ],
    [t],
  );
  const open = (id: Id) => setEditing(active.find((m) => m.id === id) ?? null);

  return (
    <Box>
      <Stack direction="row" sx={{ mb: 2, justifyContent: 'flex-end' }}>
        <PermissionGate permission="allocations:write">
          {(denied) => (
            <Button disabled={denied} variant="outlined" startIcon={<AddIcon />} onClick={() => setEditing('new')}>
              {t('municipalities.create')}
            </Button>
          )}
        </PermissionGate>
      </Stack>
      <Paper variant="outlined" sx={{ height: 'calc(100vh - 330px)', minHeight: 380 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={data.status === 'loading'}
          onRowClick={(p) => open(String(p.id))}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter' && !e.defaultPrevented) open(String(p.id));
          }}
          disableRowSelectionOnClick
          density="compact"
          aria-label={t('municipalities.gridLabel')}
          initialState={{ sorting: { sortModel: [{ field: 'name', sort: 'asc' }] } }}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </Paper>
      {editing ? (
        <MunicipalityDialog db={db} municipality={editing === 'new' ? null : editing} others={active} today={today} onClose={() => setEditing(null)} />
      ) : null}
    </Box>
  );
}
