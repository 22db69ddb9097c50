// The detail drawer of one protocol row: who, when, where, what, and for a
// change the field diff (German field labels, before → after).
import { Box, Divider, Drawer, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import { fieldDiff, OPAQUE_FIELDS, type ProtocolRow } from '../../../shared/audit/protocol';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { NameLookups } from '../../features/audit/lookups';
import { useOperationLabel } from '../../features/audit/operationLabel';
import { isIsoDate } from '../../../shared/domain/dates';

export interface ProtocolDetailProps {
  row: ProtocolRow | null;
  lookups: NameLookups;
  onClose: () => void;
}

function Item({ label, value }: { label: string; value: string | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** Id fields shown with the name of the record they point to. */
const ID_FIELDS: Record<string, string> = {
  accommodationId: 'accommodations',
  unitId: 'units',
  roomId: 'rooms',
  bedId: 'beds',
  personId: 'persons',
  headPersonId: 'persons',
  householdId: 'households',
  municipalityId: 'municipalities',
};

export function ProtocolDetail({ row, lookups, onClose }: ProtocolDetailProps) {
  const { t } = useTranslation('audit');
  const operationLabel = useOperationLabel();
  const fieldLabel = (path: string) => {
    const last = path.split('.').at(-1) ?? path;
    return t(`fields.${last}`, { defaultValue: path }) + (path.includes('.') ? ` (${path})` : '');
  };
  const show = (path: string, v: unknown): string => {
    const last = path.split('.').at(-1) ?? path;
    if (v === undefined || v === null || v === '') return t('values.empty');
    if (OPAQUE_FIELDS.has(last)) return last === 'password' ? t('values.hidden') : t('values.document');
    const table = ID_FIELDS[last];
    if (table && typeof v === 'string') return lookups.recordName(table, v) ?? v;
    if (last === 'personIds' && Array.isArray(v)) return v.map((id) => (typeof id === 'string' ? (lookups.personName(id) ?? id) : String(id))).join('; ');
    if (typeof v === 'boolean') return v ? t('values.yes') : t('values.no');
    if (typeof v === 'string') return isIsoDate(v) ? formatDate(v) : /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : v;
    if (Array.isArray(v)) return v.length === 0 ? t('values.empty') : v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
    if (typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };
  const personNames = (row?.personIds ?? []).map((id) => lookups.personName(id) ?? `${t('values.unknownPerson')} (${id.slice(0, 8)})`).join('; ');
  const a = row?.audit ?? null;
  const diff = a ? fieldDiff(a.before, a.after) : [];
  const deleted = a !== null && (a.after as { deleted?: boolean } | null)?.deleted === true && (a.before as { deleted?: boolean } | null)?.deleted !== true;

  return (
    // Above the app bar (which sits above the permanent navigation drawer), like a dialog.
    <Drawer anchor="right" open={row !== null} onClose={onClose} sx={{ zIndex: (theme) => theme.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 560 } } } }}>
      {row ? (
        <Box sx={{ p: 2 }} role="region" aria-labelledby="protocol-detail-title">
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
            <Typography id="protocol-detail-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {operationLabel(row)}
            </Typography>
            <IconButton onClick={onClose} aria-label={t('detail.close')}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <Box component="dl" sx={{ m: 0 }}>
            <Item label={t('detail.at')} value={formatDateTime(row.at)} />
            <Item label={t('detail.user')} value={row.user} />
            <Item label={t('detail.userId')} value={row.userId} />
            <Item label={t('detail.device')} value={row.deviceId} />
            {row.entity ? <Item label={t('detail.record')} value={`${t(`entities.${row.entity}`, { defaultValue: row.entity })} ${row.entityId ? (lookups.recordName(row.entity, row.entityId) ?? row.entityId) : ''}`} /> : null}
            <Item label={t('detail.persons')} value={personNames} />
            <Item label={t('detail.changeId')} value={row.changeId} />
            <Item label={t('detail.reason')} value={row.reason} />
            {a?.source ? <Item label={t('detail.source')} value={`${a.source.file}, ${a.source.row}`} /> : null}
            {row.accessKind ? <Item label={t('detail.kind')} value={t(`accessKinds.${row.accessKind}`)} /> : null}
            <Item label={t('detail.subject')} value={row.subject} />
            <Item label={t('detail.description')} value={row.description} />
          </Box>
          {a ? (
            <>
              <Divider sx={{ my: 2 }} />
              {a.before === null ? <Typography sx={{ mb: 1 }}>{t('detail.createdNote')}</Typography> : null}
              {deleted ? <Typography sx={{ mb: 1 }}>{t('detail.deletedNote')}</Typography> : null}
              {diff.length === 0 ? (
                <Typography>{t('detail.noChanges')}</Typography>
              ) : (
                <Table size="small" aria-label={t('detail.title')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('detail.field')}</TableCell>
                      <TableCell>{t('detail.before')}</TableCell>
                      <TableCell>{t('detail.after')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {diff.map((c) => (
                      <TableRow key={c.path}>
                        <TableCell component="th" scope="row">
                          {fieldLabel(c.path)}
                        </TableCell>
                        <TableCell sx={{ wordBreak: 'break-word' }}>{show(c.path, c.before)}</TableCell>
                        <TableCell sx={{ wordBreak: 'break-word' }}>{show(c.path, c.after)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </>
          ) : null}
        </Box>
      ) : null}
    </Drawer>
  );
}
