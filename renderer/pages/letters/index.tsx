// Schreiben: batch letters, the letters log (reprint), template editor and
// letterhead settings.
import { useState } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { getDb } from '../../db/db';
import { BatchTab } from './BatchTab';
import { LetterheadTab } from './LetterheadTab';
import { LogTab } from './LogTab';
import { TemplatesTab } from './TemplatesTab';

const TABS = ['batch', 'log', 'templates', 'letterhead'] as const;
type TabKey = (typeof TABS)[number];

export default function LettersPage() {
  const { t } = useTranslation('letters');
  const [tab, setTab] = useState<TabKey>('batch');
  const db = getDb();
  return (
    <Page title={t('title')}>
      <Tabs value={tab} onChange={(_, v: TabKey) => setTab(v)} sx={{ mb: 3 }} aria-label={t('title')}>
        {TABS.map((k) => (
          <Tab key={k} value={k} label={t(`tabs.${k}`)} id={`letters-tab-${k}`} aria-controls={`letters-panel-${k}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`letters-panel-${tab}`} aria-labelledby={`letters-tab-${tab}`}>
        {tab === 'batch' ? <BatchTab db={db} /> : null}
        {tab === 'log' ? <LogTab db={db} /> : null}
        {tab === 'templates' ? <TemplatesTab db={db} /> : null}
        {tab === 'letterhead' ? <LetterheadTab db={db} /> : null}
      </Box>
    </Page>
  );
}
