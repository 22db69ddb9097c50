// Template editor: text blocks with {{placeholders}}, optional translated
// annexes, and a live preview filled with a fictional case. Saving checks
// every placeholder and raises the version; issued letters keep theirs.
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, IconButton, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { isoDateOf } from '../../../shared/domain/dates';
import type { LetterAnnex, LetterTemplate, LetterTemplateKind } from '../../../shared/domain/model';
import { composeLetter } from '../../../shared/letters/compose';
import { TEMPLATE_KINDS } from '../../../shared/letters/defaultTemplates';
import { PLACEHOLDERS } from '../../../shared/letters/placeholders';
import { sampleLetterContext } from '../../../shared/letters/sample';
import type { Letterhead } from '../../../shared/letters/letterhead';
import type { QuartierDb } from '../../db/db';
import { LetterPreview } from '../../features/letters/LetterPreview';
import { saveTemplate, useLetterhead, useTemplates } from '../../features/letters/storage';
import { resolveWriteContext } from '../../features/operations/commandContext';
import { notify } from '../../state/ui';
import { PermissionGate } from '../../auth/PermissionGate';

export function TemplatesTab({ db }: { db: QuartierDb }) {
  const { t } = useTranslation('letters');
  const templates = useTemplates(db);
  const letterhead = useLetterhead(db);
  const [kind, setKind] = useState<LetterTemplateKind>('assignment');
  const current = templates?.get(kind);
  if (!current || !letterhead) return <Typography>{t('dialog.loading')}</Typography>;
  // Keyed by id and version: a saved (or synced) new version restarts the editor from it.
  return <TemplateEditor key={`${current.id}:${current.version}`} db={db} current={current} letterhead={letterhead} kind={kind} onKind={setKind} />;
}

interface EditorProps {
  db: QuartierDb;
  current: LetterTemplate;
  letterhead: Letterhead;
  kind: LetterTemplateKind;
  onKind: (k: LetterTemplateKind) => void;
}

function TemplateEditor({ db, current, letterhead, kind, onKind }: EditorProps) {
  const { t } = useTranslation('letters');
  const [draft, setDraft] = useState<LetterTemplate>(() => structuredClone(current));
  const [previewAnnex, setPreviewAnnex] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const today = useMemo(() => isoDateOf(new Date()), []);
  const preview = useMemo(() => {
    const ctx = sampleLetterContext(draft.kind, letterhead, today);
    const firstAnnex = draft.annexes?.[0]?.language ?? null;
    return composeLetter(draft, ctx, letterhead, { number: 'Entwurf', issuedOn: today, annexLanguage: previewAnnex ? firstAnnex : null }).content;
  }, [draft, letterhead, today, previewAnnex]);

  const placeholders = PLACEHOLDERS.filter((p) => p.kinds.includes(draft.kind));

  const setBlock = (i: number, text: string) => setDraft({ ...draft, blocks: draft.blocks.map((b, j) => (j === i ? { ...b, text } : b)) });
  const setAnnex = (i: number, patch: Partial<LetterAnnex>) =>
    setDraft({ ...draft, annexes: (draft.annexes ?? []).map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  const save = async () => {
    try {
      const ctx = await resolveWriteContext(db);
      const result = await saveTemplate(db, ctx, current, { name: draft.name, blocks: draft.blocks, annexes: draft.annexes ?? [] });
      if (result.ok) {
        setProblems([]);
        notify(t('templates.saved', { version: result.template.version }));
      } else setProblems(result.problems.map((p) => `${p.block}: ${p.message}`));
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
          <TextField select label={t('templates.kind')} value={kind} onChange={(e) => onKind(e.target.value as LetterTemplateKind)} size="small" sx={{ minWidth: 280 }}>
            {TEMPLATE_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2">{t('templates.version', { version: current.version })}</Typography>
        </Stack>
        <TextField label={t('templates.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} fullWidth size="small" sx={{ mb: 2 }} />
        {draft.blocks.map((b, i) => (
          <TextField
            key={b.key}
            label={b.title || t(`templates.block.${b.key}`)}
            value={b.text}
            onChange={(e) => setBlock(i, e.target.value)}
            fullWidth
            multiline
            minRows={b.key === 'subject' || b.key === 'salutation' || b.key === 'closing' ? 1 : 3}
            sx={{ mb: 2 }}
          />
        ))}
        <Typography variant="subtitle1" sx={{ mt: 2 }}>
          {t('templates.annexes')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('templates.annexHint')}
        </Typography>
        {(draft.annexes ?? []).map((a, i) => (
          <Box key={i} sx={{ border: 1, borderColor: 'divider', p: 2, mb: 2 }}>
            <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
              <TextField label={t('templates.language')} value={a.language} onChange={(e) => setAnnex(i, { language: e.target.value.trim().toLowerCase() })} size="small" sx={{ width: 120 }} />
              <TextField label={t('templates.annexTitle')} value={a.title} onChange={(e) => setAnnex(i, { title: e.target.value })} size="small" sx={{ flex: 1 }} />
              <Tooltip title={t('templates.removeAnnex')}>
                <IconButton aria-label={t('templates.removeAnnex')} onClick={() => setDraft({ ...draft, annexes: (draft.annexes ?? []).filter((_, j) => j !== i) })}>
                  <DeleteOutlined />
                </IconButton>
              </Tooltip>
            </Stack>
            <TextField label={t('templates.annexText')} value={a.text} onChange={(e) => setAnnex(i, { text: e.target.value })} fullWidth multiline minRows={4} />
          </Box>
        ))}
        <Button onClick={() => setDraft({ ...draft, annexes: [...(draft.annexes ?? []), { language: 'uk', title: '', text: '' }] })}>{t('templates.addAnnex')}</Button>
        {problems.length > 0 ? (
          <Alert severity="error" sx={{ my: 2 }}>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <PermissionGate permission="templates:manage">
            {(denied) => (
              <Button disabled={denied} variant="contained" onClick={() => void save()}>
                {t('templates.save')}
              </Button>
            )}
          </PermissionGate>
          <Button onClick={() => setDraft(structuredClone(current))}>{t('templates.discard')}</Button>
        </Stack>
        <Typography variant="subtitle2" sx={{ mt: 3 }}>
          {t('templates.placeholders')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
          {placeholders.map((p) => (
            <Tooltip key={p.key} title={p.label}>
              <Chip size="small" label={`{{${p.key}}}`} />
            </Tooltip>
          ))}
        </Box>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
          <Typography variant="subtitle1">{t('templates.preview')}</Typography>
          {(draft.annexes ?? []).length > 0 ? (
            <Button size="small" onClick={() => setPreviewAnnex((v) => !v)}>
              {previewAnnex ? t('templates.hideAnnex') : t('templates.showAnnex')}
            </Button>
          ) : null}
        </Stack>
        {preview ? <LetterPreview content={preview} /> : null}
      </Box>
    </Stack>
  );
}
