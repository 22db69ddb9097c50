// Temporary settings page; the full one (language, user, shared folder, data) replaces it shortly.
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

export default function SettingsPage() {
  const { t } = useTranslation('common');
  return <Page title={t('settings.title')} />;
}
