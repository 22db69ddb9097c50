// Einstellungen → Löschfristen und Löschläufe (administrators only): the
// retention periods (county policy, synced as an access event) and the
// entry to the preview and run (renderer/features/retention).
import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isoDateOf } from '../../../shared/domain/dates';
import { validatePolicy, type DueEntry, type PolicyInForce, type RetentionPolicy } from '../../../shared/retention';
import { usePermission } from '../../auth/session';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb } from '../../db/db';
import { RetentionDialog } from '../../features/retention/RetentionDialog';
import { loadDue, loadPolicy, saveRetentionPolicy } from '../../features/retention/retentionCommands';
import { resolveWriteContext } from '../../features/operations/commandContext';
import { formatDate, formatNumber } from '../../i18n/format';
import { notify } from '../../state/ui';
import { PURGE_STATE_KEY } from '../../sync/purge';

export function RetentionSection() {
  const { t } = useTranslation('retention');
  const db = getDb();
  const allowed = usePermission('retention:run');
  const inForce: PolicyInForce | undefined = useLiveQuery(() => loadPolicy(db), [db]);
  const purgePending = useLiveQuery(async () => (await db.syncState.get(PURGE_STATE_KEY)) !== undefined, [db]);
  /** The user's edits of the periods; null shows the policy in force. */
  const [draft, setDraft] = useState<{ standard: string; refused: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [today] = useState(() => isoDateOf(new Date()));
  /** The due list of the last preview; read on demand (every person, stay and allocation), never on every visit. */
  const [due, setDue] = useState<{ key: string; list: DueEntry[] } | null>(null);
  const [loadingDue, setLoadingDue] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);

  const policy = inForce?.policy;
  const policyKey = policy ? `${policy.standardMonths}/${policy.refusedMonths}` : null;
  const dueList = due !== null && due.key === policyKey ? due.list : null;

  const openPreview = async () => {
    if (!policy || policyKey === null) return;
    setLoadingDue(true);
    try {
      setDue({ key: policyKey, list: await loadDue(db, today, policy) });
      setDialogOpen(true);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setLoadingDue(false);
    }
  };

  if (!allowed) {
    return (
      <SettingsSection title={t('section.heading')} description={t('section.description')}>
        <Typography variant="body2">{t('section.adminOnly')}</Typography>
      </SettingsSection>
    );
  }

  const shown = { standard: draft?.standard ?? (policy ? String(policy.standardMonths) : ''), refused: draft?.refused ?? (policy ? String(policy.refusedMonths) : '') };
  const parsed: RetentionPolicy | null = draft ? { standardMonths: Number(draft.standard), refusedMonths: Number(draft.refused) } : null;
  const problems = parsed ? validatePolicy(parsed) : [];
  const changed = parsed !== null && policy !== undefined && (parsed.standardMonths !== policy.standardMonths || parsed.refusedMonths !== policy.refusedMonths);
  const helper = (v: string) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? t('section.monthsHelper', { months: n, count: n / 12, years: formatNumber(n / 12, { maximumFractionDigits: 1 }) }) : ' ';
  };

  const save = async () => {
    if (!parsed || problems.length > 0) return;
    setSaving(true);
    try {
      await saveRetentionPolicy(db, await resolveWriteContext(db), parsed);
      setDraft(null);
      notify(t('section.saved'));
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <SettingsSection title={t('section.heading')} description={t('section.description')}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label={t('section.standardMonths')}
            type="number"
            value={shown.standard}
            onChange={(e) => setDraft({ standard: e.target.value, refused: shown.refused })}
            helperText={helper(shown.standard)}
            slotProps={{ htmlInput: { min: 1, max: 360, step: 1 } }}
            sx={{ flex: 1 }}
          />
          <TextField
            label={t('section.refusedMonths')}
            type="number"
            value={shown.refused}
            onChange={(e) => setDraft({ standard: shown.standard, refused: e.target.value })}
            helperText={helper(shown.refused)}
            slotProps={{ htmlInput: { min: 1, max: 360, step: 1 } }}
            sx={{ flex: 1 }}
          />
        </Stack>
        {problems.map((p) => (
          <Alert key={p} severity="error">
            {t(`section.problems.${p}`)}
          </Alert>
        ))}
        <Typography variant="body2" color="text.secondary">
          {inForce?.event ? t('section.inForce', { date: formatDate(inForce.event.at.slice(0, 10)), user: inForce.event.userName }) : t('section.defaults')}
        </Typography>
        <div>
          <Button variant="outlined" onClick={() => void save()} disabled={!changed || problems.length > 0 || saving}>
            {t('section.save')}
          </Button>
        </div>
        <Typography data-testid="retention-due-count" aria-live="polite">
          {loadingDue ? t('section.dueLoading') : dueList !== null ? t('section.dueCount', { count: dueList.length }) : t('section.dueOnDemand')}
        </Typography>
        {purgePending ? (
          <Alert severity="info" variant="outlined">
            {t('section.purgePending')}
          </Alert>
        ) : null}
        <div>
          <Button variant="contained" onClick={() => void openPreview()} disabled={loadingDue || !policy}>
            {t('section.openPreview')}
          </Button>
        </div>
      </Stack>
      {dueList !== null && policy ? (
        <RetentionDialog
          key={`${due?.key}/${due?.list.length}/${String(dialogOpen)}`}
          open={dialogOpen}
          onClose={() => {
            setDialogOpen(false);
            // After a run the list is stale: the next preview reads it again.
            setDue(null);
          }}
          due={dueList}
          today={today}
          policy={policy}
          db={db}
        />
      ) : null}
    </SettingsSection>
  );
}
