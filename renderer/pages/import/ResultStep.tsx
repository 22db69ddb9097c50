// Step 5: what was created.
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PLANNED_TABLES } from '../../../shared/import/plan';
import type { ImportOutcome } from '../../features/import/importCommands';
import { formatInteger } from '../../i18n/format';

export function ResultStep({ outcome, fileName, onRestart }: { outcome: ImportOutcome; fileName: string; onRestart: () => void }) {
  const { t } = useTranslation('import');
  const { plan } = outcome;
  const created = PLANNED_TABLES.filter((tb) => plan.records[tb].length > 0);
  return (
    <Stack spacing={2}>
      <Alert severity="success">{t('result.success', { count: plan.rowCount, file: fileName })}</Alert>
      <Typography data-testid="import-created">
        {t('result.created')}: {created.map((tb) => `${t(`preview.counts.${tb}`)} ${formatInteger(plan.records[tb].length)}`).join(' · ')}
      </Typography>
      {plan.kind === 'occupancy' ? <Typography>{`${t('preview.matched')}: ${formatInteger(plan.matchedPersons)}`}</Typography> : null}
      <Typography variant="body2" color="text.secondary">
        {t('result.auditNote')}
      </Typography>
      <div>
        <Button variant="contained" onClick={onRestart}>
          {t('actions.restart')}
        </Button>
      </div>
    </Stack>
  );
}
