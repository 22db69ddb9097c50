// Belegungsplan: units → rooms → beds of one accommodation on one day.
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AccessibleIcon from '@mui/icons-material/Accessible';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { Id } from '../../../shared/domain/model';
import type { RoomCardModel, UnitCardModel } from './boardModel';
import { BedCard, type BedAction } from './BedCard';
import { formatArea } from '../../i18n/format';

export interface BedBoardProps {
  units: readonly UnitCardModel[];
  /** m² per place required on the day, shown in the warning chip. */
  standardM2: number | null;
  onBedAction?: ((bedId: Id, action: BedAction) => void) | undefined;
  disabledActions?: ReadonlySet<BedAction> | undefined;
}

function RoomHeader({ model, standardM2 }: { model: RoomCardModel; standardM2: number | null }) {
  const { t } = useTranslation('accommodations');
  const { room } = model;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {t('board.room', { number: room.number })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {formatArea(room.areaM2)}
      </Typography>
      {room.restriction !== 'none' && <Chip size="small" variant="outlined" label={t(`board.restriction.${room.restriction}`)} />}
      {room.barrierFree && (
        <Tooltip title={t('board.barrierFree')}>
          <AccessibleIcon fontSize="small" color="action" aria-label={t('board.barrierFree')} role="img" />
        </Tooltip>
      )}
      <Typography variant="body2" sx={{ ml: 'auto' }} data-testid="room-used">
        {t('board.used', { used: model.used, places: model.places })}
      </Typography>
      {model.belowStandard && (
        <Chip
          size="small"
          color="warning"
          icon={<WarningAmberIcon />}
          label={t('board.belowStandard', {
            actual: formatArea(model.areaPerPlace),
            standard: formatArea(standardM2),
          })}
        />
      )}
    </Stack>
  );
}

export function BedBoard({ units, standardM2, onBedAction, disabledActions }: BedBoardProps) {
  const { t } = useTranslation('accommodations');
  if (units.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        {t('board.empty')}
      </Typography>
    );
  }
  return (
    <Stack spacing={3}>
      {units.map(({ unit, rooms }) => (
        <Box component="section" key={unit.id} aria-label={unit.name}>
          <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
            {unit.name}
            {unit.floor ? ` · ${t('board.floor', { floor: unit.floor })}` : ''}
          </Typography>
          {rooms.length === 0 && <Typography color="text.secondary">{t('board.noRooms')}</Typography>}
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
            {rooms.map((room) => (
              <Paper key={room.room.id} variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={t('board.room', { number: room.room.number })}>
                <RoomHeader model={room} standardM2={standardM2} />
                <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))' }}>
                  {room.beds.map((bed) => (
                    <BedCard key={bed.bed.id} model={bed} onAction={onBedAction} disabledActions={disabledActions} />
                  ))}
                </Box>
                {room.beds.length === 0 && (
                  <Typography variant="body2" color="text.secondary">
                    {t('board.noBeds')}
                  </Typography>
                )}
              </Paper>
            ))}
          </Box>
        </Box>
      ))}
    </Stack>
  );
}
