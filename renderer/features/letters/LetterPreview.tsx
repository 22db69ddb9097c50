// On-screen preview of a letter, laid out like the PDF (letterhead, address
// field, info block, body, signature, annex). Used in the letter dialogs and
// live in the template editor. Missing placeholders show as "[… fehlt]".
import { Box, Divider, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { LetterContent, LetterParagraph } from '../../../shared/letters/compose';
import { languageName, personTableColumns } from '../../../shared/letters/document';
import { authorityAddressLine } from '../../../shared/letters/letterhead';
import { formatDateDe } from '../../../shared/reports/format';

function Paragraphs({ content, paragraphs }: { content: LetterContent; paragraphs: LetterParagraph[] }) {
  return (
    <>
      {paragraphs.map((p, i) =>
        p.kind === 'persons' ? (
          <Table key={i} size="small" sx={{ my: 1, '& th, & td': { px: 0.75 } }}>
            <TableHead>
              <TableRow>
                {personTableColumns(content.persons).map((col) => (
                  <TableCell key={col.header} sx={{ fontWeight: 600 }}>
                    {col.header}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {content.persons.map((r, j) => (
                <TableRow key={j}>
                  {personTableColumns(content.persons).map((col) => (
                    <TableCell key={col.header}>{col.value(r)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography key={i} variant="body2" sx={{ whiteSpace: 'pre-line', mb: 1 }}>
            {highlightMissing(p.text)}
          </Typography>
        ),
      )}
    </>
  );
}

/** Marks "[x fehlt]" so a gap is visible in the preview. */
function highlightMissing(text: string) {
  const parts = text.split(/(\[[a-z_äöüß]+ fehlt\])/);
  return parts.map((part, i) =>
    /^\[[a-z_äöüß]+ fehlt\]$/.test(part) ? (
      <Box key={i} component="mark" sx={{ bgcolor: 'warning.light', px: 0.5 }}>
        {part}
      </Box>
    ) : (
      part
    ),
  );
}

export function LetterPreview({ content }: { content: LetterContent }) {
  const l = content.letterhead;
  return (
    <Box
      data-testid="letter-preview"
      sx={{ bgcolor: 'background.paper', color: 'text.primary', border: 1, borderColor: 'divider', p: 4, maxWidth: 720, mx: 'auto', fontSize: 14 }}
    >
      <Box sx={{ textAlign: 'right', mb: 2 }}>
        {l.logo ? <Box component="img" src={l.logo} alt="" sx={{ maxHeight: 48, float: 'left' }} /> : null}
        <Typography sx={{ fontWeight: 600 }}>{l.authority}</Typography>
        {l.department ? <Typography variant="body2">{l.department}</Typography> : null}
        {l.unit ? <Typography variant="caption">{l.unit}</Typography> : null}
      </Box>
      <Box sx={{ display: 'flex', gap: 3, mb: 3 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {l.authority} · {authorityAddressLine(l)}
          </Typography>
          {content.addressLines.map((line, i) => (
            <Typography key={i} variant="body2">
              {line}
            </Typography>
          ))}
        </Box>
        <Box sx={{ width: 240 }}>
          {(
            [
              ['Aktenzeichen', content.fileNumber],
              ['Schreiben-Nr.', content.number],
              ['Datum', formatDateDe(content.issuedOn)],
            ] as const
          ).map(([k, v]) => (
            <Box key={k} sx={{ display: 'flex', gap: 1 }}>
              <Typography variant="caption" color="text.secondary" sx={{ width: 90 }}>
                {k}
              </Typography>
              <Typography variant="caption">{v}</Typography>
            </Box>
          ))}
        </Box>
      </Box>
      <Typography sx={{ fontWeight: 600, mb: 2 }}>{content.subject}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {highlightMissing(content.salutation)}
      </Typography>
      {content.sections.map((s, i) => (
        <Box key={i} sx={{ mb: 1 }}>
          {s.title ? <Typography sx={{ fontWeight: 600, mt: 1 }}>{s.title}</Typography> : null}
          <Paragraphs content={content} paragraphs={s.paragraphs} />
        </Box>
      ))}
      <Typography variant="body2" sx={{ mt: 2 }}>
        {content.closing}
      </Typography>
      <Typography variant="body2">{l.authority}</Typography>
      <Typography variant="body2" sx={{ mt: 3 }}>
        {l.signerTitle}
      </Typography>
      <Typography variant="body2">{l.signerName}</Typography>
      {content.annex ? (
        <Box sx={{ mt: 3 }}>
          <Divider sx={{ mb: 2 }} />
          <Typography variant="caption" color="text.secondary">
            Anlage: Übersetzung ({languageName(content.annex.language)})
          </Typography>
          <Typography sx={{ fontWeight: 600, my: 1 }}>{content.annex.title}</Typography>
          <Paragraphs content={content} paragraphs={content.annex.paragraphs} />
        </Box>
      ) : null}
    </Box>
  );
}
