// The Konflikte inbox: every open conflict with its versions side by side and
// the actions that resolve it. Actions are ordinary synced changes.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb } from '../../db/db';
import type { WriteContext } from '../../db/repository';
import { resolveWriteContext } from '../../features/operations/commandContext';
import { formatDate, formatDateTime } from '../../i18n/format';
import { notify } from '../../state/ui';
import { readConflictDetails, describeStamp, type ConflictDetail, type StaySide } from '../../sync/queries';
import { cancelStay, confirmDelete, pickFieldValue, restoreRecord } from '../../sync/resolve';

/** The signed-in user acts (permission 'conflicts:resolve' is checked by the repository). */
async function writeContext() {
  const db = getDb();
  return { db, ctx: await resolveWriteContext(db) };
}

function showValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function ConflictInbox() {
  const { t } = useTranslation('sync');
  const details = useLiveQuery(() => readConflictDetails(getDb()), []);
  const [busy, setBusy] = useState(false);

  const act = async (action: (db: ReturnType<typeof getDb>, ctx: WriteContext) => Promise<void>) => {
    setBusy(true);
    try {
      const { db, ctx } = await writeContext();
      await action(db, ctx);
      notify(t('conflicts.resolved'), 'success');
    } catch (error) {
      notify(t('conflicts.failed', { message: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection title={t('conflicts.heading')} description={t('conflicts.intro')}>
      {details === undefined ? null : details.length === 0 ? (
        <Alert severity="success">{t('conflicts.empty')}</Alert>
      ) : (
        <Stack spacing={3} data-testid="conflict-list">
          {details.map((d) => (
            <ConflictItem key={d.conflict.id} detail={d} busy={busy} onAction={(a) => void act(a)} />
          ))}
        </Stack>
      )}
    </SettingsSection>
  );
}

type Action = (db: ReturnType<typeof getDb>, ctx: WriteContext) => Promise<void>;

function ConflictItem({ detail, busy, onAction }: { detail: ConflictDetail; busy: boolean; onAction: (a: Action) => void }) {
  const { t } = useTranslation('sync');
  const c = detail.conflict;
  return (
    <Box component="article" aria-label={t(`conflicts.kind.${c.kind}`)} data-conflict-id={c.id} data-kind={c.kind}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip color="warning" size="small" label={t(`conflicts.kind.${c.kind}`)} />
        {c.fromDate ? (
          <Typography variant="body2" color="text.secondary">
            {t('conflicts.since', { date: formatDate(c.fromDate) })}
          </Typography>
        ) : null}
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(auto-fit, minmax(240px, 1fr))' } }}>
        {c.kind === 'field' ? <FieldVersions detail={detail} busy={busy} onAction={onAction} /> : null}
        {c.kind === 'edit-delete' ? <EditDeleteVersions detail={detail} busy={busy} onAction={onAction} /> : null}
        {c.kind !== 'field' && c.kind !== 'edit-delete'
          ? detail.stays.map((side) => <StayCard key={side.stay.id} side={side} busy={busy} onAction={onAction} />)
          : null}
      </Box>
    </Box>
  );
}

function StayCard({ side, busy, onAction }: { side: StaySide; busy: boolean; onAction: (a: Action) => void }) {
  const { t } = useTranslation('sync');
  const s = side.stay;
  const name = side.person ? `${side.person.givenName} ${side.person.familyName}` : s.personId;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {name}
        </Typography>
        <Typography variant="body2">
          {t('conflicts.room')} {side.room?.number ?? '?'} · {side.bed?.label ?? `${t('conflicts.bed')} ?`}
          {side.bed?.deleted ? ` (${t('conflicts.deleted')})` : ''}
        </Typography>
        <Typography variant="body2">
          {t('conflicts.period')}: {formatDate(s.from)} – {s.to ? formatDate(s.to) : t('conflicts.openEnd')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('conflicts.changedAt')}: {formatDateTime(s.updatedAt)}
        </Typography>
      </CardContent>
      <CardActions>
        <Button size="small" color="warning" variant="outlined" disabled={busy} onClick={() => onAction((db, ctx) => cancelStay(db, ctx, s.id))}>
          {t('conflicts.actions.cancelStay')}
        </Button>
      </CardActions>
    </Card>
  );
}

function FieldVersions({ detail, busy, onAction }: { detail: ConflictDetail; busy: boolean; onAction: (a: Action) => void }) {
  const { t } = useTranslation('sync');
  const c = detail.conflict;
  const ref = c.refs[0]!;
  const field = c.fields?.[0] ?? '';
  return (
    <>
      {(c.versions ?? []).map((v) => {
        const stamp = describeStamp(v.hlc);
        return (
          <Card key={v.hlc} variant="outlined">
            <CardContent>
              <Typography variant="overline">{v.winner ? t('conflicts.current') : t('conflicts.other')}</Typography>
              <Typography variant="body2" color="text.secondary">
                {ref.table} · {field}
              </Typography>
              <Typography variant="subtitle1" component="p" sx={{ wordBreak: 'break-word' }}>
                {showValue(v.value, t('conflicts.emptyValue'))}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('conflicts.changedAt')}: {formatDateTime(stamp.at)} · {t('conflicts.device')} {stamp.device}
              </Typography>
            </CardContent>
            <CardActions>
              <Button size="small" variant="outlined" disabled={busy} onClick={() => onAction((db, ctx) => pickFieldValue(db, ctx, ref.table, ref.id, field, v.value))}>
                {t('conflicts.actions.pick')}
              </Button>
            </CardActions>
          </Card>
        );
      })}
    </>
  );
}

function EditDeleteVersions({ detail, busy, onAction }: { detail: ConflictDetail; busy: boolean; onAction: (a: Action) => void }) {
  const { t } = useTranslation('sync');
  const c = detail.conflict;
  const ref = c.refs[0]!;
  const del = describeStamp(c.deleteHlc ?? '');
  const given = typeof detail.record?.givenName === 'string' ? detail.record.givenName : '';
  const label = typeof detail.record?.familyName === 'string' ? `${given} ${detail.record.familyName}` : `${ref.table} ${ref.id}`;
  return (
    <>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="overline">{t('conflicts.deleted')}</Typography>
          <Typography variant="subtitle1" component="h3">
            {label}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('conflicts.changedAt')}: {formatDateTime(del.at)} · {t('conflicts.device')} {del.device}
          </Typography>
        </CardContent>
        <CardActions>
          <Button size="small" color="warning" variant="outlined" disabled={busy} onClick={() => onAction((db, ctx) => confirmDelete(db, ctx, ref.table, ref.id))}>
            {t('conflicts.actions.confirmDelete')}
          </Button>
        </CardActions>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="overline">{t('conflicts.edited', { fields: (c.fields ?? []).join(', ') })}</Typography>
          {(c.versions ?? []).map((v) => (
            <Typography key={v.hlc} variant="body2" sx={{ wordBreak: 'break-word' }}>
              {showValue(v.value, t('conflicts.emptyValue'))} · {formatDateTime(describeStamp(v.hlc).at)}
            </Typography>
          ))}
        </CardContent>
        <CardActions>
          <Button size="small" variant="outlined" disabled={busy} onClick={() => onAction((db, ctx) => restoreRecord(db, ctx, ref.table, ref.id))}>
            {t('conflicts.actions.restore')}
          </Button>
        </CardActions>
      </Card>
    </>
  );
}
