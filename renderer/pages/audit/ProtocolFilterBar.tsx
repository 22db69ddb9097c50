// The audit view's filters: person (search by name or Aktenzeichen),
// accommodation, user, period (German date fields) and operation.
import { useMemo } from 'react';
import { Autocomplete, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Accommodation, Person } from '../../../shared/domain/model';
import { OPERATION_TEXT } from '../../../shared/audit/labels';
import { DateField } from '../../components/DateField';
import type { ProtocolFilter } from '../../features/audit/auditQuery';

/** Filter as edited: the period may hold INVALID_DAY while a date is being typed. */
export type ProtocolFilterDraft = ProtocolFilter;

export interface ProtocolFilterBarProps {
  value: ProtocolFilterDraft;
  onChange: (next: ProtocolFilterDraft) => void;
  onReset: () => void;
  persons: readonly Person[];
  accommodations: readonly Accommodation[];
  users: readonly string[];
}

/** Options shown while typing a person: the first matches, never all 100,000 persons. */
const PERSON_OPTIONS = 50;

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function ProtocolFilterBar({ value, onChange, onReset, persons, accommodations, users }: ProtocolFilterBarProps) {
  const { t } = useTranslation('audit');
  const personById = useMemo(() => new Map(persons.map((p) => [p.id, p])), [persons]);
  const selectedPerson = value.personId ? (personById.get(value.personId) ?? null) : null;
  const set = (patch: Partial<ProtocolFilterDraft>) => onChange({ ...value, ...patch });
  const operations = useMemo(() => Object.keys(OPERATION_TEXT).map((op) => ({ op, label: t(`operations.${op}`) })).sort((a, b) => a.label.localeCompare(b.label)), [t]);
  const activeAccommodations = useMemo(() => accommodations.filter((a) => !a.deleted).slice().sort((a, b) => a.name.localeCompare(b.name, 'de')), [accommodations]);

  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }} role="search" aria-label={t('filters.label')}>
      <Autocomplete<Person>
        size="small"
        sx={{ width: 280 }}
        options={persons}
        value={selectedPerson}
        onChange={(_, p) => set({ personId: p?.id ?? null })}
        getOptionLabel={(p) => `${p.familyName}, ${p.givenName}${p.fileNumber ? ` (${p.fileNumber})` : ''}`}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        filterOptions={(options, state) => {
          const q = fold(state.inputValue.trim());
          if (q.length < 2) return [];
          const out: Person[] = [];
          for (const p of options) {
            if (p.deleted) continue;
            if (fold(`${p.familyName} ${p.givenName} ${p.givenName} ${p.familyName} ${p.fileNumber}`).includes(q)) out.push(p);
            if (out.length >= PERSON_OPTIONS) break;
          }
          return out;
        }}
        noOptionsText={t('filters.personHint')}
        renderInput={(params) => <TextField {...params} label={t('filters.person')} placeholder={t('filters.personHint')} />}
      />
      <TextField select size="small" label={t('filters.accommodation')} value={value.accommodationId ?? ''} onChange={(e) => set({ accommodationId: (e.target.value) || null })} sx={{ minWidth: 220 }}>
        <MenuItem value="">{t('filters.all')}</MenuItem>
        {activeAccommodations.map((a) => (
          <MenuItem key={a.id} value={a.id}>
            {a.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={t('filters.user')} value={value.user ?? ''} onChange={(e) => set({ user: e.target.value || null })} sx={{ minWidth: 180 }}>
        <MenuItem value="">{t('filters.all')}</MenuItem>
        {users.map((u) => (
          <MenuItem key={u} value={u}>
            {u}
          </MenuItem>
        ))}
      </TextField>
      <DateField size="small" fullWidth={false} sx={{ width: 170 }} label={t('filters.from')} value={value.from} onChange={(v) => set({ from: v })} />
      <DateField size="small" fullWidth={false} sx={{ width: 170 }} label={t('filters.to')} value={value.to} onChange={(v) => set({ to: v })} />
      <TextField select size="small" label={t('filters.operation')} value={value.operation ?? ''} onChange={(e) => set({ operation: e.target.value || null })} sx={{ minWidth: 220 }}>
        <MenuItem value="">{t('filters.all')}</MenuItem>
        {operations.map(({ op, label }) => (
          <MenuItem key={op} value={op}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <Button onClick={onReset}>{t('filters.reset')}</Button>
    </Stack>
  );
}
