// Belegung: today's movements, planned ones, recent moves and departures,
// blocked beds, the operation buttons and "Letzte Aktion rückgängig machen".
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import LogoutIcon from '@mui/icons-material/Logout';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import BlockIcon from '@mui/icons-material/Block';
import { useTranslation } from 'react-i18next';
import { isoDateOf } from '../../../shared/domain/dates';
import type { Id } from '../../../shared/domain/model';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { useCachedPlacementData, type PlacementLookup } from '../../features/operations/placementData';
import { bedText } from '../../features/operations/components/pickers';
import { UndoLastButton } from '../../features/operations/components/UndoLastButton';
import { CheckInDialog } from '../../features/operations/dialogs/CheckInDialog';
import { MoveDialog } from '../../features/operations/dialogs/MoveDialog';
import { CheckOutDialog } from '../../features/operations/dialogs/CheckOutDialog';
import { BlockBedDialog } from '../../features/operations/dialogs/BlockBedDialog';
import { buildMovements, MOVEMENT_WINDOW_DAYS, type Movement } from './movements';
import { PermissionGate } from '../../auth/PermissionGate';

const KIND_COLOR = { checkIn: 'success', move: 'info', checkOut: 'default' } as const;

function MovementTable({ data, rows, empty, label }: { data: PlacementLookup; rows: Movement[]; empty: string; label: string }) {
  const { t } = useTranslation('occupancy');
  const { t: to } = useTranslation('operations');
  if (rows.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{t('col.date')}</TableCell>
          <TableCell>{t('col.kind')}</TableCell>
          <TableCell>{t('col.person')}</TableCell>
          <TableCell>{t('col.place')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.slice(0, 50).map((m) => {
          const p = data.personById.get(m.stay.personId);
          return (
            <TableRow key={`${m.kind}-${m.stay.id}`}>
              <TableCell>{formatDate(m.date)}</TableCell>
              <TableCell>
                <Chip size="small" color={KIND_COLOR[m.kind]} variant="outlined" label={t(`kind.${m.kind}`)} />
              </TableCell>
              <TableCell>
                {p ? (
                  <Link component={RouterLink} to={`/residents/${p.id}`}>
                    {p.familyName}, {p.givenName}
                  </Link>
                ) : (
                  '?'
                )}
              </TableCell>
              <TableCell>
                {m.kind === 'move' && m.previous ? `${bedText(data, m.previous.bedId, to)} → ` : ''}
                {bedText(data, m.stay.bedId, to)}
                {m.kind === 'checkOut' && m.stay.departureReason ? ` (${to(`departureReasons.${m.stay.departureReason}`)})` : ''}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

export default function OccupancyPage() {
  const { t } = useTranslation('occupancy');
  const { t: to } = useTranslation('operations');
  const data = useCachedPlacementData();
  const today = isoDateOf(new Date());
  const [dialog, setDialog] = useState<'checkIn' | 'move' | 'checkOut' | null>(null);
  const [blockBedId, setBlockBedId] = useState<Id | null>(null);
  const movements = useMemo(() => (data ? buildMovements(data, today) : null), [data, today]);

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle', { date: formatDate(today) })}
      actions={
        <>
          <PermissionGate permission="stays:write">
            {(denied) => (
              <Button variant="contained" startIcon={<LoginIcon />} onClick={() => setDialog('checkIn')} disabled={denied}>
                {t('actions.checkIn')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="stays:write">
            {(denied) => (
              <Button variant="outlined" startIcon={<SwapHorizIcon />} onClick={() => setDialog('move')} disabled={denied}>
                {t('actions.move')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="stays:write">
            {(denied) => (
              <Button variant="outlined" startIcon={<LogoutIcon />} onClick={() => setDialog('checkOut')} disabled={denied}>
                {t('actions.checkOut')}
              </Button>
            )}
          </PermissionGate>
        </>
      }
    >
      <Box sx={{ mb: 2 }}>
        <UndoLastButton />
      </Box>
      {data && movements ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, gap: 2 }}>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('today.title', { count: movements.today.length })}
              </Typography>
              <MovementTable data={data} rows={movements.today} empty={t('today.empty')} label={t('today.title', { count: movements.today.length })} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('upcoming.title', { days: MOVEMENT_WINDOW_DAYS })}
              </Typography>
              <MovementTable data={data} rows={movements.upcoming} empty={t('upcoming.empty')} label={t('upcoming.title', { days: MOVEMENT_WINDOW_DAYS })} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('recent.title', { days: MOVEMENT_WINDOW_DAYS })}
              </Typography>
              <MovementTable data={data} rows={movements.recent} empty={t('recent.empty')} label={t('recent.title', { days: MOVEMENT_WINDOW_DAYS })} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('blocks.title', { count: movements.blocks.length })}
              </Typography>
              {movements.blocks.length === 0 ? (
                <Typography color="text.secondary">{t('blocks.empty')}</Typography>
              ) : (
                <Table size="small" aria-label={t('blocks.title', { count: movements.blocks.length })}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('col.place')}</TableCell>
                      <TableCell>{t('col.reason')}</TableCell>
                      <TableCell>{t('col.from')}</TableCell>
                      <TableCell>{t('col.until')}</TableCell>
                      <TableCell />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {movements.blocks.slice(0, 50).map((b) => (
                      <TableRow key={b.id}>
                        <TableCell>{bedText(data, b.bedId, to)}</TableCell>
                        <TableCell>
                          {to(`blockReasons.${b.reason}`)}
                          {b.note ? ` – ${b.note}` : ''}
                        </TableCell>
                        <TableCell>{formatDate(b.from)}</TableCell>
                        <TableCell>{b.until ? formatDate(b.until) : t('blocks.furtherNotice')}</TableCell>
                        <TableCell align="right">
                          <PermissionGate permission="bedBlocks:write" accommodation={data.accommodationById.get(b.accommodationId)}>
                            {(denied) => (
                              <Button size="small" startIcon={<BlockIcon />} onClick={() => setBlockBedId(b.bedId)} disabled={denied}>
                                {t('blocks.edit')}
                              </Button>
                            )}
                          </PermissionGate>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </Box>
      ) : (
        <Typography>{to('loading')}</Typography>
      )}
      <Stack>
        <CheckInDialog open={dialog === 'checkIn'} onClose={() => setDialog(null)} />
        <MoveDialog open={dialog === 'move'} onClose={() => setDialog(null)} />
        <CheckOutDialog open={dialog === 'checkOut'} onClose={() => setDialog(null)} />
        {blockBedId ? <BlockBedDialog open onClose={() => setBlockBedId(null)} bedId={blockBedId} /> : null}
      </Stack>
    </Page>
  );
}
