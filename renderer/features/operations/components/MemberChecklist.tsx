// Which members of a household take part (all by default): a checkbox list.
import { Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain/model';
import { formatDate } from '../../../i18n/format';
import type { PlacementLookup } from '../placementData';

export interface MemberChecklistProps {
  data: PlacementLookup;
  candidates: readonly Id[];
  selected: readonly Id[];
  onChange: (ids: Id[]) => void;
}

export function MemberChecklist({ data, candidates, selected, onChange }: MemberChecklistProps) {
  const { t } = useTranslation('operations');
  if (candidates.length <= 1) return null;
  return (
    <FormControl component="fieldset" sx={{ mt: 2 }}>
      <FormLabel component="legend">{t('picker.whichMembers')}</FormLabel>
      <FormGroup>
        {candidates.map((id) => {
          const p = data.personById.get(id);
          return (
            <FormControlLabel
              key={id}
              control={
                <Checkbox
                  checked={selected.includes(id)}
                  onChange={(e) => onChange(e.target.checked ? candidates.filter((c) => c === id || selected.includes(c)) : selected.filter((s) => s !== id))}
                />
              }
              label={p ? `${p.givenName} ${p.familyName} (${formatDate(p.birthDate)})` : id}
            />
          );
        })}
      </FormGroup>
    </FormControl>
  );
}
