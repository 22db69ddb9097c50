// Honest placeholder for an area whose real screen is not built yet: the page
// title plus a short description of what will come.
import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';

export type PlaceholderArea =
  | 'dashboard'
  | 'accommodations'
  | 'residents'
  | 'occupancy'
  | 'allocations'
  | 'reports'
  | 'letters'
  | 'sync';

export function AreaPlaceholder({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation('common');
  return (
    <Page title={t(`nav.${area}`)}>
      <Alert severity="info" variant="outlined" sx={{ maxWidth: '70ch' }}>
        <AlertTitle>{t('placeholder.inPreparation')}</AlertTitle>
        {t(`placeholder.${area}`)}
      </Alert>
    </Page>
  );
}
