// The import area: the wizard that reads the office's Excel/CSV lists.
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

export default function ImportPage() {
  const { t } = useTranslation('import');
  return <Page title={t('title')} subtitle={t('subtitle')} />;
}
