// Shown for an address that no route knows (e.g. an outdated bookmark).
import { Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { Page } from '../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  return (
    <Page title={t('notFound.title')}>
      <Typography sx={{ mb: 2 }}>{t('notFound.description', { path: pathname })}</Typography>
      <Button variant="contained" component={RouterLink} to="/">
        {t('notFound.back')}
      </Button>
    </Page>
  );
}
