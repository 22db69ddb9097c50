// Step 2: which sheet, and where the headings are (detected; changeable).
import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Select, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { cellText, type WorkbookData } from '../../../shared/import/table';
import { formatInteger } from '../../i18n/format';

export interface SheetStepProps {
  workbook: WorkbookData;
  sheetIndex: number;
  onSheet: (i: number) => void;
  headerRow: number;
  onHeaderRow: (r: number) => void;
  onBack: () => void;
  onNext: () => void;
}

const SAMPLE_ROWS = 6;
const SAMPLE_COLS = 10;

export function SheetStep({ workbook, sheetIndex, onSheet, headerRow, onHeaderRow, onBack, onNext }: SheetStepProps) {
  const { t } = useTranslation('import');
  const rows = workbook.sheets[sheetIndex]?.rows ?? [];
  const sample = rows.slice(headerRow, headerRow + SAMPLE_ROWS);
  const cols = Math.min(SAMPLE_COLS, Math.max(0, ...sample.map((r) => r.length)));
  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormControl sx={{ minWidth: 260 }}>
          <InputLabel id="import-sheet-label">{t('sheet.label')}</InputLabel>
          <Select labelId="import-sheet-label" label={t('sheet.label')} value={sheetIndex} onChange={(e) => onSheet(Number(e.target.value))}>
            {workbook.sheets.map((s, i) => (
              <MenuItem key={`${i}-${s.name}`} value={i}>
                {s.name} ({t('sheet.rows', { count: s.rows.length, formattedCount: formatInteger(s.rows.length) })})
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <TextField
          type="number"
          label={t('sheet.headerRow')}
          value={headerRow + 1}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= Math.max(1, rows.length)) onHeaderRow(n - 1);
          }}
          slotProps={{ htmlInput: { min: 1, max: Math.max(1, rows.length) } }}
          sx={{ width: 220 }}
        />
      </Stack>
      {rows.length === 0 ? (
        <Alert severity="warning">{t('sheet.empty')}</Alert>
      ) : (
        <Box>
          <Typography variant="h6" component="h2" gutterBottom>
            {t('sheet.sample')}
          </Typography>
          <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('sheet.rowNumber')}</TableCell>
                  {Array.from({ length: cols }, (_, c) => (
                    <TableCell key={c}>{cellText(sample[0]?.[c] ?? null)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {sample.slice(1).map((r, i) => (
                  <TableRow key={i}>
                    <TableCell>{headerRow + i + 2}</TableCell>
                    {Array.from({ length: cols }, (_, c) => (
                      <TableCell key={c}>{cellText(r[c] ?? null)}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      )}
      <Stack direction="row" spacing={1}>
        <Button onClick={onBack}>{t('actions.back')}</Button>
        <Button variant="contained" onClick={onNext} disabled={rows.length === 0}>
          {t('actions.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
