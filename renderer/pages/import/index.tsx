// The import area: the wizard that reads the office's Excel/CSV lists
// (accommodations, residents, current occupancy). Roles without
// `import:run` see why they cannot import instead of a wizard that would be
// refused at the end.
import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { usePermission } from '../../auth';
import { ImportWizard } from './ImportWizard';

export default function ImportPage() {
  const { t } = useTranslation('import');
  const allowed = usePermission('import:run');
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      {allowed ? <ImportWizard /> : <Alert severity="info">{t('noPermission')}</Alert>}
    </Page>
  );
}
