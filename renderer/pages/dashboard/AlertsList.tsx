// The dashboard's list of things to look at, most severe first.
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import { formatArea, formatDate } from '../../i18n/format';
import { severityOf, type DashboardAlert } from './alerts';

const ICONS = { error: ErrorOutlineIcon, warning: WarningAmberIcon, info: InfoOutlinedIcon } as const;
const SHOWN = 12;

function useAlertText() {
  const { t } = useTranslation('dashboard');
  return (a: DashboardAlert): { text: string; to: string | null; linkText: string | null } => {
    switch (a.kind) {
      case 'overCapacityRoom':
        return { text: t('alert.overCapacityRoom', { room: a.room, residents: a.residents, places: a.places }), to: `/accommodations/${a.accommodationId}`, linkText: a.accommodation };
      case 'overCapacityAccommodation':
        return { text: t('alert.overCapacityAccommodation', { residents: a.residents, places: a.places }), to: `/accommodations/${a.accommodationId}`, linkText: a.accommodation };
      case 'blockedButOccupied':
        return { text: t('alert.blockedButOccupied', { count: a.count }), to: `/accommodations/${a.accommodationId}`, linkText: a.accommodation };
      case 'spaceAccommodation':
        return { text: t('alert.spaceAccommodation', { actual: formatArea(a.actual), required: formatArea(a.required) }), to: `/accommodations/${a.accommodationId}`, linkText: a.accommodation };
      case 'spaceRooms':
        return {
          text: t('alert.spaceRooms', { count: a.rooms.length, rooms: a.rooms.slice(0, 5).join(', ') + (a.rooms.length > 5 ? ' …' : ''), required: formatArea(a.required) }),
          to: `/accommodations/${a.accommodationId}`,
          linkText: a.accommodation,
        };
      case 'spaceCounty':
        return { text: t('alert.spaceCounty', { actual: formatArea(a.actual), required: formatArea(a.required) }), to: null, linkText: null };
      case 'blockExpired':
        return {
          text: t('alert.blockExpired', { room: a.room, bed: a.bed, reason: t(`blockReason.${a.reason}`), date: formatDate(a.until) }),
          to: `/accommodations/${a.accommodationId}`,
          linkText: a.accommodation,
        };
      case 'deadline':
        return {
          text: t(a.overdue ? 'alert.deadlineOverdue' : `alert.deadline.${a.deadline}`, { date: formatDate(a.date) }),
          to: `/residents/${a.personId}`,
          linkText: a.person,
        };
    }
  };
}

export function AlertsList({ alerts }: { alerts: readonly DashboardAlert[] }) {
  const { t } = useTranslation('dashboard');
  const text = useAlertText();
  const [all, setAll] = useState(false);
  if (alerts.length === 0) {
    return <Typography color="text.secondary">{t('alerts.none')}</Typography>;
  }
  const shown = all ? alerts : alerts.slice(0, SHOWN);
  return (
    <>
      <List dense disablePadding aria-label={t('alerts.title')}>
        {shown.map((a, i) => {
          const severity = severityOf(a);
          const Icon = ICONS[severity];
          const { text: line, to, linkText } = text(a);
          return (
            <ListItem key={i} disableGutters data-testid="dashboard-alert" data-kind={a.kind}>
              <ListItemIcon sx={{ minWidth: 36 }}>
                <Icon color={severity} fontSize="small" titleAccess={t(`severity.${severity}`)} />
              </ListItemIcon>
              <ListItemText
                primary={
                  <>
                    {to && linkText ? (
                      <Link component={RouterLink} to={to} sx={{ fontWeight: 600 }}>
                        {linkText}
                      </Link>
                    ) : null}
                    {to && linkText ? ': ' : ''}
                    {line}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
      {alerts.length > SHOWN && (
        <Button size="small" onClick={() => setAll((v) => !v)}>
          {all ? t('alerts.showLess') : t('alerts.showAll', { count: alerts.length })}
        </Button>
      )}
    </>
  );
}
