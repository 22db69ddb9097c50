// Detail of one accommodation: header (address, kind, operator/landlord,
// lease, status, figures), actions (edit, close, create structure) and two
// tabs: the room/bed board (Belegungsplan) and the bed timeline (Zeitstrahl).
import { useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/Edit';
import DomainAddIcon from '@mui/icons-material/DomainAdd';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import type { Accommodation, Id, Municipality } from '../../../shared/domain/model';
import { isoDateOf } from '../../../shared/domain/dates';
import { Page } from '../../components/Page';
import { getDb } from '../../db/db';
import { formatCurrency, formatDate } from '../../i18n/format';
import { CheckInDialog } from '../../features/operations/dialogs/CheckInDialog';
import { MoveDialog } from '../../features/operations/dialogs/MoveDialog';
import { CheckOutDialog } from '../../features/operations/dialogs/CheckOutDialog';
import { BlockBedDialog } from '../../features/operations/dialogs/BlockBedDialog';
import { useAccommodation, useFiguresAsOf, useOccupancyData, useUnits } from '../../features/occupancy-data/hooks';
import { AsOfDatePicker } from '../../features/occupancy-data/AsOfDatePicker';
import { useSpaceStandard } from '../../features/occupancy-data/spaceStandard';
import { BedBoard } from '../../features/bed-board/BedBoard';
import type { BedAction } from '../../features/bed-board/BedCard';
import { PermissionGate, useGateRefusal } from '../../auth/PermissionGate';
import { bedLabelKey, buildBoard } from '../../features/bed-board/boardModel';
import { BedTimeline } from '../../features/timeline/BedTimeline';
import { buildTimeline } from '../../features/timeline/timelineModel';
import { AccommodationDialog } from './AccommodationDialog';
import { CloseAccommodationDialog } from './CloseAccommodationDialog';
import { StructureDialog } from './StructureDialog';
import { FigureStrip } from './FigureStrip';

type TabKey = 'board' | 'timeline';
type DialogKey = 'edit' | 'close' | 'structure' | null;
/** A write dialog of the operations feature opened from a bed card. */
interface BedDialogState {
  action: BedAction;
  bedId: Id;
  /** The occupant, for move and check-out. */
  personId: Id | null;
}

function InfoItem({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2">{value || '–'}</Typography>
    </Box>
  );
}

function leaseText(a: Accommodation, t: (k: string, o?: Record<string, unknown>) => string): string {
  const { lease } = a;
  const parts: string[] = [];
  if (lease.start || lease.end) parts.push(`${formatDate(lease.start)} – ${lease.end ? formatDate(lease.end) : t('detail.openEnd')}`);
  if (lease.rentFree) parts.push(t('detail.rentFree'));
  else if (lease.rentCents !== null) parts.push(t('detail.rentPerMonth', { rent: formatCurrency(lease.rentCents / 100) }));
  return parts.join(' · ');
}

export function AccommodationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('accommodations');
  const db = getDb();
  const today = isoDateOf(new Date());
  const [day, setDay] = useState(today);
  const [tab, setTab] = useState<TabKey>('board');
  const [dialog, setDialog] = useState<DialogKey>(null);
  const [bedDialog, setBedDialog] = useState<BedDialogState | null>(null);
  const accommodation = useAccommodation(id, db);
  const units = useUnits(id, db);
  const data = useOccupancyData(db);
  const figures = useFiguresAsOf(day);
  const standardM2 = useSpaceStandard(day, db);
  // Bed menu actions the user may not run here (role, or Außendienst outside its accommodations) are left out.
  const scope = accommodation ? { id: accommodation.id, name: accommodation.name } : undefined;
  const staysRefused = useGateRefusal('stays:write', scope) !== null;
  const blocksRefused = useGateRefusal('bedBlocks:write', scope) !== null;
  const disabledBedActions = useMemo(
    () => new Set<BedAction>([...(staysRefused ? (['checkIn', 'move', 'checkOut'] as const) : []), ...(blocksRefused ? (['block', 'unblock'] as const) : [])]),
    [staysRefused, blocksRefused],
  );

  const board = useMemo(
    () => (data.index && id && units ? buildBoard(data.index, id, units, day, standardM2) : []),
    [data.index, id, units, day, standardM2],
  );
  const timeline = useMemo(
    () =>
      data.index
        ? buildTimeline(data.index, board, today, {
            bed: (label) => t(bedLabelKey(label).key, { label }),
            room: (unit, room) => `${unit} · ${t('board.room', { number: room })}`,
            block: (reason) => t('timeline.blockBar', { reason: t(`board.blockReason.${reason}`) }),
          })
        : null,
    [data.index, board, today, t],
  );

  if (accommodation === undefined) {
    return (
      <Box sx={{ p: 4, display: 'flex', justifyContent: 'center' }}>
        <CircularProgress aria-label={t('detail.loading')} />
      </Box>
    );
  }
  if (accommodation === null || accommodation.deleted) {
    return (
      <Page title={t('detail.notFoundTitle')}>
        <Alert severity="warning">
          {t('detail.notFound')}{' '}
          <Link component={RouterLink} to="/accommodations">
            {t('detail.backToList')}
          </Link>
        </Alert>
      </Page>
    );
  }

  const municipality: Municipality | undefined = data.dataset.municipalities.find((m) => m.id === accommodation.municipalityId);
  const f = figures?.byAccommodation[accommodation.id] ?? null;
  const onBedAction = (bedId: Id, action: BedAction) => {
    const card = board.flatMap((u) => u.rooms.flatMap((r) => r.beds)).find((c) => c.bed.id === bedId);
    const personId = card?.state.kind === 'occupied' ? card.state.personId : null;
    setBedDialog({ action, bedId, personId });
  };
  const closeBedDialog = () => setBedDialog(null);

  return (
    <Page
      title={accommodation.name}
      subtitle={`${accommodation.address.street}, ${accommodation.address.zip} ${accommodation.address.city}`}
      actions={
        <>
          <PermissionGate permission="accommodations:write">
            {(denied) => (
              <Button startIcon={<EditIcon />} onClick={() => setDialog('edit')} disabled={denied}>
                {t('detail.edit')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="accommodations:write">
            {(denied) => (
              <Button startIcon={<DomainAddIcon />} onClick={() => setDialog('structure')} disabled={denied || accommodation.status === 'closed'}>
                {t('detail.structure')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="accommodations:write">
            {(denied) => (
              <Button startIcon={<EventBusyIcon />} color="warning" onClick={() => setDialog('close')} disabled={denied || accommodation.status === 'closed'}>
                {t('detail.close')}
              </Button>
            )}
          </PermissionGate>
        </>
      }
    >
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Box sx={{ minWidth: 160 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              {t('field.status')}
            </Typography>
            <Chip size="small" label={t(`status.${accommodation.status}`)} color={accommodation.status === 'active' ? 'success' : 'default'} variant="outlined" />
          </Box>
          <InfoItem label={t('field.kind')} value={t(`kind.${accommodation.kind}`)} />
          <InfoItem label={t('field.municipalityId')} value={municipality?.name ?? ''} />
          <InfoItem label={t('field.operator')} value={accommodation.operator ?? ''} />
          <InfoItem label={t('field.landlord')} value={accommodation.landlord ?? ''} />
          <InfoItem label={t('detail.lease')} value={leaseText(accommodation, t)} />
          <InfoItem
            label={t('detail.period')}
            value={`${formatDate(accommodation.openedOn)} – ${accommodation.closedOn ? formatDate(accommodation.closedOn) : t('detail.openEnd')}`}
          />
          <InfoItem label={t('field.reservePlaces')} value={String(accommodation.reservePlaces)} />
        </Stack>
        {accommodation.notes && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5, whiteSpace: 'pre-wrap' }}>
            {accommodation.notes}
          </Typography>
        )}
      </Paper>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <AsOfDatePicker label={t('detail.asOf')} value={day} onChange={setDay} />
        <FigureStrip figures={f} closed={!f} />
      </Stack>

      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_, v: TabKey) => setTab(v)} aria-label={t('detail.tabs')}>
          <Tab value="board" label={t('detail.tabBoard')} id="tab-board" aria-controls="panel-board" />
          <Tab value="timeline" label={t('detail.tabTimeline')} id="tab-timeline" aria-controls="panel-timeline" />
        </Tabs>
      </Box>
      {data.status === 'loading' && <CircularProgress aria-label={t('detail.loading')} />}
      {data.status === 'error' && <Alert severity="error">{t('detail.loadError')}</Alert>}
      {tab === 'board' && data.status === 'ready' && (
        <Box role="tabpanel" id="panel-board" aria-labelledby="tab-board">
          {!f && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('detail.boardNotOpen')}
            </Alert>
          )}
          <BedBoard units={board} standardM2={standardM2} onBedAction={onBedAction} disabledActions={disabledBedActions} />
        </Box>
      )}
      {tab === 'timeline' && timeline && (
        <Box role="tabpanel" id="panel-timeline" aria-labelledby="tab-timeline">
          <BedTimeline
            rows={timeline.rows}
            barsByRow={timeline.barsByRow}
            today={today}
            rangeStart={timeline.rangeStart}
            rangeEnd={timeline.rangeEnd}
            height={Math.max(320, Math.min(640, 80 + timeline.rows.length * 32))}
          />
        </Box>
      )}

      <AccommodationDialog
        open={dialog === 'edit'}
        onClose={() => setDialog(null)}
        db={db}
        municipalities={data.dataset.municipalities}
        accommodation={accommodation}
        today={today}
      />
      <StructureDialog open={dialog === 'structure'} onClose={() => setDialog(null)} db={db} accommodation={accommodation} units={units ?? []} />
      {/* Write dialogs of the operations feature (Einzug, Verlegung, Auszug, Sperre). */}
      <CheckInDialog open={bedDialog?.action === 'checkIn'} onClose={closeBedDialog} initialBedId={bedDialog?.bedId ?? null} initialFrom={day} db={db} />
      <MoveDialog open={bedDialog?.action === 'move'} onClose={closeBedDialog} initialPersonId={bedDialog?.personId ?? null} db={db} />
      <CheckOutDialog open={bedDialog?.action === 'checkOut'} onClose={closeBedDialog} initialPersonId={bedDialog?.personId ?? null} db={db} />
      {bedDialog && (bedDialog.action === 'block' || bedDialog.action === 'unblock') && (
        <BlockBedDialog open onClose={closeBedDialog} bedId={bedDialog.bedId} db={db} />
      )}
      <CloseAccommodationDialog open={dialog === 'close'} onClose={() => setDialog(null)} db={db} accommodation={accommodation} today={today} />
    </Page>
  );
}
