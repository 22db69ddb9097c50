// Zuteilungen: Warteliste → Vorschlag → Zuteilungen, the quota ledger and the
// municipalities. The tab is kept in the address (?tab=…) so a reload or a
// link lands on the same view.
import { useState } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { QueueEntry } from '../../../shared/allocation/queue';
import { isoDateOf } from '../../../shared/domain/dates';
import { Page } from '../../components/Page';
import { getDb } from '../../db/db';
import {
  AllocationsTab,
  MunicipalitiesTab,
  ProposalStep,
  QueueTab,
  QuotaTab,
  useLedger,
  useQuotaSettings,
  yearPeriod,
  type Period,
} from '../../features/allocations';
import { useOccupancyData } from '../../features/occupancy-data/hooks';

const TABS = ['queue', 'proposal', 'allocations', 'quota', 'municipalities'] as const;
type TabKey = (typeof TABS)[number];

function isTab(v: string | null): v is TabKey {
  return v !== null && (TABS as readonly string[]).includes(v);
}

export default function AllocationsPage() {
  const { t } = useTranslation('allocations');
  const db = getDb();
  const [today] = useState(() => isoDateOf(new Date()));
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : 'queue';
  const setTab = (next: TabKey) => setParams({ tab: next }, { replace: true });

  const data = useOccupancyData();
  const settings = useQuotaSettings(db);
  const [period, setPeriod] = useState<Period>(() => yearPeriod(today));
  const { ledger } = useLedger(data, period, settings);
  const [entries, setEntries] = useState<QueueEntry[]>([]);

  return (
    <Page title={t('title')} subtitle={t('subtitle')}>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_, v: TabKey) => setTab(v)} aria-label={t('tabs.label')} variant="scrollable" scrollButtons="auto">
          {TABS.map((k) => (
            <Tab key={k} value={k} label={t(`tabs.${k}`)} id={`allocations-tab-${k}`} aria-controls={`allocations-panel-${k}`} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`allocations-panel-${tab}`} aria-labelledby={`allocations-tab-${tab}`}>
        {tab === 'queue' ? (
          <QueueTab
            data={data}
            today={today}
            onPropose={(selected) => {
              setEntries(selected);
              setTab('proposal');
            }}
          />
        ) : null}
        {tab === 'proposal' ? (
          <ProposalStep
            key={entries.map((e) => e.key).join('|')}
            db={db}
            entries={entries}
            municipalities={data.dataset.municipalities}
            ledger={ledger}
            today={today}
            onDiscard={() => {
              setEntries([]);
              setTab('queue');
            }}
          />
        ) : null}
        {tab === 'allocations' ? <AllocationsTab db={db} data={data} today={today} /> : null}
        {tab === 'quota' ? <QuotaTab db={db} data={data} period={period} onPeriodChange={setPeriod} stored={settings} /> : null}
        {tab === 'municipalities' ? <MunicipalitiesTab db={db} data={data} today={today} /> : null}
      </Box>
    </Page>
  );
}
