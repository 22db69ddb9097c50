// Suggested places from the free-place finder as a radio group, each with
// its one-line explanation ("Familienzimmer, barrierefrei, 4 von 4 Plätzen
// frei"). Arrow keys move between suggestions (native radio semantics).
import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlaceSuggestion } from '../../../../shared/occupancy/finder';
import type { PlacementLookup } from '../placementData';
import { labelWith } from './pickers';

export interface SuggestionListProps {
  data: PlacementLookup;
  suggestions: readonly PlaceSuggestion[];
  /** Index of the chosen suggestion, or -1. */
  value: number;
  onChange: (index: number) => void;
}

export function suggestionTitle(data: PlacementLookup, s: PlaceSuggestion, t: (k: string, o?: Record<string, unknown>) => string): string {
  const acc = data.accommodationById.get(s.accommodationId);
  const unit = data.unitById.get(s.unitId);
  const rooms = s.roomIds.map((id) => data.roomById.get(id)?.number ?? '?').join(', ');
  const roomPart = s.roomIds.length === 1 ? labelWith(t('place.roomWord'), rooms) : t('place.rooms', { count: s.roomIds.length, rooms });
  return [acc?.name, unit?.name, roomPart].filter(Boolean).join(' · ');
}

export function SuggestionList({ data, suggestions, value, onChange }: SuggestionListProps) {
  const { t } = useTranslation('operations');
  if (suggestions.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ my: 1 }}>
        {t('suggestions.none')}
      </Typography>
    );
  }
  return (
    <FormControl component="fieldset" sx={{ width: '100%' }}>
      <FormLabel component="legend">{t('suggestions.label')}</FormLabel>
      <RadioGroup value={String(value)} onChange={(e) => onChange(Number(e.target.value))} data-testid="suggestions">
        {suggestions.map((s, i) => (
          <FormControlLabel
            key={`${s.accommodationId}-${s.bedIds.join('-')}`}
            value={String(i)}
            control={<Radio />}
            sx={{ alignItems: 'flex-start', my: 0.5, '& .MuiRadio-root': { pt: 0.5 } }}
            label={
              <span>
                <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>
                  {suggestionTitle(data, s, t)}
                </Typography>
                <Typography component="span" variant="body2" color="text.secondary">
                  {t(`rules:${s.explanation.code}`, s.explanation.params)}
                </Typography>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
