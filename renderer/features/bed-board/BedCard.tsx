// One place (Bettplatz) on the board. The state is shown as colour AND icon
// AND text so it is readable without colour (WCAG 1.4.1), and the card is a
// focusable button that opens the actions possible in that state.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import PersonIcon from '@mui/icons-material/Person';
import EventIcon from '@mui/icons-material/Event';
import BlockIcon from '@mui/icons-material/Block';
import type { Id } from '../../../shared/domain/model';
import { bedLabelKey, type BedCardModel, type BedStateKind } from './boardModel';
import { formatDate } from '../../i18n/format';

export type BedAction = 'checkIn' | 'move' | 'checkOut' | 'block' | 'unblock';

/** Which actions make sense in which state. */
export const ACTIONS_BY_STATE: Record<BedStateKind, readonly BedAction[]> = {
  free: ['checkIn', 'block'],
  reserve: ['checkIn', 'block'],
  reserved: ['checkIn', 'block'],
  occupied: ['move', 'checkOut'],
  blocked: ['unblock'],
};

const STATE_STYLE: Record<BedStateKind, { color: 'success' | 'primary' | 'warning' | 'error'; Icon: typeof PersonIcon }> = {
  free: { color: 'success', Icon: CheckCircleOutlineIcon },
  reserve: { color: 'success', Icon: BookmarkBorderIcon },
  occupied: { color: 'primary', Icon: PersonIcon },
  reserved: { color: 'warning', Icon: EventIcon },
  blocked: { color: 'error', Icon: BlockIcon },
};

/** The visible (and spoken) text of a bed's state. */
export function useBedStateText(): (model: BedCardModel) => string {
  const { t } = useTranslation('accommodations');
  return (model) => {
    const s = model.state;
    switch (s.kind) {
      case 'free':
        return t('board.state.free');
      case 'reserve':
        return t('board.state.reserve');
      case 'occupied':
        return t('board.state.occupied', { name: s.personName });
      case 'reserved':
        return t('board.state.reserved', { name: s.personName, date: formatDate(s.from) });
      case 'blocked':
        return s.until
          ? t('board.state.blockedUntil', { reason: t(`board.blockReason.${s.reason}`), date: formatDate(s.until) })
          : t('board.state.blocked', { reason: t(`board.blockReason.${s.reason}`) });
    }
  };
}

export interface BedCardProps {
  model: BedCardModel;
  onAction?: ((bedId: Id, action: BedAction) => void) | undefined;
  /** Actions the user may not run (missing permission, dialog not available). */
  disabledActions?: ReadonlySet<BedAction> | undefined;
}

export function BedCard({ model, onAction, disabledActions }: BedCardProps) {
  const { t } = useTranslation('accommodations');
  const stateText = useBedStateText();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { color, Icon } = STATE_STYLE[model.state.kind];
  const text = stateText(model);
  const actions = ACTIONS_BY_STATE[model.state.kind].filter((a) => !disabledActions?.has(a));
  const canAct = onAction !== undefined && actions.length > 0;
  const next = model.nextStay ? `, ${t('board.next', { date: formatDate(model.nextStay.from), name: model.nextStay.personName })}` : '';
  const { key: labelKey } = bedLabelKey(model.bed.label);
  const label = `${t(labelKey, { label: model.bed.label })}${model.bed.reserve ? ` (${t('board.reservePlace')})` : ''}: ${text}${next}`;

  const open = (el: HTMLElement) => {
    if (canAct) setAnchor(el);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // ContextMenu key / Shift+F10 open the actions like a right click would.
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      open(e.currentTarget);
    }
  };

  return (
    <>
      <ButtonBase
        focusRipple
        data-testid="bed-card"
        data-state={model.state.kind}
        aria-label={label}
        aria-haspopup={canAct ? 'menu' : undefined}
        onClick={(e) => open(e.currentTarget)}
        onKeyDown={onKeyDown}
        sx={(theme) => ({
          display: 'flex',
          alignItems: 'flex-start',
          justifyContent: 'flex-start',
          gap: 1,
          width: '100%',
          minHeight: 64,
          p: 1,
          textAlign: 'left',
          borderRadius: 1,
          border: '1px solid',
          borderColor: theme.palette[color].main,
          borderLeftWidth: 6,
          bgcolor: theme.palette.background.paper,
          // Blocked beds are additionally hatched, a second non-colour cue.
          backgroundImage:
            model.state.kind === 'blocked'
              ? `repeating-linear-gradient(45deg, transparent 0 6px, ${theme.palette.action.hover} 6px 12px)`
              : 'none',
          borderStyle: model.state.kind === 'reserved' ? 'dashed' : 'solid',
          '&.Mui-focusVisible': { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
        })}
      >
        <Icon color={color} fontSize="small" aria-hidden sx={{ mt: 0.25 }} />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="caption" component="div" color="text.secondary" noWrap>
            {t(labelKey, { label: model.bed.label })}
            {model.bed.reserve ? ` · ${t('board.reservePlace')}` : ''}
          </Typography>
          <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
            {text}
          </Typography>
          {model.nextStay && (
            <Typography variant="caption" component="div" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {t('board.next', { date: formatDate(model.nextStay.from), name: model.nextStay.personName })}
            </Typography>
          )}
        </Box>
      </ButtonBase>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {actions.map((action) => (
          <MenuItem
            key={action}
            onClick={() => {
              setAnchor(null);
              onAction?.(model.bed.id, action);
            }}
          >
            {t(`board.action.${action}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
