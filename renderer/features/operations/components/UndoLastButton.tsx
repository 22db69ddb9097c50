// "Letzte Aktion rückgängig machen": names the last operation of this device
// (what, when, whom) and undoes it after a confirmation. A refusal (a later
// change touched the same records, or a rule would break) is explained.
import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Typography } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id, Person, Stay } from '../../../../shared/domain/model';
import { getDb, type QuartierDb } from '../../../db/db';
import { formatDateTime } from '../../../i18n/format';
import { auditOfChange, findLastUndoable, undoLastOperation } from '../undo';
import { useCommandRunner } from './useCommandRunner';
import { ViolationAlert } from './ViolationAlert';

interface LastOperation {
  operation: string;
  at: string;
  personIds: Id[];
  records: number;
}

async function loadLast(db: QuartierDb): Promise<LastOperation | null> {
  const change = await findLastUndoable(db);
  if (!change) return null;
  const audit = await auditOfChange(db, change.changeId);
  const personIds = new Set<Id>();
  for (const a of audit) {
    const rec = (a.after ?? a.before) as Partial<Stay & Person> | null;
    if (a.entity === 'stays' && rec?.personId) personIds.add(rec.personId);
    if (a.entity === 'persons') personIds.add(a.entityId);
  }
  return { operation: change.operation, at: change.at, personIds: [...personIds], records: change.ops.length };
}

export interface UndoLastButtonProps {
  db?: QuartierDb;
}

export function UndoLastButton({ db = getDb() }: UndoLastButtonProps) {
  const { t } = useTranslation('operations');
  const last = useLiveQuery(() => loadLast(db), [db]);
  const names = useLiveQuery(async () => {
    if (!last) return [];
    const persons = await db.persons.bulkGet(last.personIds.slice(0, 6));
    return persons.filter((p): p is Person => !!p).map((p) => `${p.givenName} ${p.familyName}`);
  }, [db, last]);
  const runner = useCommandRunner();
  const [confirming, setConfirming] = useState(false);

  const what = last
    ? t('undo.what', {
        operation: t(`operationNames.${last.operation}`, { defaultValue: last.operation }),
        at: formatDateTime(last.at),
        names: (names ?? []).join(', ') + (last.personIds.length > 6 ? ' …' : ''),
        count: (names ?? []).length,
      })
    : t('undo.nothing');

  const undo = async () => {
    const res = await runner.run(() => undoLastOperation(db), t('undo.done'));
    if (res) setConfirming(false);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="subtitle2" component="h2">
            {t('undo.lastAction')}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="last-operation">
            {what}
          </Typography>
        </Box>
        <Button variant="outlined" startIcon={<UndoIcon />} disabled={!last || runner.busy} onClick={() => setConfirming(true)}>
          {t('undo.button')}
        </Button>
      </Box>
      {!confirming ? <ViolationAlert messages={runner.errors} /> : null}
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="undo-title">
        <DialogTitle id="undo-title">{t('undo.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{what}</DialogContentText>
          <DialogContentText sx={{ mt: 1 }}>{t('undo.confirmText')}</DialogContentText>
          <ViolationAlert messages={runner.errors} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('actions.cancel')}</Button>
          <Button variant="contained" onClick={() => void undo()} disabled={runner.busy} autoFocus>
            {t('undo.button')}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
