// Settings: language, user and device, users (Administration), automatic lock, shared folder, local data.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Page } from '../../components/Page';
import { SettingsSection } from '../../components/SettingsSection';
import { DataSection } from './DataSection';
import { DiskEncryptionSection } from './DiskEncryptionSection';
import { IdentitySection } from './IdentitySection';
import { InactivitySection } from './InactivitySection';
import { RetentionSection } from './RetentionSection';
import { ShareFolderSection } from './ShareFolderSection';
import { UsersSection } from './UsersSection';

export default function SettingsPage() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('settings.title')}>
      <SettingsSection title={t('settings.language.heading')}>
        <LanguageSwitch />
      </SettingsSection>
      <IdentitySection />
      <UsersSection />
      <InactivitySection />
      <ShareFolderSection />
      <DiskEncryptionSection />
      <RetentionSection />
      <DataSection />
    </Page>
  );
}
