// Step 1: what to import, the template, and the file.
import { Alert, Box, Button, CircularProgress, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/import/fields';
import { DEFAULT_IMPORT_LIMITS } from '../../../shared/import/table';
import { fileErrorText } from '../../features/import/fileErrorText';
import { templateWorkbook } from '../../features/import/spreadsheets';
import type { ImportFileError } from '../../features/import/worker/readImportFile';
import { formatInteger } from '../../i18n/format';
import type { LoadedFile } from './ImportWizard';
import { saveWorkbook } from './saveFile';

export interface KindStepProps {
  kind: ImportKind;
  onKind: (k: ImportKind) => void;
  file: LoadedFile | null;
  reading: boolean;
  error: ImportFileError | null;
  onFile: (f: File) => void;
  onNext: () => void;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function KindStep({ kind, onKind, file, reading, error, onFile, onNext }: KindStepProps) {
  const { t } = useTranslation('import');
  const downloadTemplate = async () => {
    const bytes = await templateWorkbook(t, kind);
    await saveWorkbook(bytes, t('template.fileName', { kind: t(`kind.${kind}.label`) }), t('actions.saved'));
  };
  return (
    <Stack spacing={3}>
      <FormControl>
        <FormLabel id="import-kind-legend">{t('kind.legend')}</FormLabel>
        <RadioGroup aria-labelledby="import-kind-legend" value={kind} onChange={(e) => onKind(e.target.value as ImportKind)}>
          {IMPORT_KINDS.map((k) => (
            <FormControlLabel
              key={k}
              value={k}
              control={<Radio />}
              sx={{ alignItems: 'flex-start', mt: 1 }}
              label={
                <Box>
                  <Typography>{t(`kind.${k}.label`)}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t(`kind.${k}.description`)}
                  </Typography>
                </Box>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>
      <Box>
        <Button startIcon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
          {t('template.download')}
        </Button>
      </Box>
      <Box>
        <Typography variant="h6" component="h2" gutterBottom>
          {t('file.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('file.accepted', { maxMb: DEFAULT_IMPORT_LIMITS.maxBytes / 1024 / 1024, maxRows: formatInteger(DEFAULT_IMPORT_LIMITS.maxRows) })}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Button component="label" variant="outlined" startIcon={<UploadFileOutlined />} disabled={reading}>
            {t('file.choose')}
            <input
              hidden
              type="file"
              data-testid="import-file-input"
              accept=".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = ''; // choosing the same (corrected) file again must fire again
                if (f) onFile(f);
              }}
            />
          </Button>
          {reading ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
              <CircularProgress size={20} />
              <Typography>{t('file.reading')}</Typography>
            </Stack>
          ) : null}
          {file && !reading ? <Typography role="status">{t('file.selected', { name: file.name, size: sizeText(file.size) })}</Typography> : null}
        </Stack>
        {file?.read.csv ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('file.csvInfo', { encoding: file.read.csv.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252', delimiter: file.read.csv.delimiter === '\t' ? 'Tab' : file.read.csv.delimiter })}
          </Typography>
        ) : null}
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {fileErrorText(t, error)}
          </Alert>
        ) : null}
      </Box>
      <Box>
        <Button variant="contained" onClick={onNext} disabled={!file || reading}>
          {t('actions.next')}
        </Button>
      </Box>
    </Stack>
  );
}
