// "Auskunft erstellen" on the person screen: ONE action that records the
// access, builds the JSON file and the PDF (in the export worker) and saves
// both. Shown only to users allowed to export an Auskunft; the repository's
// permission check refuses it anyway for everyone else.
import { useState } from 'react';
import { Button, Tooltip } from '@mui/material';
import PolicyOutlinedIcon from '@mui/icons-material/PolicyOutlined';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/domain/model';
import { getDb, type QuartierDb } from '../../db/db';
import { useCanExportAuskunft } from '../audit/permission';
import { ExportProgress } from '../exports/ExportProgress';
import { useExportJob } from '../exports/useExportJob';
import { useLetterhead } from '../letters/storage';
import { resolveWriteContext } from '../operations/commandContext';
import { notify } from '../../state/ui';
import { AuskunftCancelledError, generateAuskunft } from './generateAuskunft';
import { saveAuskunft } from './saveAuskunft';

export function AuskunftButton({ personId, db = getDb() }: { personId: Id; db?: QuartierDb }) {
  const { t } = useTranslation('audit');
  const allowed = useCanExportAuskunft();
  const letterhead = useLetterhead(db);
  const job = useExportJob();
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;

  const run = async () => {
    setBusy(true);
    try {
      const ctx = await resolveWriteContext(db);
      const files = await generateAuskunft(db, ctx, personId, {
        authority: letterhead?.authority ?? '',
        renderPdf: (view) => job.run({ type: 'auskunft', view }),
      });
      const saved = await saveAuskunft(files);
      notify(saved.pdf && saved.json ? t('auskunft.done') : t('auskunft.partlySaved'), saved.pdf && saved.json ? 'success' : 'warning');
    } catch (err) {
      if (!(err instanceof AuskunftCancelledError)) notify(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip title={t('auskunft.hint')}>
        <span>
          <Button variant="outlined" startIcon={<PolicyOutlinedIcon />} onClick={() => void run()} disabled={busy || letterhead === undefined}>
            {busy ? t('auskunft.running') : t('auskunft.action')}
          </Button>
        </span>
      </Tooltip>
      <ExportProgress state={job.state} onCancel={job.cancel} />
    </>
  );
}
