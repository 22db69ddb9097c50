// On-screen preview of a report model: the same rows the PDF and Excel file
// get (first rows of each section, then the totals).
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReportModel } from '../../../shared/reports/model';
import { formatCell } from '../../../shared/reports/pdfDocument';

const PREVIEW_ROWS = 100;

export function ReportPreview({ model }: { model: ReportModel }) {
  const { t } = useTranslation('reports');
  return (
    <Box data-testid="report-preview">
      <Typography variant="h6" component="h2">
        {model.title}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {model.subtitle}
      </Typography>
      {model.notes.map((n) => (
        <Typography key={n} variant="caption" color="text.secondary" component="p">
          {n}
        </Typography>
      ))}
      {model.sections.map((s) => (
        <Box key={s.title} sx={{ mt: 2, overflowX: 'auto' }}>
          <Typography variant="subtitle1" component="h3">
            {s.title}
          </Typography>
          {s.rows.length === 0 && s.totals.length === 0 ? (
            <Typography variant="body2">{s.emptyText ?? t('preview.empty')}</Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  {s.columns.map((c) => (
                    <TableCell key={c.header} align={c.type === 'text' || c.type === 'date' ? 'left' : 'right'} sx={{ fontWeight: 600 }}>
                      {c.header}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {s.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                  <TableRow key={i}>
                    {s.columns.map((c, j) => (
                      <TableCell key={j} align={c.type === 'text' || c.type === 'date' ? 'left' : 'right'}>
                        {formatCell(r[j] ?? null, c.type)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                {s.totals.map((r, i) => (
                  <TableRow key={`t${i}`} sx={{ bgcolor: 'action.hover' }}>
                    {s.columns.map((c, j) => (
                      <TableCell key={j} align={c.type === 'text' || c.type === 'date' ? 'left' : 'right'} sx={{ fontWeight: 600 }}>
                        {formatCell(r[j] ?? null, c.type)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {s.rows.length > PREVIEW_ROWS ? (
            <Typography variant="caption">{t('preview.more', { count: s.rows.length - PREVIEW_ROWS })}</Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
