// The import wizard: type and file → sheet → columns → preview → result.
// The file is read in a disposable worker (readImportFile); everything
// after that works on plain rows. The preview and the import use the same
// planner (shared/import), the import inside one transaction.
import { useCallback, useMemo, useState } from 'react';
import { Box, Paper, Step, StepLabel, Stepper } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { findHeaderRow, mappingToSaved, suggestMapping, type ColumnMapping, type ImportKind } from '../../../shared/import/fields';
import type { ImportPlan } from '../../../shared/import/plan';
import { cellText, type WorkbookData } from '../../../shared/import/table';
import { getDb, type QuartierDb } from '../../db/db';
import { ImportRefusedError, previewImport, runImport, type ImportOutcome, type ImportRequest } from '../../features/import/importCommands';
import { loadSavedMapping, saveMapping } from '../../features/import/mappingStore';
import { ImportFileError, readImportFile, type ReadFileResult, type SpawnWorker } from '../../features/import/worker/readImportFile';
import { describeCommandError } from '../../features/operations/components/violationText';
import { KindStep } from './KindStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';
import { SheetStep } from './SheetStep';

export interface ImportWizardProps {
  db?: QuartierDb;
  /** Worker factory (tests); the app uses a real Web Worker. */
  spawn?: SpawnWorker;
}

export type StepIndex = 0 | 1 | 2 | 3 | 4;
const STEPS = ['kind', 'sheet', 'mapping', 'preview', 'result'] as const;

export interface LoadedFile {
  name: string;
  size: number;
  read: ReadFileResult;
}

export function ImportWizard({ db = getDb(), spawn }: ImportWizardProps) {
  const { t } = useTranslation('import');
  const [step, setStep] = useState<StepIndex>(0);
  const [kind, setKind] = useState<ImportKind>('accommodations');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<ImportFileError | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [headerRow, setHeaderRow] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [savedUsed, setSavedUsed] = useState(false);
  const [remember, setRemember] = useState(true);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [runError, setRunError] = useState<string[] | null>(null);

  const workbook: WorkbookData | null = file?.read.workbook ?? null;
  const rows = useMemo(() => workbook?.sheets[sheetIndex]?.rows ?? [], [workbook, sheetIndex]);
  const headers = useMemo(() => (rows[headerRow] ?? []).map((c) => cellText(c)), [rows, headerRow]);

  const applySuggestion = useCallback(
    async (k: ImportKind, sheetRows: typeof rows, header: number) => {
      const saved = await loadSavedMapping(db, k);
      const heads = (sheetRows[header] ?? []).map((c) => cellText(c));
      const suggested = suggestMapping(k, heads, saved);
      const plain = suggestMapping(k, heads);
      setSavedUsed(saved !== undefined && JSON.stringify(suggested) !== JSON.stringify(plain));
      setMapping(suggested);
    },
    [db],
  );

  const chooseSheet = useCallback(
    async (index: number, k: ImportKind = kind, wb: WorkbookData | null = workbook) => {
      const sheetRows = wb?.sheets[index]?.rows ?? [];
      const header = findHeaderRow(k, sheetRows);
      setSheetIndex(index);
      setHeaderRow(header);
      await applySuggestion(k, sheetRows, header);
    },
    [applySuggestion, kind, workbook],
  );

  const onFile = async (picked: File) => {
    setReading(true);
    setFileError(null);
    setFile(null);
    setPlan(null);
    try {
      const bytes = new Uint8Array(await picked.arrayBuffer());
      const read = await readImportFile({ name: picked.name, bytes }, spawn ? { spawn } : {});
      setFile({ name: picked.name, size: picked.size, read });
      const first = Math.max(0, read.workbook.sheets.findIndex((s) => s.rows.length > 0));
      await chooseSheet(first, kind, read.workbook);
    } catch (e) {
      setFileError(e instanceof ImportFileError ? e : new ImportFileError('unreadable'));
    } finally {
      setReading(false);
    }
  };

  const onKind = async (k: ImportKind) => {
    setKind(k);
    setPlan(null);
    if (workbook) await chooseSheet(sheetIndex, k, workbook);
  };

  const request = (): ImportRequest => ({ kind, fileName: file?.name ?? '', rows, headerRow, mapping });

  const runPreview = async () => {
    setStep(3);
    setBusy(true);
    setPlan(null);
    try {
      if (remember) await saveMapping(db, kind, mappingToSaved(headers, mapping));
      setPlan(await previewImport(db, request()));
    } finally {
      setBusy(false);
    }
  };

  const runTheImport = async () => {
    setBusy(true);
    setRunError(null);
    try {
      setOutcome(await runImport(db, request()));
      setStep(4);
    } catch (e) {
      if (e instanceof ImportRefusedError) setPlan(e.plan); // the data changed since the preview: show the new problems
      else setRunError(describeCommandError(t, e).messages);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setPlan(null);
    setOutcome(null);
    setRunError(null);
    setFileError(null);
  };

  return (
    <Box>
      {/* After the import every step is done (all ticked). */}
      <Stepper activeStep={step === 4 ? STEPS.length : step} alternativeLabel sx={{ mb: 3 }} aria-label={t('steps.label')}>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{t(`steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 } }}>
        {step === 0 ? (
          <KindStep
            kind={kind}
            onKind={(k) => void onKind(k)}
            file={file}
            reading={reading}
            error={fileError}
            onFile={(f) => void onFile(f)}
            onNext={() => setStep(1)}
          />
        ) : null}
        {step === 1 && workbook ? (
          <SheetStep
            workbook={workbook}
            sheetIndex={sheetIndex}
            onSheet={(i) => void chooseSheet(i)}
            headerRow={headerRow}
            onHeaderRow={(r) => {
              setHeaderRow(r);
              void applySuggestion(kind, rows, r);
            }}
            onBack={() => setStep(0)}
            onNext={() => setStep(2)}
          />
        ) : null}
        {step === 2 ? (
          <MappingStep
            kind={kind}
            headers={headers}
            mapping={mapping}
            onMapping={setMapping}
            savedUsed={savedUsed}
            remember={remember}
            onRemember={setRemember}
            onBack={() => setStep(1)}
            onNext={() => void runPreview()}
          />
        ) : null}
        {step === 3 ? (
          <PreviewStep
            db={db}
            plan={plan}
            busy={busy}
            headers={headers}
            mapping={mapping}
            runError={runError}
            onBack={() => setStep(2)}
            onChooseOther={restart}
            onImport={() => void runTheImport()}
          />
        ) : null}
        {step === 4 && outcome ? <ResultStep outcome={outcome} fileName={file?.name ?? ''} onRestart={restart} /> : null}
      </Paper>
    </Box>
  );
}
