// The sync screen: status and "Jetzt synchronisieren", the Konflikte inbox,
// files set aside, clock warnings, the registered devices and the sync settings.
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { ConflictInbox } from './ConflictInbox';
import { DevicesSection } from './DevicesSection';
import { ClockWarningsSection, QuarantineSection } from './QuarantineSection';
import { SyncOverviewSection } from './SyncOverviewSection';
import { SyncSettingsSection } from './SyncSettingsSection';

export default function SyncPage() {
  const { t } = useTranslation('sync');
  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <SyncOverviewSection />
      <ConflictInbox />
      <QuarantineSection />
      <ClockWarningsSection />
      <DevicesSection />
      <SyncSettingsSection />
    </Page>
  );
}
