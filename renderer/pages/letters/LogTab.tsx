// Letters log: every issued letter with number, date, template version,
// recipient and who issued it; reprint exactly as first issued (from the
// frozen content, never from current data or templates).
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { LetterLogEntry } from '../../../shared/domain/model';
import { formatDateDe } from '../../../shared/reports/format';
import type { QuartierDb } from '../../db/db';
import { ExportProgress } from '../../features/exports/ExportProgress';
import { exportFileName, saveExport } from '../../features/exports/output';
import { useExportJob } from '../../features/exports/useExportJob';
import { contentOf } from '../../features/letters/issue';
import { notify } from '../../state/ui';
import { recordAccess } from '../../features/audit/recordAccess';
import { letterReprintEvent } from '../../../shared/audit/descriptions';

const SHOWN = 500;

export function LogTab({ db }: { db: QuartierDb }) {
  const { t } = useTranslation('letters');
  const [query, setQuery] = useState('');
  const entries = useLiveQuery(() => db.letters.orderBy('issuedOn').reverse().toArray(), [db]);
  const job = useExportJob();
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = (entries ?? []).filter((e) => !e.deleted);
    return q ? list.filter((e) => e.number.toLowerCase().includes(q) || e.recipientName.toLowerCase().includes(q)) : list;
  }, [entries, query]);

  const reprint = async (entry: LetterLogEntry) => {
    try {
      const content = contentOf(entry);
      // Logged (and permission-checked) before the file exists: a refusal stops the reprint.
      await recordAccess(db, letterReprintEvent(entry.number, entry.templateKind, entry.personIds));
      const bytes = await job.run({ type: 'letters', letters: [content], title: `Schreiben ${entry.number}` });
      if (bytes) await saveExport(bytes, exportFileName(`Schreiben-${entry.number}`, 'pdf'), 'pdf');
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <Box>
      <TextField label={t('log.search')} value={query} onChange={(e) => setQuery(e.target.value)} size="small" sx={{ mb: 2, minWidth: 320 }} />
      <ExportProgress state={job.state} onCancel={job.cancel} />
      {job.state.status === 'error' ? <Alert severity="error">{job.state.message}</Alert> : null}
      {entries && filtered.length === 0 ? <Typography>{t('log.empty')}</Typography> : null}
      {filtered.length > 0 ? (
        <Table size="small" aria-label={t('log.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('log.number')}</TableCell>
              <TableCell>{t('log.date')}</TableCell>
              <TableCell>{t('log.kind')}</TableCell>
              <TableCell>{t('log.version')}</TableCell>
              <TableCell>{t('log.recipient')}</TableCell>
              <TableCell>{t('log.by')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {filtered.slice(0, SHOWN).map((e) => (
              <TableRow key={e.id}>
                <TableCell>{e.number}</TableCell>
                <TableCell>{formatDateDe(e.issuedOn)}</TableCell>
                <TableCell>{t(`kinds.${e.templateKind}`)}</TableCell>
                <TableCell>{e.templateVersion}</TableCell>
                <TableCell>{e.recipientName}</TableCell>
                <TableCell>{e.issuedBy}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => void reprint(e)} disabled={job.state.status === 'running'}>
                    {t('log.reprint')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}
