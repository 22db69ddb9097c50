// One person: personal data, household, current place, stay history,
// deadlines and the actions Einziehen / Verlegen / Ausziehen / Korrigieren.
import { useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import LoginIcon from '@mui/icons-material/Login';
import LogoutIcon from '@mui/icons-material/Logout';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import EditIcon from '@mui/icons-material/Edit';
import EventIcon from '@mui/icons-material/Event';
import { useTranslation } from 'react-i18next';
import { PERMISSION_LABEL_KEY } from '../../../shared/auth/permissions';
import { isoDateOf } from '../../../shared/domain/dates';
import type { Id, Stay } from '../../../shared/domain/model';
import { computeDeadlines } from '../../../shared/occupancy/deadlines';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { currentStay, placeOf, plannedStay, useCachedPlacementData } from '../../features/operations/placementData';
import { PermissionGate } from '../../auth/PermissionGate';
import { usePermission } from '../../auth/session';
import { labelWith } from '../../features/operations/components/pickers';
import { CheckInDialog } from '../../features/operations/dialogs/CheckInDialog';
import { MoveDialog } from '../../features/operations/dialogs/MoveDialog';
import { CheckOutDialog } from '../../features/operations/dialogs/CheckOutDialog';
import { CorrectStayDialog } from '../../features/operations/dialogs/CorrectStayDialog';
import { ExtendDeadlineDialog } from '../../features/operations/dialogs/ExtendDeadlineDialog';
import { PersonFormDialog } from '../../features/operations/dialogs/PersonFormDialog';
import { deadlineStatusOf } from './residentRows';
import { DeadlineChip } from './DeadlineChip';
import { PersonLetterMenu } from './PersonLetterMenu';
import { AuskunftButton } from '../../features/auskunft/AuskunftButton';

type DialogKind = 'checkIn' | 'move' | 'checkOut' | 'correct' | 'extend' | 'edit' | null;

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        {value === '' || value === null || value === undefined ? '–' : value}
      </Typography>
    </Box>
  );
}

export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('residents');
  const { t: to } = useTranslation('operations');
  const { t: ta } = useTranslation('auth');
  const data = useCachedPlacementData();
  const showVulnerabilities = usePermission('vulnerability:read');
  const readsSensitiveNotes = usePermission('sensitiveNotes:read');
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [correctId, setCorrectId] = useState<Id | null>(null);
  const today = isoDateOf(new Date());

  const person = data?.personById.get(id);
  const stays = useMemo(() => (data?.staysByPerson.get(id) ?? []).slice().reverse(), [data, id]);

  if (!data) return <Page title={t('detail.loading')} />;
  if (!person) {
    return (
      <Page title={t('detail.notFound')}>
        <Link component={RouterLink} to="/residents">
          {t('detail.backToList')}
        </Link>
      </Page>
    );
  }

  const household = person.householdId ? data.householdById.get(person.householdId) : undefined;
  const members = person.householdId ? (data.membersByHousehold.get(person.householdId) ?? []) : [];
  const current = currentStay(data.staysByPerson.get(id), today);
  const planned = plannedStay(data.staysByPerson.get(id), today);
  const d = computeDeadlines(person);
  const { status, daysLeft } = deadlineStatusOf(current || planned ? d.effectiveEnd : null, today);

  const placeText = (s: Stay) => {
    const { accommodation, room, bed, unit } = placeOf(data, s.bedId);
    return {
      accommodation: accommodation?.name ?? '?',
      room: [unit?.name, room ? labelWith(to('place.roomWord'), room.number) : null].filter(Boolean).join(' · '),
      bed: bed ? labelWith(to('place.bedWord'), bed.label) : '?',
      // Plain labels for the history table, whose headers already say Zimmer / Bett.
      roomPlain: [unit?.name, room?.number].filter(Boolean).join(' · '),
      bedPlain: bed?.label ?? '?',
    };
  };
  const endText = (s: Stay) => {
    if (s.to === null) return t('detail.open');
    if (s.endKind === 'move') return t('detail.endMove');
    if (s.departureReason) return to(`departureReasons.${s.departureReason}`);
    return s.to > today ? t('detail.plannedEnd') : '–';
  };

  return (
    <Page
      title={`${person.givenName} ${person.familyName}`}
      subtitle={[person.fileNumber, household?.name].filter(Boolean).join(' · ')}
      actions={
        <Button component={RouterLink} to="/residents" variant="text">
          {t('detail.backToList')}
        </Button>
      }
    >
      <Stack direction="row" spacing={1} sx={{ mb: 3, flexWrap: 'wrap', rowGap: 1 }} role="toolbar" aria-label={t('detail.actions')}>
        {/* Disabled with the missing permission as tooltip; the repository refuses anyway. */}
        <PermissionGate permission="stays:write">
          {(denied) => (
            <Button variant="contained" startIcon={<LoginIcon />} onClick={() => setDialog('checkIn')} disabled={denied || !!current}>
              {t('detail.checkIn')}
            </Button>
          )}
        </PermissionGate>
        <PermissionGate permission="stays:write">
          {(denied) => (
            <Button variant="outlined" startIcon={<SwapHorizIcon />} onClick={() => setDialog('move')} disabled={denied || !current}>
              {t('detail.move')}
            </Button>
          )}
        </PermissionGate>
        <PermissionGate permission="stays:write">
          {(denied) => (
            <Button variant="outlined" startIcon={<LogoutIcon />} onClick={() => setDialog('checkOut')} disabled={denied || (!current && !planned)}>
              {t('detail.checkOut')}
            </Button>
          )}
        </PermissionGate>
        <PermissionGate permission="persons:write">
          {(denied) => (
            <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog('edit')} disabled={denied}>
              {t('detail.edit')}
            </Button>
          )}
        </PermissionGate>
        <PersonLetterMenu person={person} current={current} stays={stays} />
        <AuskunftButton personId={person.id} />
      </Stack>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {t('detail.personal')}
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2, m: 0 }}>
              <Field label={to('fields.birthDate')} value={formatDate(person.birthDate)} />
              <Field label={to('fields.sex')} value={to(`sex.${person.sex}`)} />
              <Field label={to('fields.nationality')} value={person.nationality} />
              <Field label={to('fields.languages')} value={person.languages.join(', ').toUpperCase()} />
              <Field label={to('fields.fileNumber')} value={person.fileNumber} />
              <Field label={to('fields.azrNumber')} value={person.azrNumber} />
              <Field label={to('fields.residenceStatus')} value={to(`residenceStatus.${person.residenceStatus}`)} />
              <Field label={to('fields.asylumDecision')} value={to(`asylumDecision.${person.asylumDecision}`)} />
              <Field label={to('fields.legalBasis')} value={to(`legalBasis.${person.legalBasis}`)} />
              <Field label={to('fields.feePayer')} value={person.feePayer ? t('detail.yes') : t('detail.no')} />
              <Field label={to('fields.needsBarrierFree')} value={person.needsBarrierFree ? t('detail.yes') : t('detail.no')} />
            </Box>
            <Box sx={{ mt: 2 }}>
              <Typography variant="caption" color="text.secondary">
                {to('fields.vulnerabilities')}
              </Typography>
              {showVulnerabilities ? (
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, mt: 0.5 }}>
                  {person.vulnerabilities.length === 0 ? <Typography>–</Typography> : null}
                  {person.vulnerabilities.map((v) => (
                    <Chip key={v} size="small" label={to(`vulnerability.${v}`)} />
                  ))}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t('detail.vulnerabilitiesHidden')}
                </Typography>
              )}
            </Box>
            {person.notes && person.notesSensitive === true && !readsSensitiveNotes ? (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
                {ta('sensitiveNotes.hidden', { permission: ta(PERMISSION_LABEL_KEY['sensitiveNotes:read']) })}
              </Typography>
            ) : person.notes ? (
              <Typography variant="body2" sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
                {person.notes}
              </Typography>
            ) : null}
          </CardContent>
        </Card>

        <Stack spacing={2}>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {t('detail.place')}
              </Typography>
              {current ? (
                <Typography>
                  {t('detail.currentPlace', { ...placeText(current), since: formatDate(current.from) })}
                </Typography>
              ) : (
                <Typography color="text.secondary">{t('detail.noCurrentPlace')}</Typography>
              )}
              {planned ? (
                <Alert severity="info" sx={{ mt: 1 }}>
                  {t('detail.plannedPlace', { ...placeText(planned), from: formatDate(planned.from) })}
                </Alert>
              ) : null}
            </CardContent>
          </Card>

          <Card>
            <CardContent>
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
                <Typography variant="h6" component="h2">
                  {t('detail.deadlines')}
                </Typography>
                <Button size="small" startIcon={<EventIcon />} onClick={() => setDialog('extend')}>
                  {t('detail.extend')}
                </Button>
              </Stack>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2, m: 0, mt: 1 }}>
                <Field label={t('detail.admission')} value={formatDate(d.admissionDate)} />
                <Field label={t('detail.twelveMonths')} value={d.twelveMonthMark ? formatDate(d.twelveMonthMark) : t('detail.notApplicable')} />
                <Field label={t('detail.regularEnd', { months: d.monthsRule })} value={formatDate(d.regularEnd)} />
                <Field label={t('detail.effectiveEnd')} value={<DeadlineChip deadline={d.effectiveEnd} status={status} daysLeft={daysLeft} />} />
              </Box>
              {person.extension ? (
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {t('detail.extension', {
                    until: formatDate(person.extension.until),
                    reason: person.extension.reason,
                    decidedOn: formatDate(person.extension.decidedOn),
                    by: person.extension.by,
                  })}
                </Typography>
              ) : null}
            </CardContent>
          </Card>

          {household ? (
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  {t('detail.household', { name: household.name })}
                </Typography>
                <List dense>
                  {members.map((m) => (
                    <ListItem key={m.id} disableGutters>
                      <ListItemText
                        primary={
                          m.id === person.id ? (
                            <strong>
                              {m.givenName} {m.familyName}
                            </strong>
                          ) : (
                            <Link component={RouterLink} to={`/residents/${m.id}`}>
                              {m.givenName} {m.familyName}
                            </Link>
                          )
                        }
                        secondary={[formatDate(m.birthDate), household.headPersonId === m.id ? t('detail.head') : null].filter(Boolean).join(' · ')}
                      />
                    </ListItem>
                  ))}
                </List>
              </CardContent>
            </Card>
          ) : null}
        </Stack>
      </Box>

      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('detail.history')}
          </Typography>
          {stays.length === 0 ? (
            <Typography color="text.secondary">{t('detail.noStays')}</Typography>
          ) : (
            <TableContainer>
              <Table size="small" aria-label={t('detail.history')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('detail.col.from')}</TableCell>
                    <TableCell>{t('detail.col.to')}</TableCell>
                    <TableCell>{t('detail.col.accommodation')}</TableCell>
                    <TableCell>{t('detail.col.room')}</TableCell>
                    <TableCell>{t('detail.col.bed')}</TableCell>
                    <TableCell>{t('detail.col.end')}</TableCell>
                    <TableCell>
                      <span className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                        {t('detail.col.actions')}
                      </span>
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {stays.map((s) => {
                    const p = placeText(s);
                    return (
                      <TableRow key={s.id} id={`stay-${s.id}`} selected={s === current}>
                        <TableCell>
                          {formatDate(s.from)}
                          {s.previousStayId ? (
                            <Link href={`#stay-${s.previousStayId}`} onClick={(e) => { e.preventDefault(); document.getElementById(`stay-${s.previousStayId}`)?.scrollIntoView(); }} sx={{ ml: 1 }} variant="caption">
                              {t('detail.movedFrom')}
                            </Link>
                          ) : null}
                        </TableCell>
                        <TableCell>{s.to ? formatDate(s.to) : '–'}</TableCell>
                        <TableCell>{p.accommodation}</TableCell>
                        <TableCell>{p.roomPlain}</TableCell>
                        <TableCell>{p.bedPlain}</TableCell>
                        <TableCell>
                          {endText(s)}
                          {s.overrideReason ? <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={t('detail.override')} title={s.overrideReason} /> : null}
                          {s.correctionReason ? <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={t('detail.corrected')} title={s.correctionReason} /> : null}
                        </TableCell>
                        <TableCell align="right">
                          <Button
                            size="small"
                            onClick={() => {
                              setCorrectId(s.id);
                              setDialog('correct');
                            }}
                            aria-label={t('detail.correctStay', { from: formatDate(s.from) })}
                          >
                            {t('detail.correct')}
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </CardContent>
      </Card>

      <CheckInDialog open={dialog === 'checkIn'} onClose={() => setDialog(null)} initialPersonId={person.id} />
      <MoveDialog open={dialog === 'move'} onClose={() => setDialog(null)} initialPersonId={person.id} />
      <CheckOutDialog open={dialog === 'checkOut'} onClose={() => setDialog(null)} initialPersonId={person.id} />
      <ExtendDeadlineDialog open={dialog === 'extend'} onClose={() => setDialog(null)} person={person} />
      <PersonFormDialog open={dialog === 'edit'} onClose={() => setDialog(null)} person={person} />
      {correctId ? <CorrectStayDialog open={dialog === 'correct'} onClose={() => setDialog(null)} stayId={correctId} /> : null}
    </Page>
  );
}
