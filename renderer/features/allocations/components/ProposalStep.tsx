// Vorschlag: for the households chosen on the Warteliste, a municipality per
// household so that the balances even out (shared/allocation/proposal.ts),
// each with a one-line explanation. Any row can be changed (it is then
// "manuell" and the others are proposed again around it); "Bestätigen"
// records the allocations in one operation; then the letters can be made.
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../../shared/allocation/ledger';
import { proposeAllocations, type HouseholdToPlace, type Proposal } from '../../../../shared/allocation/proposal';
import type { QueueEntry } from '../../../../shared/allocation/queue';
import { addDays } from '../../../../shared/domain/dates';
import type { Allocation, AllocationStatus, Id, IsoDate, Municipality } from '../../../../shared/domain/model';
import type { QuartierDb } from '../../../db/db';
import { formatInteger } from '../../../i18n/format';
import { notify } from '../../../state/ui';
import { DateField } from '../../operations/components/DateField';
import { createAllocations } from '../commands';
import { allocationErrorMessages } from '../errorText';
import { BalanceText } from './BalanceText';
import { LetterBatchDialog } from './LetterBatchDialog';
import { PermissionGate } from '../../../auth/PermissionGate';

export interface ProposalStepProps {
  db: QuartierDb;
  entries: readonly QueueEntry[];
  municipalities: readonly Municipality[];
  /** Ledger of the current period with the stored settings. */
  ledger: Ledger | null;
  today: IsoDate;
  /** Called after the allocations were stored. */
  onConfirmed?: (allocations: Allocation[]) => void;
  onDiscard: () => void;
}

export function explanationKey(p: Pick<Proposal, 'reason'>): string {
  return `proposal.explain.${p.reason}`;
}

export function ProposalStep({ db, entries, municipalities, ledger, today, onConfirmed, onDiscard }: ProposalStepProps) {
  const { t } = useTranslation('allocations');
  const [fixed, setFixed] = useState<Map<string, string>>(new Map());
  const [decisionDate, setDecisionDate] = useState<IsoDate>(today);
  const [plannedMoveDate, setPlannedMoveDate] = useState<IsoDate>(addDays(today, 14));
  const [status, setStatus] = useState<AllocationStatus>('decided');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [confirmed, setConfirmed] = useState<Allocation[] | null>(null);
  const [lettersOpen, setLettersOpen] = useState(false);

  const active = useMemo(() => municipalities.filter((m) => !m.deleted).sort((a, b) => a.name.localeCompare(b.name, 'de')), [municipalities]);
  // A household without a household record (a single person) is keyed by the person id.
  const households = useMemo<HouseholdToPlace[]>(() => entries.map((e) => ({ householdId: e.key, name: e.name, personIds: e.members.map((m) => m.person.id) })), [entries]);
  const realHousehold = useMemo(() => new Map<string, Id | null>(entries.map((e) => [e.key, e.householdId])), [entries]);

  const computed = useMemo(() => {
    if (!ledger || households.length === 0) return { result: null, error: null as string | null };
    try {
      return { result: proposeAllocations(ledger, active, households, { fixed }), error: null };
    } catch (e) {
      return { result: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ledger, active, households, fixed]);

  if (entries.length === 0 && !confirmed) return <Alert severity="info">{t('proposal.empty')}</Alert>;

  const proposals = computed.result?.proposals ?? [];
  const persons = households.reduce((s, h) => s + h.personIds.length, 0);

  const confirm = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const { allocations } = await createAllocations(
        db,
        proposals.map((p) => ({ householdId: realHousehold.get(p.householdId) ?? null, personIds: p.personIds, municipalityId: p.municipalityId })),
        { status, decisionDate: decisionDate || null, plannedMoveDate: plannedMoveDate || null },
        { today },
      );
      notify(t('proposal.confirmed', { count: allocations.length }));
      setConfirmed(allocations);
      onConfirmed?.(allocations);
    } catch (e) {
      setErrors(allocationErrorMessages(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (confirmed) {
    return (
      <Box>
        <Alert
          severity="success"
          action={
            <Stack direction="row" spacing={1}>
              <PermissionGate permission="letters:issue">
                {(denied) => (
                  <Button disabled={denied} color="inherit" variant="outlined" onClick={() => setLettersOpen(true)}>
                    {t('proposal.generateLetters')}
                  </Button>
                )}
              </PermissionGate>
              <Button color="inherit" onClick={onDiscard}>
                {t('proposal.newProposal')}
              </Button>
            </Stack>
          }
        >
          {t('proposal.lettersHint')}
        </Alert>
        <LetterBatchDialog open={lettersOpen} onClose={() => setLettersOpen(false)} db={db} allocations={confirmed} />
      </Box>
    );
  }

  return (
    <Box>
      <Typography sx={{ mb: 2 }}>{t('proposal.intro', { count: households.length, persons: formatInteger(persons) })}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, maxWidth: 760 }}>
        <TextField select size="small" label={t('proposal.status')} value={status} onChange={(e) => setStatus(e.target.value as AllocationStatus)} sx={{ minWidth: 200 }}>
          {(['planned', 'decided'] as const).map((s) => (
            <MenuItem key={s} value={s}>
              {t(`status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <DateField size="small" label={t('proposal.decisionDate')} value={decisionDate} onChange={(e) => setDecisionDate(e.target.value)} />
        <DateField size="small" label={t('proposal.plannedMoveDate')} value={plannedMoveDate} onChange={(e) => setPlannedMoveDate(e.target.value)} />
      </Stack>
      {computed.error ? <Alert severity="error" sx={{ mb: 2 }}>{computed.error}</Alert> : null}
      {errors.length > 0 ? (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {errors.map((m) => (
            <div key={m}>{m}</div>
          ))}
        </Alert>
      ) : null}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('proposal.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('proposal.column.household')}</TableCell>
              <TableCell align="right">{t('proposal.column.persons')}</TableCell>
              <TableCell>{t('proposal.column.municipality')}</TableCell>
              <TableCell>{t('proposal.column.explanation')}</TableCell>
              <TableCell>{t('proposal.projected')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {proposals.map((p) => (
              <TableRow key={p.householdId} data-testid="proposal-row">
                <TableCell>{p.householdName}</TableCell>
                <TableCell align="right">{p.personIds.length}</TableCell>
                <TableCell sx={{ minWidth: 220 }}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <TextField
                      select
                      size="small"
                      value={p.municipalityId}
                      onChange={(e) => setFixed((prev) => new Map(prev).set(p.householdId, e.target.value))}
                      slotProps={{ htmlInput: { 'aria-label': t('proposal.municipalityFor', { name: p.householdName }) } }}
                      sx={{ minWidth: 180 }}
                    >
                      {active.map((m) => (
                        <MenuItem key={m.id} value={m.id}>
                          {m.name}
                        </MenuItem>
                      ))}
                    </TextField>
                    {p.reason === 'manual' ? <Chip size="small" label={t('proposal.manual')} /> : null}
                  </Stack>
                </TableCell>
                <TableCell data-testid="proposal-explanation">
                  {t(explanationKey(p), { name: p.municipalityName, count: p.deficitBefore, target: p.target, counted: p.countedBefore })}
                </TableCell>
                <TableCell>
                  <BalanceText balance={computed.result?.projectedBalance.get(p.municipalityId) ?? 0} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'flex-end' }}>
        <Button onClick={onDiscard} disabled={busy}>
          {t('proposal.discard')}
        </Button>
        <PermissionGate permission="allocations:write">
          {(denied) => (
            <Button variant="contained" onClick={() => void confirm()} disabled={denied || busy || proposals.length === 0}>
              {t('proposal.confirm')}
            </Button>
          )}
        </PermissionGate>
      </Stack>
    </Box>
  );
}
