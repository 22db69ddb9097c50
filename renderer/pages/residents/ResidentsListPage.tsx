// Bewohner: all persons with household, current place and deadline; search by
// name, Aktenzeichen or birth date (German input). Buttons create a person or
// a whole household.
import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Box, Button, Chip, FormControlLabel, InputAdornment, Link, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import SearchIcon from '@mui/icons-material/Search';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { useTranslation } from 'react-i18next';
import { isoDateOf } from '../../../shared/domain/dates';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { useCachedPlacementData } from '../../features/operations/placementData';
import { PersonFormDialog } from '../../features/operations/dialogs/PersonFormDialog';
import { HouseholdFormDialog } from '../../features/operations/dialogs/HouseholdFormDialog';
import { buildResidentRows, type ResidentRow } from './residentRows';
import { residentMatcher } from './residentSearch';
import { DeadlineChip } from './DeadlineChip';
import { PermissionGate } from '../../auth/PermissionGate';

export default function ResidentsListPage() {
  const { t } = useTranslation('residents');
  const data = useCachedPlacementData();
  const [query, setQuery] = useState('');
  // Most records are former residents; the everyday view shows who lives here now or is expected.
  const [currentOnly, setCurrentOnly] = useState(true);
  const deferredQuery = useDeferredValue(query);
  const [dialog, setDialog] = useState<'person' | 'household' | null>(null);
  const today = isoDateOf(new Date());

  const rows = useMemo(() => (data ? buildResidentRows(data, today) : []), [data, today]);
  const filtered = useMemo(() => {
    const match = residentMatcher(deferredQuery);
    return rows.filter((r) => (!currentOnly || r.place !== '') && match(r));
  }, [rows, deferredQuery, currentOnly]);

  const columns = useMemo<GridColDef<ResidentRow>[]>(
    () => [
      {
        field: 'familyName',
        headerName: t('columns.familyName'),
        flex: 1,
        minWidth: 140,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={row.id}>
            {row.familyName}
          </Link>
        ),
      },
      { field: 'givenName', headerName: t('columns.givenName'), flex: 1, minWidth: 120 },
      {
        field: 'birthDate',
        headerName: t('columns.birthDate'),
        width: 120,
        valueFormatter: (value: string | null) => formatDate(value),
      },
      { field: 'fileNumber', headerName: t('columns.fileNumber'), width: 140 },
      { field: 'household', headerName: t('columns.household'), flex: 1, minWidth: 140 },
      {
        field: 'place',
        headerName: t('columns.place'),
        flex: 1.4,
        minWidth: 180,
        renderCell: ({ row }) =>
          row.place ? (
            <span>
              {row.place}
              {row.planned ? <Chip size="small" label={t('planned')} sx={{ ml: 1 }} /> : null}
            </span>
          ) : (
            <Typography component="span" variant="body2" color="text.secondary">
              {t('noPlace')}
            </Typography>
          ),
      },
      {
        field: 'since',
        headerName: t('columns.since'),
        width: 110,
        valueFormatter: (value: string | null) => formatDate(value),
      },
      {
        field: 'deadline',
        headerName: t('columns.deadline'),
        width: 210,
        renderCell: ({ row }) => <DeadlineChip deadline={row.deadline} status={row.deadlineStatus} daysLeft={row.daysLeft} />,
      },
    ],
    [t],
  );

  return (
    <Page
      title={t('title')}
      subtitle={data ? t('count', { count: filtered.length, total: rows.length }) : undefined}
      actions={
        <>
          <PermissionGate permission="persons:write">
            {(denied) => (
              <Button disabled={denied} variant="contained" startIcon={<PersonAddIcon />} onClick={() => setDialog('person')}>
                {t('newPerson')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="persons:write">
            {(denied) => (
              <Button disabled={denied} variant="outlined" startIcon={<GroupAddIcon />} onClick={() => setDialog('household')}>
                {t('newHousehold')}
              </Button>
            )}
          </PermissionGate>
        </>
      }
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ mb: 2, width: { xs: '100%', sm: 420 } }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
            htmlInput: { 'aria-describedby': 'residents-search-help' },
          }}
          helperText={<span id="residents-search-help">{t('search.help')}</span>}
        />
        <FormControlLabel
          control={<Switch checked={currentOnly} onChange={(e) => setCurrentOnly(e.target.checked)} />}
          label={t('currentOnly')}
          sx={{ pt: 0.5 }}
        />
      </Stack>
      <Paper variant="outlined">
        <Box sx={{ height: 'calc(100vh - 300px)', minHeight: 360 }}>
          <DataGrid
            rows={filtered}
            columns={columns}
            loading={!data}
            density="compact"
            disableRowSelectionOnClick
            initialState={{ sorting: { sortModel: [{ field: 'familyName', sort: 'asc' }] } }}
            aria-label={t('title')}
          />
        </Box>
      </Paper>
      <PersonFormDialog open={dialog === 'person'} onClose={() => setDialog(null)} />
      <HouseholdFormDialog open={dialog === 'household'} onClose={() => setDialog(null)} />
    </Page>
  );
}
