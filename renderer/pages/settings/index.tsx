// Settings: language, user and device, role, shared folder, local data.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Page } from '../../components/Page';
import { SettingsSection } from '../../components/SettingsSection';
import { DataSection } from './DataSection';
import { IdentitySection } from './IdentitySection';
import { RetentionSection } from './RetentionSection';
import { ShareFolderSection } from './ShareFolderSection';

export default function SettingsPage() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('settings.title')}>
      <SettingsSection title={t('settings.language.heading')}>
        <LanguageSwitch />
      </SettingsSection>
      <IdentitySection />
      <ShareFolderSection />
      <RetentionSection />
      <DataSection />
    </Page>
  );
}
