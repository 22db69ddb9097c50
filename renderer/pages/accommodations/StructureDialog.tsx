// "Struktur anlegen": the office describes the structure in its own words,
// one line per group ("Haus A, Zimmer 1–20, je 4 Plätze, 16 m²"). Two steps:
// the text, then a preview of exactly what will be created (from the shared
// planner); only "Anlegen" writes, in one operation (all records or none).
// At the moment of writing the plan is made again inside the transaction,
// so rooms created meanwhile on this laptop cannot be duplicated.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Accommodation, Unit } from '../../../shared/domain/model';
import { planStructure, type StructureLine, type StructurePlanResult } from '../../../shared/occupancy/planners/structure';
import { errorsOf, warningsOf } from '../../../shared/occupancy/violation';
import type { QuartierDb } from '../../db/db';
import { runOperation } from '../../db/repository';
import { newId, resolveWriteContext } from '../../features/operations/commandContext';
import { applyPlan } from '../../features/operations/applyPlan';
import { ViolationAlert } from '../../features/operations/components/ViolationAlert';
import { describeCommandError, violationText } from '../../features/operations/components/violationText';
import { formatArea } from '../../i18n/format';
import { notify } from '../../state/ui';

export interface StructureDialogProps {
  open: boolean;
  onClose: () => void;
  db: QuartierDb;
  accommodation: Accommodation;
  units: readonly Unit[];
}

/** "1, 2, 3" for short runs, "1 … 20" for long ones. */
function roomRange(numbers: readonly string[]): string {
  return numbers.length <= 6 ? numbers.join(', ') : `${numbers[0] ?? ''} … ${numbers[numbers.length - 1] ?? ''}`;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function StructureDialog(props: StructureDialogProps) {
  return props.open ? <StructureDialogBody {...props} /> : null;
}

function StructureDialogBody({ onClose, db, accommodation }: StructureDialogProps) {
  const { t } = useTranslation('accommodations');
  const { t: tRules } = useTranslation('rules');
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<StructurePlanResult | null>(null);
  const [inputErrors, setInputErrors] = useState<string[]>([]);
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const existing = useLiveQuery(
    async () => {
      const [units, rooms] = await Promise.all([
        db.units.where('accommodationId').equals(accommodation.id).toArray(),
        db.rooms.where('accommodationId').equals(accommodation.id).toArray(),
      ]);
      return { units, rooms };
    },
    [db, accommodation.id],
  );

  const preview = () => {
    const result = planStructure(text, { accommodation, units: existing?.units ?? [], rooms: existing?.rooms ?? [] }, { newId, now: new Date().toISOString() });
    if (!result.ok) {
      setInputErrors(errorsOf(result.violations).map((v) => violationText(tRules, v)));
      return;
    }
    setInputErrors([]);
    setPlan(result);
  };

  const create = async () => {
    if (!plan) return;
    setSaving(true);
    setSaveErrors([]);
    try {
      const ctx = await resolveWriteContext(db);
      let written = plan;
      await runOperation(db, ctx, plan.operation, async (w) => {
        const [units, rooms] = await Promise.all([
          w.query('units').where('accommodationId').equals(accommodation.id).toArray(),
          w.query('rooms').where('accommodationId').equals(accommodation.id).toArray(),
        ]);
        const current = await w.get('accommodations', accommodation.id);
        written = planStructure(text, { accommodation: current, units, rooms }, { newId, now: w.now });
        await applyPlan(w, written);
      });
      notify(t('structure.created', { rooms: written.summary.rooms, places: written.summary.beds }));
      onClose();
    } catch (e) {
      setSaveErrors(describeCommandError(tRules, e).messages);
    } finally {
      setSaving(false);
    }
  };

  const unitOf = (line: StructureLine) => {
    const isNew = !(existing?.units ?? []).some((u) => !u.deleted && u.name.toLocaleLowerCase('de') === line.unitName.toLocaleLowerCase('de'));
    return isNew ? t('structure.previewNewUnit', { name: line.unitName }) : t('structure.previewExistingUnit', { name: line.unitName });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="structure-dialog-title">
      <DialogTitle id="structure-dialog-title">{t('structure.title', { name: accommodation.name })}</DialogTitle>
      <DialogContent dividers>
        {!plan && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {t('structure.intro')}
            </Typography>
            <TextField
              label={t('structure.field.spec')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              multiline
              minRows={4}
              fullWidth
              autoFocus
              placeholder={t('structure.placeholder')}
              helperText={t('structure.help')}
              error={inputErrors.length > 0}
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
            <ViolationAlert messages={inputErrors} />
          </>
        )}
        {plan && (
          <>
            <Typography variant="h6" component="p" data-testid="structure-summary" sx={{ mb: 1 }}>
              {t('structure.summary', { rooms: plan.summary.rooms, places: plan.summary.beds })}
            </Typography>
            <Table size="small" aria-label={t('structure.previewTable')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('structure.col.unit')}</TableCell>
                  <TableCell>{t('structure.col.rooms')}</TableCell>
                  <TableCell align="right">{t('structure.col.places')}</TableCell>
                  <TableCell align="right">{t('structure.col.area')}</TableCell>
                  <TableCell>{t('structure.col.attributes')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {plan.lines.map((line) => (
                  <TableRow key={line.line}>
                    <TableCell>{unitOf(line)}</TableCell>
                    <TableCell>{t('structure.previewRooms', { count: line.roomNumbers.length, range: roomRange(line.roomNumbers) })}</TableCell>
                    <TableCell align="right">{t('structure.previewPlaces', { each: line.bedsPerRoom, total: line.bedsPerRoom * line.roomNumbers.length })}</TableCell>
                    <TableCell align="right">{formatArea(line.areaM2)}</TableCell>
                    <TableCell>
                      {[
                        line.restriction !== 'none' ? t(`board.restriction.${line.restriction}`) : null,
                        line.barrierFree ? t('board.barrierFree') : null,
                        line.floor,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <ViolationAlert messages={saveErrors} warnings={warningsOf(plan.violations)} />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        {!plan && (
          <Button variant="contained" onClick={preview} disabled={!existing}>
            {t('structure.preview')}
          </Button>
        )}
        {plan && (
          <>
            <Button onClick={() => setPlan(null)}>{t('structure.back')}</Button>
            <Button variant="contained" onClick={() => void create()} disabled={saving}>
              {t('structure.create')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
