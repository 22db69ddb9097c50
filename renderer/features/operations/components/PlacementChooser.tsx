// Step "where to": suggestions from the free-place finder for the persons
// and period, or a bed per person picked by hand. Reports the chosen
// assignments (one bed per person) to the parent.
import { useEffect, useMemo, useState } from 'react';
import { Box, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Id, IsoDate } from '../../../../shared/domain/model';
import { isIsoDate } from '../../../../shared/domain/dates';
import { findPlaces, type PlaceSuggestion } from '../../../../shared/occupancy/finder';
import type { BedAssignment } from '../../../../shared/occupancy/planners/stays';
import type { QuartierDb } from '../../../db/db';
import { useOccupancyIndex } from '../../occupancy-data/hooks';
import type { PlacementLookup } from '../placementData';
import { BedPicker } from './pickers';
import { SuggestionList } from './SuggestionList';

export type PlacementMode = 'suggested' | 'manual';

export interface PlacementChooserProps {
  data: PlacementLookup;
  personIds: readonly Id[];
  from: IsoDate;
  to: IsoDate | null;
  /** Start in manual mode with this bed for the first person (e.g. from the bed board). */
  initialBedId?: Id | null;
  /** Beds to leave out of suggestions (the persons' current beds on a move). */
  excludeBedIds?: readonly Id[];
  onChange: (assignments: BedAssignment[] | null) => void;
  /** Database (tests); default the app database. */
  db?: QuartierDb;
}

export function PlacementChooser({ data, personIds, from, to, initialBedId, excludeBedIds, onChange, db }: PlacementChooserProps) {
  const { t } = useTranslation('operations');
  const [mode, setMode] = useState<PlacementMode>(initialBedId ? 'manual' : 'suggested');
  const [choice, setChoice] = useState(0);
  const [manual, setManual] = useState<Record<Id, Id | null>>(() =>
    initialBedId && personIds[0] ? { [personIds[0]]: initialBedId } : {},
  );

  // The app-wide index of the occupancy store (the same one the dashboard
  // uses): opening the dialog builds no second index of 500,000 stays.
  const index = useOccupancyIndex(db);
  const suggestions = useMemo<PlaceSuggestion[]>(() => {
    if (!index || personIds.length === 0 || !isIsoDate(from) || (to !== null && (!isIsoDate(to) || to <= from))) return [];
    const persons = personIds.map((id) => data.personById.get(id)).filter((p) => p !== undefined);
    const householdIds = new Set(persons.map((p) => p.householdId));
    const householdId = householdIds.size === 1 ? ([...householdIds][0] ?? null) : null;
    return findPlaces(
      index,
      { persons: persons.map((p) => ({ id: p.id, sex: p.sex, birthDate: p.birthDate, needsBarrierFree: p.needsBarrierFree, householdId: p.householdId })), householdId, from, to },
      { limit: 6, excludeBedIds: excludeBedIds ?? [] },
    );
  }, [data, index, personIds, from, to, excludeBedIds]);

  useEffect(() => {
    if (mode === 'suggested') {
      const s = suggestions[choice] ?? suggestions[0];
      onChange(s ? personIds.map((personId, i) => ({ personId, bedId: s.bedIds[i]! })) : null);
    } else {
      const all = personIds.map((personId) => ({ personId, bedId: manual[personId] ?? null }));
      onChange(all.every((a) => a.bedId) ? (all as BedAssignment[]) : null);
    }
  }, [mode, suggestions, choice, manual, personIds, onChange]);

  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_e, m: PlacementMode | null) => m && setMode(m)}
        aria-label={t('placement.mode')}
        sx={{ mb: 2 }}
      >
        <ToggleButton value="suggested">{t('placement.suggested')}</ToggleButton>
        <ToggleButton value="manual">{t('placement.manual')}</ToggleButton>
      </ToggleButtonGroup>
      {mode === 'suggested' ? (
        <SuggestionList data={data} suggestions={suggestions} value={suggestions.length ? Math.min(choice, suggestions.length - 1) : -1} onChange={setChoice} />
      ) : (
        <Stack spacing={2}>
          {personIds.map((id) => {
            const p = data.personById.get(id);
            return (
              <BedPicker
                key={id}
                data={data}
                value={manual[id] ?? null}
                onChange={(bedId) => setManual((m) => ({ ...m, [id]: bedId }))}
                label={t('placement.bedFor', { name: p ? `${p.givenName} ${p.familyName}` : '?' })}
              />
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
