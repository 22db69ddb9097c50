// Pickers shared by the operation dialogs: who (person or household) and
// which bed. Both are MUI Autocompletes: type to search, arrows and Enter to
// choose, fully keyboard-operable.
import { useMemo } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Bed, Id } from '../../../../shared/domain/model';
import { formatDate } from '../../../i18n/format';
import { placeOf, type PlacementLookup } from '../placementData';
import { fold } from '../fold';

/** A person or a whole household to place, move or check out. */
export type Subject = { kind: 'person'; id: Id } | { kind: 'household'; id: Id };

interface SubjectOption {
  key: string;
  subject: Subject;
  label: string;
  detail: string;
  group: string;
}

export interface SubjectPickerProps {
  data: PlacementLookup;
  value: Subject | null;
  onChange: (value: Subject | null) => void;
  /** Only offer persons for which this returns true (e.g. currently placed). */
  filterPerson?: (personId: Id) => boolean;
  label?: string;
  autoFocus?: boolean;
  error?: string;
}

export function SubjectPicker({ data, value, onChange, filterPerson, label, autoFocus, error }: SubjectPickerProps) {
  const { t } = useTranslation('operations');
  const options = useMemo<SubjectOption[]>(() => {
    const out: SubjectOption[] = [];
    for (const h of data.households) {
      const members = (data.membersByHousehold.get(h.id) ?? []).filter((p) => !filterPerson || filterPerson(p.id));
      if (members.length === 0) continue;
      out.push({
        key: `h:${h.id}`,
        subject: { kind: 'household', id: h.id },
        label: h.name,
        detail: t('picker.members', { count: members.length }) + (h.fileNumber ? ` · ${h.fileNumber}` : ''),
        group: t('picker.households'),
      });
    }
    for (const p of data.persons) {
      if (filterPerson && !filterPerson(p.id)) continue;
      out.push({
        key: `p:${p.id}`,
        subject: { kind: 'person', id: p.id },
        label: `${p.familyName}, ${p.givenName}`,
        detail: [formatDate(p.birthDate), p.fileNumber].filter((s) => s && s !== '–').join(' · '),
        group: t('picker.persons'),
      });
    }
    return out.sort((a, b) => (a.group === b.group ? a.label.localeCompare(b.label, 'de') : a.group.localeCompare(b.group, 'de')));
  }, [data, filterPerson, t]);
  const selected = value ? (options.find((o) => o.key === `${value.kind === 'person' ? 'p' : 'h'}:${value.id}`) ?? null) : null;

  return (
    <Autocomplete
      options={options}
      value={selected}
      groupBy={(o) => o.group}
      getOptionLabel={(o) => o.label}
      getOptionKey={(o) => o.key}
      isOptionEqualToValue={(a, b) => a.key === b.key}
      filterOptions={(opts, state) => {
        const q = fold(state.inputValue.trim());
        if (!q) return opts.slice(0, 200);
        return opts.filter((o) => fold(`${o.label} ${o.detail}`).includes(q)).slice(0, 200);
      }}
      onChange={(_e, o) => onChange(o ? o.subject : null)}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            <span>
              {o.label}
              <br />
              <small style={{ opacity: 0.75 }}>{o.detail}</small>
            </span>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label ?? t('picker.subject')}
          autoFocus={autoFocus}
          error={!!error}
          helperText={error ?? t('picker.subjectHelp')}
        />
      )}
    />
  );
}

/** The persons a subject stands for (a household: its members). */
export function personsOfSubject(data: PlacementLookup, subject: Subject | null): Id[] {
  if (!subject) return [];
  if (subject.kind === 'person') return data.personById.has(subject.id) ? [subject.id] : [];
  return (data.membersByHousehold.get(subject.id) ?? []).map((p) => p.id);
}

/**
 * A room or bed label with its kind word, unless the label already carries
 * one (demo and imported data often say "Zimmer 1" or "Bett 3" themselves).
 */
export function labelWith(word: string, label: string): string {
  return new RegExp(`^\\s*${word}\\b`, 'i').test(label) ? label : `${word} ${label}`;
}

/** "GU Balingen · Haus A · Zimmer 1.04 · Bett 2". */
export function bedText(data: PlacementLookup, bedId: Id, t: (k: string, o?: Record<string, unknown>) => string): string {
  const { bed, room, unit, accommodation } = placeOf(data, bedId);
  if (!bed) return '?';
  return [accommodation?.name, unit?.name, room ? labelWith(t('place.roomWord'), room.number) : null, labelWith(t('place.bedWord'), bed.label)]
    .filter(Boolean)
    .join(' · ');
}

export interface BedPickerProps {
  data: PlacementLookup;
  value: Id | null;
  onChange: (bedId: Id | null) => void;
  label: string;
  error?: string;
  /** Beds offered; default all not-reserve beds of not-closed accommodations. */
  filter?: (bed: Bed) => boolean;
}

export function BedPicker({ data, value, onChange, label, error, filter }: BedPickerProps) {
  const { t } = useTranslation('operations');
  const options = useMemo(() => {
    const tt = (k: string, o?: Record<string, unknown>) => t(k, o);
    return data.beds
      .filter((b) => {
        const acc = data.accommodationById.get(b.accommodationId);
        return acc && acc.status !== 'closed' && (filter ? filter(b) : true);
      })
      .map((b) => ({ id: b.id, label: bedText(data, b.id, tt) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'de', { numeric: true }));
  }, [data, filter, t]);
  const selected = options.find((o) => o.id === value) ?? null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      getOptionLabel={(o) => o.label}
      getOptionKey={(o) => o.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, o) => onChange(o ? o.id : null)}
      filterOptions={(opts, state) => {
        const q = fold(state.inputValue.trim());
        return (q ? opts.filter((o) => fold(o.label).includes(q)) : opts).slice(0, 300);
      }}
      renderInput={(params) => <TextField {...params} label={label} error={!!error} helperText={error} />}
    />
  );
}
