// Step 3: which column holds which field. Suggested from the headings (and
// a saved mapping); required fields must be assigned before the preview.
import { Alert, Button, Checkbox, FormControlLabel, MenuItem, Select, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, missingRequiredFields, type ColumnMapping, type FieldKey, type ImportKind } from '../../../shared/import/fields';

export interface MappingStepProps {
  kind: ImportKind;
  headers: readonly string[];
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
  savedUsed: boolean;
  remember: boolean;
  onRemember: (v: boolean) => void;
  onBack: () => void;
  onNext: () => void;
}

/** "A", "B", … "AA" as Excel names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function MappingStep({ kind, headers, mapping, onMapping, savedUsed, remember, onRemember, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation('import');
  const missing = missingRequiredFields(kind, mapping);
  const set = (field: FieldKey, value: string) => {
    const col = value === '' ? null : Number(value);
    const next: ColumnMapping = { ...mapping };
    // A column belongs to one field: taking it elsewhere clears the other field.
    if (col !== null) for (const [k, v] of Object.entries(next)) if (v === col) next[k as FieldKey] = null;
    next[field] = col;
    onMapping(next);
  };
  return (
    <Stack spacing={2}>
      <Typography>{t('mapping.intro')}</Typography>
      {savedUsed ? <Alert severity="info">{t('mapping.savedUsed')}</Alert> : null}
      <Table size="small" aria-label={t('steps.mapping')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('mapping.field')}</TableCell>
            <TableCell>{t('mapping.column')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {IMPORT_FIELDS[kind].map((f) => {
            const label = `${t(`field.${f.key}`)}${f.required ? ' *' : ''}`;
            const value = mapping[f.key];
            return (
              <TableRow key={f.key}>
                <TableCell component="th" scope="row" id={`map-${f.key}`}>
                  {label}
                </TableCell>
                <TableCell>
                  <Select
                    size="small"
                    value={value == null ? '' : String(value)}
                    onChange={(e) => set(f.key, e.target.value)}
                    displayEmpty
                    sx={{ minWidth: 260 }}
                    inputProps={{ 'aria-labelledby': `map-${f.key}` }}
                    SelectDisplayProps={{ 'aria-labelledby': `map-${f.key}` }}
                  >
                    <MenuItem value="">{t('mapping.notInFile')}</MenuItem>
                    {headers.map((h, i) => (
                      <MenuItem key={i} value={String(i)}>
                        {t('mapping.columnOption', { letter: columnLetter(i), header: h || '—' })}
                      </MenuItem>
                    ))}
                  </Select>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {missing.length > 0 ? <Alert severity="warning">{t('mapping.missing', { fields: missing.map((k) => t(`field.${k}`)).join(', ') })}</Alert> : null}
      <FormControlLabel control={<Checkbox checked={remember} onChange={(e) => onRemember(e.target.checked)} />} label={t('mapping.save')} />
      <Stack direction="row" spacing={1}>
        <Button onClick={onBack}>{t('actions.back')}</Button>
        <Button variant="contained" onClick={onNext} disabled={missing.length > 0}>
          {t('actions.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
